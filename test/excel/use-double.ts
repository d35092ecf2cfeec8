/** Installs a fresh Excel double as the global Excel / Office for each test and removes it after. */
import { type ExcelDouble, type WorkbookSpec, createExcelDouble, installExcelDouble } from '../excel-double';
import { createExcelHost } from '../../src/excel/host';

export function useDouble(): (spec: WorkbookSpec) => { double: ExcelDouble; host: ReturnType<typeof createExcelHost> } {
  let uninstall: (() => void) | null = null;
  afterEach(() => {
    uninstall?.();
    uninstall = null;
  });
  return (spec) => {
    uninstall?.();
    const double = createExcelDouble(spec);
    uninstall = installExcelDouble(double);
    return { double, host: createExcelHost() };
  };
}
