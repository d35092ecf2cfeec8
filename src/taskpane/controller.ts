/**
 * The pane's workflows: validate, pick and link scans, jump to a cell, fix, export. They run outside React so the
 * ribbon's commands (shared runtime) can start them too; each dispatches to the store and reports in Chinese.
 * The engine, the scan inspector and the package writer are loaded on first use, not with the first paint; scans
 * are inspected in a worker (scan-work.ts), and the counter of long work lives in its own store (progress.ts).
 */
import type { OpenedFile } from '../host/file-host';
import { type FixOutcome, type WorkbookHost, WorkbookNotSavedError } from '../host/types';
import type { ValidationResult } from '../rules/engine';
import type { WorkbookGrid } from '../rules/grid';
import type { EvidenceKind, TableKind } from '../rules/policy';
import type { Fix, Problem } from '../rules/problem';
import type { ScanInfo } from '../rules/scans';
import type { TemplateMode } from '../rules/template';
import type { ManualAssignment } from '../scan/link';
import type { PickedFile } from '../scan/picked-files';
import { type ProgressStore, createProgressStore } from './progress';
import { DOCX_FILE, MAC_CANNOT_SAVE, canSaveFiles, saveBlob } from './save-file';
import { type ScanWork, createScanWork } from './scan-work';
import type { Notice, PaneState, PickedScan, Store } from './state';
import { studentViews } from './student-status';

type Intent = Notice['intent'];

/** Thrown when the registrar pressed 取消: the workflow stops quietly and says what it kept. */
class Cancelled extends Error {}

/** Thumbnails are drawn at twice their 48 px box for sharp high-DPI screens. */
const THUMBNAIL_WIDTH = 96;

export class Controller {
  /** The running workflow's step and counter (see progress.ts). */
  readonly progress: ProgressStore = createProgressStore();
  private work: ScanWork | null = null;
  /** Thumbnail object URLs by picked file, made when a list first shows the file. */
  private thumbnails = new Map<Blob, Promise<string | null>>();

  constructor(
    private readonly host: WorkbookHost & { open?(file: OpenedFile): Promise<void> },
    private readonly store: Store,
  ) {}

  private get state(): PaneState {
    return this.store.getState();
  }

  private setLinkState(linkState: PaneState['linkState']): void {
    this.store.dispatch({ type: 'link-state', linkState });
  }

  private get scanWork(): ScanWork {
    this.work ??= createScanWork();
    return this.work;
  }

  /** Shows a step of the running workflow (keeping its 取消 when it has one). */
  private step(step: string, done = 0, total = 0) {
    this.progress.set({ ...this.progress.get(), step, done, total });
  }

  private say(intent: Intent, text: string) {
    this.store.dispatch({ type: 'notice', notice: { intent, text } });
  }

  /**
   * Runs one workflow at a time with its progress shown; a failure becomes the message. Resolves true on success.
   * A cancellable workflow gets a signal that 取消 aborts.
   */
  private async run(step: string, work: (signal: AbortSignal) => Promise<void>, cancellable = false): Promise<boolean> {
    if (this.state.busy) return false;
    const abort = new AbortController();
    this.store.dispatch({ type: 'busy', busy: true });
    this.store.dispatch({ type: 'notice', notice: null });
    this.progress.set({ step, done: 0, total: 0, ...(cancellable ? { cancel: () => abort.abort() } : {}) });
    try {
      await work(abort.signal);
      return true;
    } catch (e) {
      if (e instanceof Cancelled) this.say('info', e.message);
      else this.say('error', (e as Error).message || String(e));
      return false;
    } finally {
      this.progress.set(null);
      this.store.dispatch({ type: 'busy', busy: false });
      if (this.state.revalidateQueued) {
        this.store.dispatch({ type: 'revalidate-queued', queued: false });
        this.revalidate();
      }
    }
  }

  private blobOf = (path: string): Blob => {
    const scan = this.state.scans.find((s) => s.path === path);
    if (!scan) throw new Error(`找不到扫描件 ${path},请重新选择文件夹。`);
    return scan.blob;
  };

  /**
   * Validates the grid in memory (linking the scans to its students when there are any) in the worker, then marks
   * the problems. The first validation after a pick also restores the assignments saved with the workbook.
   */
  private async evaluate(): Promise<ValidationResult> {
    const { grid, policy, asOf, kindOverrides, scans, manual } = this.state;
    if (!grid) throw new Error('请先校验工作簿。');
    const infos = scans.flatMap((s) => (s.info ? [s.info] : []));
    let saved: unknown;
    if (infos.length > 0 && !this.state.linkState.tried) {
      this.setLinkState({ tried: true, restored: 0 });
      saved = await this.host.loadLinkState().catch(() => null);
    }
    const started = performance.now();
    const out = await this.scanWork.evaluate({ grid, policy, asOf, kindOverrides, scans: infos, manual, saved });
    performance.measure('xj:校验', { start: started });
    if (out.restored) this.setLinkState({ tried: true, restored: this.state.linkState.restored + out.restored });
    if (out.restored) this.store.dispatch({ type: 'manual', manual: out.manual });
    this.store.dispatch({ type: 'scan-set', scanSet: out.scanSet });
    this.store.dispatch({ type: 'validated', result: out.result });
    if (out.restoreError) this.say('warning', out.restoreError);
    if (this.host.capabilities.marks) {
      this.step('在表格中标记问题');
      await this.host.markProblems(out.result.problems);
    }
    return out.result;
  }

  private async readAndEvaluate(): Promise<ValidationResult> {
    const grid = await this.host.readWorkbook((p) => this.step(p.step, p.done, p.total));
    this.store.dispatch({ type: 'read', grid });
    this.step('校验');
    return this.evaluate();
  }

  /** Validates the grid again with the settings now in the store; while a workflow runs, once it ends (never dropped). */
  private revalidate(): void {
    if (this.state.busy) this.store.dispatch({ type: 'revalidate-queued', queued: true });
    else if (this.state.grid) void this.run('重新校验', async () => void (await this.evaluate()));
  }

  /** What validation found, said so that a green notice always means the package can be exported. */
  private sayValidated(result: ValidationResult): void {
    const marked = this.host.capabilities.marks ? ',已在表格中标出' : '';
    const warnings = result.counts.warning ? `${result.counts.warning} 条警告` : '没有警告';
    if (result.tables.length === 0)
      this.say('warning', '没有找到学生基本信息修改情况统计表:请检查表头(学号或注册证号、姓名、更正内容、更正后、更正原因)。');
    else if (!result.valid) this.say('error', `发现 ${result.counts.error} 个错误、${warnings}${marked}。`);
    else if (this.state.scans.length === 0) this.say('warning', `表格中没有错误(${warnings}),但还没有选择扫描件:在“扫描件”页选择后才能导出材料包。`);
    else this.say('success', `校验完成:没有错误,可以导出材料包(${warnings})。`);
  }

  async validate(): Promise<void> {
    await this.run('读取工作簿', async () => this.sayValidated(await this.readAndEvaluate()));
  }

  /** File mode: opens the user's .xlsx and validates it at once. */
  async openFile(file: OpenedFile): Promise<void> {
    const opened = await this.run(`打开 ${file.name}`, async () => {
      if (!this.host.open) throw new Error('在 Excel 中不需要打开文件。');
      await this.host.open(file);
      // The new workbook's saved assignments apply to the scans already picked ('opened' resets the link state).
      this.store.dispatch({ type: 'opened', name: file.name });
    });
    if (opened) await this.validate();
  }

  /** A small thumbnail of a picked file (decoded at thumbnail size, off the pane's thread); null when it cannot be drawn. */
  thumbnail(blob: Blob): Promise<string | null> {
    let url = this.thumbnails.get(blob);
    if (!url) {
      url = this.scanWork.thumbnail(blob, THUMBNAIL_WIDTH).then((b) => (b ? URL.createObjectURL(b) : null), () => null);
      this.thumbnails.set(blob, url);
    }
    return url;
  }

  private forgetThumbnails(scans: PickedScan[]): void {
    for (const s of scans) {
      void this.thumbnails.get(s.blob)?.then((url) => url && URL.revokeObjectURL(url));
      this.thumbnails.delete(s.blob);
    }
  }

  /** Adds picked files (a picked folder replaces the scans picked before), inspects them and links them. */
  async addScans(files: PickedFile[], replace = false): Promise<void> {
    const picked = performance.now();
    // The browser hands a picked folder over in a task of its own that builds a File for each file (a long one for
    // hundreds); the pane's work starts in the next task, so that the two do not add up to one long freeze.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await this.run(
      '检查扫描件',
      async (signal) => {
        this.setLinkState({ tried: false, restored: 0 });
        const previous = this.state.scans;
        const keep = replace ? [] : previous.filter((s) => !files.some((f) => f.path === s.path));
        this.forgetThumbnails(previous.filter((s) => !keep.includes(s)));
        const added: PickedScan[] = files.map((f) => ({ path: f.path, blob: f.blob, info: null }));
        this.store.dispatch({ type: 'scans', scans: [...keep, ...added] });
        this.store.dispatch({ type: 'manual', manual: this.state.manual.filter((m) => keep.some((s) => s.path === m.file)) });

        // Only the counter moves while the worker inspects; the list changes once, when all are in.
        const infos = new Map<string, ScanInfo>();
        this.step('检查扫描件', 0, added.length);
        // User-timing measures (xj:…) let DevTools and the pane benchmark place the time.
        const started = performance.now();
        await this.scanWork.inspect(
          added.map(({ path, blob }) => ({ path, blob })),
          (batch) => {
            for (const i of batch) infos.set(i.path, i);
            this.step('检查扫描件', infos.size, added.length);
          },
          signal,
        );
        performance.measure('xj:检查扫描件', { start: started });
        const inspected = added.filter((s) => infos.has(s.path)).map((s) => ({ ...s, info: infos.get(s.path)! }));
        const skipped = added.length - inspected.length;
        if (skipped) this.forgetThumbnails(added.filter((s) => !infos.has(s.path)));
        this.step('比对相同大小的文件');
        const all = [...keep, ...inspected].filter((s) => s.info).map((s) => ({ info: s.info!, blob: s.blob }));
        const hashed = new Map((await this.scanWork.hash(all)).map((f) => [f.path, f]));
        this.store.dispatch({ type: 'scans', scans: [...keep, ...inspected].map((s) => ({ ...s, info: hashed.get(s.path) ?? s.info })) });

        if (this.state.grid) {
          this.step('对应到学生并校验');
          await this.evaluate();
        }
        this.sayScans(inspected.length, skipped);
      },
      true,
    );
    performance.measure('xj:选择扫描件', { start: picked });
  }

  /** What picking found: files that belong to no one, students still lacking material. Green only when all is in order. */
  private sayScans(added: number, skipped: number): void {
    const { restored: count } = this.state.linkState;
    const restored = count ? `已恢复上次手动指定的 ${count} 个对应关系。` : '';
    const cancelled = skipped ? `已取消,其余 ${skipped} 个文件未添加。` : '';
    const { result, scanSet } = this.state;
    if (!result) return this.say('info', `已添加 ${added} 个文件;校验工作簿后会把它们对应到学生。${cancelled}`);
    const linked = new Set(scanSet?.links.map((l) => l.file));
    const excluded = new Set(scanSet?.unresolved?.filter((u) => u.reason === 'excluded').map((u) => u.file));
    const unmatched = this.state.scans.filter((s) => !linked.has(s.path) && !excluded.has(s.path)).length;
    // Only what the scans decide: a table error is said by validation, and the 学生材料 tab shows both.
    const views = studentViews(result, scanSet);
    const missing = views.filter((v) => v.groups.some((g) => g.state === 'missing')).length;
    const flawed = views.filter((v) => v.files.some((f) => !f.passes)).length;
    const parts = [
      unmatched ? `${unmatched} 个文件没有对应到学生或材料类型(在“扫描件”页的“未对应的文件”下指定)` : '',
      missing ? `${missing} 位学生缺材料` : '',
      flawed ? `${flawed} 位学生的扫描件有问题` : '',
    ].filter(Boolean);
    if (parts.length === 0) this.say(skipped ? 'info' : 'success', `已添加 ${added} 个文件,都已对应到学生,每位学生的材料都齐全。${restored}${cancelled}`);
    else this.say('warning', `已添加 ${added} 个文件;还有 ${parts.join(',')},见“学生材料”页。${restored}${cancelled}`);
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
      this.forgetThumbnails(this.state.scans);
      this.setLinkState({ tried: false, restored: 0 });
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
      const link = this.state.scanSet?.links.find((l) => l.file === path);
      const folder = link && this.state.result?.students.find((s) => s.ref === link.studentRef)?.folder;
      if (failure) this.say('warning', `已重新对应,但未能保存对应关系(下次需重新指定):${failure.message}`);
      else if (choice.studentRef === null) this.say('success', `已标为不是证明材料:${path}`);
      else this.say('success', folder ? `已对应:${path} → ${folder}(${link.kind})` : `已对应:${path};请再选择材料类型。`);
    });
  }

  async select(problem: Problem): Promise<void> {
    if (!problem.sheet || !problem.cell || !this.host.capabilities.select) return;
    await this.host.selectCell(problem.sheet, problem.cell).catch((e: Error) => this.say('error', e.message));
  }

  async fix(problem: Problem): Promise<void> {
    if (problem.fix) await this.fixAll([problem.fix], problem.fix.label);
  }

  /**
   * Applies fixes in the workbook as one change (one undo step where Excel can), applies the same change to the grid
   * in memory and validates that again: nothing is read back from the workbook.
   */
  async fixAll(fixes: Fix[], label: string): Promise<void> {
    await this.run(`修正:${label}`, async () => {
      const { grid } = this.state;
      if (!grid) throw new Error('请先校验工作簿。');
      let outcome: FixOutcome;
      if (this.host.applyFixes) outcome = await this.host.applyFixes(fixes);
      else {
        outcome = { undoable: fixes.length === 1 };
        for (const f of fixes) outcome = { undoable: (await this.host.applyFix(f)).undoable && outcome.undoable };
      }
      const { applyFix } = await import('../rules/fix');
      const fixed: WorkbookGrid = { ...grid, sheets: grid.sheets.map((s) => fixes.filter((f) => f.sheet === s.name).reduce(applyFix, s)) };
      this.store.dispatch({ type: 'read', grid: fixed });
      this.step('重新校验');
      const result = await this.evaluate();
      const places = fixes.length > 1 ? `${fixes.length} 处` : fixes[0].kind === 'set-text' ? fixes[0].cell : '';
      const noUndo =
        this.host.kind === 'wps'
          ? '注意:加载项所做的修改在 WPS 中不一定能用“撤销”恢复;如需恢复,请关闭工作簿且不保存,再重新打开。'
          : '注意:此 Excel 版本不能用“撤销”恢复这次修改。';
      const undo = outcome.undoable ? '可用 Excel 的“撤销”一步恢复。' : noUndo;
      const left = result.counts.error ? `还有 ${result.counts.error} 个错误。` : '表格中已没有错误。';
      this.say(outcome.undoable ? 'success' : 'warning', `已修正 ${places}:${label}。${left}${undo}`);
    });
  }

  /**
   * Builds and saves the package. Larger than the policy's attachment limit, it is not saved at once: the pane
   * offers the parts it would be split into, and the registrar chooses `split` or `whole`.
   */
  async exportPackage(choice?: 'split' | 'whole'): Promise<void> {
    await this.run(
      '生成材料包',
      async (signal) => {
        // Said before anything is built: the ribbon's 导出材料包 comes here too.
        if (!canSaveFiles(this.state.platform)) throw new Error(MAC_CANNOT_SAVE);
        const { exportReadiness } = await import('./readiness');
        const readiness = exportReadiness(this.state);
        if (!readiness.ready) {
          this.store.dispatch({ type: 'tab', tab: 'export' });
          const what = readiness.blockers.map((b) => (b.count ? `${b.text}(${b.count} 处)` : b.text));
          this.say('warning', `还不能导出材料包:${what.slice(0, 3).join(';')}${what.length > 3 ? ' 等' : ''}。详见“导出”页。`);
          return;
        }
        const { grid, result, names } = this.state;
        if (!grid || !result) throw new Error('请先校验工作簿。');
        const stop = () => {
          if (signal.aborted) throw new Cancelled('已取消导出。');
        };
        this.store.dispatch({ type: 'split-offer', offer: null });
        const workbookName = await this.host.workbookName();
        const fileName = `${workbookName}_材料包.zip`;
        this.step('取得工作簿文件');
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
        stop();
        this.step('写入材料包');
        const work = await import('./package-work');
        const input = { result, scanSet: this.state.scanSet ?? undefined, blobOf: this.blobOf, workbook, workbookFile: `${workbookName}.xlsx`, names };
        const prepared = await work.preparePackage(input);
        if (!prepared.ok) {
          this.store.dispatch({ type: 'tab', tab: 'export' });
          this.store.dispatch({ type: 'refusal', refusal: prepared.refusal.places });
          this.say('warning', `还不能导出材料包:${prepared.refusal.count} 处需要改正,见“导出”页。`);
          return;
        }
        stop();
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
        const step = (i: number) => {
          stop();
          this.step(files.length > 1 ? `保存材料包第 ${i + 1}/${files.length} 部分` : '保存材料包');
        };
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
      },
      true,
    );
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

  /** A checked YYYY-MM-DD date (see as-of.ts), or null for today. */
  setAsOf(asOf: string | null): void {
    if (asOf === this.state.asOf) return;
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

  setOnlyUnfinished(on: boolean): void {
    this.store.dispatch({ type: 'only-unfinished', on });
  }

  /** Shows a problem in the list: its rule alone, on the 问题 tab (the export's list of blockers links here). */
  showProblem(problem: Problem): void {
    this.store.dispatch({ type: 'filters', filters: { severities: ['error', 'warning', 'info'], rule: problem.rule } });
    this.store.dispatch({ type: 'tab', tab: 'problems' });
    void this.select(problem);
  }
}
