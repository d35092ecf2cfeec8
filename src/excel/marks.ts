/**
 * Marks problem cells in place without losing the user's formatting: before a cell is filled, its fill and font
 * colour are saved (mark-store.ts); 清除标记 puts back exactly what was saved, but only where the cell still
 * shows our mark, so a colour the user chose after marking is kept. A note with the messages is added where
 * notes exist (ExcelApi 1.18) and the cell has no note of its own; clearing removes only notes still ours.
 * Marking always clears the previous marks first. The record is written before the first cell is touched, so a
 * sync that fails half way leaves nothing that 清除标记 cannot restore.
 *
 * Formatting is saved as Excel reports it: a theme colour with a tint (白色, 背景 1, 深色 15%) is its colour plus
 * tintAndShade, a pattern fill its pattern and pattern colour; setting a colour drops the tint, so the tint is put
 * back after the colour. Those properties came with ExcelApi 1.9: before it a tinted or patterned fill reads like
 * plain white and could not be put back, so marking needs ExcelApi 1.9 (MARKS_NEED) and older Excel lists the
 * problems in the pane only. A cell with a modern comment cannot also hold a note, so such a cell is marked by
 * colour only and its message stays in the pane.
 */
import type { Problem, Severity } from '../rules/problem';
import { supports } from './requirements';
import { MARKS_NAMESPACE, type MarkRecord, type SavedFill, type SavedFont, decodeMarks, encodeMarks } from './mark-store';

/** Excel's own "light red fill with dark red text" and "yellow fill with dark yellow text". */
export const MARK_STYLE: Record<MarkRecord['severity'], { fill: string; font: string }> = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
};
/** Notes written by the add-in start with this, so clearing never deletes a note the user wrote. */
export const NOTE_PREFIX = '【学籍更正助手】';
/** Beyond this many cells only the first are marked (the pane lists every problem); keeps the record part small. */
const MAX_MARKED_CELLS = 20_000;
/**
 * Cells loaded or restored one by one per sync. Office-js sends about 1.2 KB to load one cell's look (measured in
 * test/excel-double/request-size.test.ts), and clearing carries one chunk's restores with the next chunk's loads:
 * 1,000 cells keep every request under 3 MB, well inside Excel on the web's 5 MB.
 */
const CELLS_PER_SYNC = 1_000;
const NOTE_MAX_CHARS = 1_000;
/** Notes looked up per sync when clearing, with the previous ones' deletions: about 650 bytes a cell. */
const NOTES_PER_SYNC = 4_000;
/** Request bytes of the notes written in one sync: well inside the 5 MB limit. */
const NOTE_BYTES_PER_SYNC = 3 * 1024 * 1024;
/**
 * Characters of one `Worksheet.getRanges` address (ExcelApi 1.9). Excel refuses some long addresses, and which is
 * not documented: one of 8,207 characters failed (https://github.com/OfficeDev/office-js/issues/5198). A quarter of
 * that is about 300 cells.
 */
const ADDRESS_CHARS = 2_000;

const FILL_PROPERTIES = 'color,pattern,patternColor,tintAndShade,patternTintAndShade';
const FONT_PROPERTIES = 'color,tintAndShade';

/** Why an Excel without ExcelApi 1.9 does not mark or clear: it could not restore what it overwrote. */
const MARKS_NEED = '此 Excel 版本(ExcelApi 低于 1.9)读不出单元格的图案填充和主题色深浅,标记后无法原样还原';

interface Target {
  sheet: string;
  address: string;
  severity: MarkRecord['severity'];
  messages: string[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The cells to mark: one per sheet and address, with the highest severity and every message; info is not marked. */
export function markTargets(problems: Problem[]): Target[] {
  const byCell = new Map<string, Target>();
  for (const p of problems) {
    if (p.severity === 'info' || !p.sheet || !p.cell || !/^[A-Z]+\d+$/.test(p.cell)) continue;
    const key = `${p.sheet}\u0000${p.cell}`;
    const t = byCell.get(key);
    if (!t) byCell.set(key, { sheet: p.sheet, address: p.cell, severity: p.severity, messages: [p.message] });
    else {
      if (RANK[p.severity] < RANK[t.severity]) t.severity = p.severity;
      if (!t.messages.includes(p.message)) t.messages.push(p.message);
    }
  }
  return [...byCell.values()];
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Consecutive runs of `items` whose `cost` adds up to at most `budget` each (an item over it goes alone). */
function runs<T>(items: T[], budget: number, cost: (item: T) => number): T[][] {
  const out: T[][] = [];
  let run: T[] = [];
  let used = 0;
  for (const item of items) {
    const c = cost(item);
    if (run.length && used + c > budget) {
      out.push(run);
      run = [];
      used = 0;
    }
    run.push(item);
    used += c;
  }
  if (run.length) out.push(run);
  return out;
}

/**
 * Cells as `Worksheet.getRanges` groups: the cells of one key each (a key holds one sheet's cells, or a part of
 * them), addresses under ADDRESS_CHARS.
 */
function addressGroups<T>(cells: T[], keyOf: (c: T) => string, addressOf: (c: T) => string): T[][] {
  const byKey = new Map<string, T[]>();
  for (const c of cells) {
    const key = keyOf(c);
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  }
  return [...byKey.values()].flatMap((list) => runs(list, ADDRESS_CHARS, (c) => addressOf(c).length + 1));
}

const addressOfTarget = (c: { target: Target }) => c.target.address;
const addressOfRecord = (c: { record: MarkRecord }) => c.record.address;
const rangesOf = <T>(sheet: Excel.Worksheet, cells: T[], addressOf: (c: T) => string) => sheet.getRanges(cells.map(addressOf).join(','));
const sameColor = (a: string | null | undefined, b: string) => (a ?? '').toUpperCase() === b.toUpperCase();

interface WorkbookState {
  parts: Excel.CustomXmlPart[];
  records: MarkRecord[];
  sheets: Excel.Worksheet[];
  /** The workbook's modern comments (ExcelApi 1.10), when asked for. */
  comments: Excel.Comment[];
}

/**
 * The stored records, the worksheets (id, name, protection) and, when asked, the comments: two syncs when marks
 * exist, one otherwise.
 */
async function loadState(context: Excel.RequestContext, withComments = false): Promise<WorkbookState> {
  const parts = context.workbook.customXmlParts.getByNamespace(MARKS_NAMESPACE).load('items/id');
  const sheets = context.workbook.worksheets.load('items/id,items/name,items/protection/protected');
  const comments = withComments && supports('comments') ? context.workbook.comments.load('items') : null;
  await context.sync();
  const base = { sheets: sheets.items, comments: comments?.items ?? [] };
  if (parts.items.length === 0) return { ...base, parts: [], records: [] };
  const xml = parts.items.map((p) => p.getXml());
  await context.sync();
  return { ...base, parts: parts.items, records: xml.flatMap((x) => decodeMarks(x.value)) };
}

function restoreFill(fill: Excel.RangeFill, saved: SavedFill): void {
  if (saved.pattern === 'None') return fill.clear();
  fill.color = saved.color;
  fill.pattern = saved.pattern as Excel.FillPattern;
  if (saved.patternColor !== null) fill.patternColor = saved.patternColor;
  if (saved.tintAndShade !== null) fill.tintAndShade = saved.tintAndShade;
  if (saved.patternTintAndShade !== null) fill.patternTintAndShade = saved.patternTintAndShade;
}

function restoreFont(font: Excel.RangeFont, saved: SavedFont): void {
  font.color = saved.color;
  if (saved.tintAndShade !== null) font.tintAndShade = saved.tintAndShade;
}

/** A restored cell whose fill or font had a tint: checked after the restore (checkTints). */
interface Tinted {
  range: Excel.Range;
  fill: SavedFill | null;
  font: SavedFont | null;
}

/**
 * Queues the restoring of every stored mark and the deletion of the record; the caller's next sync carries the
 * last of it. Cells of a deleted sheet are gone with it; a cell the user recoloured since keeps the user's colour.
 * The cells of one sheet and severity are asked as one RangeAreas: where it still shows the mark throughout (the
 * usual case), its cells are restored a saved look at a time through RangeAreas too; a group the user recoloured
 * in part is looked at and restored cell by cell. Notes are looked up one by one (only ours are deleted).
 * Returns the restored cells that had a tint, for checkTints.
 */
async function queueClear(context: Excel.RequestContext, state: WorkbookState, notes: boolean): Promise<Tinted[]> {
  const tinted: Tinted[] = [];
  const byId = new Map(state.sheets.map((s) => [s.id, s]));
  const live = state.records.flatMap((record) => {
    const sheet = byId.get(record.sheetId);
    return sheet && !sheet.protection.protected ? [{ record, sheet }] : [];
  });
  const restored = (c: (typeof live)[number], fill: boolean, font: boolean) => {
    const fillTint = fill && c.record.fill.pattern !== 'None' && !!c.record.fill.tintAndShade;
    const fontTint = font && !!c.record.font.tintAndShade;
    if (fillTint || fontTint) tinted.push({ range: c.sheet.getRange(c.record.address), fill: fillTint ? c.record.fill : null, font: fontTint ? c.record.font : null });
  };

  const groups = addressGroups(live, (c) => `${c.record.sheetId}\u0000${c.record.severity}`, addressOfRecord).map((group) => {
    const format = rangesOf(group[0].sheet, group, addressOfRecord).format;
    return { group, fill: format.fill.load('color,pattern'), font: format.font.load('color') };
  });
  // Note lookups go NOTES_PER_SYNC at a time, each batch's deletions with the next batch's lookups.
  const noteChunks = chunks(notes ? live.filter((c) => c.record.note) : [], NOTES_PER_SYNC);
  const lookUpNotes = (chunk: typeof live) => chunk.map((c) => c.sheet.notes.getItemOrNullObject(c.record.address).load('content'));
  let looked = lookUpNotes(noteChunks[0] ?? []);
  await context.sync();

  const oneByOne: typeof live = [];
  const stillMarked: typeof live = [];
  for (const { group, fill, font } of groups) {
    const mark = MARK_STYLE[group[0].record.severity];
    if (sameColor(fill.color, mark.fill) && fill.pattern === 'Solid' && sameColor(font.color, mark.font)) stillMarked.push(...group);
    else oneByOne.push(...group);
  }
  for (const same of addressGroups(stillMarked, (c) => `${c.record.sheetId}\u0000${JSON.stringify([c.record.fill, c.record.font])}`, addressOfRecord)) {
    const format = rangesOf(same[0].sheet, same, addressOfRecord).format;
    restoreFill(format.fill, same[0].record.fill);
    restoreFont(format.font, same[0].record.font);
    for (const c of same) restored(c, true, true);
  }

  for (let i = 0; i < noteChunks.length; i++) {
    for (const note of looked) if (!note.isNullObject && note.content.startsWith(NOTE_PREFIX)) note.delete();
    if (i + 1 === noteChunks.length) break;
    looked = lookUpNotes(noteChunks[i + 1]);
    await context.sync();
  }

  for (const chunk of chunks(oneByOne, CELLS_PER_SYNC)) {
    const loaded = chunk.map((c) => {
      const range = c.sheet.getRange(c.record.address);
      return { ...c, range, fill: range.format.fill.load('color,pattern'), font: range.format.font.load('color') };
    });
    await context.sync();
    for (const c of loaded) {
      const mark = MARK_STYLE[c.record.severity];
      const fill = sameColor(c.fill.color, mark.fill) && c.fill.pattern === 'Solid';
      const font = sameColor(c.font.color, mark.font);
      if (fill) restoreFill(c.range.format.fill, c.record.fill);
      if (font) restoreFont(c.range.format.font, c.record.font);
      restored(c, fill, font);
    }
  }
  for (const part of state.parts) part.delete();
  return tinted;
}

/**
 * Excel's reference leaves open whether `color` reads as the colour a tint applies to or as the colour the cell
 * shows; if the latter, restoring colour and tint tints twice. So each restored tinted cell is read back: where its
 * colour is not the saved one, it gets the saved colour as a plain colour (tint 0), which is what it showed.
 */
async function checkTints(context: Excel.RequestContext, tinted: Tinted[]): Promise<void> {
  for (const chunk of chunks(tinted, CELLS_PER_SYNC)) {
    const now = chunk.map((t) => ({ ...t, fillNow: t.fill ? t.range.format.fill.load('color') : null, fontNow: t.font ? t.range.format.font.load('color') : null }));
    await context.sync();
    let fixed = 0;
    for (const c of now) {
      if (c.fill && !sameColor(c.fillNow!.color, c.fill.color)) {
        c.range.format.fill.color = c.fill.color;
        c.range.format.fill.tintAndShade = 0;
        fixed++;
      }
      if (c.font && !sameColor(c.fontNow!.color, c.font.color)) {
        c.range.format.font.color = c.font.color;
        c.range.format.font.tintAndShade = 0;
        fixed++;
      }
    }
    if (fixed) await context.sync();
  }
}

/**
 * Queues the mark's colours on the cells, a few hundred cells of one sheet and severity at a time through one
 * RangeAreas (idempotent: queued again after a refused note).
 */
function queueColours(cells: { sheet: Excel.Worksheet; target: Target }[]): void {
  for (const severity of ['error', 'warning'] as const) {
    const style = MARK_STYLE[severity];
    for (const group of addressGroups(cells.filter((c) => c.target.severity === severity), (c) => c.target.sheet, addressOfTarget)) {
      const format = rangesOf(group[0].sheet, group, addressOfTarget).format;
      format.fill.color = style.fill;
      // A patterned fill keeps its pattern when only the colour changes: make the mark a plain fill.
      format.fill.pattern = 'Solid';
      // A theme colour's tint would otherwise tint the mark too.
      format.fill.tintAndShade = 0;
      format.font.color = style.font;
      format.font.tintAndShade = 0;
    }
  }
}

/**
 * The cells ("sheet!A1") that hold a modern comment: Excel refuses a note there, and one refused note would fail
 * the whole batch. One sync, only when the workbook has comments.
 */
async function commentedCells(context: Excel.RequestContext, comments: Excel.Comment[]): Promise<Set<string>> {
  if (comments.length === 0) return new Set();
  const locations = comments.map((comment) => comment.getLocation().load('address'));
  await context.sync();
  return new Set(locations.map((range) => {
    const [sheet, cell] = splitAddress(range.address);
    return `${sheet}!${cell}`;
  }));
}

/** "'My sheet'!$B$3" → ["My sheet", "B3"]. */
function splitAddress(address: string): [string, string] {
  const bang = address.lastIndexOf('!');
  const sheet = address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  return [sheet, address.slice(bang + 1).replace(/\$/g, '')];
}

/** Restores every marked cell and forgets the marks. */
export async function clearMarks(context: Excel.RequestContext, notes: boolean): Promise<void> {
  const state = await loadState(context);
  if (state.parts.length === 0) return;
  if (!supports('fillDetail')) throw new Error(`${MARKS_NEED}:请在 Office 2021 及以上、Microsoft 365 或网页版 Excel 中点“清除标记”。`);
  const tinted = await queueClear(context, state, notes);
  await context.sync();
  await checkTints(context, tinted);
}

/** Replaces the previous marks with marks for these problems. Returns how many cells were marked. */
export async function markProblems(context: Excel.RequestContext, problems: Problem[], notes: boolean): Promise<number> {
  if (!supports('fillDetail')) throw new Error(`${MARKS_NEED},因此不在表格中标记:问题都列在面板中,点击可跳到单元格。`);
  const state = await loadState(context, notes);
  if (state.parts.length > 0) {
    const tinted = await queueClear(context, state, notes);
    // The tinted cells are checked before their look is saved again (usually there are none: no extra sync).
    if (tinted.length) {
      await context.sync();
      await checkTints(context, tinted);
    }
  }

  const sheets = new Map(state.sheets.filter((s) => !s.protection.protected).map((s) => [s.name, s]));
  const targets = markTargets(problems).filter((t) => sheets.has(t.sheet)).slice(0, MAX_MARKED_CELLS);
  if (targets.length === 0) {
    if (state.parts.length > 0) await context.sync();
    return 0;
  }

  const commented = await commentedCells(context, state.comments);

  // What the cells look like now (after the queued restores). A group of cells is asked as one RangeAreas, whose fill
  // and font read as one value where all its cells agree (the usual case: a sheet without colours); and each sheet
  // for how many notes it has. Only the cells of a mixed group, and of a sheet with notes, are loaded one by one.
  const cells = targets.map((target) => ({ target, sheet: sheets.get(target.sheet)! }));
  const groups = addressGroups(cells, (c) => c.target.sheet, addressOfTarget).map((group) => {
    const format = rangesOf(group[0].sheet, group, addressOfTarget).format;
    return { group, fill: format.fill.load(FILL_PROPERTIES), font: format.font.load(FONT_PROPERTIES) };
  });
  const noteCounts = new Map(notes ? [...new Set(cells.map((c) => c.sheet))].map((sheet) => [sheet, sheet.notes.getCount()] as const) : []);
  await context.sync();

  const looks = new Map<Target, { fill: SavedFill; font: SavedFont }>();
  for (const { group, fill, font } of groups) {
    const look = { fill: { color: fill.color, pattern: fill.pattern, patternColor: fill.patternColor, tintAndShade: fill.tintAndShade, patternTintAndShade: fill.patternTintAndShade }, font: { color: font.color, tintAndShade: font.tintAndShade } };
    // A mixed group reads null; so may a property on its own: either way its cells are loaded one by one.
    if ([...Object.values(look.fill), ...Object.values(look.font)].every((v) => v !== null)) for (const c of group) looks.set(c.target, look);
  }
  const lookUpNote = (c: (typeof cells)[number]) => notes && !commented.has(`${c.target.sheet}!${c.target.address}`) && noteCounts.get(c.sheet)!.value > 0;
  const alone = new Map<Target, { fill: Excel.RangeFill | null; font: Excel.RangeFont | null; note: Excel.Note | null }>();
  for (const chunk of chunks(cells.filter((c) => !looks.has(c.target) || lookUpNote(c)), CELLS_PER_SYNC)) {
    for (const c of chunk) {
      const format = looks.has(c.target) ? null : c.sheet.getRange(c.target.address).format;
      alone.set(c.target, {
        fill: format && format.fill.load(FILL_PROPERTIES),
        font: format && format.font.load(FONT_PROPERTIES),
        note: lookUpNote(c) ? c.sheet.notes.getItemOrNullObject(c.target.address).load('content') : null,
      });
    }
    await context.sync();
  }

  const records: MarkRecord[] = cells.map(({ target, sheet }) => {
    const one = alone.get(target);
    const look = looks.get(target) ?? {
      fill: { color: one!.fill!.color, pattern: one!.fill!.pattern, patternColor: one!.fill!.patternColor, tintAndShade: one!.fill!.tintAndShade, patternTintAndShade: one!.fill!.patternTintAndShade },
      font: { color: one!.font!.color, tintAndShade: one!.font!.tintAndShade },
    };
    const note = one?.note;
    // A note is ours to write where the cell can hold one and has none, or has one of ours.
    const ours = notes && !commented.has(`${target.sheet}!${target.address}`) && (!note || note.isNullObject || note.content.startsWith(NOTE_PREFIX));
    return { sheetId: sheet.id, address: target.address, severity: target.severity, ...look, note: ours };
  });
  // The record goes alone: for 20,000 cells it is itself over 2 MB.
  context.workbook.customXmlParts.add(encodeMarks(records));
  await context.sync();

  // The colours in one sync with the first notes; the notes then in syncs of NOTE_BYTES_PER_SYNC.
  const noted = cells.flatMap((c, i) => (records[i].note ? [{ ...c, text: `${NOTE_PREFIX}\n${c.target.messages.join('\n')}`.slice(0, NOTE_MAX_CHARS), note: alone.get(c.target)?.note ?? null }] : []));
  // An added note costs its object paths and action (under 400 bytes) and its text (at most 3 bytes a character).
  const noteRuns = runs(noted, NOTE_BYTES_PER_SYNC, (n) => 400 + 3 * n.text.length);
  for (let i = 0; i < Math.max(1, noteRuns.length); i++) {
    if (i === 0) queueColours(cells);
    // Notes after the colours: Excel runs a batch in order, so a note it refuses cannot take the colours with it.
    for (const n of noteRuns[i] ?? []) {
      if (!n.note || n.note.isNullObject) n.sheet.notes.add(n.target.address, n.text);
      else n.note.content = n.text;
    }
    try {
      await context.sync();
    } catch {
      // A note refused where the checks did not foresee it (a comment added meanwhile by a co-author): the run's other
      // notes are not written and their messages stay in the pane. The record's note flags stay: clearing deletes
      // only notes that start with NOTE_PREFIX.
      if (i === 0) {
        queueColours(cells);
        await context.sync();
      }
    }
  }
  return records.length;
}
