/**
 * The table model: finds the header row of a correction table by its labels, tells the table kind
 * (新生 / 在籍生 / 毕业生), maps columns to fields and collects the data rows, which run to the last
 * non-empty row before the footer (注 lines, 合计, signatures, seal, date: footer.ts). Blank rows inside are kept
 * track of, never taken as the end; a sheet that is not a correction table is told apart and skipped.
 */
import { type Cell, type MergedRange, type SheetGrid, cellAddress, isEmptyCell, isEmptyRow, mergedRange, rowNumbers } from './grid';
import { isFooterCell, isFooterRow } from './footer';
import { type ChangeField, FIELDS, type Field, type Policy, type Reason, TABLE_KINDS, type TableKind } from './policy';
import { changeFieldOf, reasonOf } from './rows';

export interface DataRow {
  /** 1-based sheet row. */
  row: number;
  /** The non-empty cells of mapped columns (merged cells carry their range's value). */
  cells: Partial<Record<Field, Cell>>;
  /** The 更正内容 as one of the five fields (`changeFieldOf`), read once for every rule. */
  changeField: ChangeField | null;
  /** The 更正原因 (`reasonOf`), read once for every rule. */
  reason: Reason | null;
}

/** The columns every table needs besides its key (学号, or 注册证号 for graduates), and every data row needs filled. */
export const REQUIRED_FIELDS: readonly Field[] = ['name', 'changeField', 'after', 'reason'];

/** Columns that a row holding nothing else does not make a data row: a template numbers and fills them in advance. */
const PREFILLED_FIELDS: readonly Field[] = ['seq', 'branch', 'center'];

export type KindSource = 'title' | 'sheet-name' | 'key-column' | 'override';

export interface Table {
  sheet: string;
  kind: TableKind | null;
  kindSource: KindSource | null;
  /** Text above the header (merged title, 分部名称 line), joined. */
  title: string;
  /** 1-based row of the (first) header row. */
  headerRow: number;
  /** Column number of each field found. */
  columns: Partial<Record<Field, number>>;
  /** Header cells of each field, for placing column-level problems. */
  headerCells: Partial<Record<Field, string>>;
  /** Extra columns that map to a field already found. */
  duplicateColumns: { field: Field; address: string; label: string }[];
  /** The key field: 注册证号 for graduates, 学号 otherwise. */
  keyField: 'studentId' | 'regNo';
  firstDataRow: number;
  /** Last non-empty data row (firstDataRow - 1 when there is none). */
  lastDataRow: number;
  rows: DataRow[];
  /** Fully empty rows between firstDataRow and lastDataRow. */
  blankRows: number[];
  /**
   * Addresses of data cells that carry a merged range's value without holding it (every cell of the range but its
   * top-left): rules that report a cell's own content or offer a fix report the range once, on its top-left cell.
   */
  mergedCopies: Set<string>;
}

/** What reading one sheet found: a table, or the reason there is none. */
export interface SheetReading {
  sheet: string;
  table: Table | null;
  /** No header found, but the sheet looks like it should hold a table (title or some labels match). */
  headerMissing: { reason: 'no-labels' | 'partial'; found: Field[]; missing: Field[] } | null;
  /**
   * A sheet with content that is not a correction table: `help` when its name says it explains or shows one (填表说明,
   * 示例), `no-header` when no row has a key and a change column (a dropdown list, a 花名册 roster). Null for a table
   * and for an empty sheet.
   */
  skipped: { why: 'help' | 'no-header' } | null;
}

/** The labels of a correction table's own columns (a partial header holds several of them). */
const CORE_LABELS: readonly Field[] = ['studentId', 'regNo', 'name', 'changeField', 'before', 'after', 'reason'];

const stripLabel = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[*※]+|[*※:：]+$/g, '')
    .replace(/[(（][^()（）]*[)）]$/, '');

/** Canonical lookup from a normalised header label to its field. */
function buildLabelIndex(policy: Policy): Map<string, Field> {
  const index = new Map<string, Field>();
  for (const field of FIELDS) for (const label of policy.columns[field] ?? []) index.set(stripLabel(label), field);
  return index;
}

function fieldOfLabel(index: Map<string, Field>, text: string): Field | undefined {
  return index.get(stripLabel(text));
}

/** The text of a cell as the rules read it: trimmed text, or the integer digits of a whole number. */
export function cellText(cell: Cell | undefined): string {
  if (!cell || cell.kind === 'empty') return '';
  if (cell.kind === 'number' && typeof cell.value === 'number' && Number.isInteger(cell.value) && Math.abs(cell.value) < 1e21)
    return BigInt(cell.value).toString();
  if (cell.kind === 'date' || cell.kind === 'number') return String(cell.value ?? cell.text).trim();
  return cell.text.trim();
}

interface HeaderCandidate {
  row: number;
  fields: Map<Field, Cell[]>;
}

/**
 * The row under a header holds only labels and no key: the second row of a two-row header. A first data row whose
 * 更正内容 reads 性别 or 身份证号 (labels too) has other values beside them, so it is not one.
 */
function isSubHeader(sheet: SheetGrid, sub: HeaderCandidate): boolean {
  const labels = [...sub.fields.values()].flat().length;
  const filled = (sheet.rows[sub.row - 1] ?? []).filter((c) => !isEmptyCell(c)).length;
  return sub.fields.size > 0 && labels === filled && !hasKey(sub);
}

function scanRow(sheet: SheetGrid, row: number, index: Map<string, Field>): HeaderCandidate {
  const fields = new Map<Field, Cell[]>();
  for (const cell of sheet.rows[row - 1] ?? []) {
    if (!cell || cell.kind !== 'text') continue;
    const field = fieldOfLabel(index, cell.text);
    if (field) fields.set(field, [...(fields.get(field) ?? []), cell]);
  }
  return { row, fields };
}

const hasKey = (c: HeaderCandidate) => c.fields.has('studentId') || c.fields.has('regNo');
/** The columns that make a correction table of a sheet, with the key: a roster or a dropdown list has none of them. */
const CHANGE_COLUMNS: readonly Field[] = ['changeField', 'after', 'reason'];
const hasChangeColumn = (c: HeaderCandidate) => CHANGE_COLUMNS.some((f) => c.fields.has(f));
const isHeader = (c: HeaderCandidate) => hasKey(c) && hasChangeColumn(c);

/**
 * Sheets kept beside the tables to explain or show how to fill them (interpretation: the SPEC names 填表说明).
 * A sheet without a table's header is one when its name says so; a sheet with a header only when its name says it
 * is an example or is nothing but 说明, so that a real table in a sheet named, say, 信息修改说明表 is still read.
 */
const HELP_SHEET_NAME = /说明|须知|示例|样例|样表|范例|填写要求/;
const EXAMPLE_SHEET_NAME = /示例|样例|样表|范例|须知|^(填表|填报|填写)?说明\d*$/;
/** A title that says the sheet is a statistics table of corrections (not a line of instructions about one). */
const TABLE_TITLE = /修改情况统计表|更正情况统计表|基本信息修改情况|信息更正情况/;
const NOT_A_TITLE = /说明|须知|示例|要求|请/;

/**
 * The cells of `columns` as the rules read them from `fromRow` on: a cell covered by a merged range carries the
 * value of the range's top-left cell. A copy is made when a cell is looked up, never for the whole range: a range
 * such as A4:XFD1048576 costs one entry per column of `columns` it covers, not a copy of every cell.
 */
function mergedLookup(
  sheet: SheetGrid,
  fromRow: number,
  columns: number[],
): { lookup: (row: number, col: number) => Cell | undefined; copies: Set<string> } {
  const byCol = new Map<number, { range: MergedRange; master: Cell }[]>();
  for (const text of sheet.merges ?? []) {
    const range = mergedRange(text);
    if (!range || range.bottom < fromRow) continue;
    const master = sheet.rows[range.top - 1]?.[range.left - 1];
    if (!master) continue;
    for (const c of columns) if (c >= range.left && c <= range.right) (byCol.get(c) ?? byCol.set(c, []).get(c)!).push({ range, master });
  }
  for (const list of byCol.values()) list.sort((x, y) => x.range.top - y.range.top);
  const copies = new Set<string>();
  // The common sheet: no range over these columns, every cell is its own.
  if (byCol.size === 0) return { lookup: (row, col) => sheet.rows[row - 1]?.[col - 1], copies };
  const lookup = (row: number, col: number): Cell | undefined => {
    const own = sheet.rows[row - 1]?.[col - 1];
    const list = byCol.get(col);
    if (!list) return own;
    // The last range starting at or above the row (ranges do not overlap in a valid sheet).
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid].range.top <= row) lo = mid;
      else hi = mid - 1;
    }
    const hit = list[lo];
    if (hit.range.top > row || hit.range.bottom < row || (hit.range.top === row && hit.range.left === col)) return own;
    const address = cellAddress(row, col);
    copies.add(address);
    return { ...hit.master, row, col, address };
  };
  return { lookup, copies };
}

/**
 * The kind a text names, by the first of the policy's words it holds: titleKeywords (新生, 在籍生, 毕业生) or
 * tableNumbers (附表1–3, as the seed numbers the tables; not 附表10).
 */
function kindNamed(policy: Policy, text: string, words: 'titleKeywords' | 'tableNumbers'): TableKind | null {
  const folded = text.normalize('NFKC').replace(/\s+/g, '');
  let best: { kind: TableKind; at: number } | null = null;
  for (const kind of TABLE_KINDS)
    for (const word of policy.kinds[kind][words]) {
      let at = folded.indexOf(word);
      while (at >= 0 && words === 'tableNumbers' && /\d/.test(folded[at + word.length] ?? '')) at = folded.indexOf(word, at + 1);
      if (at >= 0 && (!best || at < best.at)) best = { kind, at };
    }
  return best?.kind ?? null;
}

/** The title names the kind first, then the sheet name (新生 before 附表1 in each): the title wins (SPEC). */
function detectKind(policy: Policy, title: string, sheetName: string, columns: Partial<Record<Field, number>>): { kind: TableKind | null; source: KindSource | null } {
  for (const [text, source] of [[title, 'title'], [sheetName, 'sheet-name']] as const)
    for (const words of ['titleKeywords', 'tableNumbers'] as const) {
      const kind = kindNamed(policy, text, words);
      if (kind) return { kind, source };
    }
  if (columns.regNo !== undefined && columns.studentId === undefined) return { kind: 'graduate', source: 'key-column' };
  return { kind: null, source: null };
}

/** Reads one sheet: header, kind, columns and data rows. */
export function readSheet(sheet: SheetGrid, policy: Policy, kindOverride?: TableKind): SheetReading {
  const index = buildLabelIndex(policy);
  const searchTo = Math.min(sheet.rows.length, policy.headerSearchRows);
  let header: HeaderCandidate | null = null;
  let best: HeaderCandidate | null = null;
  for (let r = 1; r <= searchTo; r++) {
    const cand = scanRow(sheet, r, index);
    // A two-row header may carry the key above (merged down) and the change columns below, under 更正情况.
    const below = hasKey(cand) && !isHeader(cand) ? scanRow(sheet, r + 1, index) : null;
    if (isHeader(cand) || (below && isSubHeader(sheet, below) && hasChangeColumn(below))) {
      header = cand;
      break;
    }
    if (!best || cand.fields.size > best.fields.size) best = cand;
  }

  if (!header || EXAMPLE_SHEET_NAME.test(sheet.name)) {
    const found = best ? [...best.fields.keys()] : [];
    const titleHit = sheet.rows.slice(0, searchTo).some((r) =>
      (r ?? []).some((c) => c?.kind === 'text' && TABLE_TITLE.test(c.text) && !NOT_A_TITLE.test(c.text)),
    );
    // The columns of a correction whose key or other labels were not recognised; a roster (学号, 姓名, 身份证号)
    // or a dropdown list (更正内容, 更正原因, 民族) never has a 更正前 or 更正后 column.
    const partial = found.filter((f) => CORE_LABELS.includes(f)).length >= 3 && (found.includes('before') || found.includes('after'));
    if (header || HELP_SHEET_NAME.test(sheet.name) || (!titleHit && !partial)) {
      const empty = sheet.rows.every((r) => (r ?? []).every((c) => isEmptyCell(c)));
      return { sheet: sheet.name, table: null, headerMissing: null, skipped: empty ? null : { why: HELP_SHEET_NAME.test(sheet.name) ? 'help' : 'no-header' } };
    }
    const missing = (['studentId', ...REQUIRED_FIELDS] as Field[]).filter(
      (f) => !found.includes(f) && !(f === 'studentId' && found.includes('regNo')),
    );
    return { sheet: sheet.name, table: null, skipped: null, headerMissing: { reason: found.length >= 2 ? 'partial' : 'no-labels', found, missing } };
  }

  // A second header row (e.g. 更正信息 merged over 更正前 | 更正后) refines the first.
  let firstDataRow = header.row + 1;
  const sub = scanRow(sheet, header.row + 1, index);
  const subOnly = [...sub.fields.keys()].filter((f) => !header.fields.has(f) || f === 'before' || f === 'after');
  if (isSubHeader(sheet, sub) && subOnly.length > 0) {
    const claimed = new Set([...sub.fields.values()].flat().map((c) => c.col));
    for (const [f, cells] of header.fields) {
      const kept = cells.filter((c) => !claimed.has(c.col));
      if (kept.length) header.fields.set(f, kept);
      else header.fields.delete(f);
    }
    for (const [f, cells] of sub.fields) header.fields.set(f, [...cells, ...(header.fields.get(f) ?? [])].sort((a, b) => a.col - b.col));
    firstDataRow = header.row + 2;
  }

  const columns: Partial<Record<Field, number>> = {};
  const headerCells: Partial<Record<Field, string>> = {};
  const duplicateColumns: Table['duplicateColumns'] = [];
  for (const [field, cells] of header.fields) {
    columns[field] = cells[0].col;
    headerCells[field] = cells[0].address;
    for (const extra of cells.slice(1)) duplicateColumns.push({ field, address: extra.address, label: extra.text.trim() });
  }

  // The seed writes 注 lines under the title ("原则上在籍生只接受…", "录入错误应在新生入学第一学期内…"): they name
  // other kinds, so the title ends at the first of them.
  const above = sheet.rows.slice(0, header.row - 1);
  const notesFrom = above.findIndex((r) => (r ?? []).some((c) => isFooterCell(c, policy)));
  const title = above
    .slice(0, notesFrom < 0 ? above.length : notesFrom)
    .flatMap((r) => (r ?? []).map((c) => (c ? c.text.trim() : '')))
    .filter(Boolean)
    .join(' ');
  const detected = kindOverride ? { kind: kindOverride, source: 'override' as const } : detectKind(policy, title, sheet.name, columns);
  const keyField: Table['keyField'] = detected.kind
    ? policy.kinds[detected.kind].key
    : columns.regNo !== undefined && columns.studentId === undefined
      ? 'regNo'
      : 'studentId';

  const mappedCols = Object.values(columns) as number[];
  const minCol = Math.min(...mappedCols);
  const maxCol = Math.max(...mappedCols);
  const fieldEntries = Object.entries(columns) as [Field, number][];
  const { lookup, copies: mergedCopies } = mergedLookup(sheet, firstDataRow, mappedCols);
  // Columns a template fills in advance (序号 numbered to 50, 分部 filled or merged down): alone they make no student.
  const prefilled = new Set(PREFILLED_FIELDS.flatMap((f) => (columns[f] === undefined ? [] : [columns[f]!])));

  const rows: DataRow[] = [];
  const blankCandidates: number[] = [];
  let previous = firstDataRow - 1;
  // Only the rows the sheet holds are read (a sparse sheet's gaps are empty rows, counted without a visit each).
  for (const r of rowNumbers(sheet, firstDataRow)) {
    for (let gap = previous + 1; gap < r; gap++) blankCandidates.push(gap);
    previous = r;
    const own = sheet.rows[r - 1];
    // A row with nothing of its own is empty, even under a merged range: merges never make rows (whichever host read the sheet).
    if (isEmptyRow(own)) {
      blankCandidates.push(r);
      continue;
    }
    const cells: Partial<Record<Field, Cell>> = {};
    for (const [field, col] of fieldEntries) {
      const cell = lookup(r, col);
      if (!isEmptyCell(cell)) cells[field] = cell;
    }
    const row: DataRow = { row: r, cells, changeField: null, reason: null };
    row.changeField = changeFieldOf(row, policy);
    row.reason = reasonOf(row);
    if (isFooterRow(own, row, keyField, policy)) break;
    let content = false;
    // A formula error (#N/A of a VLOOKUP on an empty template row) carries nothing of a student either.
    for (let c = minCol; c <= maxCol && !content; c++) {
      const cell = lookup(r, c);
      content = !prefilled.has(c) && !isEmptyCell(cell) && cell!.kind !== 'error';
    }
    if (content) rows.push(row);
    else blankCandidates.push(r);
  }
  const lastDataRow = rows.length ? rows[rows.length - 1].row : firstDataRow - 1;
  const blankRows = blankCandidates.filter((r) => r < lastDataRow);

  return {
    sheet: sheet.name,
    headerMissing: null,
    skipped: null,
    table: {
      sheet: sheet.name,
      kind: detected.kind,
      kindSource: detected.source,
      title,
      headerRow: header.row,
      columns,
      headerCells,
      duplicateColumns,
      keyField,
      firstDataRow,
      lastDataRow,
      rows,
      blankRows,
      mergedCopies,
    },
  };
}

/** Address of a field's cell in a row, whether or not the cell holds anything (null when the column is absent). */
export function fieldAddress(table: Table, field: Field, row: number): string | null {
  const col = table.columns[field];
  return col === undefined ? null : cellAddress(row, col);
}
