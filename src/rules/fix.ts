/**
 * Applies a rule's fix to a sheet grid without touching the input: what a fix means, which the tests check (the
 * Excel adapter applies fixes in the workbook itself, src/excel). A sort moves whole rows (every column); a merged
 * range that the sort would tear apart is first unmerged, each of its cells keeping the range's value, so no data
 * is lost.
 */
import { type Cell, type SheetGrid, cellAddress, makeCell, parseAddress } from './grid';
import type { Fix } from './problem';

/**
 * Each data row's 1-based place in a sort-rows fix's order (`position[row - firstRow]`), for the hosts that sort by
 * a helper column of target positions. An order that no longer covers the rows (the sheet changed since) is refused.
 */
export function sortPositions(fix: Extract<Fix, { kind: 'sort-rows' }>): number[] {
  const count = fix.lastRow - fix.firstRow + 1;
  const position = new Array<number>(count).fill(0);
  fix.order.forEach((row, i) => {
    if (row >= fix.firstRow && row <= fix.lastRow) position[row - fix.firstRow] = i + 1;
  });
  if (fix.order.length !== count || position.includes(0)) throw new Error('排序修正的数据已过期,请重新校验后再试。');
  return position;
}

function setText(sheet: SheetGrid, address: string, value: string): SheetGrid {
  const { row, col } = parseAddress(address);
  const rows = sheet.rows.slice();
  while (rows.length < row) rows.push([]);
  const cells = (rows[row - 1] ?? []).slice();
  cells[col - 1] = makeCell(row, col, value, 'text');
  rows[row - 1] = cells;
  return { ...sheet, rows };
}

const moveCell = (cell: Cell | undefined, row: number): Cell | undefined =>
  cell && { ...cell, row, address: cellAddress(row, cell.col) };

function sortRows(sheet: SheetGrid, fix: Extract<Fix, { kind: 'sort-rows' }>): SheetGrid {
  const { firstRow, lastRow, order } = fix;
  const expected = Array.from({ length: lastRow - firstRow + 1 }, (_, i) => firstRow + i);
  if (order.length !== expected.length || [...order].sort((a, b) => a - b).some((r, i) => r !== expected[i]))
    throw new Error(`sort-rows order is not a permutation of rows ${firstRow}-${lastRow}`);
  // newRowOf[original row] = row it moves to
  const newRowOf = new Map(order.map((orig, i) => [orig, firstRow + i]));
  const moved = (r: number) => newRowOf.get(r) ?? r;

  const rows = Array.from(sheet.rows, (r) => (r ?? []).slice());
  const merges: string[] = [];
  for (const range of sheet.merges ?? []) {
    const [a, b = a] = range.split(':');
    const tl = parseAddress(a);
    const br = parseAddress(b);
    const touches = br.row >= firstRow && tl.row <= lastRow;
    const inside = tl.row >= firstRow && br.row <= lastRow;
    const stillContiguous = Array.from({ length: br.row - tl.row + 1 }, (_, i) => moved(tl.row + i)).every(
      (r, i, all) => i === 0 || r === all[i - 1] + 1,
    );
    if (!touches) merges.push(range);
    else if (inside && stillContiguous) merges.push(`${cellAddress(moved(tl.row), tl.col)}:${cellAddress(moved(br.row), br.col)}`);
    else {
      const master = sheet.rows[tl.row - 1]?.[tl.col - 1];
      for (let r = tl.row; r <= br.row; r++)
        for (let c = tl.col; c <= br.col; c++) {
          while (rows.length < r) rows.push([]);
          rows[r - 1][c - 1] = master && { ...master, row: r, col: c, address: cellAddress(r, c) };
        }
    }
  }

  const out = rows.slice();
  while (out.length < lastRow) out.push([]);
  order.forEach((orig, i) => {
    const target = firstRow + i;
    out[target - 1] = (rows[orig - 1] ?? []).map((cell) => moveCell(cell, target));
  });
  return { ...sheet, rows: out, ...(sheet.merges ? { merges } : {}) };
}

/** A new grid with the fix applied; the fix must belong to this sheet. */
export function applyFix(sheet: SheetGrid, fix: Fix): SheetGrid {
  if (fix.sheet !== sheet.name) throw new Error(`fix for sheet ${fix.sheet} applied to ${sheet.name}`);
  return fix.kind === 'set-text' ? setText(sheet, fix.cell, fix.value) : sortRows(sheet, fix);
}
