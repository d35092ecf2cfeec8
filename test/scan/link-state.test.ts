import { validateWorkbook } from '../../src/rules/engine';
import type { ScanInfo } from '../../src/rules/scans';
import { type ManualAssignment } from '../../src/scan/link';
import { restoreLinkState, saveLinkState } from '../../src/scan/link-state';
import { SHEETS, ZHANG, LI, scan } from './fixtures';

const { students } = validateWorkbook({ sheets: SHEETS }, { asOf: '2026-11-29', rules: [] });
const f = (path: string, size: number, fingerprint: string): ScanInfo => scan(path, { size, fingerprint });

const files = [f('a/IMG_1.jpg', 100, 'f1'), f('a/IMG_2.jpg', 200, 'f2'), f('b/说明.jpg', 300, 'f3')];
const manual: ManualAssignment[] = [
  { file: 'a/IMG_1.jpg', studentRef: ZHANG.ref, kind: '身份证' },
  { file: 'a/IMG_2.jpg', kind: '户口本' },
  { file: 'b/说明.jpg', studentRef: null },
];

describe('link state', () => {
  it('round-trips through JSON onto the same files picked again', () => {
    const saved = JSON.parse(JSON.stringify(saveLinkState(manual, files)));
    expect(saved.entries[0]).toEqual({ file: 'a/IMG_1.jpg', size: 100, fingerprint: 'f1', studentId: ZHANG.ref, kind: '身份证' });
    expect(restoreLinkState(saved, files, students)).toEqual({ manual, lost: [] });
  });

  it('follows a file moved or renamed (same size and fingerprint)', () => {
    const saved = saveLinkState(manual.slice(0, 1), files);
    const moved = [f('张三/身份证扫描.jpg', 100, 'f1'), ...files.slice(1)];
    expect(restoreLinkState(saved, moved, students).manual).toEqual([{ file: '张三/身份证扫描.jpg', studentRef: ZHANG.ref, kind: '身份证' }]);
  });

  it('drops an assignment whose file changed, is gone, or whose student is gone', () => {
    const saved = saveLinkState([...manual.slice(0, 2), { file: 'b/说明.jpg', studentRef: '新生#2099101000001' }], files);
    const changed = [f('a/IMG_1.jpg', 100, 'other'), files[2]]; // IMG_1 rescanned, IMG_2 deleted
    const restored = restoreLinkState(saved, changed, students);
    expect(restored.manual).toEqual([]);
    expect(restored.lost.map((e) => e.file)).toEqual(['a/IMG_1.jpg', 'a/IMG_2.jpg', 'b/说明.jpg']);
  });

  it('does not give two saved entries the same new file', () => {
    const twins = [f('x/1.jpg', 100, 'f1'), f('x/2.jpg', 100, 'f1')];
    const saved = saveLinkState([{ file: 'x/1.jpg', studentRef: ZHANG.ref }, { file: 'x/2.jpg', studentRef: LI.ref }], twins);
    expect(restoreLinkState(saved, twins, students).manual.map((m) => [m.file, m.studentRef])).toEqual([['x/1.jpg', ZHANG.ref], ['x/2.jpg', LI.ref]]);
    // Both renamed: size and fingerprint alone cannot tell them apart, so neither is guessed.
    const renamed = [f('y/1.jpg', 100, 'f1'), f('y/2.jpg', 100, 'f1')];
    expect(restoreLinkState(saved, renamed, students).lost).toHaveLength(2);
  });

  it('refuses what is not a saved state', () => {
    expect(() => restoreLinkState({ version: 2, entries: [] }, files, students)).toThrow(/无法读取/);
  });
});
