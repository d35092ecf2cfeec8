import { RULES_BY_ID } from '../../src/rules/checks';
import { type ValidationResult, validateWorkbook } from '../../src/rules/engine';
import { parsePolicy } from '../../src/rules/policy';
import type { WorkbookGrid } from '../../src/rules/grid';
import type { RuleModule } from '../../src/rules/rule';
import type { ScanSet } from '../../src/rules/scans';
import { studentRef } from '../../src/rules/students';
import { extensionOf } from '../../src/scan/inspect';
import { type PackagePlan, type PlanInput, SUMMARY_FILE, planPackage } from '../../src/package/plan';
import { correctionSheet } from '../helpers/sheets';
import { link } from './fixtures';
import { AS_OF, WORKBOOK_FILE, scenarioGrid } from './scenario';

const rules = (...ids: string[]): RuleModule[] => ids.map((id) => RULES_BY_ID.get(id)!);

/** Scan facts without files: the planner never reads bytes. */
function scansFor(perStudent: Record<string, [string, string][]>): ScanSet {
  const files: ScanSet['files'] = [];
  const links: ScanSet['links'] = [];
  for (const [id, list] of Object.entries(perStudent))
    for (const [file, kind] of list) {
      const extension = extensionOf(file);
      files.push({ path: file, size: 1000, format: extension === 'png' ? 'png' : 'jpeg', extension });
      links.push(link(file, id, kind as never));
    }
  return { files, links };
}

const SCENARIO_LINKS: Record<string, [string, string][]> = {
  [studentRef('新生', '2609001250001')]: [['zhangsan/sfz.JPEG', '身份证'], ['zhangsan/报名表.png', '报名登记表']],
  [studentRef('新生', '2609001250002')]: [['lisi/身份证.jpg', '身份证'], ['lisi/再扫/身份证.jpg', '身份证']],
  [studentRef('在籍生', '2409001200003')]: [['wangwu/身份证.jpg', '身份证'], ['wangwu/户口本曾用名页.png', '户口本']],
  [studentRef('毕业生', '511611202406000001')]: [['zhaoliu/身份证.jpg', '身份证'], ['zhaoliu/毕业生登记表.png', '毕业生登记表']],
};

function plan(grid: WorkbookGrid, options: { rules?: RuleModule[]; scans?: ScanSet | null; names?: PlanInput['names'] } = {}) {
  const scans = options.scans === null ? undefined : (options.scans ?? scansFor(SCENARIO_LINKS));
  const result: ValidationResult = validateWorkbook(grid, { asOf: AS_OF, scans, rules: options.rules ?? [] });
  return planPackage({ result, scans, workbookFile: WORKBOOK_FILE, workbookSize: 20000, names: options.names });
}

function okPlan(grid: WorkbookGrid, options: Parameters<typeof plan>[1] = {}): PackagePlan {
  const outcome = plan(grid, options);
  if (!outcome.ok) throw new Error(outcome.refusal.message);
  return outcome.plan;
}

function refusal(grid: WorkbookGrid, options: Parameters<typeof plan>[1] = {}) {
  const outcome = plan(grid, options);
  if (outcome.ok) throw new Error('expected a refusal');
  return outcome.refusal;
}

describe('planPackage: entries', () => {
  it('puts the workbook, the report and one folder per student with scans named by content', () => {
    const p = okPlan(scenarioGrid());
    expect(p.entries.map((e) => [e.path, e.source.kind === 'scan' ? e.source.file : e.source.kind])).toEqual([
      [WORKBOOK_FILE, 'workbook'],
      [SUMMARY_FILE, 'text'],
      ['2609001250001张三/', 'folder'],
      ['2609001250001张三/身份证.jpg', 'zhangsan/sfz.JPEG'],
      ['2609001250001张三/报名登记表.png', 'zhangsan/报名表.png'],
      ['2609001250002李四/', 'folder'],
      // Two files that would both be 身份证.jpg are numbered, in the order of their paths.
      ['2609001250002李四/身份证1.jpg', 'lisi/身份证.jpg'],
      ['2609001250002李四/身份证2.jpg', 'lisi/再扫/身份证.jpg'],
      ['2409001200003王五/', 'folder'],
      ['2409001200003王五/身份证.jpg', 'wangwu/身份证.jpg'],
      ['2409001200003王五/户口本.png', 'wangwu/户口本曾用名页.png'],
      ['511611202406000001赵六/', 'folder'],
      ['511611202406000001赵六/身份证.jpg', 'zhaoliu/身份证.jpg'],
      ['511611202406000001赵六/毕业生登记表.png', 'zhaoliu/毕业生登记表.png'],
    ]);
    expect(p).toMatchObject({ folders: 4, scans: 8, scanBytes: 8000 });
  });

  it('packs only linked files, each once per student', () => {
    const grid = scenarioGrid();
    const scans = scansFor(SCENARIO_LINKS);
    scans.files.push({ path: '未归属/随手拍.jpg', size: 5, format: 'jpeg', extension: 'jpg' });
    scans.links.push(link('zhangsan/sfz.JPEG', studentRef('新生', '2609001250001'), '报名登记表'));
    const p = okPlan(grid, { scans });
    const sources = p.entries.flatMap((e) => (e.source.kind === 'scan' ? [e.source.file] : []));
    expect(sources).not.toContain('未归属/随手拍.jpg');
    expect(sources.filter((f) => f === 'zhangsan/sfz.JPEG')).toHaveLength(1);
  });

  it('keeps a legal name as is: a full-width space inside, a middle dot', () => {
    expect(okPlan(scenarioGrid({ new: '张\u3000三' })).entries[2].path).toBe('2609001250001张\u3000三/');
    expect(okPlan(scenarioGrid({ new: '阿依古丽·买买提' })).entries[2].path).toBe('2609001250001阿依古丽·买买提/');
  });
});

describe('planPackage: the scan-density-tag fix and names by content', () => {
  /** The scenario's scans with facts: every one enough pixels at 200 dpi but 王五's ID card (高拍仪, 96 dpi) and his 户口本 (no density). */
  function scannedFacts(): ScanSet {
    const scans = scansFor(SCENARIO_LINKS);
    scans.files = scans.files.map((f) => ({ ...f, width: 1654, height: 2339, density: { x: 200, y: 200, source: f.format === 'png' ? 'png-phys' : 'jfif' } }));
    const wang = (path: string) => scans.files.find((f) => f.path === path)!;
    Object.assign(wang('wangwu/身份证.jpg'), { width: 2592, height: 1944, density: { x: 96, y: 96, source: 'jfif' } });
    delete wang('wangwu/户口本曾用名页.png').density;
    return scans;
  }

  it('retags exactly the files scan-density-tag warned about, with its dpi, and the report lists them', () => {
    const p = okPlan(scenarioGrid(), { scans: scannedFacts(), rules: rules('scan-density-tag') });
    const retags = p.entries.flatMap((e) => (e.source.kind === 'scan' && e.source.retagDpi ? [[e.path, e.source.retagDpi]] : []));
    expect(retags).toEqual([
      ['2409001200003王五/身份证.jpg', 572],
      ['2409001200003王五/户口本.png', 400],
    ]);
    expect(p.summary).toContain('五、改写了分辨率标记的扫描件(2 个;');
    expect(p.summary).toContain('  1. 2409001200003王五/身份证.jpg(原文件 wangwu/身份证.jpg):96×96 dpi → 572×572 dpi');
    expect(p.summary).toContain('  2. 2409001200003王五/户口本.png(原文件 wangwu/户口本曾用名页.png):没有分辨率标记 → 400×400 dpi');
  });

  it('retags nothing when the policy turns the warning off', () => {
    const scans = scannedFacts();
    const result = validateWorkbook(scenarioGrid(), { asOf: AS_OF, scans, rules: rules('scan-density-tag'), policy: parsePolicy({ severities: { 'scan-density-tag': 'off' } }) });
    const outcome = planPackage({ result, scans, workbookFile: WORKBOOK_FILE, workbookSize: 20000 });
    if (!outcome.ok) throw new Error(outcome.refusal.message);
    expect(outcome.plan.entries.some((e) => e.source.kind === 'scan' && e.source.retagDpi)).toBe(false);
    expect(outcome.plan.summary).toContain('五、改写了分辨率标记的扫描件(0 个;');
  });

  it('names a PNG named .jpg by its content (a scan-format warning, not a refusal)', () => {
    const scans = scannedFacts();
    Object.assign(scans.files.find((f) => f.path === 'zhaoliu/身份证.jpg')!, { format: 'png', density: { x: 300, y: 300, source: 'png-phys' } });
    const p = okPlan(scenarioGrid(), { scans, rules: rules('scan-format') });
    expect(p.entries.find((e) => e.source.kind === 'scan' && e.source.file === 'zhaoliu/身份证.jpg')!.path).toBe('511611202406000001赵六/身份证.png');
    expect(p.summary).toMatch(/zhaoliu\/身份证\.jpg:文件 zhaoliu\/身份证\.jpg 的内容是 PNG,扩展名却是 \.jpg;材料包中会按实际格式命名为 \.png/);
  });
});

describe('planPackage: refusal', () => {
  it('refuses while the scans are not checked', () => {
    const r = refusal(scenarioGrid(), { scans: null, rules: rules('evidence-not-checked') });
    expect(r.count).toBe(0);
    expect(r.message).toMatch(/尚未校验证明材料扫描件/);
  });

  it('refuses while errors remain, with how many and the first five places', () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ 学号: `260900125000${i + 1}`, 姓名: `学生${i + 1}`, 更正内容: '性别', 更正前: '男', 更正后: '女' }));
    const r = refusal({ sheets: [correctionSheet('new', rows)] }, { rules: rules('cell-required') });
    expect(r.count).toBe(7);
    expect(r.places).toHaveLength(5);
    expect(r.places[0]).toMatch(/^新生!H3:/);
    expect(r.places[4]).toMatch(/^新生!H7:/);
    expect(r.message).toMatch(/还有 7 个错误未改正,前 5 处/);
    expect(r.message).toMatch(/其余 2 处/);
  });

  // The planner is the last guard: these run with no validation rule, so only the planner can catch them.
  it.each([
    ['a slash', '张/三', /“\/”/],
    ['a path traversal', '../../etc', /“\/”/],
    ['only dots', '..', /以点或空格结尾/],
    ['a colon', '张:三', /“:”/],
    ['a trailing dot', '张三.', /以点或空格结尾/],
    ['a decomposed form (NFD)', 'Zoe\u0301', /NFC/],
    ['a CJK compatibility ideograph (NFC changes it)', '\uF900三', /NFC/],
  ])('refuses a 姓名 with %s, on its cell, never renaming', (_what, name, reason) => {
    const r = refusal(scenarioGrid({ new: name }));
    expect(r.count).toBe(1);
    expect(r.places[0]).toMatch(/^新生!D3:文件夹名/);
    expect(r.places[0]).toMatch(reason);
  });

  it('refuses a key that cannot be a folder name, on the key cell', () => {
    const grid = { sheets: [correctionSheet('new', [{ 学号: '..', 姓名: '', 更正内容: '性别', 更正前: '男', 更正后: '女', 更正原因: '录入错误' }])] };
    const r = refusal(grid, { scans: scansFor({ [studentRef('新生', '..')]: [['a.jpg', '身份证']] }) });
    expect(r.places[0]).toMatch(/^新生!C3:文件夹名“\.\.”/);
  });

  it('refuses two students with one folder name (the same student on two sheets)', () => {
    const row = { 学号: '2609001250001', 姓名: '张三', 更正内容: '性别', 更正前: '男', 更正后: '女', 更正原因: '录入错误' };
    const grid = { sheets: [correctionSheet('new', [row]), correctionSheet('enrolled', [row])] };
    const scans = scansFor({
      [studentRef('新生', '2609001250001')]: [['a/sfz.jpg', '身份证']],
      [studentRef('在籍生', '2609001250001')]: [['b/sfz.jpg', '身份证']],
    });
    expect(refusal(grid, { scans }).places).toEqual(['在籍生!D3:文件夹名“2609001250001张三”与“2609001250001张三”重名,解压时会互相覆盖']);
  });

  it('refuses two students whose folder names collide (after case folding)', () => {
    const row = { 学号: '2609001250001', 更正内容: '性别', 更正前: '男', 更正后: '女', 更正原因: '录入错误' };
    const grid = { sheets: [correctionSheet('new', [{ ...row, 姓名: 'anna' }]), correctionSheet('enrolled', [{ ...row, 姓名: 'ANNA' }])] };
    const scans = scansFor({
      [studentRef('新生', '2609001250001')]: [['a/sfz.jpg', '身份证']],
      [studentRef('在籍生', '2609001250001')]: [['b/sfz.jpg', '身份证']],
    });
    const r = refusal(grid, { scans });
    expect(r.count).toBe(1);
    expect(r.places[0]).toBe('在籍生!D3:文件夹名“2609001250001ANNA”与“2609001250001anna”重名(Windows 不区分大小写),解压时会互相覆盖');
  });

  it('refuses a name GBK cannot encode only when GBK names are asked for', () => {
    expect(refusal(scenarioGrid({ new: '张\u{20BB7}' }), { names: 'gbk' }).places[0]).toMatch(/无法用 GBK 编码/);
    expect(okPlan(scenarioGrid({ new: '张\u{20BB7}' }), { names: 'utf8' }).entries[2].path).toBe('2609001250001张\u{20BB7}/');
  });

  it('refuses a package over the 4 GB of a ZIP without ZIP64', () => {
    const grid = scenarioGrid();
    const scans = scansFor(SCENARIO_LINKS);
    for (const f of scans.files) f.size = 600 * 1024 * 1024;
    expect(refusal(grid, { scans }).message).toMatch(/超过 ZIP 格式的上限/);
  });
});
