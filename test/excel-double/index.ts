/**
 * An in-memory Excel for tests: `createExcelDouble(spec)` returns `{ Excel, Office, state, syncCount }` —
 * `Excel.run` with the proxy model of office-js (see client.ts and excel-api.ts), an `Office` with requirement
 * sets, getFileAsync, actions and addin, the workbook state to assert on, and the number of syncs so far.
 * Plain TypeScript without Node imports, so a browser test can install it too (README.md).
 */
import { type DoubleCore, DoubleError, RequestContext } from './client';
import { Workbook } from './excel-api';
import { type Profile, PROFILES } from './profiles';
import { type CellState, DEFAULT_FILL, DEFAULT_FONT, type Fill, type Font, type StoredCopy, type WorkbookState, cellKey, ensureCell, newSheet, parseArea } from './state';

export type CellSpec =
  | string
  | number
  | boolean
  | null
  | undefined
  | { value?: string | number | boolean | null; numberFormat?: string; text?: string; error?: boolean; fill?: Partial<Fill>; font?: Partial<Font>; note?: string; comment?: string };

export interface SheetSpec {
  name: string;
  /** Rows of cells from `origin` (default A1): strings stay text, numbers are numbers, as typed into a "@" or General cell. */
  rows?: CellSpec[][];
  origin?: string;
  merges?: string[];
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  protected?: boolean;
  /** 1-based rows hidden by the user. */
  hiddenRows?: number[];
  /** An AutoFilter over the range; `filteredRows` (1-based) are the rows its criteria hide now. */
  autoFilter?: { range: string; filteredRows?: number[] };
  /** Excel tables (ListObjects) on the sheet: name and whole range, header row included. */
  tables?: { name: string; range: string }[];
}

export interface WorkbookSpec {
  /** The file name Excel shows, e.g. "统计表.xlsx". */
  name?: string;
  sheets: SheetSpec[];
  /** Which Office this double is (requirement sets, platform, where getFileAsync reads from); default Microsoft 365. */
  profile?: Profile;
  /** Overrides the profile's requirement sets: highest version of each set; a set not listed is unsupported. */
  requirements?: Record<string, string>;
  /** The bytes getFileAsync returns, made from the workbook as the file holds it; without it getFileAsync fails. */
  file?: (workbook: StoredCopy) => Uint8Array | Promise<Uint8Array>;
  /**
   * Where the profile reads the file from storage (Excel on the web): how many getFileAsync calls still get the
   * copy storage last received before it catches up with the workbook (default 1; Infinity: never).
   */
  storageLag?: number;
  /** Excel on the web's limit for a request or a response (5 MB). */
  payloadLimit?: number;
  /** A ribbon button the registrar clicks before the pane has loaded: Office delivers it as soon as the runtime is ready. */
  firstClick?: string;
  /**
   * What `color` reads for a fill or font with a tint: 'base' (default), the colour the tint applies to, as
   * RangeFill.tintAndShade's description reads; 'shown', the colour the cell shows, as VBA's Interior.Color gives.
   * Which one Excel does is to confirm in a real Excel: the adapter must restore exactly under both.
   */
  colorReads?: 'base' | 'shown';
}

export { PROFILES };
export type { Profile };

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

function buildState(spec: WorkbookSpec): WorkbookState {
  const state: WorkbookState = {
    name: spec.name ?? '工作簿1.xlsx', sheets: [], activeSheetId: null, customXmlParts: [], syncs: [], runs: [], actions: new Map(),
    settings: { pending: new Map(), saved: new Map() }, taskpaneShown: 0, nextId: 1, cellEditing: false, droppedClicks: [], startupBehavior: null, stored: null,
  };
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
          if (spec.comment !== undefined) {
            if (spec.note !== undefined) throw new Error('a cell holds a note or a comment, not both');
            sheet.comments.set(cellKey(r, c), { content: spec.comment });
          }
        }
      }),
    );
    sheet.merges = (s.merges ?? []).map(parseArea);
    for (const row of s.hiddenRows ?? []) sheet.hiddenRows.add(row - 1);
    if (s.autoFilter) {
      sheet.autoFilter = { area: parseArea(s.autoFilter.range), filtered: (s.autoFilter.filteredRows ?? []).length > 0 };
      for (const row of s.autoFilter.filteredRows ?? []) sheet.hiddenRows.add(row - 1);
    }
    sheet.tables = (s.tables ?? []).map((t) => ({ id: String(state.nextId++), name: t.name, area: parseArea(t.range) }));
    state.sheets.push(sheet);
  }
  state.activeSheetId = state.sheets.find((s) => s.visibility === 'Visible')?.id ?? null;
  state.stored = storedCopy(state);
  return state;
}

/** What a file of the workbook holds now (a deep copy, so later changes do not reach it). */
function storedCopy(state: StoredCopy): StoredCopy {
  return structuredClone({ name: state.name, sheets: state.sheets, customXmlParts: state.customXmlParts });
}

type AsyncCallback<T> = (result: { status: string; value: T; error?: { message: string; code?: number } }) => void;

export function createExcelDouble(spec: WorkbookSpec) {
  const state = buildState(spec);
  const profile = PROFILES[spec.profile ?? 'microsoft-365'];
  const requirements = spec.requirements ?? profile.requirements;
  let editEnded: (() => void)[] = [];
  const core: DoubleCore = {
    state,
    payloadLimit: spec.payloadLimit ?? 5 * 1024 * 1024,
    supports: (set, version) => set in requirements && versionAtLeast(requirements[set], version),
    cellEditEnded: () => (state.cellEditing ? new Promise<void>((resolve) => editEnded.push(resolve)) : Promise.resolve()),
    colorReads: spec.colorReads ?? 'base',
  };

  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const options = (typeof a === 'function' ? {} : a) as { mergeUndoGroup?: boolean; delayForCellEdit?: boolean };
    const batch = (typeof a === 'function' ? a : b) as (context: unknown) => Promise<T>;
    state.runs.push({ mergeUndoGroup: options.mergeUndoGroup === true && core.supports('ExcelApi', '1.20') });
    // delayForCellEdit came with ExcelApi 1.11: an older Excel ignores it and fails the batch in cell edit mode.
    const context = new RequestContext(core, options.delayForCellEdit === true && core.supports('ExcelApi', '1.11')) as RequestContext & { workbook: Workbook };
    context.workbook = new Workbook(context);
    const result = await batch(context);
    // Stricter than Excel: commands queued after the last sync are a bug in the caller.
    if (context._queue.length) throw new DoubleError('PendingCommands', `${context._queue.length} commands were queued after the last context.sync()`);
    return result;
  }

  const ok = <T>(value: T) => ({ status: 'succeeded', value });
  const failed = (message: string, code = 5001) => ({ status: 'failed', value: undefined as never, error: { message, code } });

  /** Excel on the web reads the file from storage, which lags behind the workbook; the desktop hands the live workbook. */
  const lag = profile.fileFromStorage ? (spec.storageLag ?? 1) : 0;
  let staleCalls = 0;
  function fileSource(): StoredCopy {
    if (lag === 0) return state;
    const copy = state.stored!;
    if (++staleCalls >= lag) {
      state.stored = storedCopy(state);
      staleCalls = 0;
    }
    return copy;
  }

  /** Delivers a ribbon click: runs the associated action, or drops the click when none is associated yet. */
  function clickRibbon(name: string): Promise<'completed' | 'dropped'> {
    const action = state.actions.get(name);
    if (!action) {
      state.droppedClicks.push(name);
      return Promise.resolve('dropped');
    }
    return new Promise((resolve) => void action({ completed: () => resolve('completed'), source: { id: name } }));
  }
  let readyOnce: Promise<{ host: string; platform: string }> | null = null;

  const Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    FileType: { Compressed: 'compressed', Pdf: 'pdf', Text: 'text' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    StartupBehavior: { none: 'None', load: 'Load' },
    /**
     * Ready after the current script has run; a click made before the page loaded (spec.firstClick) arrives right
     * after, and is dropped when the action was not associated by then (https://github.com/OfficeDev/office-js/issues/5176).
     */
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      readyOnce ??= Promise.resolve().then(() => {
        if (spec.firstClick) setTimeout(() => void clickRibbon(spec.firstClick!));
        return { host: 'Excel', platform: profile.platform };
      });
      return readyOnce.then((info) => {
        callback?.(info);
        return info;
      });
    },
    context: {
      host: 'Excel',
      platform: profile.platform,
      requirements: { isSetSupported: (name: string, version?: string) => core.supports(name, version ?? '1.1') },
      document: {
        url: profile.platform === 'OfficeOnline' ? `https://example.invalid/personal/Documents/${encodeURIComponent(state.name)}` : `C:\\Users\\registrar\\Documents\\${state.name}`,
        settings: {
          get: (name: string) => (state.settings.pending.has(name) ? state.settings.pending.get(name) : null),
          set: (name: string, value: unknown) => void state.settings.pending.set(name, JSON.parse(JSON.stringify(value))),
          remove: (name: string) => void state.settings.pending.delete(name),
          saveAsync(callback?: AsyncCallback<void>) {
            state.settings.saved = new Map(state.settings.pending);
            setTimeout(() => callback?.(ok(undefined)));
          },
        },
        /** Compressed (.xlsx bytes) needs the CompressedFile set, not File (https://learn.microsoft.com/javascript/api/office/office.document#office-office-document-getfileasync-member(1)). */
        getFileAsync(type: string, options: unknown, callback?: AsyncCallback<unknown>) {
          const cb = (typeof options === 'function' ? options : callback) as AsyncCallback<unknown>;
          const sliceSize = (typeof options === 'object' && options && (options as { sliceSize?: number }).sliceSize) || 4 * 1024 * 1024;
          setTimeout(async () => {
            if (type !== 'compressed' || !core.supports('CompressedFile', '1.1')) return cb(failed('The file type is not supported on this platform.', 5003));
            if (!spec.file) return cb(failed('此环境不能取得文件'));
            const bytes = await spec.file(fileSource());
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
      /** SharedRuntime 1.1: 'Load' starts the add-in's runtime with the document. */
      setStartupBehavior(behavior: string) {
        if (!core.supports('SharedRuntime', '1.1')) return Promise.reject(new DoubleError('ApiNotFound', 'setStartupBehavior needs SharedRuntime 1.1'));
        state.startupBehavior = behavior;
        return Promise.resolve();
      },
    },
  };

  /** What the registrar does in Excel between the add-in's calls. */
  const user = {
    /** Starts or ends typing in a cell; batches waiting with delayForCellEdit run when it ends. */
    editCell(on: boolean) {
      state.cellEditing = on;
      if (!on) {
        const waiting = editEnded;
        editEnded = [];
        for (const resolve of waiting) resolve();
      }
    },
    deleteSheet(name: string) {
      state.sheets = state.sheets.filter((s) => s.name !== name);
    },
    protectSheet(name: string, on = true) {
      state.sheets.find((s) => s.name === name)!.protected = on;
    },
    /** Storage receives the workbook as it is now (a save, or the web's autosave). */
    save() {
      state.stored = storedCopy(state);
    },
  };

  return { Excel: { run, SaveBehavior: { save: 'Save', prompt: 'Prompt' } }, Office, state, profile, user, clickRibbon, syncCount: () => state.syncs.length };
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
