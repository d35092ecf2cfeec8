/** Builders for correction tables in tests: a title, the standard header, and rows given by header label. */
import { type SheetGrid, sheetFromValues } from '../../src/rules/grid';

export const TITLES = {
  new: '国家开放大学(原中央广播电视大学)新生基本信息修改情况统计表',
  enrolled: '国家开放大学(原中央广播电视大学)在籍生基本信息修改情况统计表',
  graduate: '国家开放大学(原中央广播电视大学)毕业生基本信息修改情况统计表',
} as const;

export const HEADERS = {
  new: ['序号', '分部名称', '学号', '姓名', '更正内容', '更正前', '更正后', '更正原因', '入学学期', '变更日期', '备注'],
  enrolled: ['序号', '分部名称', '学号', '姓名', '更正内容', '更正前', '更正后', '更正原因', '入学学期', '变更日期', '备注'],
  graduate: ['序号', '分部名称', '注册证号', '学号', '姓名', '更正内容', '更正前', '更正后', '更正原因', '变更日期', '毕业时间', '备注'],
} as const;

export type RowSpec = Record<string, string | number | null>;

/**
 * A sheet with the title in row 1, the header in row 2 and the rows from row 3 (so data row i is sheet row i + 3).
 * Values are given by header label; strings become text cells, numbers number cells. `headers` replaces the standard header.
 */
export function correctionSheet(
  kind: keyof typeof HEADERS,
  rows: RowSpec[],
  opts: { name?: string; headers?: string[]; title?: string | null; after?: (string | number | null)[][] } = {},
): SheetGrid {
  const headers = opts.headers ?? [...HEADERS[kind]];
  const values: (string | number | null)[][] = [];
  if (opts.title !== null) values.push([opts.title ?? TITLES[kind]]);
  values.push(headers);
  rows.forEach((r, i) => values.push(headers.map((h) => (h === '序号' && !(h in r) ? i + 1 : (r[h] ?? null)))));
  for (const extra of opts.after ?? []) values.push(extra);
  return sheetFromValues(opts.name ?? { new: '新生', enrolled: '在籍生', graduate: '毕业生' }[kind], values);
}
