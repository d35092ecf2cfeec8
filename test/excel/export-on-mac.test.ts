/**
 * Excel for Mac's web view can neither download a file nor show a save picker: the export says so before the
 * registrar waits, from the pane's button and from the ribbon's 导出材料包 alike, and reads nothing first.
 */
import { COMMAND_NAMES, type CommandHandlers, registerCommands } from '../../src/commands/register';
import { createExcelHost } from '../../src/excel/host';
import { Controller } from '../../src/taskpane/controller';
import { MAC_CANNOT_SAVE } from '../../src/taskpane/save-file';
import { createStore, initialState } from '../../src/taskpane/state';
import { useDouble } from './use-double';
import { newStudentSheet } from './workbooks';

const open = useDouble();

test('the ribbon’s 导出材料包 on a Mac says at once that the pane cannot save, and what to use', async () => {
  const { double } = open({ profile: 'mac', sheets: [newStudentSheet(3)] });
  const host = createExcelHost();
  const store = createStore(initialState(host, String(double.Office.context.platform)));
  const controller = new Controller(host, store);
  registerCommands(Object.fromEntries(COMMAND_NAMES.map((n) => [n, () => (n === 'exportPackage' ? controller.exportPackage() : controller.validate())])) as CommandHandlers);

  await double.clickRibbon('validate');
  expect(store.getState().result).not.toBeNull();
  const syncs = double.syncCount();
  const getFile = jest.spyOn(double.Office.context.document, 'getFileAsync');

  await expect(double.clickRibbon('exportPackage')).resolves.toBe('completed');
  expect(store.getState().notice).toEqual({ intent: 'error', text: MAC_CANNOT_SAVE });
  expect(MAC_CANNOT_SAVE).toMatch(/taskpane\.html.*xjcheck package/);
  expect(getFile).not.toHaveBeenCalled();
  expect(double.syncCount()).toBe(syncs);
});
