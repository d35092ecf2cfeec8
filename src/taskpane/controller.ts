/**
 * The pane's workflows: validate, pick and link scans, jump to a cell, fix, export. They run outside React so the
 * ribbon's commands (shared runtime) can start them too; each dispatches to the store and reports in Chinese.
 * The engine, the scan inspector and the package writer are loaded on first use, not with the first paint.
 */
import type { OpenedFile } from '../host/file-host';
import { type WorkbookHost, WorkbookNotSavedError } from '../host/types';
import type { ValidationResult } from '../rules/engine';
import type { EvidenceKind, TableKind } from '../rules/policy';
import type { Problem } from '../rules/problem';
import type { ScanInfo } from '../rules/scans';
import type { Student } from '../rules/students';
import type { TemplateMode } from '../rules/template';
import type { ManualAssignment } from '../scan/link';
import type { PickedFile } from '../scan/picked-files';
import { DOCX_FILE, MAC_CANNOT_SAVE, canSaveFiles, saveBlob } from './save-file';
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

  /** WPS: the folders of scans next to the workbook (none where the host cannot list folders). */
  async scanFoldersBeside(): Promise<string[]> {
    return this.host.scanFoldersBeside ? this.host.scanFoldersBeside().catch(() => []) : [];
  }

  /** WPS: reads a folder next to the workbook as if it had been picked with the folder picker. */
  async addScanFolder(folder: string): Promise<void> {
    const read = this.host.readScanFolder;
    if (!read) return;
    let files: PickedFile[] = [];
    const ok = await this.run(`读取文件夹 ${folder}`, async () => {
      files = await read.call(this.host, folder);
      if (files.length === 0) throw new Error(`文件夹 ${folder} 中没有文件。`);
    });
    if (ok) await this.addScans(files, true);
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
      const noUndo =
        this.host.kind === 'wps'
          ? '注意:加载项所做的修改在 WPS 中不一定能用“撤销”恢复;如需恢复,请关闭工作簿且不保存,再重新打开。'
          : '注意:此 Excel 版本不能用“撤销”恢复这次修改。';
      this.say(outcome.undoable ? 'success' : 'warning', `已修正:${fix.label}。${outcome.undoable ? '' : noUndo}`);
    });
  }

  /**
   * Builds and saves the package. Larger than the policy's attachment limit, it is not saved at once: the pane
   * offers the parts it would be split into, and the registrar chooses `split` or `whole`.
   */
  async exportPackage(choice?: 'split' | 'whole'): Promise<void> {
    await this.run('生成材料包', async () => {
      // Said before anything is built: the ribbon's 导出材料包 comes here too.
      if (!canSaveFiles(this.state.platform)) throw new Error(MAC_CANNOT_SAVE);
      const { grid, result, names } = this.state;
      if (!grid || !result) throw new Error('请先校验工作簿。');
      this.store.dispatch({ type: 'split-offer', offer: null });
      const workbookName = await this.host.workbookName();
      const fileName = `${workbookName}_材料包.zip`;
      this.progress('取得工作簿文件');
      let workbook;
      try {
        workbook = await this.host.getWorkbookFile(grid);
      } catch (e) {
        // The file on disk is not the workbook as it is now (WPS): the export panel offers to save first.
        if (!(e instanceof WorkbookNotSavedError && e.canSave)) throw e;
        this.store.dispatch({ type: 'save-offer', saveOffer: e.message });
        this.store.dispatch({ type: 'tab', tab: 'export' });
        return this.say('warning', e.message);
      }
      this.store.dispatch({ type: 'save-offer', saveOffer: null });
      this.progress('写入材料包');
      const work = await import('./package-work');
      const input = { result, scanSet: this.state.scanSet ?? undefined, blobOf: this.blobOf, workbook, workbookFile: `${workbookName}.xlsx`, names };
      const prepared = await work.preparePackage(input);
      if (!prepared.ok) {
        this.store.dispatch({ type: 'tab', tab: 'problems' });
        throw new Error(prepared.message);
      }
      const { plan } = prepared.prepared;
      const limit = result.policy.attachmentMaxBytes;
      const parts = choice === 'whole' ? [] : work.packageParts(prepared.prepared, limit, fileName);
      if (choice === undefined && parts.length > 1) {
        const offer = { size: prepared.prepared.size, limit, parts: parts.map((p) => ({ fileName: p.fileName, size: p.size, folders: p.plan.folders, overLimit: p.overLimit })) };
        this.store.dispatch({ type: 'split-offer', offer });
        this.store.dispatch({ type: 'tab', tab: 'export' });
        return this.say('warning', '材料包超过邮件附件的大小上限,请在“导出”页选择分成几个 ZIP 还是仍导出为一个。');
      }
      const files = choice === 'split' && parts.length > 1 ? parts.map((p) => ({ name: p.fileName, plan: p.plan })) : [{ name: fileName, plan }];
      const counts = `${plan.folders} 个学生文件夹,${plan.scans} 个扫描件`;
      const savedNames = files.map((f) => f.name).join('、');
      const step = (i: number) => this.progress(files.length > 1 ? `保存材料包第 ${i + 1}/${files.length} 部分` : '保存材料包');
      if (this.host.savePackage) {
        // WPS writes beside the workbook itself, never over an existing file (a taken name gets " (2)").
        const paths: string[] = [];
        let renamed = false;
        let folder: string | undefined;
        for (const [i, file] of files.entries()) {
          step(i);
          const saved = await this.host.savePackage(await work.packageBlob(file.plan, input), file.name);
          paths.push(saved.path);
          renamed ||= saved.renamed;
          folder = saved.folder;
        }
        this.store.dispatch({ type: 'exported', outcome: { fileName: savedNames, how: 'beside', workbookSource: workbook.source, path: paths.join('、'), folder } });
        this.store.dispatch({ type: 'tab', tab: 'export' });
        const note = renamed ? '(文件夹中已有同名文件,没有覆盖它)' : '';
        return this.say('success', `材料包已保存到工作簿旁边:${paths.join('、')}${note}(${counts})。`);
      }
      let how: 'picker' | 'download' = 'download';
      for (const [i, file] of files.entries()) {
        step(i);
        const saved = await saveBlob(await work.packageBlob(file.plan, input), file.name);
        if (saved.how === 'cancelled') return this.say('info', i ? `已取消保存;前 ${i} 个部分已保存。` : '已取消保存。');
        how = saved.how;
      }
      this.store.dispatch({ type: 'exported', outcome: { fileName: savedNames, how, workbookSource: workbook.source } });
      this.store.dispatch({ type: 'tab', tab: 'export' });
      // "已保存" only when the save picker wrote the file; a download lands where the browser puts downloads.
      const where = this.host.workbookLocation?.();
      const saidWhere =
        how === 'picker'
          ? `材料包已保存:${savedNames}(${counts})。`
          : `材料包已交给浏览器下载:${savedNames}(${counts})。它通常在“下载”文件夹中,请把它移到工作簿旁边${where ? `(工作簿位置:${where})` : ''}。`;
      const savedVersion = workbook.lastSaved ? '其中的工作簿是最近一次保存的版本:保存之后的修改不在其中。' : '';
      this.say('success', saidWhere + savedVersion);
    });
  }

  /** 生成书面报告: 信息修改书面报告.docx from the current result, saved on its own. */
  async savePaperReport(): Promise<void> {
    await this.run('生成书面报告', async () => {
      if (!canSaveFiles(this.state.platform)) throw new Error(MAC_CANNOT_SAVE);
      const { result } = this.state;
      if (!result) throw new Error('请先校验工作簿。');
      const { writtenReportBytes } = await import('../paper/written-report');
      const { PAPER_REPORT_FILE } = await import('../package/plan');
      const workbookFile = `${await this.host.workbookName()}.xlsx`;
      const bytes = await writtenReportBytes(result, { workbookFile });
      const saved = await saveBlob(new Blob([bytes], { type: Object.keys(DOCX_FILE.accept)[0] }), PAPER_REPORT_FILE, DOCX_FILE);
      if (saved.how === 'cancelled') return this.say('info', '已取消保存。');
      const errors = result.counts.error;
      const draft = errors ? `统计表还有 ${errors} 个错误,报告中的数量按表格现状统计,改正后请重新生成。` : '请修改、打印后签字盖章。';
      this.say(errors ? 'warning' : 'success', `信息修改书面报告已${saved.how === 'picker' ? '保存' : '下载'}:${PAPER_REPORT_FILE}。${draft}`);
    });
  }

  /** WPS: saves the workbook without the marks (the registrar accepted the offer), then exports. */
  async saveAndExport(): Promise<void> {
    const saved = await this.run('保存工作簿', async () => {
      if (!this.host.saveWorkbook) throw new Error('这里不能保存工作簿,请在表格程序中保存。');
      await this.host.saveWorkbook();
      this.store.dispatch({ type: 'save-offer', saveOffer: null });
    });
    if (saved) await this.exportPackage();
  }

  async openFolder(folder: string): Promise<void> {
    if (!this.host.openFolder) return;
    await this.host.openFolder(folder).catch((e: Error) => this.say('warning', `无法打开文件夹 ${folder}:${e.message}`));
  }

  async clearMarks(): Promise<void> {
    await this.run('清除标记', async () => {
      await this.host.clearMarks();
      this.say('success', '已清除表格中的标记,单元格恢复原来的格式。');
    });
  }

  /**
   * 插入模板. In `ask` mode a workbook that already has sheets of these kinds gets nothing: the pane asks whether
   * to add only the missing kinds or all three (taken names then get "新生 (2)"), never adding them silently.
   */
  async insertTemplate(mode: TemplateMode = 'ask'): Promise<void> {
    await this.run('插入模板', async () => {
      this.dismissTemplateQuestion();
      const { DEFAULT_POLICY } = await import('../rules/policy');
      const outcome = await this.host.insertTemplate(this.state.policy ?? DEFAULT_POLICY, mode);
      if (mode === 'ask' && outcome.conflicts.length) {
        // The question box itself is the message (shown under the toolbar, whichever tab is open).
        return this.store.dispatch({ type: 'template-question', question: { conflicts: outcome.conflicts, missing: outcome.missing } });
      }
      if (!outcome.added.length) return this.say('info', '新生、在籍生、毕业生三种统计表都已存在,没有添加工作表。');
      this.say('success', `已插入统计表模板:${outcome.added.join('、')}。`);
    });
  }

  dismissTemplateQuestion(): void {
    this.store.dispatch({ type: 'template-question', question: null });
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
