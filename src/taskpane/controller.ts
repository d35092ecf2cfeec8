/**
 * The pane's workflows: validate, pick and link scans, jump to a cell, fix, export. They run outside React so the
 * ribbon's commands (shared runtime) can start them too; each dispatches to the store and reports in Chinese.
 * The engine, the scan inspector and the package writer are loaded on first use, not with the first paint.
 */
import type { OpenedFile } from '../host/file-host';
import type { WorkbookHost } from '../host/types';
import type { ValidationResult } from '../rules/engine';
import type { EvidenceKind, TableKind } from '../rules/policy';
import type { Problem } from '../rules/problem';
import type { ScanInfo } from '../rules/scans';
import type { Student } from '../rules/students';
import type { ManualAssignment } from '../scan/link';
import type { PickedFile } from '../scan/picked-files';
import { saveBlob } from './save-file';
import type { Notice, PaneState, PickedScan, Store } from './state';

type Intent = Notice['intent'];

export class Controller {
  /** Whether the saved assignments were tried on the scans now picked (once per pick), and how many came back. */
  private linkState: { tried: boolean; restored: number } = { tried: false, restored: 0 };

  constructor(
    private readonly host: WorkbookHost & { open?(file: OpenedFile): Promise<void> },
    private readonly store: Store,
  ) {}

  private get state(): PaneState {
    return this.store.getState();
  }

  private progress(step: string, done = 0, total = 0) {
    this.store.dispatch({ type: 'progress', progress: { step, done, total } });
  }

  private say(intent: Intent, text: string) {
    this.store.dispatch({ type: 'notice', notice: { intent, text } });
  }

  /** Runs one workflow at a time with its progress shown; a failure becomes the message. Resolves true on success. */
  private async run(step: string, work: () => Promise<void>): Promise<boolean> {
    if (this.state.progress) return false;
    this.progress(step);
    this.store.dispatch({ type: 'notice', notice: null });
    try {
      await work();
      return true;
    } catch (e) {
      this.say('error', (e as Error).message || String(e));
      return false;
    } finally {
      this.store.dispatch({ type: 'progress', progress: null });
    }
  }

  private blobOf = (path: string): Blob => {
    const scan = this.state.scans.find((s) => s.path === path);
    if (!scan) throw new Error(`找不到扫描件 ${path},请重新选择文件夹。`);
    return scan.blob;
  };

  /** Validates the grid already read (linking the scans to its students when there are any) and marks the problems. */
  private async evaluate(): Promise<ValidationResult> {
    const { grid, policy, asOf, kindOverrides, scans } = this.state;
    if (!grid) throw new Error('请先校验工作簿。');
    const { validate } = await import('../rules/engine');
    const { DEFAULT_POLICY } = await import('../rules/policy');
    const options = { policy: policy ?? DEFAULT_POLICY, asOf: asOf ?? undefined, kindOverrides };
    const infos = scans.flatMap((s) => (s.info ? [s.info] : []));
    const link =
      infos.length === 0
        ? undefined
        : async (students: Student[]) => {
            const { buildScanSet } = await import('../scan/link');
            if (!this.linkState.tried) await this.restoreAssignments(infos, students);
            return buildScanSet(students, infos, options.policy, this.state.manual);
          };
    const result = await validate(grid, { ...options, link });
    this.store.dispatch({ type: 'scan-set', scanSet: result.scans ?? null });
    this.store.dispatch({ type: 'validated', result });
    if (this.host.capabilities.marks) {
      this.progress('在表格中标记问题');
      await this.host.markProblems(result.problems);
    }
    return result;
  }

  /** Applies the assignments saved with this workbook to the scans just picked; the registrar's current choices win. */
  private async restoreAssignments(files: ScanInfo[], students: Student[]): Promise<void> {
    this.linkState = { tried: true, restored: 0 };
    const saved = await this.host.loadLinkState().catch(() => null);
    if (!saved) return;
    const { restoreLinkState } = await import('../scan/link-state');
    try {
      const { manual } = restoreLinkState(saved, files, students);
      const current = this.state.manual;
      const added = manual.filter((m) => !current.some((c) => c.file === m.file));
      this.store.dispatch({ type: 'manual', manual: [...current, ...added] });
      this.linkState.restored = added.length;
    } catch (e) {
      this.say('warning', (e as Error).message);
    }
  }

  private async readAndEvaluate(): Promise<ValidationResult> {
    const grid = await this.host.readWorkbook((p) => this.store.dispatch({ type: 'progress', progress: p }));
    this.store.dispatch({ type: 'read', grid });
    this.progress('校验');
    return this.evaluate();
  }

  private revalidate(): void {
    if (this.state.grid) void this.run('重新校验', async () => void (await this.evaluate()));
  }

  async validate(): Promise<void> {
    await this.run('读取工作簿', async () => {
      const result = await this.readAndEvaluate();
      const marked = this.host.capabilities.marks ? ',已在表格中标出' : '';
      if (result.tables.length === 0)
        this.say('warning', '没有找到学生基本信息修改情况统计表:请检查表头(学号或注册证号、姓名、更正内容、更正后、更正原因)。');
      else if (result.valid) this.say('success', `校验完成:没有错误,${result.counts.warning} 条警告${result.counts.warning ? marked : ''}。`);
      else this.say('error', `发现 ${result.counts.error} 个错误、${result.counts.warning} 条警告${marked}。`);
    });
  }

  /** File mode: opens the user's .xlsx and validates it at once. */
  async openFile(file: OpenedFile): Promise<void> {
    const opened = await this.run(`打开 ${file.name}`, async () => {
      if (!this.host.open) throw new Error('在 Excel 中不需要打开文件。');
      await this.host.open(file);
      this.store.dispatch({ type: 'opened', name: file.name });
      // The new workbook's saved assignments apply to the scans already picked.
      this.linkState = { tried: false, restored: 0 };
    });
    if (opened) await this.validate();
  }

  /** Adds picked files (a picked folder replaces the scans picked before), inspects them and links them. */
  async addScans(files: PickedFile[], replace = false): Promise<void> {
    await this.run('检查扫描件', async () => {
      this.linkState = { tried: false, restored: 0 };
      const previous = this.state.scans;
      const keep = replace ? [] : previous.filter((s) => !files.some((f) => f.path === s.path));
      for (const s of previous) if (!keep.includes(s)) URL.revokeObjectURL(s.thumbnail);
      const added: PickedScan[] = files.map((f) => ({ path: f.path, blob: f.blob, info: null, thumbnail: URL.createObjectURL(f.blob) }));
      this.store.dispatch({ type: 'scans', scans: [...keep, ...added] });
      this.store.dispatch({ type: 'manual', manual: this.state.manual.filter((m) => keep.some((s) => s.path === m.file)) });

      const { inspectBlob, hashTwins } = await import('./scan-work');
      const inspected: ScanInfo[] = [];
      for (const [i, s] of added.entries()) {
        this.progress('检查扫描件', i, added.length);
        inspected.push(await inspectBlob(s.path, s.blob));
      }
      const all = [...keep.flatMap((s) => (s.info ? [{ ...s.info, sha256: undefined }] : [])), ...inspected];
      const hashed = new Map((await hashTwins(all, this.blobOf)).map((f) => [f.path, f]));
      this.store.dispatch({ type: 'scans', scans: this.state.scans.map((s) => ({ ...s, info: hashed.get(s.path) ?? s.info })) });

      if (this.state.grid) await this.evaluate();
      const linked = new Set(this.state.scanSet?.links.map((l) => l.file));
      const unmatched = this.state.scans.filter((s) => !linked.has(s.path)).length;
      const restored = this.linkState.restored ? `已恢复上次手动指定的 ${this.linkState.restored} 个对应关系。` : '';
      if (!this.state.grid) this.say('info', `已添加 ${added.length} 个文件;校验工作簿后会把它们对应到学生。`);
      else if (unmatched) this.say('warning', `已添加 ${added.length} 个文件,其中 ${unmatched} 个没有对应到学生或材料类型,请在列表中指定。${restored}`);
      else this.say('success', `已添加 ${added.length} 个文件,都已对应到学生。${restored}`);
    });
  }

  async clearScans(): Promise<void> {
    await this.run('清空扫描件', async () => {
      for (const s of this.state.scans) URL.revokeObjectURL(s.thumbnail);
      this.linkState = { tried: false, restored: 0 };
      this.store.dispatch({ type: 'scans', scans: [] });
      this.store.dispatch({ type: 'manual', manual: [] });
      if (this.state.grid) await this.evaluate();
    });
  }

  /** The registrar's own assignment of a file: to a student (null: not evidence) and/or as a kind; what is not given keeps the guess. */
  async assign(path: string, choice: { studentRef?: string | null; kind?: EvidenceKind }): Promise<void> {
    await this.run('重新对应扫描件', async () => {
      const before = this.state.manual.find((m) => m.file === path);
      const manual: ManualAssignment[] = this.state.manual.filter((m) => m !== before);
      manual.push({ ...before, file: path, ...choice });
      this.store.dispatch({ type: 'manual', manual });
      // Saved with the workbook, so picking the same folder again after reopening restores every assignment.
      // A failed save does not undo the assignment; it is only said.
      const { saveLinkState } = await import('../scan/link-state');
      const infos = this.state.scans.flatMap((s) => (s.info ? [s.info] : []));
      const saveFailure = this.host.saveLinkState(saveLinkState(manual, infos)).then(() => null, (e: Error) => e);
      await this.evaluate();
      const failure = await saveFailure;
      if (failure) this.say('warning', `已重新对应,但未能保存对应关系(下次需重新指定):${failure.message}`);
    });
  }

  async select(problem: Problem): Promise<void> {
    if (!problem.sheet || !problem.cell) return;
    if (!this.host.capabilities.select) return this.say('info', `请在 Excel 或 WPS 中打开工作表“${problem.sheet}”的单元格 ${problem.cell}。`);
    await this.host.selectCell(problem.sheet, problem.cell).catch((e: Error) => this.say('error', e.message));
  }

  async fix(problem: Problem): Promise<void> {
    const fix = problem.fix;
    if (!fix) return;
    await this.run(`修正:${fix.label}`, async () => {
      const outcome = await this.host.applyFix(fix);
      await this.readAndEvaluate();
      this.say(outcome.undoable ? 'success' : 'warning', `已修正:${fix.label}。${outcome.undoable ? '' : '注意:此 Excel 版本不能用“撤销”恢复这次修改。'}`);
    });
  }

  async exportPackage(): Promise<void> {
    await this.run('生成材料包', async () => {
      const { grid, result, names } = this.state;
      if (!grid || !result) throw new Error('请先校验工作簿。');
      const workbookName = await this.host.workbookName();
      const fileName = `${workbookName}_材料包.zip`;
      this.progress('取得工作簿文件');
      const workbook = await this.host.getWorkbookFile(grid);
      this.progress('写入材料包');
      const { buildPackage } = await import('./package-work');
      const built = await buildPackage({ result, scanSet: this.state.scanSet ?? undefined, blobOf: this.blobOf, workbook, workbookFile: `${workbookName}.xlsx`, names });
      if (!built.ok) {
        this.store.dispatch({ type: 'tab', tab: 'problems' });
        throw new Error(built.message);
      }
      this.progress('保存材料包');
      const saved = await saveBlob(built.blob, fileName);
      if (saved.how === 'cancelled') return this.say('info', '已取消保存。');
      this.store.dispatch({ type: 'exported', outcome: { fileName, how: saved.how, workbookSource: workbook.source } });
      this.store.dispatch({ type: 'tab', tab: 'export' });
      this.say('success', `材料包已${saved.how === 'picker' ? '保存' : '下载'}:${fileName}(${built.folders} 个学生文件夹,${built.scans} 个扫描件)。`);
    });
  }

  async clearMarks(): Promise<void> {
    await this.run('清除标记', async () => {
      await this.host.clearMarks();
      this.say('success', '已清除表格中的标记,单元格恢复原来的格式。');
    });
  }

  async insertTemplate(): Promise<void> {
    await this.run('插入模板', async () => {
      const { DEFAULT_POLICY } = await import('../rules/policy');
      await this.host.insertTemplate(this.state.policy ?? DEFAULT_POLICY);
      this.say('success', '已插入新生、在籍生、毕业生三张统计表模板。');
    });
  }

  setAsOf(asOf: string | null): void {
    this.store.dispatch({ type: 'as-of', asOf });
    this.revalidate();
  }

  async loadPolicy(file: File): Promise<void> {
    await this.run(`载入策略 ${file.name}`, async () => {
      const { parsePolicyJson } = await import('../rules/policy');
      this.store.dispatch({ type: 'policy', policy: parsePolicyJson(await file.text()), name: file.name });
      if (this.state.grid) await this.evaluate();
      this.say('success', `已载入策略文件 ${file.name}。`);
    });
  }

  resetPolicy(): void {
    this.store.dispatch({ type: 'policy', policy: null, name: null });
    this.revalidate();
  }

  setKindOverride(sheet: string, kind: TableKind | null): void {
    this.store.dispatch({ type: 'kind-override', sheet, kind });
    this.revalidate();
  }

  setNames(names: PaneState['names']): void {
    this.store.dispatch({ type: 'names', names });
  }

  setTab(tab: PaneState['tab']): void {
    this.store.dispatch({ type: 'tab', tab });
  }

  setFilters(filters: PaneState['filters']): void {
    this.store.dispatch({ type: 'filters', filters });
  }
}
