/**
 * Where the add-in keeps its own data inside the workbook: very-hidden sheets. WPS has no add-in settings saved
 * with the document that we could rely on, and `wps.PluginStorage` lives only as long as the WPS session, so the
 * record that lets 清除标记 restore a cell marked last week, and the registrar's scan assignments, must be in
 * the workbook itself. A sheet set to xlSheetVeryHidden is saved with the file (both .xlsx and .et), comes back
 * on reopening, and cannot be shown from WPS's 取消隐藏 list, only by code. One line of text per row in column A,
 * row 1 naming the owner; the table reader skips these sheets by name.
 */
import { XL, type EtApplication, type EtWorkbook, type EtWorksheet } from './et';
import { rowsOf } from './values';

export const MARKS_SHEET = '学籍更正助手_标记';
export const LINKS_SHEET = '学籍更正助手_扫描件';
const OWN_SHEETS = new Set([MARKS_SHEET, LINKS_SHEET]);
const OWNER_LINE = '本工作表由“学籍更正助手”加载项使用(记录标记前的单元格格式等),请勿修改。';

export const isOwnSheet = (name: string) => OWN_SHEETS.has(name);

export function findSheet(workbook: EtWorkbook, name: string): EtWorksheet | null {
  const sheets = workbook.Worksheets;
  for (let i = 1, n = sheets.Count; i <= n; i++) {
    const sheet = sheets.Item(i);
    if (sheet.Name === name) return sheet;
  }
  return null;
}

/** The lines stored in the sheet (empty when it does not exist). */
export function readLines(workbook: EtWorkbook, name: string): string[] {
  const sheet = findSheet(workbook, name);
  if (!sheet) return [];
  const used = sheet.UsedRange;
  const last = used.Row + used.Rows.Count - 1;
  if (last < 2) return [];
  return rowsOf(sheet.Range(`A2:A${last}`).Value2, last - 1, 1)
    .map((r) => r[0])
    .filter((v): v is string => typeof v === 'string' && v !== '');
}

/**
 * Replaces the sheet's lines (creating the sheet, very hidden, when needed), leaving the sheet the user works in
 * active: adding a sheet activates it.
 */
export function writeLines(workbook: EtWorkbook, name: string, lines: string[]): void {
  let sheet = findSheet(workbook, name);
  if (!sheet) {
    const active = workbook.ActiveSheet;
    sheet = workbook.Worksheets.Add(undefined, workbook.Worksheets.Item(workbook.Worksheets.Count));
    sheet.Name = name;
    sheet.Visible = XL.sheetVeryHidden;
    active.Activate();
  } else {
    const used = sheet.UsedRange;
    sheet.Range(`A1:A${used.Row + used.Rows.Count - 1}`).ClearContents();
  }
  const column = sheet.Range(`A1:A${lines.length + 1}`);
  // Text, so a line of digits is never turned into a number.
  column.NumberFormat = '@';
  column.Value2 = [[OWNER_LINE], ...lines.map((l) => [l])];
}

/** Deletes the sheet; WPS would ask the user to confirm a deletion, so alerts are off for the call. */
export function deleteSheet(app: EtApplication, workbook: EtWorkbook, name: string): void {
  const sheet = findSheet(workbook, name);
  if (!sheet) return;
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    sheet.Delete();
  } finally {
    app.DisplayAlerts = alerts;
  }
}
