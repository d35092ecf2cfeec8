/** The pane's state and the reducer that changes it; the controller's workflows dispatch, components read. */
import type { Progress, WorkbookFile, WorkbookHost } from '../host/types';
import type { ValidationResult } from '../rules/engine';
import type { WorkbookGrid } from '../rules/grid';
import type { Policy, TableKind } from '../rules/policy';
import type { RuleId, Severity } from '../rules/problem';
import type { NameEncoding } from '../package/entry-names';
import type { ScanInfo, ScanSet } from '../rules/scans';
import type { TemplateOutcome } from '../rules/template';
import type { ManualAssignment } from '../scan/link';

/** One picked scan: the file, what inspection found (null while it runs) and its thumbnail URL. */
export interface PickedScan {
  path: string;
  blob: Blob;
  info: ScanInfo | null;
  thumbnail: string;
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
  progress: Progress | null;
  notice: Notice | null;
  exported: ExportOutcome | null;
  /** Why the export needs the workbook saved first, while the pane offers 保存并导出 (WPS); null otherwise. */
  saveOffer: string | null;
  splitOffer: SplitOffer | null;
  /** 插入模板 found sheets of the template's kinds: the registrar is asked before anything is added. */
  templateQuestion: Pick<TemplateOutcome, 'conflicts' | 'missing'> | null;
  filters: { severities: Severity[]; rule: RuleId | null };
  tab: Tab;
}

export type Action =
  | { type: 'progress'; progress: Progress | null }
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
    progress: null,
    notice: null,
    exported: null,
    saveOffer: null,
    splitOffer: null,
    templateQuestion: null,
    filters: { severities: ['error', 'warning', 'info'], rule: null },
    tab: 'problems',
  };
}

export function reducer(state: PaneState, action: Action): PaneState {
  switch (action.type) {
    case 'progress':
      return { ...state, progress: action.progress };
    case 'notice':
      return { ...state, notice: action.notice };
    case 'opened':
      // Another workbook: the old results and links no longer apply.
      return { ...state, openedFile: action.name, grid: null, result: null, scanSet: null, manual: [], exported: null };
    case 'read':
      return { ...state, grid: action.grid };
    case 'validated':
      return { ...state, result: action.result, exported: null };
    case 'scans':
      return { ...state, scans: action.scans, exported: null };
    case 'manual':
      return { ...state, manual: action.manual, exported: null };
    case 'scan-set':
      return { ...state, scanSet: action.scanSet, exported: null };
    case 'names':
      return { ...state, names: action.names, exported: null };
    case 'policy':
      return { ...state, policy: action.policy, policyName: action.name };
    case 'as-of':
      return { ...state, asOf: action.asOf };
    case 'kind-override': {
      const kindOverrides = { ...state.kindOverrides };
      if (action.kind) kindOverrides[action.sheet] = action.kind;
      else delete kindOverrides[action.sheet];
      return { ...state, kindOverrides };
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
