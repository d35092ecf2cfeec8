/**
 * The workbook in the package is the registrar's own, without marks. getFileAsync(Compressed) needs the
 * CompressedFile set; Excel on the web hands over the copy in storage, which can lag behind the clearing of the
 * marks: the adapter looks inside the bytes, waits and retries, and never packages a marked file.
 */
import { findMarksInFile } from '../../src/excel/file-marks';
import { createExcelHost } from '../../src/excel/host';
import { MARKS_NAMESPACE } from '../../src/excel/mark-store';
import { NOTE_PREFIX } from '../../src/excel/marks';
import { PROFILES } from '../excel-double/profiles';
import { workbookFile } from '../excel-double/xlsx-file';
import { problem } from './looks';
import { useDouble } from './use-double';
import { newStudentSheet } from './workbooks';

const open = useDouble();
const marks = [problem('新生', 'C3', 'error', '学号不对'), problem('新生', 'D4', 'warning', '姓名有空格')];

describe('looking inside the file for marks', () => {
  test('finds the marks record, a note of ours, or neither', async () => {
    const { double } = open({ sheets: [newStudentSheet(2)] });
    const sheets = double.state.sheets;
    await expect(findMarksInFile(await workbookFile({ name: 'a', sheets, customXmlParts: [] }))).resolves.toBe('clean');
    await expect(findMarksInFile(await workbookFile({ name: 'a', sheets, customXmlParts: [{ id: '1', namespaceUri: MARKS_NAMESPACE, xml: `<marks xmlns="${MARKS_NAMESPACE}">[]</marks>` }] }))).resolves.toBe('marked');
    sheets[0].notes.set(2 * 16_384 + 2, { content: `${NOTE_PREFIX}\n学号不对`, authorName: 'x' });
    await expect(findMarksInFile(await workbookFile({ name: 'a', sheets, customXmlParts: [] }))).resolves.toBe('marked');
    await expect(findMarksInFile(new Uint8Array([1, 2, 3]))).resolves.toBe('unreadable');
  });
});

describe('Excel on the web: the file comes from storage', () => {
  test('a stored copy that still has the marks is retried until storage has caught up', async () => {
    const { double } = open({ profile: 'web', sheets: [newStudentSheet(3)], file: workbookFile, storageLag: 2 });
    const host = createExcelHost({ storageRetryMs: [0, 0, 0] });
    await host.markProblems(marks);
    double.user.save(); // autosave stored the marked workbook
    const file = await host.getWorkbookFile(await host.readWorkbook());
    expect(file).toMatchObject({ source: 'office-file', lastSaved: true });
    await expect(findMarksInFile(file.bytes)).resolves.toBe('clean');
    // The marks are back on the open workbook.
    expect(double.state.customXmlParts).toHaveLength(1);
  });

  test('storage that never catches up: the export stops and asks to save, it never packages a marked file', async () => {
    const { double } = open({ profile: 'web', sheets: [newStudentSheet(3)], file: workbookFile, storageLag: Infinity });
    const host = createExcelHost({ storageRetryMs: [0, 0] });
    await host.markProblems(marks);
    double.user.save();
    await expect(host.getWorkbookFile(await host.readWorkbook())).rejects.toThrow(/仍带有校验时加上的标记.*Ctrl\+S 保存/);
    expect(double.state.customXmlParts).toHaveLength(1);
  });
});

describe('the CompressedFile set', () => {
  test('File without CompressedFile: the .xlsx cannot be asked for, the package gets the rebuilt copy', async () => {
    const { File } = PROFILES['microsoft-365'].requirements;
    const { host } = open({ sheets: [newStudentSheet(3)], file: workbookFile, requirements: { ExcelApi: '1.20', SharedRuntime: '1.2', File } });
    const file = await host.getWorkbookFile(await host.readWorkbook());
    expect(file.source).toBe('rebuilt');
  });

  test('the double refuses getFileAsync(Compressed) without CompressedFile, as Office does', async () => {
    const { double } = open({ sheets: [newStudentSheet(1)], file: workbookFile, requirements: { ExcelApi: '1.20', File: '1.1' } });
    const result = await new Promise<{ status: string }>((resolve) => double.Office.context.document.getFileAsync('compressed', {}, resolve as never));
    expect(result.status).toBe('failed');
  });
});
