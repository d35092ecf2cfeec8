/**
 * A workbook as ExcelJS reads it, reduced to what the template is made of: per sheet its column widths, row
 * heights, merged ranges, frozen view, page setup, footer and print titles, and every cell's value, style and
 * dropdown (as indexes into tables of the distinct styles and dropdowns), with runs of identical rows folded. Two writers that make the same template give the same model.
 */
import ExcelJS from 'exceljs';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A value as JSON, keys sorted, undefined dropped. */
function plain(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, plain((value as Record<string, unknown>)[k])]),
    );
  return value as Json;
}

/** The cell's style as Excel shows it; a default style (font 0 only) is no style. */
function cellStyle(cell: ExcelJS.Cell): Json {
  const { font, alignment, border, fill, numFmt } = cell.style;
  const named = font && font.name !== 'Calibri' ? font : undefined;
  return plain({ font: named, alignment, border, fill, numFmt });
}

/** Index of a JSON value in a table of distinct ones, appended when new. */
function interned(table: string[], value: Json): number {
  const key = JSON.stringify(value);
  const at = table.indexOf(key);
  return at >= 0 ? at : table.push(key) - 1;
}

export async function workbookModel(bytes: Uint8Array): Promise<Json> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  const styles: string[] = [];
  const lists: string[] = [];
  const sheets = wb.worksheets.map((ws) => {
    const rows: Json[] = [];
    let last = '';
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: Json[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        cells.push([plain(cell.value), interned(styles, cellStyle(cell)), interned(lists, plain(cell.dataValidation))]);
      }
      const sig = JSON.stringify({ height: row.height ?? null, cells });
      const prev = rows[rows.length - 1] as { to: number } | undefined;
      if (sig === last && prev) prev.to = r;
      else rows.push({ from: r, to: r, ...(JSON.parse(sig) as object) });
      last = sig;
    }
    const setup = ws.pageSetup;
    return plain({
      name: ws.name,
      widths: ws.columns.map((c) => c.width ?? null),
      merges: Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges).map((m) => m.range).sort(),
      view: ws.views[0] ? { state: ws.views[0].state, ySplit: (ws.views[0] as { ySplit?: number }).ySplit } : null,
      page: {
        paperSize: setup.paperSize, orientation: setup.orientation, fitToPage: setup.fitToPage, fitToWidth: setup.fitToWidth,
        fitToHeight: setup.fitToHeight, horizontalCentered: setup.horizontalCentered, printTitlesRow: setup.printTitlesRow, margins: setup.margins,
      },
      footer: ws.headerFooter?.oddFooter ?? null,
      rows,
    });
  });
  return { sheets, styles: styles.map((s) => JSON.parse(s) as Json), lists: lists.map((s) => JSON.parse(s) as Json) };
}
