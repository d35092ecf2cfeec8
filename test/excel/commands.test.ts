import { COMMAND_NAMES, type CommandHandlers, registerCommands, startWithDocument } from '../../src/commands/register';
import { type WorkbookSpec, createExcelDouble, installExcelDouble } from '../excel-double';

let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

function install(spec: Partial<WorkbookSpec> = {}) {
  const double = createExcelDouble({ sheets: [], ...spec });
  uninstall = installExcelDouble(double);
  return double;
}

function setup(handlers: Partial<CommandHandlers>) {
  const double = install();
  const calls: string[] = [];
  registerCommands(Object.fromEntries(COMMAND_NAMES.map((n) => [n, handlers[n] ?? (async () => void calls.push(n))])) as CommandHandlers);
  return { double, calls };
}

test('each button opens the pane, runs its workflow and completes the event', async () => {
  const { double, calls } = setup({});
  for (const name of COMMAND_NAMES) await expect(double.clickRibbon(name)).resolves.toBe('completed');
  expect(calls).toEqual([...COMMAND_NAMES]);
  expect(double.state.taskpaneShown).toBe(COMMAND_NAMES.length);
});

test('a failing workflow still completes the event', async () => {
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const { double } = setup({ exportPackage: () => Promise.reject(new Error('仍有 3 个错误')) });
  await expect(double.clickRibbon('exportPackage')).resolves.toBe('completed');
  expect(error).toHaveBeenCalledWith('学籍更正助手:命令 exportPackage 失败', expect.any(Error));
  error.mockRestore();
});

test('a pane that cannot open does not stop the workflow', async () => {
  const { double, calls } = setup({});
  double.Office.addin.showAsTaskpane = () => Promise.reject(new Error('not supported'));
  await double.clickRibbon('validate');
  expect(calls).toEqual(['validate']);
});

test('a click that arrives before the pane is ready waits for it, then runs', async () => {
  const double = install();
  const calls: string[] = [];
  let ready: (h: CommandHandlers) => void = () => undefined;
  registerCommands(new Promise<CommandHandlers>((resolve) => (ready = resolve)));
  const click = double.clickRibbon('validate');
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(calls).toEqual([]);
  ready(Object.fromEntries(COMMAND_NAMES.map((n) => [n, async () => void calls.push(n)])) as CommandHandlers);
  await expect(click).resolves.toBe('completed');
  expect(calls).toEqual(['validate']);
});

test('the double drops a click whose action was not associated in time, as Office does', async () => {
  const double = install({ firstClick: 'validate' });
  await double.Office.onReady();
  // The action is associated only after a lazily loaded chunk: too late.
  await new Promise((resolve) => setTimeout(resolve, 5));
  registerCommands(Object.fromEntries(COMMAND_NAMES.map((n) => [n, async () => undefined])) as CommandHandlers);
  expect(double.state.droppedClicks).toEqual(['validate']);
});

test('associated inside the onReady callback, the first click is not dropped', async () => {
  const double = install({ firstClick: 'validate' });
  const calls: string[] = [];
  await double.Office.onReady(() => registerCommands(Object.fromEntries(COMMAND_NAMES.map((n) => [n, async () => void calls.push(n)])) as CommandHandlers));
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(double.state.droppedClicks).toEqual([]);
  expect(calls).toEqual(['validate']);
});

test('the runtime is asked to start with the document where the shared runtime exists', async () => {
  const double = install();
  startWithDocument();
  await new Promise((resolve) => setTimeout(resolve));
  expect(double.state.startupBehavior).toBe('Load');
  uninstall();
  const old = install({ profile: 'office-2019' });
  startWithDocument();
  await new Promise((resolve) => setTimeout(resolve));
  expect(old.state.startupBehavior).toBeNull();
});
