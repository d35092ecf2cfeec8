/**
 * Entry of the task pane. Inside WPS (a `window.wps` with an ET application) the WPS host, whose ribbon commands
 * reach the pane through PluginStorage (src/wps/commands.ts). Otherwise, in Excel, the ribbon's commands are
 * associated inside the Office.onReady callback, before any chunk loads (a click Office delivers before that is
 * dropped: src/commands/register.ts); they wait for the pane's controller. Then the host: Excel when running in an
 * Excel that can work in place (the pane paints without waiting for its chunk: src/excel/deferred-host.ts), else the
 * file host (the page opened in a plain browser, or an Excel too old to read the sheets: it then works on the saved
 * .xlsx).
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { type CommandHandlers, registerCommands, startWithDocument } from '../commands/register';
import { deferredExcelHost } from '../excel/deferred-host';
import { ELSEWHERE, supportsInPlace } from '../excel/requirements';
import type { WorkbookHost } from '../host/types';
import { App } from './components/App';
import type { Controller } from './controller';
import { createStore, initialState } from './state';
import { themeReady } from './theme';
import { PaneContext } from './use-pane';
import { wpsGlobal } from '../wps/et';

interface OfficeInfo {
  host: string | null;
  platform: string | null;
}

/** The ribbon's handlers, once the controller exists. */
let handlersReady: (handlers: CommandHandlers) => void = () => undefined;
const handlers = new Promise<CommandHandlers>((resolve) => (handlersReady = resolve));

/**
 * Office's host and platform; both null outside Office, or when office.js could not load at all. Office never loads
 * an add-in from disk, and office.js never gets ready there (it cannot fetch its own parts from a file: page), so a
 * page opened from disk is the file mode at once.
 */
function officeReady(): Promise<OfficeInfo> {
  if (typeof Office === 'undefined' || location.protocol === 'file:') return Promise.resolve({ host: null, platform: null });
  return new Promise((resolve) =>
    Office.onReady((info) => {
      const host = info.host ? String(info.host) : null;
      if (host === 'Excel') {
        registerCommands(handlers);
        startWithDocument();
      }
      resolve({ host, platform: info.platform ? String(info.platform) : null });
    }),
  );
}

async function startInWps(): Promise<boolean> {
  const wps = wpsGlobal();
  if (!wps) return false;
  const { createWpsHost } = await import('../wps/host');
  const { listenForCommands } = await import('../wps/commands');
  const host = createWpsHost(wps);
  const store = createStore(initialState(host, null));
  const controller = await createController(host, store);
  await render(store, Promise.resolve(controller), controller);
  listenForCommands(wps.PluginStorage, {
    validate: () => controller.validate(),
    exportPackage: () => controller.exportPackage(),
    insertTemplate: () => controller.insertTemplate(),
    clearMarks: () => controller.clearMarks(),
  });
  return true;
}

type PaneStore = ReturnType<typeof createStore>;

/** The pane's workflows (controller.ts, with what they load first) come in their own chunk. */
async function createController(host: WorkbookHost, store: PaneStore): Promise<Controller> {
  const { Controller } = await import('./controller');
  return new Controller(host, store);
}

/**
 * Paints the pane once its theme, and where it works on a file the 打开工作簿 box, have loaded; with `controller`
 * null (inside Excel) before the controller has arrived, and again once it has.
 */
async function render(store: PaneStore, ready: Promise<Controller>, controller: Controller | null): Promise<void> {
  const [fileOpen] = await Promise.all([store.getState().hostKind === 'file' ? import('./components/FileOpen').then((m) => m.FileOpen) : undefined, themeReady()]);
  const root = createRoot(document.getElementById('root')!);
  const draw = (now: Controller | null) =>
    root.render(
      <PaneContext.Provider value={{ store, controller: now, ready }}>
        <App fileOpen={fileOpen} />
      </PaneContext.Provider>,
    );
  flushSync(() => draw(controller));
  if (!controller) void ready.then(draw);
}

/** Runs `f` once the browser has painted what is in the page now (the next frame, then a task). */
function afterPaint(f: () => void): void {
  requestAnimationFrame(() => setTimeout(f));
}

async function start(): Promise<void> {
  if (await startInWps()) return;
  const office = await officeReady();
  const inExcel = office.host === 'Excel';
  const inPlace = inExcel && supportsInPlace();
  // The pane paints at once; the Excel host's chunk arrives behind it (its calls wait for it).
  const host: WorkbookHost = inPlace ? deferredExcelHost() : (await import('../host/file-host')).createFileHost();

  const store = createStore(initialState(host, inExcel ? office.platform : null));
  // In place, the controller's chunk and the Excel host's are fetched once the pane is on screen, so they do not
  // compete with the first paint; on a file, the 打开工作簿 box needs the controller at once.
  let loadController: () => void = () => undefined;
  const ready = new Promise<Controller>((resolve) => (loadController = () => resolve(createController(host, store))));
  if (!inPlace) loadController();
  if (inExcel && !inPlace)
    store.dispatch({ type: 'notice', notice: { intent: 'warning', text: `此 Excel 版本不能直接读取和标记工作表:请在下面打开已保存的 .xlsx 文件来校验和导出。${ELSEWHERE}` } });
  void ready.then((controller) =>
    handlersReady({
      validate: () => controller.validate(),
      exportPackage: () => controller.exportPackage(),
      insertTemplate: () => controller.insertTemplate(),
      clearMarks: () => controller.clearMarks(),
    }),
  );
  await render(store, ready, inPlace ? null : await ready);
  if (inPlace)
    afterPaint(() => {
      loadController();
      void import('../excel/host');
    });
}

void start();
