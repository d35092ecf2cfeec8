/** What each end-to-end file starts with: the pane built and served on 127.0.0.1, a fresh browser, a temp folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { E2E_DIST, E2E_WPS_DIST, ensurePaneBuilt, ensureWpsBuilt } from './build';
import { type PaneBrowser, openPaneBrowser } from './browser';
import { type StaticServer, serveDirectory } from './server';

export interface PaneSession {
  tmp: string;
  server: StaticServer;
  b: PaneBrowser;
  close(): Promise<void>;
}

/** `wps`: the WPS add-in's build (its pane in dist/e2e-wps/xjgz) instead of the Excel one. */
export async function openPaneSession(name: string, build: 'office' | 'wps' = 'office'): Promise<PaneSession> {
  if (build === 'wps') ensureWpsBuilt();
  else ensurePaneBuilt();
  const tmp = mkdtempSync(path.join(os.tmpdir(), `xjcheck-e2e-${name}-`));
  const server = await serveDirectory(build === 'wps' ? path.join(E2E_WPS_DIST, 'xjgz') : E2E_DIST);
  const b = await openPaneBrowser();
  return {
    tmp,
    server,
    b,
    async close() {
      await b.close();
      await server.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
