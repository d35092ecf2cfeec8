/**
 * Applies one fix the user clicked. set-text formats the cell as text ("@") before writing, so a 13-digit 学号
 * stays text. sort-rows uses Excel's own sort, which moves everything a row holds (values, formulas, formats,
 * notes, validation) exactly as 数据 › 排序 does; to make the order exactly the fix's order whatever Excel's
 * collation, it sorts by a helper column of target positions written just right of the used range and cleared after.
 */
import type { Fix } from '../rules/problem';

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

  const count = fix.lastRow - fix.firstRow + 1;
  const position = new Array<number>(count).fill(0);
  fix.order.forEach((row, i) => {
    if (row >= fix.firstRow && row <= fix.lastRow) position[row - fix.firstRow] = i + 1;
  });
  if (fix.order.length !== count || position.includes(0)) throw new Error('排序修正的数据已过期,请重新校验后再试。');

  const used = sheet.getUsedRange(false).load('columnIndex,columnCount');
  await context.sync();
  const helperColumn = used.columnIndex + used.columnCount;
  if (helperColumn > LAST_COLUMN_INDEX) throw new Error(`工作表“${fix.sheet}”右侧没有空列可用于排序,请用 Excel 的“排序”功能按关键列升序排列。`);

  const helper = sheet.getRangeByIndexes(fix.firstRow - 1, helperColumn, count, 1);
  helper.values = position.map((p) => [p]);
  sheet.getRangeByIndexes(fix.firstRow - 1, 0, count, helperColumn + 1).sort.apply([{ key: helperColumn, ascending: true }], false, false, 'Rows');
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
