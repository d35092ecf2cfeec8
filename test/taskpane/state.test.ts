/** The pane's reducer: a notice, an export or a refusal does not outlive the state it describes. */
import type { WorkbookHost } from '../../src/host/types';
import type { ValidationResult } from '../../src/rules/engine';
import { type Action, type PaneState, initialState, reducer } from '../../src/taskpane/state';

const host = { kind: 'file', capabilities: { marks: false, fixes: false, select: false, template: false } } as WorkbookHost;

function said(): PaneState {
  let s = initialState(host, null);
  s = reducer(s, { type: 'notice', notice: { intent: 'success', text: '已添加 3 个文件,都已对应到学生。' } });
  s = reducer(s, { type: 'exported', outcome: { fileName: 'a_材料包.zip', how: 'download', workbookSource: 'opened-file' } });
  return reducer(s, { type: 'refusal', refusal: ['在籍生!C3:…'] });
}

describe('pane state', () => {
  it.each<Action>([
    { type: 'validated', result: {} as ValidationResult },
    { type: 'scans', scans: [] },
    { type: 'manual', manual: [] },
    { type: 'scan-set', scanSet: null },
    { type: 'policy', policy: null, name: null },
    { type: 'as-of', asOf: '2026-12-02' },
    { type: 'kind-override', sheet: '表1', kind: 'new' },
    { type: 'opened', name: 'b.xlsx' },
  ])('drops the notice, the export and the refusal on $type', (action) => {
    const s = reducer(said(), action);
    expect([s.notice, s.exported, s.refusal]).toEqual([null, null, null]);
  });

  it('keeps them while only the view changes', () => {
    const actions: Action[] = [{ type: 'tab', tab: 'export' }, { type: 'busy', busy: true }, { type: 'only-unfinished', on: true }];
    for (const action of actions) {
      const s = reducer(said(), action);
      expect(s.notice?.text).toMatch(/已添加/);
      expect(s.exported).not.toBeNull();
    }
  });

  it('opening another workbook drops its assignments and the link state, so its own saved assignments are tried', () => {
    const before = ([
      { type: 'manual', manual: [{ file: 'a.jpg', studentRef: '新生#1' }] },
      { type: 'link-state', linkState: { tried: true, restored: 2 } },
    ] as Action[]).reduce(reducer, initialState(host, null));
    expect(before.linkState).toEqual({ tried: true, restored: 2 });
    expect(reducer(before, { type: 'opened', name: '统计表.xlsx' })).toMatchObject({ manual: [], linkState: { tried: false, restored: 0 } });
  });

  it('queues a revalidation and takes it back', () => {
    const queued = reducer(initialState(host, null), { type: 'revalidate-queued', queued: true });
    expect(queued.revalidateQueued).toBe(true);
    expect(reducer(queued, { type: 'revalidate-queued', queued: false }).revalidateQueued).toBe(false);
  });
});
