import { validateWorkbook } from '../../src/rules/engine';
import { DEFAULT_POLICY } from '../../src/rules/policy';
import { buildScanSet, linkScans } from '../../src/scan/link';
import { correctionSheet } from '../helpers/sheets';
import { scan } from './fixtures';

const row = (key: string, name: string) => ({ 学号: key, 姓名: name, 更正内容: '民族', 更正前: '汉族', 更正后: '回族', 更正原因: '信息变更', 入学学期: '2025秋' });
// Two students called 张三: one new, one graduate (注册证号 511611202505000123, 学号 2021101000009).
const sheets = [
  correctionSheet('new', [row('2025101000001', '张三'), row('2025101000002', '李四'), row('2025101000003', '王五')]),
  correctionSheet('graduate', [{ 注册证号: '511611202505000123', 学号: '2021101000009', 姓名: '张三', 更正内容: '民族', 更正前: '汉族', 更正后: '回族', 更正原因: '信息变更', 毕业时间: '2025-07-01' }]),
];
const { students } = validateWorkbook({ sheets }, { asOf: '2026-11-29', rules: [] });
const ZHANG = '新生#2025101000001';
const LI = '新生#2025101000002';
const GRAD = '毕业生#511611202505000123';

const link = (paths: string[], manual?: Parameters<typeof linkScans>[3]) => linkScans(students, paths.map((p) => scan(p)), DEFAULT_POLICY, manual);
const one = (p: string) => link([p])[0];

describe('linkScans', () => {
  it.each([
    ['2025101000001张三/身份证.jpg', ZHANG, '身份证'],
    ['材料/2025101000002李四/户口本1.jpg', LI, '户口本'],
    ['2025101000002-身份证.jpg', LI, '身份证'],
    ['511611202505000123张三/毕业生登记表.jpg', GRAD, '毕业生登记表'],
    ['2021101000009/身份证.jpg', GRAD, '身份证'], // the 学号 column of the graduate sheet
  ])('%s → %s as %s', (path, studentRef, kind) => {
    expect(one(path)).toEqual({ file: path, studentRef, kind, manual: false });
  });

  it.each([
    ['李四/身份证.jpg', LI, '身份证'], // a unique name
    ['李四_户口本.jpg', LI, '户口本'],
  ])('%s → %s as %s, by 姓名 alone (evidence-name-only says so)', (path, studentRef, kind) => {
    expect(one(path)).toEqual({ file: path, studentRef, kind, manual: false, byName: true });
  });

  it('a key anywhere in the path wins over the name, and is not a name-only link', () => {
    expect(one('2025101000002/李四/身份证.jpg')).toEqual({ file: '2025101000002/李四/身份证.jpg', studentRef: LI, kind: '身份证', manual: false });
  });

  it('matches keys as whole digit runs only', () => {
    expect(link(['20251010000012/身份证.jpg', '12025101000001/身份证.jpg'])).toEqual([]);
  });

  it('matches keys typed with full-width digits', () => {
    expect(one('２０２５１０１０００００２/身份证.jpg')).toMatchObject({ studentRef: LI });
  });

  it('matches keys with letters in them too, as whole runs where they start or end with a digit, longest key first', () => {
    // A key that is not all digits (an id with a letter, as some schools use) makes every key searched one by one.
    const mixed = validateWorkbook({ sheets: [correctionSheet('new', [row('X2025101000001', '赵六'), row('2025101000002', '李四'), row('101000002', '孙七')])] }, { asOf: '2026-11-29', rules: [] }).students;
    const guess = (p: string) => linkScans(mixed, [scan(p)], DEFAULT_POLICY)[0]?.studentRef;
    expect(guess('X2025101000001/身份证.jpg')).toBe('新生#X2025101000001');
    expect(guess('材料X2025101000001/身份证.jpg')).toBe('新生#X2025101000001');
    expect(guess('2025101000002/身份证.jpg')).toBe('新生#2025101000002');
    expect(guess('101000002/身份证.jpg')).toBe('新生#101000002');
    expect(guess('X20251010000012/身份证.jpg')).toBeUndefined();
  });

  it('prefers the file name over its folder', () => {
    expect(one('2025101000001张三/2025101000002身份证.jpg')).toMatchObject({ studentRef: LI });
  });

  it('does not link by a name shared by two students', () => {
    const set = buildScanSet(students, [scan('张三/身份证.jpg')], DEFAULT_POLICY);
    expect(set.links).toEqual([]);
    expect(set.unresolved).toEqual([{ file: '张三/身份证.jpg', reason: 'ambiguous' }]);
  });

  it('explains the files it cannot link', () => {
    const set = buildScanSet(students, [scan('扫描0001.jpg'), scan('2025101000001_2025101000002.jpg'), scan('2025101000001张三/IMG_0001.jpg')], DEFAULT_POLICY);
    expect(set.links).toEqual([]);
    expect(set.unresolved).toEqual([
      { file: '扫描0001.jpg', reason: 'no-student' },
      { file: '2025101000001_2025101000002.jpg', reason: 'ambiguous' },
      { file: '2025101000001张三/IMG_0001.jpg', reason: 'no-kind', studentRef: ZHANG },
    ]);
  });

  it('lets manual assignments override every guess', () => {
    const files = ['2025101000001张三/IMG_0001.jpg', '扫描0001.jpg', '2025101000002李四/身份证.jpg', '2025101000002李四/说明.jpg'];
    expect(
      link(files, [
        { file: '2025101000001张三/IMG_0001.jpg', kind: '身份证' }, // student guessed, kind set
        { file: '扫描0001.jpg', studentRef: LI, kind: '户口本' },
        { file: '2025101000002李四/身份证.jpg', studentRef: ZHANG }, // moved to another student, kind guessed
        { file: '2025101000002李四/说明.jpg', studentRef: null }, // not evidence
      ]),
    ).toEqual([
      { file: '2025101000001张三/IMG_0001.jpg', studentRef: ZHANG, kind: '身份证', manual: true },
      { file: '扫描0001.jpg', studentRef: LI, kind: '户口本', manual: true },
      { file: '2025101000002李四/身份证.jpg', studentRef: ZHANG, kind: '身份证', manual: true },
    ]);
  });

  it('ignores a manual assignment to a student no longer in the workbook', () => {
    expect(link(['2025101000002李四/身份证.jpg'], [{ file: '2025101000002李四/身份证.jpg', studentRef: '新生#2099101000001' }])).toEqual([
      { file: '2025101000002李四/身份证.jpg', studentRef: LI, kind: '身份证', manual: false },
    ]);
  });
});
