/** The reader's limits and well-formedness rules at the level of the grid (the CLI outcomes are in test/reliability). */
import { readSheet } from '../../src/rules/table';
import { DEFAULT_POLICY } from '../../src/rules/policy';
import { rowCells, rowNumbers, sheetFromValues } from '../../src/rules/grid';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { readError } from '../helpers/read-error';
import { bombPart, sheetXml, tableRows, textCell, workbookBytes } from '../../scripts/hostile-inputs';

describe('readWorkbook keeps a sparse sheet sparse', () => {
  it('a cell in row 1,048,576 adds one row, not a million', async () => {
    const grid = await readWorkbook(workbookBytes({ sheet: sheetXml(tableRows() + `<row r="1048576">${textCell('XFD1048576', 'x')}</row>`) }));
    const sheet = grid.sheets[0];
    expect(sheet.rows.length).toBe(1_048_576);
    expect(rowNumbers(sheet)).toEqual([1, 2, 3, 1_048_576]);
    expect(Object.keys(sheet.rows[1_048_575]!)).toEqual(['16383']);
  });

  it('a merged range over the whole sheet is read as one range; the table copies its value only into the rows that exist', async () => {
    const grid = await readWorkbook(
      workbookBytes({ sheet: sheetXml(tableRows() + `<row r="1048576">${textCell('C1048576', '性别')}</row>`, '<mergeCells count="1"><mergeCell ref="$A$3:XFD1048576"/></mergeCells>') }),
    );
    expect(grid.sheets[0].merges).toEqual(['A3:XFD1048576']);
    const { table } = readSheet(grid.sheets[0], DEFAULT_POLICY);
    expect(table!.rows.map((r) => r.row)).toEqual([3, 1_048_576]);
    expect(table!.rows[1].cells.studentId).toMatchObject({ address: 'A1048576', text: '2609001250003' });
    // The two rows that exist, times the seven mapped columns, but the range's own top-left cell.
    expect(table!.mergedCopies.size).toBe(2 * 7 - 1);
    expect(table!.blankRows.length).toBe(1_048_572);
  });

  it('a range written A4:$B$5 or backwards is the range A4:B5', async () => {
    const grid = await readWorkbook(workbookBytes({ sheet: sheetXml(tableRows(), '<mergeCells count="2"><mergeCell ref="A4:$B$5"/><mergeCell ref="D7:C6"/></mergeCells>') }));
    expect(grid.sheets[0].merges).toEqual(['A4:B5', 'C6:D7']);
  });

  it('a number format with 120 decimals shows at most 30 of them', async () => {
    const styles = `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.${'0'.repeat(120)}"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
    const grid = await readWorkbook(workbookBytes({ sheet: sheetXml(tableRows() + '<row r="4"><c r="A4" s="1"><v>1.5</v></c></row>'), styles }));
    expect(grid.sheets[0].rows[3]![0]).toMatchObject({ value: 1.5, text: `1.5${'0'.repeat(29)}` });
  });
});

describe('readWorkbook refuses instead of reading in part', () => {
  it.each<[string, () => Uint8Array, string, RegExp]>([
    ['a row past 1,048,576', () => workbookBytes({ sheet: sheetXml(tableRows() + '<row r="1048577"/>') }), 'limit', /第 1048577 行超出了 Excel 工作表的范围/],
    ['a column past XFD', () => workbookBytes({ sheet: sheetXml(tableRows() + `<row r="4">${textCell('XFE4', 'x')}</row>`) }), 'limit', /单元格 XFE4 ?超出/],
    ['a sheet part inflating past 128 MB', () => workbookBytes({ sheet: bombPart('xl/worksheets/sheet1.xml', 130, '<worksheet><sheetData>', '</sheetData></worksheet>') }), 'limit', /sheet1\.xml”解压后超过 128 MB/],
    [
      'more shared strings than the limit',
      () => workbookBytes({ extra: [bombPart('xl/sharedStrings.xml', 34, '<sst>', '</sst>', '<si><t>x</t></si>')] }),
      'limit',
      /共享字符串超过 2,000,000 个/,
    ],
    ['an attribute quote left open', () => workbookBytes({ sheet: sheetXml(tableRows().replace('<c r="G3" t="inlineStr">', '<c r="G3" t="inlineStr>')) }), 'malformed', /不是完整的 XML/],
    ['an element left open', () => workbookBytes({ sheet: sheetXml(tableRows()).replace('</sheetData>', '') }), 'malformed', /不是完整的 XML/],
    ['a cell reference without a row', () => workbookBytes({ sheet: sheetXml(tableRows().replace('r="B3"', 'r="B"')) }), 'malformed', /无效的单元格引用“B”/],
    ['a cell written twice', () => workbookBytes({ sheet: sheetXml(tableRows().replace('</row><row r="3">', `</row><row r="3">${textCell('B3', '冒名')}`)) }), 'malformed', /单元格 B3 出现了两次/],
    ['a cell in another row than its row element', () => workbookBytes({ sheet: sheetXml(tableRows().replace('r="B3"', 'r="B2"')) }), 'malformed', /单元格 B2 写在第 3 行里/],
    ['a ZIP entry twice', () => workbookBytes({ extra: [{ name: 'XL/worksheets/sheet1.xml', data: sheetXml(tableRows()) }] }), 'malformed', /出现了不止一次/],
    ['a sheet name twice', () => workbookBytes({ sheetList: '<sheet name="新生" r:id="rId1"/><sheet name="新生" r:id="rId1"/>' }), 'malformed', /工作表“新生”列出了不止一次/],
    ['two sheets on one part', () => workbookBytes({ sheetList: '<sheet name="新生" r:id="rId1"/><sheet name="在籍生" r:id="rId1"/>' }), 'malformed', /指向同一个部件/],
  ])('%s', async (_name, make, reason, message) => {
    const err = await readError(make());
    expect(err.reason).toBe(reason);
    expect(err.message).toMatch(message);
  });

  it('does not inflate a part it does not use, however large', async () => {
    const grid = await readWorkbook(workbookBytes({ extra: [bombPart('xl/media/image1.png', 300)] }));
    expect(grid.sheets).toHaveLength(1);
  });
});

describe('rowCells', () => {
  it('lists the cells of a narrow row with gaps and of a wide sparse row once each, in column order', () => {
    const narrow = sheetFromValues('s', [['a', null, 'c', undefined, 'e']]).rows[0];
    expect(rowCells(narrow).map((c) => c.address)).toEqual(['A1', 'C1', 'E1']);
    const wide: ReturnType<typeof rowCells> = [];
    const sparse = sheetFromValues('s', [['a']]).rows[0];
    sparse[9999] = { ...sparse[0]!, col: 10000, address: 'NTP1' };
    expect(rowCells(sparse).map((c) => c.col)).toEqual([1, 10000]);
    expect(rowCells(undefined)).toEqual(wide);
  });
});
