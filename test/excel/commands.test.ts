import { COMMAND_NAMES, type CommandHandlers, registerCommands } from '../../src/commands/register';
import { createExcelDouble, installExcelDouble } from '../excel-double';

let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

function setup(handlers: Partial<CommandHandlers>) {
  const double = createExcelDouble({ sheets: [] });
  uninstall = installExcelDouble(double);
  const calls: string[] = [];
  registerCommands(Object.fromEntries(COMMAND_NAMES.map((n) => [n, handlers[n] ?? (async () => void calls.push(n))])) as CommandHandlers);
  /** Clicks a ribbon button and resolves when the handler called event.completed(). */
  const click = (name: string) => new Promise<void>((resolve) => double.state.actions.get(name)!({ completed: resolve }));
  return { double, calls, click };
}

test('each button opens the pane, runs its workflow and completes the event', async () => {
  const { double, calls, click } = setup({});
  for (const name of COMMAND_NAMES) await click(name);
  expect(calls).toEqual([...COMMAND_NAMES]);
  expect(double.state.taskpaneShown).toBe(COMMAND_NAMES.length);
});

test('a failing workflow still completes the event', async () => {
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const { click } = setup({ exportPackage: () => Promise.reject(new Error('仍有 3 个错误')) });
  await click('exportPackage');
  expect(error).toHaveBeenCalledWith('学籍更正助手:命令 exportPackage 失败', expect.any(Error));
  error.mockRestore();
});

test('a pane that cannot open does not stop the workflow', async () => {
  const { double, calls, click } = setup({});
  double.Office.addin.showAsTaskpane = () => Promise.reject(new Error('not supported'));
  await click('validate');
  expect(calls).toEqual(['validate']);
});
