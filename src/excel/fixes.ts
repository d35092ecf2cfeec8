/**
 * Applies one fix the user clicked. set-text formats the cell as text ("@") before writing, so a 13-digit 学号
 * stays text. sort-rows uses Excel's own sort, which moves everything a row holds (values, formulas, formats,
 * notes, validation) exactly as 数据 › 排序 does; to make the order exactly the fix's order whatever Excel's
 * collation, it sorts by a helper column of target positions written just right of the used range and cleared after
 * (inside an Excel table, a helper column of the table). A sort Excel would get wrong is refused with the reason.
 */
import { sortPositions } from '../rules/fix';
import type { Fix } from '../rules/problem';
import { supports } from './requirements';

/** Excel's last column (XFD) is index 16383. */
const LAST_COLUMN_INDEX = 16_383;

/** Queues a set-text write (the caller syncs): formatted as text first, so the value stays text. */
function queueSetText(context: Excel.RequestContext, fix: Extract<Fix, { kind: 'set-text' }>): void {
  const cell = context.workbook.worksheets.getItem(fix.sheet).getRange(fix.cell);
  cell.numberFormat = [['@']];
  cell.values = [[fix.value]];
}

/** Several fixes in one batch (one undo step when the caller merges it): the cell writes in one sync, then any sort. */
export async function applyFixesIn(context: Excel.RequestContext, fixes: Fix[]): Promise<void> {
  const texts = fixes.filter((f) => f.kind === 'set-text');
  texts.forEach((f) => queueSetText(context, f));
  if (texts.length) await context.sync();
  for (const f of fixes) if (f.kind === 'sort-rows') await applyFixIn(context, f);
}

export async function applyFixIn(context: Excel.RequestContext, fix: Fix): Promise<void> {
  if (fix.kind === 'set-text') {
    queueSetText(context, fix);
    await context.sync();
    return;
  }
  const sheet = context.workbook.worksheets.getItem(fix.sheet);

  const position = sortPositions(fix);

  const table = await sortableRows(context, sheet, fix);
  if (table) return sortTable(context, table, fix, position);

  const used = sheet.getUsedRange(false).load('columnIndex,columnCount');
  await context.sync();
  const helperColumn = used.columnIndex + used.columnCount;
  if (helperColumn > LAST_COLUMN_INDEX) throw new Error(`工作表“${fix.sheet}”右侧没有空列可用于排序,请用 Excel 的“排序”功能按关键列升序排列。`);

  const helper = sheet.getRangeByIndexes(fix.firstRow - 1, helperColumn, position.length, 1);
  helper.values = position.map((p) => [p]);
  sheet.getRangeByIndexes(fix.firstRow - 1, 0, position.length, helperColumn + 1).sort.apply([{ key: helperColumn, ascending: true }], false, false, 'Rows');
  helper.clear('All');
  try {
    await context.sync();
  } catch (e) {
    // The batch stops at the failing sort: the helper numbers are already written.
    helper.clear('All');
    await context.sync();
    throw new Error(`排序失败:${(e as Error).message}。数据行中有合并单元格时 Excel 不能排序,请先取消合并。`);
  }
}

interface TableSpan {
  table: Excel.Table;
  name: string;
  /** 0-based first row and column of the table (its header row), its rows and columns. */
  row: number;
  column: number;
  rows: number;
  columns: number;
  /** The column right of the table, within its rows: the helper column goes there. */
  right: Excel.Range;
}

/**
 * Refuses, with the reason and what to do, a sort Excel would get wrong or refuse: a protected sheet, hidden rows
 * (Excel does not move hidden rows when it sorts: https://support.microsoft.com/office/sort-data-in-a-range-or-table-62d0b95d-2a90-4610-a6ae-2e545c4a4654),
 * an AutoFilter that hides rows. Returns the Excel table (ListObject) that holds the rows, if one does.
 */
async function sortableRows(context: Excel.RequestContext, sheet: Excel.Worksheet, fix: Extract<Fix, { kind: 'sort-rows' }>): Promise<TableSpan | null> {
  const count = fix.lastRow - fix.firstRow + 1;
  const rows = sheet.getRangeByIndexes(fix.firstRow - 1, 0, count, 1).load('rowHidden');
  const protection = sheet.protection.load('protected');
  const filter = supports('autoFilter') ? sheet.autoFilter.load('enabled,isDataFiltered') : null;
  const tables = sheet.tables.load('items/name');
  await context.sync();
  if (protection.protected) throw new Error(`工作表“${fix.sheet}”受保护,不能排序:请先在“审阅 › 撤消工作表保护”后再点修正。`);
  if (filter?.isDataFiltered) throw new Error(`工作表“${fix.sheet}”的筛选隐藏了部分行,Excel 排序时不会移动被隐藏的行:请先在“数据 › 清除”中清除筛选,再点修正。`);
  if (rows.rowHidden !== false) throw new Error(`工作表“${fix.sheet}”第 ${fix.firstRow}–${fix.lastRow} 行中有隐藏的行,Excel 排序时不会移动隐藏行:请先取消隐藏这些行,再点修正。`);
  if (tables.items.length === 0) return null;

  const spans = tables.items.map((table) => ({ table, range: table.getRange().load('rowIndex,columnIndex,rowCount,columnCount') }));
  await context.sync();
  const first = fix.firstRow - 1;
  const last = fix.lastRow - 1;
  const holding = spans.find(({ range }) => range.rowIndex <= last && range.rowIndex + range.rowCount - 1 >= first);
  if (!holding) return null;
  const { table, range } = holding;
  // The rows must be data rows of the table: below its header row, not past its end.
  if (first <= range.rowIndex || last > range.rowIndex + range.rowCount - 1)
    throw new Error(`要排序的第 ${fix.firstRow}–${fix.lastRow} 行跨出了表格“${table.name}”的数据区:请用表格标题上的筛选按钮按关键列升序排序。`);
  const right = sheet.getRangeByIndexes(range.rowIndex, range.columnIndex + range.columnCount, range.rowCount, 1).load('values');
  await context.sync();
  return { table, name: table.name, row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount, right };
}

/** Header of the table column that carries the target positions while the table sorts itself. */
const HELPER_HEADER = '学籍更正助手排序';

/**
 * Sorts an Excel table by a helper column added to the table (writing next to a table would otherwise cut through
 * it): rows of the table outside the fix keep their places, the fix's rows take its order.
 */
async function sortTable(context: Excel.RequestContext, span: TableSpan, fix: Extract<Fix, { kind: 'sort-rows' }>, position: number[]): Promise<void> {
  if (span.right.values.some((row) => row[0] !== '' && row[0] !== null))
    throw new Error(`表格“${span.name}”右侧紧邻的列有内容,无法加辅助列排序:请在表格右侧留出一列空列,或用表格标题上的筛选按钮按关键列升序排序。`);
  const bodyFirst = span.row + 2; // 1-based first data row of the table
  const keys = Array.from({ length: span.rows - 1 }, (_, i) => {
    const row = bodyFirst + i;
    return row >= fix.firstRow && row <= fix.lastRow ? fix.firstRow - bodyFirst + position[row - fix.firstRow] : row - bodyFirst + 1;
  });
  span.table.columns.add(undefined, [[HELPER_HEADER], ...keys.map((k) => [k])]);
  span.table.sort.apply([{ key: span.columns, ascending: true }]);
  span.table.columns.getItemAt(span.columns).delete();
  try {
    await context.sync();
  } catch (e) {
    // The helper column may be in the table already: take it out again.
    span.table.columns.getItemAt(span.columns).delete();
    await context.sync().catch(() => undefined);
    throw new Error(`表格“${span.name}”排序失败:${(e as Error).message}`);
  }
}
