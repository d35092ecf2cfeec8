import { validateWorkbook } from '../../src/rules/engine';
import { DEFAULT_POLICY } from '../../src/rules/policy';
import { loadPickedFiles } from '../../src/scan/picked-files';
import { makeJpeg, makePng } from '../../scripts/synth-images';
import { LI, SHEETS, ZHANG } from './fixtures';

describe('loadPickedFiles (browser files)', () => {
  it('inspects blobs, skips hidden files, hashes twins and applies manual assignments', async () => {
    const { students } = validateWorkbook({ sheets: SHEETS }, { asOf: '2026-11-29', rules: [] });
    const card = makeJpeg({ width: 1654, height: 2339, dpi: 200 });
    const blob = (b: Uint8Array) => new Blob([b.slice()]);
    const set = await loadPickedFiles(
      [
        { path: `扫描/${ZHANG.folder}/身份证.jpg`, blob: blob(card) },
        { path: `扫描/${LI.folder}/身份证.jpg`, blob: blob(card) },
        { path: `扫描/${LI.folder}/IMG_1.png`, blob: blob(makePng({ width: 1654, height: 2339, dpi: 200 })) },
        { path: '扫描/.DS_Store', blob: blob(new Uint8Array(10)) },
        { path: '扫描/__MACOSX/扫描/身份证.jpg', blob: blob(new Uint8Array(10)) },
      ],
      students,
      DEFAULT_POLICY,
      [{ file: `扫描/${LI.folder}/IMG_1.png`, kind: '户口本' }],
    );
    expect(set.files.map((f) => f.path)).toEqual([`扫描/${ZHANG.folder}/身份证.jpg`, `扫描/${LI.folder}/身份证.jpg`, `扫描/${LI.folder}/IMG_1.png`]);
    expect(set.files[0].sha256).toBeDefined();
    expect(set.files[0].sha256).toBe(set.files[1].sha256);
    expect(set.files[2]).toMatchObject({ format: 'png', density: { x: 200, y: 200 } });
    expect(set.links.map((l) => [l.studentId, l.kind, l.manual])).toEqual([
      [ZHANG.id, '身份证', false],
      [LI.id, '身份证', false],
      [LI.id, '户口本', true],
    ]);
  });
});
