/**
 * Bundled with esbuild and served in place of office.js in the Excel run: builds the in-memory Excel from the
 * spec the test put on `window.__doubleSpec` (with the file Office would hand over, base64) and exposes
 * `window.__double` and a plain-data view of its state for the test to read.
 */
import { type CellSpec, type WorkbookSpec, createExcelDouble, installExcelDouble } from '../../excel-double';
import { DEFAULT_FILL, areaAddress, keyCol, keyRow } from '../../excel-double/state';

interface PageSpec {
  name: string;
  sheets: { name: string; rows: CellSpec[][]; merges?: string[] }[];
  fileBase64: string;
  /** A ribbon button clicked before the pane has loaded (WorkbookSpec.firstClick). */
  firstClick?: string;
  /** Which Excel (WorkbookSpec.profile); default Microsoft 365. */
  profile?: WorkbookSpec['profile'];
}

const w = window as unknown as { __doubleSpec: PageSpec; __double: ReturnType<typeof createExcelDouble>; __doubleView: () => DoubleView };

function decode(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

const spec: WorkbookSpec = { name: w.__doubleSpec.name, sheets: w.__doubleSpec.sheets, file: () => decode(w.__doubleSpec.fileBase64), firstClick: w.__doubleSpec.firstClick, profile: w.__doubleSpec.profile };
const double = createExcelDouble(spec);
installExcelDouble(double, window as unknown as Record<string, unknown>);
w.__double = double;

export interface DoubleView {
  syncs: number;
  /** Ribbon clicks Office would have dropped (no action associated yet). */
  droppedClicks: string[];
  activeSheet: string | null;
  sheets: { name: string; selection: string | null; filled: string[]; values: Record<string, unknown> }[];
}

/** What the test asserts on: filled (marked) cells, the selection and the cell values, by A1 address. */
w.__doubleView = (): DoubleView => ({
  syncs: double.syncCount(),
  droppedClicks: [...double.state.droppedClicks],
  activeSheet: double.state.sheets.find((s) => s.id === double.state.activeSheetId)?.name ?? null,
  sheets: double.state.sheets.map((s) => {
    const filled: string[] = [];
    const values: Record<string, unknown> = {};
    for (const [key, cell] of s.cells) {
      const r = keyRow(key);
      const c = keyCol(key);
      const address = areaAddress(null, { r0: r, c0: c, r1: r, c1: c });
      if (cell.fill && cell.fill.color !== DEFAULT_FILL.color) filled.push(address);
      if (cell.value !== null && cell.value !== undefined && cell.value !== '') values[address] = cell.value;
    }
    return {
      name: s.name,
      selection: s.selection ? areaAddress(null, s.selection) : null,
      filled,
      values,
    };
  }),
});
