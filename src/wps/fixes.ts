/**
 * Applies one fix the registrar clicked, through ET. set-text formats the cell as text ("@") before writing, so a
 * 13-digit 学号 stays text. sort-rows uses ET's own Range.Sort, which moves everything a row holds (values,
 * formats, comments, validation), and sorts by a helper column of target positions written just right of the used
 * range and cleared after, so the order is exactly the fix's order whatever WPS's collation.
 */
import { columnLetter } from '../rules/grid';
import { sortPositions } from '../rules/fix';
import type { Fix } from '../rules/problem';
import { XL, type EtWorkbook, type EtWorksheet } from './et';
import { findSheet } from './hidden-sheet';

/** ET's last column (XFD), as Excel's. */
const LAST_COLUMN = 16_384;

function sheetOf(workbook: EtWorkbook, name: string): EtWorksheet {
  const sheet = findSheet(workbook, name);
  if (!sheet) throw new Error(`找不到工作表“${name}”,它可能已被改名或删除,请重新校验。`);
  return sheet;
}

export function applyFixIn(workbook: EtWorkbook, fix: Fix): void {
  const sheet = sheetOf(workbook, fix.sheet);
  if (fix.kind === 'set-text') {
    const cell = sheet.Range(fix.cell);
    cell.NumberFormat = '@';
    cell.Value2 = fix.value;
    return;
  }

  const position = sortPositions(fix);

  const used = sheet.UsedRange;
  const helperColumn = used.Column + used.Columns.Count;
  if (helperColumn > LAST_COLUMN) throw new Error(`工作表“${fix.sheet}”右侧没有空列可用于排序,请用 WPS 的“排序”功能按关键列升序排列。`);
  const letter = columnLetter(helperColumn);
  const helper = sheet.Range(`${letter}${fix.firstRow}:${letter}${fix.lastRow}`);
  helper.Value2 = position.map((p) => [p]);
  try {
    sheet.Range(`A${fix.firstRow}:${letter}${fix.lastRow}`).Sort(sheet.Range(`${letter}${fix.firstRow}`), XL.ascending, undefined, undefined, undefined, undefined, undefined, XL.headerNo, undefined, false, XL.topToBottom);
  } catch (e) {
    throw new Error(`排序失败:${(e as Error).message}。数据行中有合并单元格时 WPS 不能排序,请先取消合并。`);
  } finally {
    helper.ClearContents();
  }
}
