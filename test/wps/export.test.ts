import { WorkbookNotSavedError } from '../../src/host/types';
import { LINKS_SHEET, MARKS_SHEET } from '../../src/wps/hidden-sheet';
import type { WpsFileSystem } from '../../src/wps/et';
import { readFileBytes } from '../../src/wps/files';
import { FILE, FOLDER, FULL_NAME, openWps, problem } from './support';

const sheets = () => [{ name: '新生', rows: [['学号', '姓名'], [{ value: '2509001200001', format: '@' }, '张三']] }];
const zip = new Blob([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0xff, 0x80, 0])]);
const PACKAGE = `${FOLDER}/学生基本信息修改情况统计表_材料包.zip`;

async function refusal(p: Promise<unknown>): Promise<WorkbookNotSavedError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(WorkbookNotSavedError);
  return e as WorkbookNotSavedError;
}

describe('the workbook file and the package beside it', () => {
  test('a saved, clean workbook: its bytes on disk, as saved', async () => {
    const saved = new Uint8Array([0x50, 0x4b, 0, 0, 1, 2, 0, 3]);
    const { host } = openWps({ sheets: sheets(), savedBytes: saved });
    await expect(host.getWorkbookFile({ sheets: [] })).resolves.toEqual({ bytes: saved, source: 'saved-file' });
  });

  test('FileSystem.ReadFile would cut the bytes at the first NUL: the adapter never uses it', () => {
    const saved = new Uint8Array([0x50, 0x4b, 0, 0, 1, 2]);
    const { double } = openWps({ sheets: sheets(), savedBytes: saved });
    expect((double.wps.FileSystem as { ReadFile(p: string): string }).ReadFile(FULL_NAME)).toBe('PK');
  });

  test('where ReadFileAsArrayBuffer is missing, the documented readAsBinaryString gives the same bytes', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0, 0xff, 0x80, 0]);
    const fs = { Exists: () => true, readAsBinaryString: () => String.fromCharCode(...bytes) } as unknown as WpsFileSystem;
    expect(readFileBytes(fs, '/x.xlsx')).toEqual(bytes);
  });

  test('never saved, or not .xlsx: said, with no offer to save (另存为 is the registrar’s choice)', async () => {
    const unsaved = openWps({ sheets: sheets(), folder: undefined, fileName: undefined });
    expect((await refusal(unsaved.host.getWorkbookFile({ sheets: [] }))).message).toMatch(/还没有保存成文件/);
    const et = openWps({ sheets: sheets(), fileName: '统计表.et' });
    const e = await refusal(et.host.getWorkbookFile({ sheets: [] }));
    expect(e.message).toMatch(/不是 \.xlsx/);
    expect(e.canSave).toBe(false);
  });

  test('unsaved changes, or marks: an offer to save; 保存并导出 saves without marks and marks again after', async () => {
    const dirty = openWps({ sheets: sheets(), dirty: true });
    expect((await refusal(dirty.host.getWorkbookFile({ sheets: [] }))).canSave).toBe(true);

    const { host, double } = openWps({ sheets: sheets() });
    await host.markProblems([problem('新生', 'A2', 'error', '学号不对')]);
    const e = await refusal(host.getWorkbookFile({ sheets: [] }));
    expect(e.message).toMatch(/校验标记/);
    expect(e.canSave).toBe(true);

    await host.saveWorkbook!();
    const onDisk = double.fs.files.get(FULL_NAME)!;
    expect(new TextDecoder().decode(onDisk)).not.toContain(MARKS_SHEET);
    const file = await host.getWorkbookFile({ sheets: [] });
    expect(file.bytes).toEqual(onDisk);
    // Marked again for the registrar, in memory only: the file on disk stays clean.
    expect(double.book.sheets.map((s) => s.name)).toContain(MARKS_SHEET);
    expect(double.book.saved).toBe(false);
  });

  test('the package is written beside the workbook; an existing one is never overwritten', async () => {
    const { host, double } = openWps({ sheets: sheets(), files: { [PACKAGE]: new Uint8Array([1]) } });
    const saved = await host.savePackage!(zip, '学生基本信息修改情况统计表_材料包.zip');
    expect(saved).toEqual({ path: `${FOLDER}/学生基本信息修改情况统计表_材料包 (2).zip`, folder: FOLDER, renamed: true });
    expect(double.fs.files.get(saved.path)).toEqual(new Uint8Array(await zip.arrayBuffer()));
    expect(double.fs.files.get(PACKAGE)).toEqual(new Uint8Array([1]));
  });

  test('a write that fails half way leaves no file', async () => {
    const { host, double } = openWps({ sheets: sheets() });
    double.fs.failNextWriteAfter = 4;
    await expect(host.savePackage!(zip, '材料包.zip')).rejects.toThrow(/没有留下不完整的文件/);
    expect([...double.fs.files.keys()]).toEqual([FULL_NAME]);
  });

  test('a Windows path keeps its separator; 打开文件夹 goes through FollowHyperlink', async () => {
    const { host, double } = openWps({ sheets: sheets(), folder: 'C:\\Users\\教务\\Documents', fileName: FILE });
    const saved = await host.savePackage!(zip, '材料包.zip');
    expect(saved.path).toBe('C:\\Users\\教务\\Documents\\材料包.zip');
    await host.openFolder!(saved.folder);
    expect(double.book.followed).toEqual(['C:\\Users\\教务\\Documents']);
  });

  test('scan assignments are kept in the workbook (a very-hidden sheet), long ones in several lines', async () => {
    const { host, double, wps } = openWps({ sheets: sheets() });
    await expect(host.loadLinkState()).resolves.toBeNull();
    const state = { version: 1, entries: Array.from({ length: 900 }, (_, i) => ({ file: `扫描件/第${i}个文件.jpg`, studentId: `2509001200${i}`, kind: '身份证' })) };
    await host.saveLinkState(state);
    expect(double.book.sheets.find((s) => s.name === LINKS_SHEET)!.visible).toBe(2);
    const { createWpsHost } = await import('../../src/wps/host');
    await expect(createWpsHost(wps).loadLinkState()).resolves.toEqual(state);
    expect((await createWpsHost(wps).readWorkbook()).sheets.map((s) => s.name)).toEqual(['新生']);
  });
});
