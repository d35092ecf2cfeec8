/**
 * The Excel host the pane paints with before the host's chunk arrives (src/excel/deferred-host.ts): it says what the
 * real host says about this Excel at once, and each call waits for the real host and returns what it returns.
 */
import { deferredExcelHost } from '../../src/excel/deferred-host';
import { createExcelHost } from '../../src/excel/host';
import { useDouble } from './use-double';
import { newStudentSheet } from './workbooks';

const open = useDouble();

describe('the deferred Excel host', () => {
  test.each(['microsoft-365', 'office-2021', 'office-2019'] as const)('has the real host capabilities in %s', (profile) => {
    const { host } = open({ profile, sheets: [newStudentSheet(2)] });
    expect(deferredExcelHost().capabilities).toEqual(host.capabilities);
  });

  test('loads the host at the first call, which waits for it, then reads and selects like the real host', async () => {
    const { double } = open({ sheets: [newStudentSheet(3)] });
    let arrive: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    let loads = 0;
    const deferred = deferredExcelHost(() => (loads++, arrived.then(() => createExcelHost())));
    // Nothing is loaded before the first call (the entry fetches the chunk after the first paint).
    expect(loads).toBe(0);

    let read = false;
    const reading = deferred.readWorkbook().then((grid) => ((read = true), grid));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(read).toBe(false);
    expect(double.syncCount()).toBe(0);

    arrive();
    const grid = await reading;
    expect(grid).toEqual(await createExcelHost().readWorkbook());
    await deferred.selectCell('新生', 'C4');
    expect(loads).toBe(1);
    expect(double.state.sheets[0].selection).toEqual({ r0: 3, c0: 2, r1: 3, c1: 2 });
  });
});
