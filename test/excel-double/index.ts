/**
 * An in-memory Excel for tests: `createExcelDouble(spec)` returns `{ Excel, Office, state, syncCount }` —
 * `Excel.run` with the proxy model of office-js (see client.ts and excel-api.ts), an `Office` with requirement
 * sets, getFileAsync, actions and addin, the workbook state to assert on, and the number of syncs so far.
 * Plain TypeScript without Node imports, so a browser test can install it too (README.md).
 */
import { type DoubleCore, DoubleError, RequestContext } from './client';
import { Workbook } from './excel-api';
import { type CellState, DEFAULT_FILL, DEFAULT_FONT, type Fill, type Font, type WorkbookState, cellKey, ensureCell, newSheet, parseArea } from './state';

export type CellSpec =
  | string
  | number
  | boolean
  | null
  | undefined
  | { value?: string | number | boolean | null; numberFormat?: string; text?: string; error?: boolean; fill?: Partial<Fill>; font?: Partial<Font>; note?: string };

export interface SheetSpec {
  name: string;
  /** Rows of cells from `origin` (default A1): strings stay text, numbers are numbers, as typed into a "@" or General cell. */
  rows?: CellSpec[][];
  origin?: string;
  merges?: string[];
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  protected?: boolean;
}

export interface WorkbookSpec {
  /** The file name Excel shows, e.g. "统计表.xlsx". */
  name?: string;
  sheets: SheetSpec[];
  /** Highest version of each requirement set the host supports; a set not listed is unsupported. */
  requirements?: Record<string, string>;
  /** The bytes getFileAsync returns, made from the workbook as it is at that moment; without it getFileAsync fails. */
  file?: (state: WorkbookState) => Uint8Array;
  /** Excel on the web's limit for a request or a response (5 MB). */
  payloadLimit?: number;
}

export const DEFAULT_REQUIREMENTS: Record<string, string> = { ExcelApi: '1.20', SharedRuntime: '1.2', File: '1.1', CompressedFile: '1.1' };

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

function buildState(spec: WorkbookSpec): WorkbookState {
  const state: WorkbookState = { name: spec.name ?? '工作簿1.xlsx', sheets: [], activeSheetId: null, customXmlParts: [], syncs: [], runs: [], actions: new Map(), settings: { pending: new Map(), saved: new Map() }, taskpaneShown: 0, nextId: 1 };
  for (const s of spec.sheets) {
    const sheet = newSheet(state, s.name);
    sheet.visibility = s.visibility ?? 'Visible';
    sheet.protected = s.protected ?? false;
    const origin = parseArea(s.origin ?? 'A1');
    (s.rows ?? []).forEach((row, i) =>
      row.forEach((spec, j) => {
        if (spec === undefined || spec === null || spec === '') return;
        const r = origin.r0 + i;
        const c = origin.c0 + j;
        const cell: CellState = ensureCell(sheet, r, c);
        if (typeof spec !== 'object') cell.value = spec;
        else {
          cell.value = spec.value ?? null;
          if (spec.numberFormat) cell.numberFormat = spec.numberFormat;
          if (spec.text !== undefined) cell.text = spec.text;
          if (spec.error) cell.error = true;
          if (spec.fill) cell.fill = { ...DEFAULT_FILL, ...(spec.fill.color && !spec.fill.pattern ? { pattern: 'Solid' } : {}), ...spec.fill };
          if (spec.font) cell.font = { ...DEFAULT_FONT, ...spec.font };
          if (spec.note !== undefined) sheet.notes.set(cellKey(r, c), { content: spec.note, authorName: '用户' });
        }
      }),
    );
    sheet.merges = (s.merges ?? []).map(parseArea);
    state.sheets.push(sheet);
  }
  state.activeSheetId = state.sheets.find((s) => s.visibility === 'Visible')?.id ?? null;
  return state;
}

type AsyncCallback<T> = (result: { status: string; value: T; error?: { message: string } }) => void;

export function createExcelDouble(spec: WorkbookSpec) {
  const state = buildState(spec);
  const requirements = spec.requirements ?? DEFAULT_REQUIREMENTS;
  const core: DoubleCore = {
    state,
    payloadLimit: spec.payloadLimit ?? 5 * 1024 * 1024,
    supports: (set, version) => set in requirements && versionAtLeast(requirements[set], version),
  };

  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const options = (typeof a === 'function' ? {} : a) as { mergeUndoGroup?: boolean };
    const batch = (typeof a === 'function' ? a : b) as (context: unknown) => Promise<T>;
    state.runs.push({ mergeUndoGroup: options.mergeUndoGroup === true && core.supports('ExcelApi', '1.20') });
    const context = new RequestContext(core) as RequestContext & { workbook: Workbook };
    context.workbook = new Workbook(context);
    const result = await batch(context);
    // Stricter than Excel: commands queued after the last sync are a bug in the caller.
    if (context._queue.length) throw new DoubleError('PendingCommands', `${context._queue.length} commands were queued after the last context.sync()`);
    return result;
  }

  const ok = <T>(value: T) => ({ status: 'succeeded', value });
  const failed = (message: string) => ({ status: 'failed', value: undefined as never, error: { message } });

  const Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC' },
    FileType: { Compressed: 'compressed', Pdf: 'pdf', Text: 'text' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      host: 'Excel',
      requirements: { isSetSupported: (name: string, version?: string) => core.supports(name, version ?? '1.1') },
      document: {
        url: `https://example.invalid/${encodeURIComponent(state.name)}`,
        settings: {
          get: (name: string) => (state.settings.pending.has(name) ? state.settings.pending.get(name) : null),
          set: (name: string, value: unknown) => void state.settings.pending.set(name, JSON.parse(JSON.stringify(value))),
          remove: (name: string) => void state.settings.pending.delete(name),
          saveAsync(callback?: AsyncCallback<void>) {
            state.settings.saved = new Map(state.settings.pending);
            setTimeout(() => callback?.(ok(undefined)));
          },
        },
        getFileAsync(type: string, options: unknown, callback?: AsyncCallback<unknown>) {
          const cb = (typeof options === 'function' ? options : callback) as AsyncCallback<unknown>;
          const sliceSize = (typeof options === 'object' && options && (options as { sliceSize?: number }).sliceSize) || 4 * 1024 * 1024;
          setTimeout(() => {
            if (type !== 'compressed' || !spec.file || !core.supports('File', '1.1')) return cb(failed('此环境不能取得文件'));
            const bytes = spec.file(state);
            let open = true;
            cb(ok({
              size: bytes.length,
              sliceCount: Math.max(1, Math.ceil(bytes.length / sliceSize)),
              getSliceAsync(index: number, done: AsyncCallback<{ data: number[]; index: number; size: number }>) {
                const data = Array.from(bytes.subarray(index * sliceSize, (index + 1) * sliceSize));
                setTimeout(() => done(open ? ok({ data, index, size: data.length }) : failed('file closed')));
              },
              closeAsync(done?: AsyncCallback<void>) {
                open = false;
                setTimeout(() => done?.(ok(undefined)));
              },
            }));
          });
        },
      },
    },
    actions: {
      associate(name: string, fn: (event: unknown) => unknown) {
        state.actions.set(name, fn);
      },
    },
    addin: {
      showAsTaskpane() {
        state.taskpaneShown++;
        return Promise.resolve();
      },
      hide: () => Promise.resolve(),
    },
  };

  return { Excel: { run }, Office, state, syncCount: () => state.syncs.length };
}

export type ExcelDouble = ReturnType<typeof createExcelDouble>;

/**
 * Puts the double where office-js would be: `target.Excel`, and `target.Office` (its members are patched in
 * place when office.js is already loaded, so `Office.onReady` reports Excel). Returns a function that undoes it.
 */
export function installExcelDouble(double: ExcelDouble, target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
  const before = { Excel: target.Excel, Office: target.Office };
  const existing = target.Office as Record<string, unknown> | undefined;
  const saved = existing ? Object.fromEntries(Object.keys(double.Office).map((k) => [k, existing[k]])) : null;
  target.Excel = double.Excel;
  if (existing) Object.assign(existing, double.Office);
  else target.Office = double.Office;
  return () => {
    if (existing && saved) Object.assign(existing, saved);
    target.Office = before.Office;
    target.Excel = before.Excel;
  };
}

export { DoubleError };
export type { WorkbookState };
