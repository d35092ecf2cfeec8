/** A few adapter paths against Microsoft's official mock (office-addin-mock), so the adapter fits its shape too. */
import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose dependencies are ES modules
// Jest cannot require; the enum is given here instead.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));
import { createExcelHost } from '../../src/excel/host';
import { readSheets } from '../../src/excel/read-workbook';

type Mock = OfficeMockObject & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const globals = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete globals.Excel;
  delete globals.Office;
});

function installOffice(sets: Record<string, string>) {
  globals.Office = new OfficeMockObject({
    context: { requirements: { isSetSupported: (name: string, version: string) => name in sets && Number(sets[name]) >= Number(version) } },
  });
}

/** Excel.run on a mock context, with or without RunOptions. */
function installExcel(context: object, runs: unknown[]): Mock {
  const excel = new OfficeMockObject({
    context,
    run: async function (this: Mock, a: unknown, b?: unknown) {
      runs.push(typeof a === 'function' ? null : a);
      return ((typeof a === 'function' ? a : b) as (c: unknown) => Promise<unknown>)(this.context);
    },
  }) as Mock;
  globals.Excel = excel;
  return excel;
}

test('reads a small used range into the grid', async () => {
  const mock = new OfficeMockObject({
    sheet: {
      usedRange: { rowIndex: 1, columnIndex: 0, rowCount: 2, columnCount: 3 },
      block: {
        values: [['学号', '姓名', '序号'], ['2509001200001', '张三', 1]],
        text: [['学号', '姓名', '序号'], ['2509001200001', '张三', '1']],
        numberFormat: [['General', 'General', 'General'], ['@', 'General', 'General']],
        valueTypes: [['String', 'String', 'String'], ['String', 'String', 'Double']],
      },
      getUsedRangeOrNullObject() {
        return this.usedRange;
      },
      getRangeByIndexes() {
        return this.block;
      },
    },
  }) as Mock;
  mock.sheet.usedRange.isNullObject = false;
  const [grid] = await readSheets(mock as unknown as Excel.RequestContext, [{ name: '新生', worksheet: mock.sheet }], { merges: false });
  expect(grid.rows).toHaveLength(3);
  expect(grid.rows[0]).toEqual([]);
  expect(grid.rows[2].map((c) => [c?.address, c?.kind, c?.value])).toEqual([
    ['A3', 'text', '2509001200001'],
    ['B3', 'text', '张三'],
    ['C3', 'number', 1],
  ]);
});

test('selects a cell after activating its sheet', async () => {
  const calls: string[] = [];
  installOffice({ ExcelApi: '1.20' });
  installExcel({
    workbook: {
      worksheets: {
        sheet: {
          activate: () => calls.push('activate'),
          range: { select: () => calls.push('select') },
          getRange(address: string) {
            calls.push(`getRange ${address}`);
            return this.range;
          },
        },
        getItem(name: string) {
          calls.push(`getItem ${name}`);
          return this.sheet;
        },
      },
    },
  }, []);
  await createExcelHost().selectCell('在籍生', 'D7');
  expect(calls).toEqual(['getItem 在籍生', 'activate', 'getRange D7', 'select']);
});

test('applies set-text as text format then value, in one undo group', async () => {
  const runs: unknown[] = [];
  installOffice({ ExcelApi: '1.20' });
  const excel = installExcel({
    workbook: {
      worksheets: {
        sheet: {
          cell: { numberFormat: [['General']], values: [[2509001200001]] },
          getRange() {
            return this.cell;
          },
        },
        getItem() {
          return this.sheet;
        },
      },
    },
  }, runs);
  const outcome = await createExcelHost().applyFix({ kind: 'set-text', sheet: '新生', cell: 'C3', value: '2509001200001', label: '改为文本' });
  expect(outcome).toEqual({ undoable: true });
  expect(runs).toEqual([{ delayForCellEdit: true, mergeUndoGroup: true }]);
  const cell = excel.context.workbook.worksheets.sheet.cell;
  expect(cell.numberFormat).toEqual([['@']]);
  expect(cell.values).toEqual([['2509001200001']]);
});
