/**
 * The pane's workflows without React or a browser: a workbook host double, the real store and the real engine (on
 * the test's thread: no Worker starts here, so the scan work falls back to the pane's thread as on a page from disk).
 */
import type { WorkbookHost } from '../../src/host/types';
import type { Problem } from '../../src/rules/problem';
import type { WorkbookGrid } from '../../src/rules/grid';
import { Controller } from '../../src/taskpane/controller';
import { type Store, createStore, initialState } from '../../src/taskpane/state';
import { correctionSheet } from '../helpers/sheets';
import { makeJpeg } from '../../scripts/synth-images';

const grid: WorkbookGrid = {
  sheets: [correctionSheet('new', [{ 学号: '2509001250001', 姓名: '张三', 更正内容: '性别', 更正前: '男', 更正后: '女', 更正原因: '录入错误' }], { title: '统计表', name: 'Sheet1' })],
};

/** A host whose first marking of the problems waits until `release()`: the validation stays running meanwhile. */
function pane() {
  let release = () => {};
  const reads: number[] = [];
  const marked: Problem[][] = [];
  const host: WorkbookHost = {
    kind: 'excel',
    capabilities: { marks: true, fixes: false, select: false, template: false },
    workbookName: async () => '统计表',
    readWorkbook: async () => {
      reads.push(reads.length + 1);
      return grid;
    },
    markProblems: (problems) => {
      marked.push(problems);
      return marked.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
    },
    clearMarks: async () => {},
    selectCell: async () => {},
    applyFix: async () => ({ undoable: true }),
    insertTemplate: async () => ({ added: [], conflicts: [], missing: [] }),
    getWorkbookFile: async () => ({ bytes: new Uint8Array(), source: 'office-file' }),
    loadLinkState: async () => null,
    saveLinkState: async () => {},
  };
  const store = createStore(initialState(host, null));
  return { store, controller: new Controller(host, store), reads, marked, release: () => release() };
}

/** Waits until no workflow runs and none is queued (a queued revalidation starts when a run ends). */
async function settle(store: Store) {
  for (let i = 0; i < 400 && (store.getState().busy || store.getState().revalidateQueued); i++) await new Promise((r) => setTimeout(r, 5));
}

/** Waits until the running validation has marked its problems (and waits there for `release`). */
async function untilMarking(marked: Problem[][]) {
  for (let i = 0; i < 400 && marked.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
}

const kindOf = (store: Store) => store.getState().result?.tables[0].kind;

describe('pane controller', () => {
  it('validates: reads the workbook once, marks the problems and keeps the result with the settings used', async () => {
    const { store, controller, reads, marked, release } = pane();
    store.dispatch({ type: 'as-of', asOf: '2025-10-01' });
    const done = controller.validate();
    await untilMarking(marked);
    release();
    await done;
    expect(reads).toEqual([1]);
    expect(marked[0]).toBe(store.getState().result?.problems);
    expect(store.getState()).toMatchObject({ busy: false, result: { asOf: '2025-10-01' } });
  });

  it('a setting changed while nothing runs validates again at once', async () => {
    const { store, controller, marked, release } = pane();
    const done = controller.validate();
    await untilMarking(marked);
    release();
    await done;
    expect(kindOf(store)).toBeNull();
    controller.setKindOverride('Sheet1', 'enrolled');
    await settle(store);
    expect(kindOf(store)).toBe('enrolled');
  });

  it('an as-of date and a sheet kind set while a validation runs are applied when it ends, not dropped', async () => {
    const { store, controller, reads, marked, release } = pane();
    store.dispatch({ type: 'as-of', asOf: '2025-10-01' });
    const done = controller.validate();
    await untilMarking(marked);
    // The rules have run with the old settings; the pane is still marking the cells.
    controller.setAsOf('2026-11-29');
    controller.setKindOverride('Sheet1', 'enrolled');
    expect(store.getState()).toMatchObject({ revalidateQueued: true, result: { asOf: '2025-10-01' } });
    release();
    await done;
    await settle(store);
    expect(store.getState()).toMatchObject({ revalidateQueued: false, busy: false, result: { asOf: '2026-11-29' } });
    expect(kindOf(store)).toBe('enrolled');
    // One more run on the grid already read, marked again.
    expect([reads, marked.length]).toEqual([[1], 2]);
  });

  it('without a workbook read, a setting is kept and there is nothing to validate', () => {
    const { store, controller } = pane();
    controller.setAsOf('2026-11-29');
    expect(store.getState()).toMatchObject({ asOf: '2026-11-29', revalidateQueued: false, busy: false, result: null });
  });
  it('picking scans hashes the files that share a size (possible twins) and only those', async () => {
    const { store, controller } = pane();
    const page = makeJpeg({ width: 300, height: 400, dpi: 200 });
    const file = (path: string, pad = 0) => ({ path, blob: new Blob([page.slice(), new Uint8Array(pad)]) });
    await controller.addScans([file('甲/身份证.jpg'), file('乙/身份证.jpg'), file('丙/身份证.jpg', 10)]);
    const info = (path: string) => store.getState().scans.find((s) => s.path === path)?.info;
    expect(info('甲/身份证.jpg')?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(info('乙/身份证.jpg')?.sha256).toBe(info('甲/身份证.jpg')?.sha256);
    expect(info('丙/身份证.jpg')).toMatchObject({ format: 'jpeg', size: page.length + 10 });
    expect(info('丙/身份证.jpg')?.sha256).toBeUndefined();
  });
});
