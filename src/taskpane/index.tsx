/**
 * Entry of the task pane. Inside WPS (a `window.wps` with an ET application) the WPS host, whose ribbon commands
 * reach the pane through PluginStorage (src/wps/commands.ts). Otherwise Office.onReady first (office.js must finish
 * before anything touches Office), then the host: Excel when running in Excel, else the file host (the page opened
 * in a plain browser). In Excel the ribbon's commands are registered here, in the shared runtime, so they drive the
 * same state as the pane.
 */
import { createRoot } from 'react-dom/client';
import { createFileHost } from '../host/file-host';
import type { WorkbookHost } from '../host/types';
import { App } from './components/App';
import { Controller } from './controller';
import { createStore, initialState } from './state';
import { PaneContext } from './use-pane';
import { wpsGlobal } from '../wps/et';

interface OfficeInfo {
  host: string | null;
  platform: string | null;
}

/**
 * Office's host and platform; both null outside Office, or when office.js could not load at all. Office never loads
 * an add-in from disk, and office.js never gets ready there (it cannot fetch its own parts from a file: page), so a
 * page opened from disk is the file mode at once.
 */
async function officeReady(): Promise<OfficeInfo> {
  if (typeof Office === 'undefined' || location.protocol === 'file:') return { host: null, platform: null };
  const info = await Office.onReady();
  return { host: info.host ? String(info.host) : null, platform: info.platform ? String(info.platform) : null };
}

async function startInWps(): Promise<boolean> {
  const wps = wpsGlobal();
  if (!wps) return false;
  const { createWpsHost } = await import('../wps/host');
  const { listenForCommands } = await import('../wps/commands');
  const host = createWpsHost(wps);
  const store = createStore(initialState(host, null));
  const controller = new Controller(host, store);
  render(store, controller);
  listenForCommands(wps.PluginStorage, {
    validate: () => controller.validate(),
    exportPackage: () => controller.exportPackage(),
    insertTemplate: () => controller.insertTemplate(),
    clearMarks: () => controller.clearMarks(),
  });
  return true;
}

function render(store: ReturnType<typeof createStore>, controller: Controller): void {
  createRoot(document.getElementById('root')!).render(
    <PaneContext.Provider value={{ store, controller }}>
      <App />
    </PaneContext.Provider>,
  );
}

async function start(): Promise<void> {
  if (await startInWps()) return;
  const office = await officeReady();
  const inExcel = office.host === 'Excel';
  let host: WorkbookHost;
  if (inExcel) {
    const { createExcelHost } = await import('../excel/host');
    host = createExcelHost();
  } else host = createFileHost();

  const store = createStore(initialState(host, inExcel ? office.platform : null));
  const controller = new Controller(host, store);
  if (inExcel) {
    const { registerCommands } = await import('../commands/register');
    registerCommands({
      validate: () => controller.validate(),
      exportPackage: () => controller.exportPackage(),
      insertTemplate: () => controller.insertTemplate(),
      clearMarks: () => controller.clearMarks(),
    });
  }
  render(store, controller);
}

void start();
