/**
 * What is wrong with a policy file, in words a registrar reads: each problem names the setting in Chinese and by
 * its key in the file (so it can be found there), and says what is expected. zod's own messages are English and
 * name JavaScript types; none of them reaches the registrar.
 */
import type { core } from 'zod';

type Issue = core.$ZodIssue;

/** Chinese names of the policy's keys, at any depth (the key path in the file is shown beside them). */
const KEY_LABELS: Record<string, string> = {
  columns: '表头列名',
  kinds: '表的种类',
  label: '名称',
  titleKeywords: '标题关键词',
  key: '关键列',
  allowedChanges: '允许的更正内容',
  changeFieldAliases: '更正内容的其他写法',
  keyPatterns: '学号和注册证号的格式',
  studentId: '学号',
  regNo: '注册证号',
  endMarker: '表尾标记',
  headerSearchRows: '查找表头的行数',
  terms: '学期的开始日期',
  springStart: '春季学期开始',
  autumnStart: '秋季学期开始',
  studentIdTerm: '由学号推算入学学期',
  yearStart: '年份起始位',
  yearEnd: '年份结束位',
  serialStart: '序号起始位',
  serialEnd: '序号结束位',
  autumnSerialFrom: '秋季序号起点',
  regNoGradYear: '由注册证号推算毕业年份',
  start: '起始位',
  end: '结束位',
  changeTimelyDays: '信息变更应在多少天内提交',
  idRegionPrefixes: '身份证号的地区码',
  idMinBirthYear: '身份证号最早的出生年份',
  ethnicGroups: '民族名称表',
  code: '代码',
  name: '名称',
  aliases: '其他写法',
  education: '文化程度',
  codes: '代码表',
  standard: '标准',
  college: '是否专科及以上',
  shortForms: '简称',
  evidence: '证明材料',
  rules: '材料要求',
  when: '适用条件',
  fields: '更正内容',
  reason: '更正原因',
  require: '需要的材料',
  scan: '扫描件要求',
  maxBytes: '文件大小上限(字节)',
  minDpi: '最低分辨率(dpi)',
  minPageMm: '最小纸张尺寸(毫米)',
  width: '宽',
  height: '高',
  phoneMakes: '手机品牌',
  phoneModelPatterns: '手机型号的格式',
  screenshotSoftware: '截图软件',
  screenSizes: '屏幕尺寸',
  idCardAspect: '身份证的长宽比',
  idCardAspectTolerance: '长宽比的容差',
  severities: '规则的严重程度',
};

const TYPE_LABELS: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字(加引号)',
  boolean: 'true 或 false',
  array: '列表([…])',
  object: '一组设置({…})',
  tuple: '列表([…])',
  record: '一组设置({…})',
};

const HAS_CJK = /[\u3400-\u9fff]/;

/** `scan.maxBytes` → 扫描件要求 › 文件大小上限(字节)(scan.maxBytes); array positions count from 1. */
export function policyPlace(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '策略文件';
  const keyPath = path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
  const words = path.map((p) => (typeof p === 'number' ? `第 ${p + 1} 项` : (KEY_LABELS[String(p)] ?? String(p))));
  return `${words.join(' › ')}(${keyPath})`;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const quoted = (values: readonly unknown[]) => values.map((v) => `“${String(v)}”`).join('、');

/** What one issue says, without its place. */
function issueText(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const got = 'input' in issue ? typeOf(issue.input) : undefined;
      if (got === 'undefined') return `缺少这一项,应为${TYPE_LABELS[issue.expected] ?? issue.expected}`;
      return `应为${TYPE_LABELS[issue.expected] ?? issue.expected}${got && TYPE_LABELS[got] ? `,文件中是${TYPE_LABELS[got]}` : ''}`;
    }
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set') return `至少要有 ${issue.minimum} 项`;
      if (issue.origin === 'string') return issue.minimum === 1 ? '不能为空' : `至少 ${issue.minimum} 个字`;
      return `不能小于 ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${issue.maximum} 项`;
      if (issue.origin === 'string') return `最多 ${issue.maximum} 个字`;
      return `不能大于 ${issue.maximum}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `只能是 ${quoted(issue.values)}` : `应为以下之一:${quoted(issue.values)}`;
    case 'unrecognized_keys':
      return `有不认识的设置项 ${quoted(issue.keys)}(可能是拼写错误;策略文件只能写已有的设置项)`;
    case 'invalid_key':
      return '有一个名称不对的设置项';
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的整数倍`;
    case 'invalid_format':
    case 'custom':
      return HAS_CJK.test(issue.message) ? issue.message : '格式不对';
    default:
      return '取值不对';
  }
}

/** Every issue, one line each (at most `limit`, then how many more), each starting with its place. */
export function describePolicyIssues(issues: readonly Issue[], limit = 8): string[] {
  const lines = issues.slice(0, limit).map((i) => `${policyPlace(i.path)}:${issueText(i)}。`);
  if (issues.length > limit) lines.push(`……另有 ${issues.length - limit} 处。`);
  return lines;
}

/** A JSON syntax error as a place in the file: V8 says "at position N" or "(line L column C)". */
export function describeJsonError(text: string, error: Error): string {
  const lineCol = /line (\d+) column (\d+)/.exec(error.message);
  const position = /position (\d+)/.exec(error.message);
  let where = '';
  if (lineCol) where = `第 ${lineCol[1]} 行第 ${lineCol[2]} 列附近`;
  else if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    where = `第 ${line} 行第 ${before.length - before.lastIndexOf('\n')} 列附近`;
  } else if (/end of JSON input/i.test(error.message)) where = '末尾';
  return `策略文件${where ? `${where}` : ''}的写法有误,不是有效的 JSON:请检查引号(须为英文双引号)、逗号和括号是否成对。`;
}
