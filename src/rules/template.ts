/**
 * The blank statistics workbook (附表1–3) as plain data: sheet names, titles, headers, 注 lines, the signature
 * footer, which columns are text-formatted and which carry dropdowns. The CLI's `template` command and the add-in's
 * 插入模板 button both write this, each with its own writer.
 */
import type { SheetGrid } from './grid';
import { CHANGE_FIELDS, type Policy, REASONS, type TableKind } from './policy';
import { readSheet } from './table';

export interface TemplateSheet {
  kind: TableKind;
  name: string;
  title: string;
  /** The 分部名称 / 填报日期 line between the title and the header. */
  infoLine: string;
  headers: string[];
  /** Header labels whose column is formatted as text ("@") so long digit strings keep every digit. */
  textColumns: string[];
  /** Dropdown lists by header label. */
  dropdowns: Record<string, string[]>;
  notes: string[];
  /** Lines below the 注 lines, each with a left and a right part: the seed's signatures, seal and date. */
  footer: [string, string][];
  /** Column widths in characters, by header label. */
  widths: Record<string, number>;
}

const WIDTHS: Record<string, number> = {
  序号: 6, 分部名称: 14, 学号: 16, 注册证号: 22, 姓名: 10, 更正内容: 14, 更正前: 22, 更正后: 22,
  更正原因: 12, 入学学期: 10, 变更日期: 12, 毕业时间: 12, 备注: 16,
};

/** Sheets the workbook already has of a kind the template adds: a table of that kind, or a sheet of that name. */
export interface TemplateConflict {
  kind: TableKind;
  /** The kind's label (新生 / 在籍生 / 毕业生). */
  label: string;
  sheets: string[];
}

/**
 * How 插入模板 treats a workbook that already has such sheets: `ask` adds nothing and returns them, `missing` adds
 * only the kinds it lacks, `all` adds every sheet, a taken name getting the next free "新生 (2)".
 */
export type TemplateMode = 'ask' | 'missing' | 'all';

export interface TemplateOutcome {
  added: string[];
  conflicts: TemplateConflict[];
  /** Labels of the kinds the workbook does not have yet. */
  missing: string[];
}

/** Rows written above the header: the title (row 1) and the info line (row 2); the header is row 3. */
export const TEMPLATE_HEADER_ROW = 3;
/** How many data rows get text formats and dropdowns. */
export const TEMPLATE_DATA_ROWS = 500;

/**
 * The seed: 各分部学籍主管处长和经手人签字,并加盖分部学籍管理科上级主管部门公章. Worded as the SPEC lists footer lines
 * (signature lines with 签字 and a colon, a seal line with (盖章), a date line), so the rules read them as the footer.
 */
export const TEMPLATE_FOOTER: [string, string][] = [
  ['分部学籍主管处长（签字）：', '经手人（签字）：'],
  ['分部学籍管理科上级主管部门（盖章）', '日期：        年     月     日'],
];

/** Where the page numbers go on every printed page: Excel's header/footer codes for the page and the page count. */
export const TEMPLATE_PAGE_NUMBERS = '第 &P 页,共 &N 页';

/** The footer's left part spans the columns before this one (1-based), the right part the rest. */
export function footerSplitColumn(columns: number): number {
  return Math.ceil(columns * 0.6);
}

/**
 * Which of the template's kinds a workbook has already, from the top of each sheet (its first
 * `policy.headerSearchRows` rows, read by the host): a table of that kind, or a sheet with the template's name.
 * Excel's and WPS's 插入模板 both ask before adding any of them.
 */
export function templateConflicts(policy: Policy, tops: SheetGrid[]): Pick<TemplateOutcome, 'conflicts' | 'missing'> {
  const kinds = new Map(tops.map((t) => [t.name, readSheet(t, policy).table?.kind ?? null]));
  const names = tops.map((t) => t.name);
  const conflicts = templateSheets(policy)
    .map((t) => ({ kind: t.kind, label: policy.kinds[t.kind].label, sheets: names.filter((n) => kinds.get(n) === t.kind || n.toLowerCase() === t.name.toLowerCase()) }))
    .filter((c) => c.sheets.length > 0);
  const present = new Set(conflicts.map((c) => c.kind));
  const missing = templateSheets(policy)
    .filter((t) => !present.has(t.kind))
    .map((t) => policy.kinds[t.kind].label);
  return { conflicts, missing };
}

export function templateSheets(policy: Policy): TemplateSheet[] {
  const make = (kind: TableKind, no: number, headers: string[], notes: string[]): TemplateSheet => ({
    kind,
    name: `${policy.kinds[kind].label}`,
    title: `国家开放大学(原中央广播电视大学)${policy.kinds[kind].label}基本信息修改情况统计表`,
    infoLine: `附表${no}    分部名称:                    填报日期:    年  月  日`,
    headers,
    textColumns: headers.filter((h) => ['学号', '注册证号', '更正前', '更正后'].includes(h)),
    dropdowns: {
      更正内容: policy.kinds[kind].allowedChanges.filter((f) => (CHANGE_FIELDS as readonly string[]).includes(f)),
      更正原因: [...REASONS],
    },
    notes,
    footer: TEMPLATE_FOOTER,
    widths: Object.fromEntries(headers.map((h) => [h, WIDTHS[h] ?? 12])),
  });
  const studentCols = ['序号', '分部名称', '学号', '姓名', '更正内容', '更正前', '更正后', '更正原因', '入学学期', '变更日期', '备注'];
  return [
    make('new', 1, studentCols, [
      '注:(1)本表中“更正内容”指姓名、性别、身份证号、民族、入学文化程度。',
      '(2)本表中“更正原因”指录入错误或信息变更。',
      '(3)本表按学号升序排序。',
    ]),
    make('enrolled', 2, studentCols, [
      '注:(1)本表中“更正内容”指姓名、性别、身份证号、民族、入学文化程度。',
      '(2)本表中“更正原因”指录入错误或信息变更,原则上在籍生只接受在读期间,学生个人基本信息及原学历层次信息发生变更申请,应在变更后及时提交申请,不得拖延到毕业时。录入错误应在新生入学第一学期内提交修改申请。',
      '(3)本表按学号升序排序。',
    ]),
    make('graduate', 3, ['序号', '分部名称', '注册证号', '学号', '姓名', '更正内容', '更正前', '更正后', '更正原因', '变更日期', '毕业时间', '备注'], [
      '注:(1)本表中“更正内容”指姓名、性别、身份证号、民族。',
      '(2)本表中“更正原因”指录入错误或信息变更,原则上不再接受毕业生信息更改申请。学生毕业后发生的个人信息变更,不做相应变更修改。',
      '(3)本表按注册证号(51161开头的毕业生电子注册号)升序排序。',
    ]),
  ];
}
