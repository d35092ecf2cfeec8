/** The WorkbookReadError that reading these bytes must throw (any other outcome fails the test). */
import { WorkbookReadError } from '../../src/xlsx/read-error';
import { readWorkbook } from '../../src/xlsx/read-workbook';

export async function readError(bytes: Uint8Array): Promise<WorkbookReadError> {
  try {
    await readWorkbook(bytes);
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  throw new Error('expected a WorkbookReadError');
}
