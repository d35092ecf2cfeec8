/**
 * The policy: every number and list the rules use, with the OUC defaults built in. A registrar (or a branch
 * school with its own practice) can load a JSON file that overrides any part of it; `parsePolicy` checks it
 * with zod (a key the policy does not have is an error: a misspelt setting must not be ignored silently) and
 * explains in Chinese, setting by setting, what is wrong.
 */
import { z } from 'zod';
import { describeJsonError, describePolicyIssues } from './policy-messages';
import { RULE_IDS } from './problem';
import { type PolicyPattern, policyPattern, regexHazard } from './safe-regex';
import { EDUCATION_CODES } from './vocab/education';
import { ETHNIC_GROUPS } from './vocab/ethnic';
import { ID_REGION_PREFIXES } from './vocab/regions';

export const FIELDS = [
  'seq', 'branch', 'center', 'studentId', 'regNo', 'name', 'changeField', 'before', 'after', 'reason',
  'term', 'changeDate', 'gradDate', 'gender', 'idNumber', 'remark',
] as const;
export type Field = (typeof FIELDS)[number];

export const TABLE_KINDS = ['new', 'enrolled', 'graduate'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

/** The five correctable items, as written in the 更正内容 column. */
export const CHANGE_FIELDS = ['姓名', '性别', '身份证号', '民族', '入学文化程度'] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

export const REASONS = ['录入错误', '信息变更'] as const;
export type Reason = (typeof REASONS)[number];

export const EVIDENCE_KINDS = [
  '身份证', '户口本', '户籍变更证明', '身份证号码更正告知函', '身份证号码变更证明',
  '报名登记表', '学历网查', '学历认证报告', '毕业证书', '毕业生登记表',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * The default `endMarker`, one alternative per kind of footer cell. Wordings seen in public notices of OUC
 * branch schools and in provincial forms are listed with their sources in test/corpus/tables/wordings.ts.
 */
const DEFAULT_END_MARKER = [
  // 注 / 说明 lines: 注:(1)…, 注1.…, 说明:, 填表说明, 附注, 备注:…
  '^(注|注意|注意事项|说明|填表说明|填报说明|附注|备注|特别说明)([:(\\[、.\\d一二三四五六七八九十]|$)',
  // note continuations written on their own line under a 注: "(2)本表中…"
  '^\\(\\d+\\)本表',
  // totals: 合计 3 人, 总计, 本表共计 5 人, 共 3 人
  '^.{0,8}(合计|总计|共计|小计)',
  '^(本表|本页|以上)?共\\d+(人|名|条|行|项)',
  // 以下空白, (本页以下空白), 以下无内容
  '^[(\\[【<]?(本页|本表|此页|此表)?以下(空白|无内容|无数据|无正文|为空)',
  // signature lines: 分部学籍主管处长签字:, 经手人:, 负责人(签字):, 分管校领导签名, 审核意见:
  '(处长|科长|主任|校长|院长|领导|主管|负责人|审核人|审批人|复核人|经手人|经办人|填表人|制表人|填报人|联系人)(\\(?(签字|签名|签章)\\)?|:|$)',
  '^(经手人|经办人|填表人|制表人|填报人|审核人|复核人|审批人|负责人|联系人)',
  '^(制表|填表|审核|复核|审批|经办|联系电话|电话|手机|签字|签名)(:|$)',
  '^\\((签字|签名)\\)',
  '意见(:|$)',
  // seal lines: (盖章), (公章), 填报单位(盖章):, 单位公章
  '(盖章|公章|印章|签章)',
  '^(填报|填表|报送|上报)单位',
  // date lines: 填报日期:, 日期:, 2026年11月30日, 2026/11/30 (a date cell as it shows), 年 月 日, 二〇二六年十一月三十日
  '^(填报|填表|制表|报送|上报|编制|审核)?(日期|时间)(:|$)',
  '^\\d{4}年\\d{0,2}月\\d{0,2}日$',
  '^\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}$',
  '^年月日$',
  '^[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{0,3}月[一二三四五六七八九十]{0,3}日$',
].join('|');

const severityOrOff = z.enum(['error', 'warning', 'info', 'off']);
const monthDay = z.string().regex(/^\d{2}-\d{2}$/, '应为 MM-DD 格式,例如 03-01');
const regexString = z.string().superRefine((s, ctx) => {
  try {
    new RegExp(s);
  } catch {
    ctx.addIssue({ code: 'custom', message: '不是有效的正则表达式' });
    return;
  }
  const hazard = regexHazard(s);
  if (hazard) ctx.addIssue({ code: 'custom', message: hazard });
});

/** A document's size in millimetres, width the short side. */
const pageMm = z.strictObject({ width: z.number().min(1), height: z.number().min(1) });

const evidenceRule = z.strictObject({
  /** Which rows the requirement applies to; every given condition must hold. */
  when: z.strictObject({
    fields: z.array(z.enum(CHANGE_FIELDS)).optional(),
    reason: z.enum(REASONS).optional(),
    kinds: z.array(z.enum(TABLE_KINDS)).optional(),
    /** For 入学文化程度 rows: the new value is 专科 or above (true) or below (false). */
    college: z.boolean().optional(),
  }),
  /** Groups of alternatives: one scan of each group. */
  require: z.array(z.array(z.enum(EVIDENCE_KINDS)).min(1)).min(1),
});

const policySchema = z.strictObject({
  /** Header labels for each column, first the canonical one. Matching ignores spaces, line breaks and a trailing (…) note. */
  columns: z.record(z.enum(FIELDS), z.array(z.string().min(1)).min(1)),
  /** How each table kind is recognised and what it allows. */
  kinds: z.record(
    z.enum(TABLE_KINDS),
    z.strictObject({
      label: z.string(),
      titleKeywords: z.array(z.string().min(1)).min(1),
      /** How the seed numbers the table (附表1–3): names the kind in a title or sheet name after titleKeywords. */
      tableNumbers: z.array(z.string().min(1)),
      key: z.enum(['studentId', 'regNo']),
      allowedChanges: z.array(z.enum(CHANGE_FIELDS)).min(1),
    }),
  ),
  /** Other spellings of the 更正内容 values. */
  changeFieldAliases: z.record(z.string(), z.enum(CHANGE_FIELDS)),
  keyPatterns: z.strictObject({ studentId: regexString, regNo: regexString }),
  /**
   * A cell of a footer line (注 lines, 合计, 以下空白, signatures, seals, dates) matches this, tested on its text with
   * spaces removed and full-width forms folded; the first footer line after the header ends the data (see footer.ts).
   */
  endMarker: regexString,
  /** How many rows from the top are searched for the header. */
  headerSearchRows: z.number().int().min(1).max(200),
  terms: z.strictObject({ springStart: monthDay, autumnStart: monthDay }),
  /** 学号 → enrollment term: digits [yearStart, yearEnd) are the year (20xx); serial digits [serialStart, serialEnd) at or above autumnSerialFrom mean autumn. */
  studentIdTerm: z.strictObject({
    yearStart: z.number().int().min(0),
    yearEnd: z.number().int().min(1),
    serialStart: z.number().int().min(0),
    serialEnd: z.number().int().min(1),
    autumnSerialFrom: z.number().int().min(0),
  }),
  /** 注册证号 → graduation year: digits [start, end). */
  regNoGradYear: z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(1) }),
  changeTimelyDays: z.number().int().min(0),
  idRegionPrefixes: z.array(z.string().regex(/^\d{2}$/, '应为两位数字')).min(1),
  idMinBirthYear: z.number().int().min(1800),
  ethnicGroups: z.array(z.strictObject({ code: z.string(), name: z.string().min(1), aliases: z.array(z.string()) })).min(1),
  education: z.strictObject({
    codes: z.array(z.strictObject({ standard: z.enum(['2006', '1984']), code: z.string(), name: z.string().min(1), college: z.boolean() })),
    /** Short forms people write, with whether they are 专科 or above. */
    shortForms: z.record(z.string(), z.boolean()),
  }),
  evidence: z.strictObject({
    rules: z.array(evidenceRule).min(1),
    /** Names people really type in file and folder names, per canonical kind (matched case-insensitively, longest first). */
    aliases: z.record(z.enum(EVIDENCE_KINDS), z.array(z.string().min(1))),
  }),
  scan: z.strictObject({
    maxBytes: z.number().int().min(1),
    minDpi: z.number().min(1),
    /**
     * Effective resolution: a scan's pixels are judged against the smallest physical size of its document at
     * minDpi, whatever density its header claims (高拍仪 tag 72 or 96 dpi). This page (A5) for forms, reports
     * and other documents; `documentMm` for the kinds that are smaller.
     */
    minPageMm: pageMm,
    /** Smallest physical size per evidence kind, where it is below minPageMm (身份证 both sides on one page, a 户口本 page). */
    documentMm: z.partialRecord(z.enum(EVIDENCE_KINDS), pageMm),
    /** One ID card (85.6 × 54 mm): a 身份证 scan of a single card's shape is judged against the card (scan-id-single-side reports the shape). */
    idCardMm: pageMm,
    phoneMakes: z.array(z.string().min(1)),
    /** EXIF Model patterns of phones (case-insensitive), for photos whose Make is not a phone maker's. */
    phoneModelPatterns: z.array(regexString),
    screenshotSoftware: z.array(z.string().min(1)),
    /** Common screen sizes in pixels (either orientation): a file this size without scanner density looks like a screenshot. */
    screenSizes: z.array(z.tuple([z.number().int().min(1), z.number().int().min(1)])),
    idCardAspect: z.number().min(1),
    idCardAspectTolerance: z.number().min(0),
    /** Words in a file or folder name that say the scan is of a copy, not the original (scan-not-original). */
    copyWords: z.array(z.string().min(1)),
  }),
  /** The largest e-mail attachment the package may be: a larger one is offered split into parts (src/package/split.ts). */
  attachmentMaxBytes: z.number().int().min(1024 * 1024),
  /** Per-rule severity overrides ("off" silences a rule). */
  severities: z.partialRecord(z.enum(RULE_IDS), severityOrOff),
});

export type Policy = z.infer<typeof policySchema>;

export const DEFAULT_POLICY: Policy = {
  columns: {
    seq: ['序号', '编号'],
    branch: ['分部', '分部名称', '分部名'],
    center: ['学习中心', '学习中心名称', '教学点'],
    studentId: ['学号'],
    regNo: ['注册证号', '毕业证书电子注册号', '电子注册号', '毕业生电子注册号', '证书编号'],
    name: ['姓名', '学生姓名'],
    changeField: ['更正内容', '修改内容', '更正项目', '修改项目', '变更内容'],
    before: ['更正前', '更正前信息', '原信息', '修改前', '原内容', '更正前内容', '修改前信息'],
    after: ['更正后', '更正后信息', '更正信息', '修改后', '新信息', '更正后内容', '修改后信息'],
    reason: ['更正原因', '修改原因', '变更原因'],
    term: ['入学学期', '入学时间', '入学年度', '入学批次'],
    changeDate: ['变更日期', '变更时间', '信息变更日期'],
    gradDate: ['毕业时间', '毕业日期'],
    gender: ['性别'],
    idNumber: ['身份证号', '身份证号码', '身份证件号', '证件号码', '公民身份号码'],
    remark: ['备注'],
  },
  kinds: {
    new: { label: '新生', titleKeywords: ['新生'], tableNumbers: ['附表1', '附表一'], key: 'studentId', allowedChanges: ['姓名', '性别', '身份证号', '民族', '入学文化程度'] },
    enrolled: { label: '在籍生', titleKeywords: ['在籍生', '在籍学生', '在校生'], tableNumbers: ['附表2', '附表二'], key: 'studentId', allowedChanges: ['姓名', '性别', '身份证号', '民族', '入学文化程度'] },
    graduate: { label: '毕业生', titleKeywords: ['毕业生'], tableNumbers: ['附表3', '附表三'], key: 'regNo', allowedChanges: ['姓名', '性别', '身份证号', '民族'] },
  },
  changeFieldAliases: {
    身份证号码: '身份证号',
    身份证: '身份证号',
    公民身份号码: '身份证号',
    证件号码: '身份证号',
    文化程度: '入学文化程度',
    入学前学历: '入学文化程度',
    入学学历: '入学文化程度',
    原学历: '入学文化程度',
    学生姓名: '姓名',
  },
  keyPatterns: { studentId: '^\\d{13}$', regNo: '^51161\\d{13}$' },
  endMarker: DEFAULT_END_MARKER,
  headerSearchRows: 30,
  terms: { springStart: '03-01', autumnStart: '09-01' },
  studentIdTerm: { yearStart: 0, yearEnd: 2, serialStart: 8, serialEnd: 13, autumnSerialFrom: 50001 },
  regNoGradYear: { start: 6, end: 10 },
  changeTimelyDays: 180,
  idRegionPrefixes: ID_REGION_PREFIXES,
  idMinBirthYear: 1900,
  ethnicGroups: ETHNIC_GROUPS,
  education: {
    codes: EDUCATION_CODES,
    shortForms: {
      博士: true, 博士研究生: true, 硕士: true, 硕士研究生: true, 研究生: true,
      本科: true, 大学本科: true, 专科: true, 大专: true, 大学专科: true, 高职: true, 高等职业教育: true,
      中专: false, 中等专科: false, 职高: false, 职业高中: false, 技校: false, 技工学校: false,
      高中: false, 普通高中: false, 初中: false, 小学: false,
    },
  },
  evidence: {
    rules: [
      { when: { fields: ['性别', '民族'], reason: '信息变更' }, require: [['身份证']] },
      { when: { fields: ['入学文化程度'], college: true }, require: [['学历网查', '学历认证报告']] },
      { when: { fields: ['入学文化程度'], college: false }, require: [['毕业证书']] },
      { when: { fields: ['姓名'], reason: '信息变更' }, require: [['身份证'], ['户口本', '户籍变更证明']] },
      { when: { fields: ['身份证号'], reason: '信息变更' }, require: [['身份证'], ['身份证号码更正告知函', '身份证号码变更证明', '户籍变更证明']] },
      { when: { fields: ['姓名', '性别', '身份证号', '民族'], reason: '录入错误' }, require: [['身份证'], ['报名登记表']] },
      { when: { kinds: ['graduate'] }, require: [['毕业生登记表']] },
    ],
    aliases: {
      身份证: ['身份证', 'sfz', '身份证正反面', '身份证正反', '身份证复印件', '居民身份证', '身份证扫描件', 'idcard'],
      户口本: ['户口本', 'hkb', '户口簿', '户口', '户口本曾用名页', '常住人口登记卡'],
      户籍变更证明: ['户籍变更证明', '户籍证明', '主项信息变更证明', '主项变更证明', '更正证明', '公安证明', '派出所证明', '变更证明'],
      身份证号码更正告知函: ['身份证号码更正告知函', '身份证号码更正事项告知函', '更正事项告知函', '更正告知函', '告知函'],
      身份证号码变更证明: ['身份证号码变更证明', '身份证号变更证明', '号码变更证明'],
      报名登记表: ['报名登记表', '报名表', '登记表', '入学登记表', 'bmdjb'],
      学历网查: ['学历网查', '学信网', '网查', '学历查询', '学信网截图', '学历证书电子注册备案表', '电子注册备案表', 'chsi', 'xxw'],
      学历认证报告: ['学历认证报告', '认证报告', '学历认证', '学历证书认证'],
      毕业证书: ['毕业证书', '毕业证', 'byz', 'byzs'],
      毕业生登记表: ['毕业生登记表', '毕业登记表', '毕业生登记', 'bysdjb'],
    },
  },
  scan: {
    maxBytes: 10 * 1024 * 1024,
    minDpi: 200,
    minPageMm: { width: 148, height: 210 },
    documentMm: { 身份证: { width: 86, height: 115 }, 户口本: { width: 105, height: 143 } },
    idCardMm: { width: 54, height: 85.6 },
    phoneMakes: [
      'apple', 'huawei', 'honor', 'xiaomi', 'redmi', 'oppo', 'vivo', 'oneplus', 'realme', 'samsung', 'google',
      'meizu', 'zte', 'nubia', 'lenovo', 'motorola', 'nokia', 'sony mobile', 'hmd global', 'iqoo', 'coolpad', 'tecno', 'infinix',
    ],
    phoneModelPatterns: ['^iphone', '^sm-[a-z]\\d', 'galaxy', '^pixel', '^redmi', '^mi \\d', '^huawei', '^honor', '^oneplus', '^nexus', '^moto'],
    screenshotSoftware: ['screenshot', 'snipping', 'snip & sketch', 'snipaste', '截图', '截屏', 'qq截图', 'wechat', 'greenshot', 'lightshot', 'sharex'],
    screenSizes: [
      [1024, 768], [1280, 720], [1280, 800], [1280, 1024], [1366, 768], [1440, 900], [1536, 864], [1600, 900], [1680, 1050],
      [1920, 1080], [1920, 1200], [2560, 1440], [2560, 1600], [2880, 1800], [3840, 2160], [2736, 1824], [3024, 1964], [3456, 2234],
      [750, 1334], [828, 1792], [1125, 2436], [1170, 2532], [1179, 2556], [1242, 2688], [1284, 2778], [1290, 2796],
      [720, 1280], [720, 1600], [1080, 1920], [1080, 2160], [1080, 2340], [1080, 2400], [1220, 2712], [1260, 2800], [1440, 3200],
    ],
    idCardAspect: 85.6 / 54,
    idCardAspectTolerance: 0.08,
    copyWords: ['复印', '影印', '翻拍', '複印'],
  },
  attachmentMaxBytes: 50 * 1024 * 1024,
  severities: {},
};

const keyPatterns = new WeakMap<Policy, Record<'studentId' | 'regNo', PolicyPattern>>();

/** The policy's 学号 or 注册证号 pattern, compiled once per policy. */
export function keyPattern(policy: Policy, field: 'studentId' | 'regNo'): PolicyPattern {
  let compiled = keyPatterns.get(policy);
  if (!compiled) {
    compiled = { studentId: policyPattern(policy.keyPatterns.studentId), regNo: policyPattern(policy.keyPatterns.regNo) };
    keyPatterns.set(policy, compiled);
  }
  return compiled[field];
}

export class PolicyError extends Error {}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep-merges a user policy over the defaults: objects merge key by key, arrays and scalars replace. */
function mergeOver(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeOver(base[k], v);
  return out;
}

/** Validates a user policy (a partial object over the defaults). Throws PolicyError with a Chinese message. */
export function parsePolicy(input: unknown): Policy {
  if (!isPlainObject(input)) throw new PolicyError('策略文件的内容应为一个 JSON 对象');
  const result = policySchema.safeParse(mergeOver(DEFAULT_POLICY, input), { reportInput: true });
  if (!result.success) {
    const lines = describePolicyIssues(result.error.issues).map((l) => `  - ${l}`);
    throw new PolicyError(`策略文件有 ${result.error.issues.length} 处不对:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Parses policy JSON text (file content). */
export function parsePolicyJson(text: string): Policy {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new PolicyError(describeJsonError(text, e as Error));
  }
  return parsePolicy(data);
}
