/** The pane's state and the reducer that changes it; the controller's workflows dispatch, components read. */
import type { WorkbookFile, WorkbookHost } from '../host/types';
import type { ValidationResult } from '../rules/engine';
import type { WorkbookGrid } from '../rules/grid';
import type { Policy, TableKind } from '../rules/policy';
import type { RuleId, Severity } from '../rules/problem';
import type { NameEncoding } from '../package/entry-names';
import type { ScanInfo, ScanSet } from '../rules/scans';
import type { TemplateOutcome } from '../rules/template';
import type { ManualAssignment } from '../scan/link';

/** One picked scan: the file and what inspection found (null while it runs). Thumbnails are made on demand (thumbnails.ts). */
export interface PickedScan {
  path: string;
  blob: Blob;
  info: ScanInfo | null;
}

export interface Notice {
  intent: 'success' | 'info' | 'warning' | 'error';
  text: string;
}

export type Tab = 'problems' | 'evidence' | 'scans' | 'export' | 'settings';

export interface ExportOutcome {
  fileName: string;
  /** 'beside': the host wrote it next to the workbook (WPS); `path` and `folder` say where. */
  how: 'picker' | 'download' | 'beside';
  workbookSource: WorkbookFile['source'];
  path?: string;
  folder?: string;
}

/** The package is larger than an e-mail takes: the parts it would be split into, for the registrar to choose. */
export interface SplitOffer {
  /** The whole package's size and the policy's attachment limit, in bytes. */
  size: number;
  limit: number;
  parts: { fileName: string; size: number; folders: number; overLimit: boolean }[];
}

export interface PaneState {
  hostKind: WorkbookHost['kind'];
  capabilities: WorkbookHost['capabilities'];
  /** Office's platform ("PC", "Mac", "OfficeOnline", …); null outside Office. */
  platform: string | null;
  /** The opened file's name (file mode) once one is opened. */
  openedFile: string | null;
  /** The loaded policy; null for the OUC defaults (the engine's own default, so the first paint needs no policy code). */
  policy: Policy | null;
  /** The loaded policy file's name; null for the OUC defaults. */
  policyName: string | null;
  /** "YYYY-MM-DD"; null for today. */
  asOf: string | null;
  kindOverrides: Record<string, TableKind>;
  grid: WorkbookGrid | null;
  result: ValidationResult | null;
  scans: PickedScan[];
  /** Assignments the registrar made by hand; they win over guesses. */
  manual: ManualAssignment[];
  /** The inspected scans with their links, once scans are picked and the workbook validated. */
  scanSet: ScanSet | null;
  /** How the package's entry names are encoded (GBK for old Windows unzip tools). */
  names: NameEncoding;
  /** Whether a workflow runs (its step and counter live in the progress store, so counting does not re-render the pane). */
  busy: boolean;
  notice: Notice | null;
  exported: ExportOutcome | null;
  /** Why the export needs the workbook saved first, while the pane offers 保存并导出 (WPS); null otherwise. */
  saveOffer: string | null;
  splitOffer: SplitOffer | null;
  /** 插入模板 found sheets of the template's kinds: the registrar is asked before anything is added. */
  templateQuestion: Pick<TemplateOutcome, 'conflicts' | 'missing'> | null;
  /** What the package planner refused beyond what the pane foresaw (names, sizes), one line per place. */
  refusal: string[] | null;
  filters: { severities: Severity[]; rule: RuleId | null };
  /** The 学生材料 tab shows only students who are not complete. */
  onlyUnfinished: boolean;
  /** A setting (as-of date, sheet kind, policy) changed while a workflow ran: validate again when it ends. */
  revalidateQueued: boolean;
  /** Whether the assignments saved with the workbook were tried on the scans now picked (once per pick), and how many came back. */
  linkState: { tried: boolean; restored: number };
  tab: Tab;
}

export type Action =
  | { type: 'busy'; busy: boolean }
  | { type: 'refusal'; refusal: string[] | null }
  | { type: 'revalidate-queued'; queued: boolean }
  | { type: 'link-state'; linkState: PaneState['linkState'] }
  | { type: 'only-unfinished'; on: boolean }
  | { type: 'notice'; notice: Notice | null }
  | { type: 'opened'; name: string }
  | { type: 'read'; grid: WorkbookGrid }
  | { type: 'validated'; result: ValidationResult }
  | { type: 'scans'; scans: PickedScan[] }
  | { type: 'manual'; manual: ManualAssignment[] }
  | { type: 'scan-set'; scanSet: ScanSet | null }
  | { type: 'names'; names: NameEncoding }
  | { type: 'policy'; policy: Policy | null; name: string | null }
  | { type: 'as-of'; asOf: string | null }
  | { type: 'kind-override'; sheet: string; kind: TableKind | null }
  | { type: 'exported'; outcome: ExportOutcome }
  | { type: 'save-offer'; saveOffer: string | null }
  | { type: 'split-offer'; offer: SplitOffer | null }
  | { type: 'template-question'; question: PaneState['templateQuestion'] }
  | { type: 'filters'; filters: PaneState['filters'] }
  | { type: 'tab'; tab: Tab };

export function initialState(host: WorkbookHost, platform: string | null): PaneState {
  return {
    hostKind: host.kind,
    capabilities: host.capabilities,
    platform,
    openedFile: null,
    policy: null,
    policyName: null,
    asOf: null,
    kindOverrides: {},
    grid: null,
    result: null,
    scans: [],
    manual: [],
    scanSet: null,
    names: 'utf8',
    busy: false,
    notice: null,
    exported: null,
    saveOffer: null,
    splitOffer: null,
    templateQuestion: null,
    refusal: null,
    filters: { severities: ['error', 'warning', 'info'], rule: null },
    onlyUnfinished: false,
    revalidateQueued: false,
    linkState: { tried: false, restored: 0 },
    tab: 'problems',
  };
}

/**
 * What a change of the workbook, the scans or the settings makes stale: a notice describes the state it was said
 * in, and an export or a refusal the package of that state. The workflow that made the change says its notice after.
 */
// What describes the state before a change (a notice, an export, a refusal, the parts a package would split into) goes with it.
const STALE = { notice: null, exported: null, refusal: null, splitOffer: null } as const;

export function reducer(state: PaneState, action: Action): PaneState {
  switch (action.type) {
    case 'busy':
      return { ...state, busy: action.busy };
    case 'notice':
      return { ...state, notice: action.notice };
    case 'link-state':
      return { ...state, linkState: action.linkState };
    case 'revalidate-queued':
      return { ...state, revalidateQueued: action.queued };
    case 'refusal':
      return { ...state, refusal: action.refusal };
    case 'only-unfinished':
      return { ...state, onlyUnfinished: action.on };
    case 'opened':
      // Another workbook: the old results and links no longer apply.
      return { ...state, ...STALE, openedFile: action.name, grid: null, result: null, scanSet: null, manual: [], linkState: { tried: false, restored: 0 } };
    case 'read':
      return { ...state, grid: action.grid };
    case 'validated':
      return { ...state, ...STALE, result: action.result };
    case 'scans':
      return { ...state, ...STALE, scans: action.scans };
    case 'manual':
      return { ...state, ...STALE, manual: action.manual };
    case 'scan-set':
      return { ...state, ...STALE, scanSet: action.scanSet };
    case 'names':
      return { ...state, exported: null, refusal: null, names: action.names };
    case 'policy':
      return { ...state, ...STALE, policy: action.policy, policyName: action.name };
    case 'as-of':
      return { ...state, ...STALE, asOf: action.asOf };
    case 'kind-override': {
      const kindOverrides = { ...state.kindOverrides };
      if (action.kind) kindOverrides[action.sheet] = action.kind;
      else delete kindOverrides[action.sheet];
      return { ...state, ...STALE, kindOverrides };
    }
    case 'exported':
      return { ...state, exported: action.outcome, splitOffer: null };
    case 'save-offer':
      return { ...state, saveOffer: action.saveOffer };
    case 'split-offer':
      return { ...state, splitOffer: action.offer };
    case 'template-question':
      return { ...state, templateQuestion: action.question };
    case 'filters':
      return { ...state, filters: action.filters };
    case 'tab':
      return { ...state, tab: action.tab };
  }
}

/** A minimal external store, so the ribbon commands (outside React) and the components share one state. */
export interface Store {
  getState(): PaneState;
  dispatch(action: Action): void;
  subscribe(listener: () => void): () => void;
}

export function createStore(initial: PaneState): Store {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      state = reducer(state, action);
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
