/**
 * The double's request-size estimate (client.ts) calibrated against Excel's own request format: the same batches
 * the adapter sends are built by office-js itself (office-js-requests.ts) and by the double. The estimate must
 * never be below what office-js sends (the double fails a sync over Excel on the web's 5 MB like Excel), and not
 * so far above that it hides how much room is left.
 */
import { MARKS_NAMESPACE } from '../../src/excel/mark-store';
import { NOTE_PREFIX } from '../../src/excel/marks';
import { createExcelDouble, installExcelDouble } from '.';
import { officeJsRequestBytes } from './office-js-requests';

const NOTE = `${NOTE_PREFIX}\n学号应为 13 位数字,且不能以数字格式存储:请改为文本。`;
const address = (i: number) => `C${i + 3}`;

/**
 * Each batch as the adapter queues it (marks.ts, read-workbook.ts; loading the look cell by cell is what a group of
 * mixed looks falls back to). This office-js build has no notes API yet, so
 * the real side adds a comment (same shape: a sheet collection's add(address, text)); the double adds the note.
 */
const BATCHES: Record<string, { cells: number; queue: (context: Excel.RequestContext, real: boolean) => void }> = {
  'mark 2,000 cells (colours by RangeAreas of 300 cells, a note each)': {
    cells: 2_000,
    queue(context, real) {
      const sheet = context.workbook.worksheets.getItem('新生');
      for (let g = 0; g < 2_000; g += 300) {
        const format = sheet.getRanges(Array.from({ length: Math.min(300, 2_000 - g) }, (_, i) => address(g + i)).join(',')).format;
        format.fill.color = '#FFC7CE';
        format.fill.pattern = 'Solid';
        format.fill.tintAndShade = 0;
        format.font.color = '#9C0006';
        format.font.tintAndShade = 0;
      }
      for (let i = 0; i < 2_000; i++) {
        if (real) sheet.comments.add(address(i), NOTE);
        else sheet.notes.add(address(i), NOTE);
      }
    },
  },
  'load the look of 2,000 cells by RangeAreas of 300 cells': {
    cells: 2_000,
    queue(context) {
      const sheet = context.workbook.worksheets.getItem('新生');
      for (let g = 0; g < 2_000; g += 300) {
        const format = sheet.getRanges(Array.from({ length: Math.min(300, 2_000 - g) }, (_, i) => address(g + i)).join(',')).format;
        format.fill.load('color,pattern,patternColor,tintAndShade,patternTintAndShade');
        format.font.load('color,tintAndShade');
      }
    },
  },
  'load 2,000 cells’ fill, font and note': {
    cells: 2_000,
    queue(context, real) {
      const sheet = context.workbook.worksheets.getItem('新生');
      for (let i = 0; i < 2_000; i++) {
        const range = sheet.getRange(address(i));
        range.format.fill.load('color,pattern,patternColor,tintAndShade,patternTintAndShade');
        range.format.font.load('color,tintAndShade');
        (real ? sheet.comments : sheet.notes).getItemOrNullObject(address(i)).load('content');
      }
    },
  },
  'read 20 blocks of 5,000 rows': {
    cells: 20,
    queue(context) {
      const sheet = context.workbook.worksheets.getItem('新生');
      for (let i = 0; i < 20; i++) sheet.getRangeByIndexes(i * 5_000, 0, 5_000, 11).load('values,text,numberFormat,valueTypes');
    },
  },
  'read 20 blocks of 5,000 rows as values and types, with two columns’ text and number format': {
    cells: 20,
    queue(context) {
      const sheet = context.workbook.worksheets.getItem('新生');
      for (let i = 0; i < 20; i++) {
        sheet.getRangeByIndexes(i * 5_000, 0, 5_000, 11).load('values,valueTypes');
        for (const col of [0, 2]) sheet.getRangeByIndexes(i * 5_000, col, 5_000, 1).load('text,numberFormat');
      }
    },
  },
  'store the marks record of 20,000 cells': {
    cells: 20_000,
    queue(context) {
      const record = '["{00000000-0001-0000-0000-000000000001}","C12345","e","#FFFFFF","None","#000000",0,0,"#000000",0,1]';
      context.workbook.customXmlParts.add(`<marks xmlns="${MARKS_NAMESPACE}">[${Array(20_000).fill(record).join(',')}]</marks>`);
    },
  },
};

function doubleRequestBytes(queue: (context: Excel.RequestContext, real: boolean) => void): Promise<number> {
  const double = createExcelDouble({ sheets: [{ name: '新生', rows: [['学号']] }], payloadLimit: Number.MAX_SAFE_INTEGER });
  const uninstall = installExcelDouble(double);
  const run = double.Excel.run(async (context: Excel.RequestContext) => {
    queue(context, false);
    await context.sync();
    return double.state.syncs.at(-1)!.requestBytes;
  }) as Promise<number>;
  return run.finally(uninstall);
}

test.each(Object.entries(BATCHES))('%s: the estimate covers office-js’s request, within 1.6×', async (name, batch) => {
  const real = officeJsRequestBytes((context) => batch.queue(context, true));
  const estimate = await doubleRequestBytes(batch.queue);
  console.info(`${name}: office-js ${real} bytes (${Math.round(real / batch.cells)} per item), double ${estimate} (×${(estimate / real).toFixed(2)})`);
  expect(estimate).toBeGreaterThanOrEqual(real);
  expect(estimate).toBeLessThanOrEqual(real * 1.6);
});
