/**
 * What getFileAsync(Compressed) hands over for the double's workbook: a small .xlsx-shaped ZIP with the parts the
 * add-in must find or not find in it: the sheets' values, each custom XML part as customXml/itemN.xml and each
 * sheet's notes as xl/commentsN.xml, as Excel stores them. Not a file Excel would open; for the tests' `file`.
 */
import JSZip from 'jszip';
import { cellAddress } from '../../src/rules/grid';
import { type StoredCopy, keyCol, keyRow } from './state';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function workbookFile(workbook: StoredCopy): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('xl/workbook.xml', `<workbook><sheets>${workbook.sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}"/>`).join('')}</sheets></workbook>`);
  workbook.sheets.forEach((sheet, i) => {
    const cells = [...sheet.cells].filter(([, c]) => c.value !== null).map(([k, c]) => `<c r="${cellAddress(keyRow(k) + 1, keyCol(k) + 1)}" t="inlineStr"><is><t>${escape(String(c.value))}</t></is></c>`);
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, `<worksheet><sheetData>${cells.join('')}</sheetData></worksheet>`);
    const notes = [...sheet.notes].map(([k, n]) => `<comment ref="${cellAddress(keyRow(k) + 1, keyCol(k) + 1)}"><text><t>${escape(n.content)}</t></text></comment>`);
    if (notes.length) zip.file(`xl/comments${i + 1}.xml`, `<comments><commentList>${notes.join('')}</commentList></comments>`);
  });
  workbook.customXmlParts.forEach((p, i) => zip.file(`customXml/item${i + 1}.xml`, p.xml));
  return zip.generateAsync({ type: 'uint8array' });
}
