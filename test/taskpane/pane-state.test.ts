/** The pane's pure views of a validation: student states, export readiness, the problem rows, fix groups, wording. */
import { validateWorkbook } from '../../src/rules/engine';
import { DEFAULT_POLICY } from '../../src/rules/policy';
import type { ScanInfo, ScanSet } from '../../src/rules/scans';
import { buildScanSet } from '../../src/scan/link';
import { parseAsOf } from '../../src/taskpane/as-of';
import { paneMessage, paneTemplates, ruleCounts } from '../../src/taskpane/pane-messages';
import { UNMATCHED_FILES, fixGroups, problemRows } from '../../src/taskpane/problem-rows';
import { exportReadiness } from '../../src/taskpane/readiness';
import { studentViews } from '../../src/taskpane/student-status';
import { searchStudents } from '../../src/taskpane/student-search';
import { correctionSheet } from '../helpers/sheets';

const AS_OF = '2026-12-02';
const row = (key: string, name: string, extra: Record<string, string> = {}) => ({ 学号: key, 姓名: name, 更正内容: '民族', 更正前: '汉族', 更正后: '回族', 更正原因: '信息变更', ...extra });
const grid = { sheets: [correctionSheet('enrolled', [row('2409001250001', '刘芳'), row('2409001250002', '王伟'), row('2409001250003', '李娜 ')], { name: '在籍生' })] };

const scan = (path: string, extra: Partial<ScanInfo> = {}): ScanInfo => ({ path, size: 400_000 + path.length, format: 'jpeg', extension: 'jpg', width: 1169, height: 1654, density: { x: 200, y: 200, source: 'jfif' }, ...extra });

function validated(files: ScanInfo[] | null) {
  const base = validateWorkbook(grid, { asOf: AS_OF });
  const scans: ScanSet | undefined = files ? buildScanSet(base.students, files, DEFAULT_POLICY) : undefined;
  return { result: validateWorkbook(grid, { asOf: AS_OF, scans }), scans: scans ?? null };
}

describe('student states', () => {
  it('calls a material present only when a linked file passes the scan rules', () => {
    const phone = scan('2409001250002王伟/身份证.jpg', { density: { x: 72, y: 72, source: 'exif' }, exif: { make: 'Apple', model: 'iPhone 13', gps: true } });
    const { result, scans } = validated([scan('2409001250001刘芳/身份证.jpg'), phone]);
    const [liu, wang, li] = studentViews(result, scans);
    expect(liu).toMatchObject({ state: 'complete', groups: [{ kinds: ['身份证'], state: 'ok' }] });
    expect(wang).toMatchObject({ state: 'problem', groups: [{ state: 'flawed' }] });
    expect(wang.files[0].passes).toBe(false);
    expect(wang.files[0].problems[0].severity).toBe('error');
    // 李娜 has no scan: missing (her trailing space is a warning on the row, not a problem state).
    expect(li).toMatchObject({ state: 'missing', groups: [{ state: 'missing' }] });
    expect(li.rowProblems.map((p) => p.rule)).toContain('whitespace');
  });

  it('says 待核对, never 已有, before any scan is picked', () => {
    const { result, scans } = validated(null);
    for (const v of studentViews(result, scans)) expect(v.groups.map((g) => g.state)).toEqual(['unchecked']);
  });
});

describe('export readiness', () => {
  it('is blocked before scans are picked, even with no table error', () => {
    const { result } = validated(null);
    expect(result.counts.error).toBe(0);
    const r = exportReadiness({ result, scans: [] });
    expect(r.ready).toBe(false);
    expect(r.blockers.map((b) => b.text)).toEqual(['尚未选择扫描件(在“扫描件”页选择文件夹)']);
  });

  it('lists the errors by rule, most first, each with its first place', () => {
    const { result } = validated([scan('2409001250001刘芳/身份证.jpg')]);
    const r = exportReadiness({ result, scans: [{ path: 'x', blob: new Blob([]), info: null }] });
    expect(r.ready).toBe(false);
    expect(r.blockers).toEqual([expect.objectContaining({ count: 2, first: expect.objectContaining({ rule: 'evidence-missing', cell: 'C4' }) })]);
  });

  it('is ready when every student is complete and nothing is an error', () => {
    const files = ['2409001250001刘芳', '2409001250002王伟', '2409001250003李娜'].map((f) => scan(`${f}/身份证.jpg`));
    const { result } = validated(files);
    expect(exportReadiness({ result, scans: files.map((f) => ({ path: f.path, blob: new Blob([]), info: f })) })).toEqual({ ready: true, blockers: [], warnings: result.counts.warning });
  });

  it('says the workbook is not validated yet', () => {
    expect(exportReadiness({ result: null, scans: [] }).blockers[0].text).toBe('尚未校验工作簿');
  });
});

describe('problem rows', () => {
  it('puts errors before warnings within a student and unmatched files under their own heading, last', () => {
    const { result } = validated([scan('2409001250003李娜/身份证.jpg', { format: 'heic', extension: 'jpg' }), scan('杂项/扫描0001.jpg')]);
    const rows = problemRows(result.problems, result.students);
    const li = rows.findIndex((r) => r.type === 'student' && r.title === '2409001250003 李娜');
    const next = rows.slice(li + 1, rows.findIndex((r, i) => i > li && r.type !== 'problem'));
    const severities = next.map((r) => (r.type === 'problem' ? r.problem.severity : ''));
    expect(severities).toEqual([...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)));
    expect(severities).toContain('error');
    expect(severities).toContain('warning');
    const unmatched = rows.findIndex((r) => r.type === 'sheet' && r.title === UNMATCHED_FILES);
    expect(rows[unmatched + 1]).toMatchObject({ type: 'problem', problem: { rule: 'evidence-unmatched', file: '杂项/扫描0001.jpg' } });
    expect(rows.slice(unmatched + 1).every((r) => r.type === 'problem')).toBe(true);
  });

  it('groups fixes of one kind that occur more than once', () => {
    const spaced = { sheets: [correctionSheet('enrolled', [row('2409001250001', ' 刘芳'), row('2409001250002', '王伟 '), row('2409001250003', '李娜')], { name: '在籍生' })] };
    const groups = fixGroups(validateWorkbook(spaced, { asOf: AS_OF }).problems);
    expect(groups).toEqual([expect.objectContaining({ label: '去除多余空格', fixes: [expect.objectContaining({ cell: 'D3', value: '刘芳' }), expect.objectContaining({ cell: 'D4', value: '王伟' })] })]);
    expect(fixGroups(validated(null).result.problems)).toEqual([]);
  });
});

describe('words for a registrar', () => {
  it('never speaks of command-line flags', () => {
    for (const t of paneTemplates()) expect(t).not.toMatch(/--[a-z]|命令行/);
    const { result } = validated(null);
    const notChecked = result.problems.find((p) => p.rule === 'evidence-not-checked')!;
    expect(notChecked.message).toMatch(/--scans/);
    expect(paneMessage(notChecked)).toBe('已列出 3 名学生各自需要的证明材料,但还没有选择扫描件,证明材料尚未核对:在“扫描件”页选择扫描件文件夹后才能导出材料包。');
  });

  it('counts the rules for the filter, most frequent first', () => {
    const { result } = validated([scan('杂项/a.jpg'), scan('杂项/b.jpg')]);
    const counts = ruleCounts(result.problems);
    expect(counts.map((c) => c.count)).toEqual([...counts.map((c) => c.count)].sort((a, b) => b - a));
    expect(counts[0]).toMatchObject({ rule: 'evidence-missing', count: 3, label: '每名学生须附上其更正所需的全部证明材料扫描件' });
  });

  it.each([
    ['2026-12-02', { ok: true, value: '2026-12-02' }],
    ['２０２６－１２－０２', { ok: true, value: '2026-12-02' }],
    ['2026年12月2日', { ok: true, value: '2026-12-02' }],
    ['2026/1/5', { ok: true, value: '2026-01-05' }],
    ['2026-02-30', { ok: false, message: '2026 年 2 月没有 30 日。' }],
    ['2026-13-01', { ok: false, message: '没有 13 月。' }],
    ['1999-01-01', { ok: false, message: '年份 1999 不在 2000–2099 之间。' }],
    ['2026-1', { ok: 'incomplete' }],
    ['', { ok: 'incomplete' }],
    ['明天', { ok: false, message: '请按“年-月-日”输入,例如 2026-12-02。' }],
  ])('reads the as-of date %j', (typed, expected) => {
    expect(parseAsOf(typed)).toEqual(expected);
  });

  it('finds a student by part of the name or of the 学号, a few at a time', () => {
    const { result } = validated(null);
    expect(searchStudents(result.students, '刘').shown.map((s) => s.name)).toEqual(['刘芳']);
    expect(searchStudents(result.students, '250002').shown.map((s) => s.name)).toEqual(['王伟']);
    expect(searchStudents(result.students, '', 2)).toMatchObject({ shown: [{ name: '刘芳' }, { name: '王伟' }], more: 1 });
    expect(searchStudents(result.students, '赵').shown).toEqual([]);
  });
});
