/**
 * The package planner (pure): from a validated workbook and its linked scans, either the refusal (errors remain,
 * or the scans were never checked) or the ordered list of ZIP entries — the registrar's workbook, 校验报告.txt,
 * 信息修改书面报告.docx (built by the caller, see src/paper), and one `{学号}{姓名}` / `{注册证号}{姓名}` folder per student holding the scans named by content. Every entry name is
 * checked once more here (folder-name-invalid does it during validation) and is never renamed silently: a name
 * that cannot be used as is refuses the export, placed on its cell.
 */
import type { ValidationResult } from '../rules/engine';
import { folderNamePlace, nameCollisionKey, nameProblem } from '../rules/folder-name';
import { evidenceFileNames } from '../rules/naming';
import type { EvidenceLink, ScanInfo, ScanSet } from '../rules/scans';
import type { Student } from '../rules/students';
import type { Table } from '../rules/table';
import { type NameEncoding, gbkUnencodable } from './entry-names';
import { problemPlace } from './places';
import { type RetaggedScan, type SummaryFolder, packageSummary } from './summary';
import { ZIP_MAX_BYTES, ZIP_MAX_ENTRIES } from './zip-format';

export const SUMMARY_FILE = '校验报告.txt';
export const PAPER_REPORT_FILE = '信息修改书面报告.docx';
/** How many places a refusal lists. */
const REFUSAL_PLACES = 5;

export type EntrySource =
  | { kind: 'folder' }
  /** `retagDpi`: the scan-density-tag fix, applied to the packaged copy's header by the writers (retag.ts). */
  | { kind: 'scan'; file: string; retagDpi?: number }
  | { kind: 'workbook' }
  | { kind: 'text'; text: string }
  /** A file made in memory and packed as it is (the .docx report, already compressed). */
  | { kind: 'bytes'; data: Uint8Array<ArrayBuffer> };

export interface PackageEntry {
  /** Path inside the ZIP with "/" separators; folders end with "/". */
  path: string;
  source: EntrySource;
}

export interface PackagePlan {
  entries: PackageEntry[];
  summary: string;
  folders: number;
  scans: number;
  /** Sum of the packed scans' sizes. */
  scanBytes: number;
}

export interface PackageRefusal {
  /** How many problems block the export. */
  count: number;
  /** The first few places (`工作表!单元格` or a scan's path) with what is wrong there. */
  places: string[];
  /** The whole refusal in Chinese, ready to print. */
  message: string;
}

export type PlanOutcome = { ok: true; plan: PackagePlan } | { ok: false; refusal: PackageRefusal };

export interface PlanInput {
  result: ValidationResult;
  /** The scans and their links; undefined when none were given. */
  scans: ScanSet | undefined;
  /** The workbook's file name with its extension, e.g. `学生基本信息修改情况统计表.xlsx`. */
  workbookFile: string;
  workbookSize: number;
  names?: NameEncoding;
  /** 信息修改书面报告.docx (src/paper/written-report.ts), packed next to 校验报告.txt. */
  paperReport?: Uint8Array<ArrayBuffer>;
}

interface Blocker {
  place: string;
  message: string;
}

function refuse(blockers: Blocker[], notChecked: boolean): PlanOutcome {
  const places = blockers.slice(0, REFUSAL_PLACES).map((b) => `${b.place}:${b.message}`);
  const lines = ['不能导出材料包:'];
  if (notChecked) lines.push('  尚未校验证明材料扫描件:请指定扫描件文件夹(命令行 --scans)或在任务窗格中为各学生选择扫描件,校验后再导出。');
  if (blockers.length) {
    lines.push(`  还有 ${blockers.length} 个错误未改正${blockers.length > places.length ? `,前 ${places.length} 处` : ''}:`);
    lines.push(...places.map((p) => `    ${p}`));
    if (blockers.length > places.length) lines.push(`    ……其余 ${blockers.length - places.length} 处见校验结果。`);
    lines.push('  改正以上错误并重新校验后再导出。');
  }
  return { ok: false, refusal: { count: blockers.length, places, message: lines.join('\n') } };
}

/** The place of a folder-name blocker, where validation puts it too (`folderNamePlace`). */
function folderCell(student: Student, table: Table): string {
  const { cell, row } = folderNamePlace(student, table);
  return cell ? `${student.sheet}!${cell}` : `${student.sheet} 第 ${row} 行`;
}

/** Collects name blockers and guards uniqueness (after NFC and case folding) within one folder level. */
class NameGuard {
  readonly blockers: Blocker[] = [];
  private readonly seen = new Map<string, string>();

  constructor(private readonly names: NameEncoding) {}

  /** True when `name` can be used at this level; otherwise records why, at `place`. */
  accept(name: string, place: string, what: string): boolean {
    const problem = nameProblem(name);
    const gbk = this.names === 'gbk' ? gbkUnencodable(name) : [];
    const other = this.seen.get(nameCollisionKey(name));
    if (problem) this.blockers.push({ place, message: `${what}“${name}”不能直接使用:${problem}` });
    else if (gbk.length) this.blockers.push({ place, message: `${what}“${name}”中的 ${gbk.map((c) => `“${c}”`).join('')} 无法用 GBK 编码,请改用 UTF-8 文件名` });
    else if (other !== undefined)
      this.blockers.push({ place, message: `${what}“${name}”与“${other}”重名${other === name ? '' : '(Windows 不区分大小写)'},解压时会互相覆盖` });
    else {
      this.seen.set(nameCollisionKey(name), name);
      return true;
    }
    return false;
  }
}

/** Export needs the scans checked: refused without them, whatever else the result says. */
export function scansNotChecked(result: ValidationResult, scans: ScanSet | undefined): boolean {
  return scans === undefined || result.problems.some((p) => p.rule === 'evidence-not-checked');
}

/** The files the scan-density-tag rule asks to retag, with the dpi to write (the package does what the warning said). */
function densityRetags(result: ValidationResult): Map<string, number> {
  return new Map(result.problems.flatMap((p) => (p.rule === 'scan-density-tag' && p.file ? [[p.file, Number(p.params.dpi)] as const] : [])));
}

export function planPackage(input: PlanInput): PlanOutcome {
  const { result, scans, workbookFile } = input;
  const names = input.names ?? 'utf8';
  const notChecked = scansNotChecked(result, scans);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length || notChecked) return refuse(errors.map((p) => ({ place: problemPlace(p), message: p.message })), notChecked);

  const files = new Map<string, ScanInfo>(scans!.files.map((f) => [f.path, f]));
  const tables = new Map(result.tables.map((t) => [t.sheet, t]));
  const root = new NameGuard(names);
  root.accept(workbookFile, workbookFile, '统计表文件名');
  root.accept(SUMMARY_FILE, SUMMARY_FILE, '报告文件名');
  if (input.paperReport) root.accept(PAPER_REPORT_FILE, PAPER_REPORT_FILE, '报告文件名');
  const blockers = root.blockers;

  const folders: (SummaryFolder & { entries: PackageEntry[] })[] = [];
  const retags = densityRetags(result);
  const retagged: RetaggedScan[] = [];
  let scanBytes = 0;
  const linksOf = new Map<string, EvidenceLink[]>();
  for (const l of scans!.links) (linksOf.get(l.studentRef) ?? linksOf.set(l.studentRef, []).get(l.studentRef)!).push(l);
  for (const student of result.students) {
    const links = linksOf.get(student.ref) ?? [];
    // One file linked twice to a student (two kinds) is packed once.
    const unique = links.filter((l, i) => links.findIndex((m) => m.file === l.file) === i);
    if (unique.length === 0) continue;
    if (!root.accept(student.folder, folderCell(student, tables.get(student.sheet)!), '文件夹名')) continue;
    const inFolder = new NameGuard(names);
    const named = evidenceFileNames(unique, files);
    const entries: PackageEntry[] = [{ path: `${student.folder}/`, source: { kind: 'folder' } }];
    // In naming order: by kind as the policy lists them (身份证 first), then by path.
    for (const [file, name] of named) {
      if (!inFolder.accept(name, file, `${student.folder} 中的文件名`)) continue;
      const retagDpi = retags.get(file);
      entries.push({ path: `${student.folder}/${name}`, source: { kind: 'scan', file, ...(retagDpi ? { retagDpi } : {}) } });
      if (retagDpi) retagged.push({ entry: `${student.folder}/${name}`, file, dpi: retagDpi, was: files.get(file)?.density });
      scanBytes += files.get(file)?.size ?? 0;
    }
    blockers.push(...inFolder.blockers);
    folders.push({ folder: student.folder, files: entries.slice(1).map((e) => e.path.slice(student.folder.length + 1)), entries });
  }

  const entryCount = (input.paperReport ? 3 : 2) + folders.reduce((n, f) => n + f.entries.length, 0);
  // Headers and the central directory add well under 1 KB per entry.
  if (entryCount >= ZIP_MAX_ENTRIES || input.workbookSize + scanBytes + entryCount * 1024 > ZIP_MAX_BYTES)
    blockers.push({
      place: '材料包',
      message: `共 ${entryCount} 个文件、${(scanBytes / 1024 ** 3).toFixed(2)} GB,超过 ZIP 格式的上限(4 GB 或 65535 个文件):请按工作表或学生分批导出`,
    });
  if (blockers.length) return refuse(blockers, false);

  const summary = packageSummary(result, workbookFile, folders, retagged);
  const entries: PackageEntry[] = [
    { path: workbookFile, source: { kind: 'workbook' } },
    { path: SUMMARY_FILE, source: { kind: 'text', text: summary } },
    ...(input.paperReport ? [{ path: PAPER_REPORT_FILE, source: { kind: 'bytes' as const, data: input.paperReport } }] : []),
    ...folders.flatMap((f) => f.entries),
  ];
  return { ok: true, plan: { entries, summary, folders: folders.length, scans: entries.filter((e) => e.source.kind === 'scan').length, scanBytes } };
}
