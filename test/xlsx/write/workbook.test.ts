/**
 * The project's own SpreadsheetML writer: the template it writes is the one ExcelJS wrote before, cell by cell and
 * style by style (fixtures/template-model.json is the model of what ExcelJS 4.4 wrote with the same options, from
 * `git show 21f58d3:src/xlsx/write-template.ts`); every part keeps the children of its elements in the order the
 * ECMA-376 schema's sequences give, which Excel requires; and the rebuilt copy of a grid reads back with the same
 * values.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { rebuildWorkbook } from '../../../src/excel/rebuild-workbook';
import { type WorkbookGrid, makeCell } from '../../../src/rules/grid';
import { DEFAULT_POLICY } from '../../../src/rules/policy';
import { readWorkbook } from '../../../src/xlsx/read-workbook';
import { templateBytes } from '../../../src/xlsx/write-template';
import { scanXml } from '../../../src/xlsx/xml';
import expected from '../fixtures/template-model.json';
import { FILLED } from '../template-cases';
import { workbookModel } from '../template-model';

/** Child sequences of the schema's complex types (ECMA-376 Part 1, transitional), by element name. */
const SEQUENCES: Record<string, string[]> = {
  worksheet: [
    'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
    'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
    'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
    'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
    'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
  ],
  styleSheet: ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'],
  workbook: [
    'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences',
    'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing',
    'fileRecoveryPr', 'webPublishObjects', 'extLst',
  ],
  sheetPr: ['tabColor', 'outlinePr', 'pageSetUpPr'],
  sheetView: ['pane', 'selection', 'pivotSelection', 'extLst'],
  xf: ['alignment', 'protection', 'extLst'],
  border: ['left', 'right', 'top', 'bottom', 'diagonal', 'vertical', 'horizontal'],
  patternFill: ['fgColor', 'bgColor'],
  c: ['f', 'v', 'is'],
  dataValidation: ['formula1', 'formula2'],
  headerFooter: ['oddHeader', 'oddFooter', 'evenHeader', 'evenFooter', 'firstHeader', 'firstFooter'],
};

/** Where a part's elements are out of the schema's order, as "parent: child after previous". */
function orderProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: { name: string; last: number; lastName: string }[] = [];
  scanXml(xml, {
    // scanXml calls close for a self-closing element too.
    open(name) {
      const parent = stack[stack.length - 1];
      const sequence = parent && SEQUENCES[parent.name];
      if (sequence) {
        const at = sequence.indexOf(name);
        if (at < 0) problems.push(`${parent.name}: ${name} is not one of its children`);
        if (at < parent.last) problems.push(`${parent.name}: ${name} after ${parent.lastName}`);
        parent.last = Math.max(parent.last, at);
        parent.lastName = name;
      }
      stack.push({ name, last: -1, lastName: '' });
    },
    close() {
      stack.pop();
    },
  });
  return problems;
}

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) out.set(name, await zip.files[name].async('string'));
  return out;
}

describe('the template written by the SpreadsheetML writer', () => {
  it.each([
    ['blank', {}],
    ['filled', FILLED],
  ] as const)('%s: the same cells, styles, dropdowns, merges, widths, heights, view and page setup as ExcelJS wrote', async (key, options) => {
    expect(await workbookModel(await templateBytes(DEFAULT_POLICY, options))).toEqual(expected[key]);
  });

  it('keeps every element of every part in the order of the schema', async () => {
    const files = await parts(await templateBytes(DEFAULT_POLICY, FILLED));
    expect([...files.keys()].sort()).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'docProps/core.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml',
      'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml',
    ]);
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    // The check itself catches a part out of order.
    expect(orderProblems(sheet.replace(/(<mergeCells.*<\/mergeCells>)(<dataValidations.*<\/dataValidations>)/, '$2$1'))).toEqual(['worksheet: mergeCells after dataValidations']);
    for (const [name, xml] of files) expect([name, orderProblems(xml)]).toEqual([name, []]);
    const children: string[] = [];
    let depth = 0;
    scanXml(sheet, {
      open: (name) => {
        if (depth++ === 1) children.push(name);
      },
      close: () => depth--,
    });
    expect(children).toEqual(['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'mergeCells', 'dataValidations', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter']);
  });

  it('is the same bytes for the same options and time', async () => {
    const modified = new Date(Date.UTC(2026, 10, 29, 9));
    expect(Buffer.from(await templateBytes(DEFAULT_POLICY, { ...FILLED, modified })).equals(Buffer.from(await templateBytes(DEFAULT_POLICY, { ...FILLED, modified })))).toBe(true);
  });
});

describe('the workbook rebuilt from the grid', () => {
  const grid: WorkbookGrid = {
    sheets: [
      {
        name: "新生 & 'A' 表",
        rows: [
          [makeCell(1, 1, '国家开放大学 <统计表>'), undefined, makeCell(1, 3, 12.5), makeCell(1, 4, true)],
          [makeCell(2, 1, '0012345678'), makeCell(2, 2, '2026-10-12', 'date'), makeCell(2, 3, '#N/A', 'error'), makeCell(2, 4, ' 前后空格 ')],
          [makeCell(3, 1, 'a_x0041_b\u0001c'), makeCell(3, 2, '1900-01-05', 'date'), makeCell(3, 3, 'line1\nline2')],
        ],
        merges: ['A1:B1', 'C3'],
      },
      { name: '空表', rows: [] },
    ],
  } as unknown as WorkbookGrid;

  it('reads back with the same values, kinds and merges', async () => {
    const bytes = await rebuildWorkbook(grid);
    const back = await readWorkbook(bytes);
    expect(back.sheets.map((s) => s.name)).toEqual(["新生 & 'A' 表", '空表']);
    const cells = back.sheets[0].rows.flatMap((row) => (row ?? []).filter(Boolean).map((c) => [c!.address, c!.kind, c!.value]));
    expect(cells).toEqual([
      ['A1', 'text', '国家开放大学 <统计表>'],
      ['C1', 'number', 12.5],
      ['D1', 'boolean', true],
      ['A2', 'text', '0012345678'],
      ['B2', 'date', '2026-10-12'],
      ['C2', 'error', '#N/A'],
      ['D2', 'text', ' 前后空格 '],
      ['A3', 'text', 'a_x0041_b\u0001c'],
      ['B3', 'date', '1900-01-05'],
      ['C3', 'text', 'line1\nline2'],
    ]);
    expect(back.sheets[0].merges).toEqual(['A1:B1']);
  });

  it('keeps a merged range over the whole sheet as one range, without writing its cells', async () => {
    const huge = { sheets: [{ name: '表', rows: [[makeCell(1, 1, '标题')]], merges: ['A1:XFD1048576'] }] } as WorkbookGrid;
    const bytes = await rebuildWorkbook(huge);
    expect(bytes.length).toBeLessThan(4000);
    expect((await readWorkbook(bytes)).sheets[0].merges).toEqual(['A1:XFD1048576']);
  });

  it('formats digit strings as text and dates as dates, as Excel shows them', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await rebuildWorkbook(grid)).slice().buffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A2').numFmt).toBe('@');
    expect(ws.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('B2').value).toEqual(new Date(Date.UTC(2026, 9, 12)));
    expect(ws.getCell('A1').numFmt).toBeUndefined();
    for (const xml of (await parts(await rebuildWorkbook(grid))).values()) expect(orderProblems(xml)).toEqual([]);
  });
});
