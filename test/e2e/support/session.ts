/** What each end-to-end file starts with: the pane built and served on 127.0.0.1, a fresh browser, a temp folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { E2E_DIST, ensurePaneBuilt } from './build';
import { type PaneBrowser, openPaneBrowser } from './browser';
import { type StaticServer, serveDirectory } from './server';

export interface PaneSession {
  tmp: string;
  server: StaticServer;
  b: PaneBrowser;
  close(): Promise<void>;
}

export async function openPaneSession(name: string): Promise<PaneSession> {
  ensurePaneBuilt();
  const tmp = mkdtempSync(path.join(os.tmpdir(), `xjcheck-e2e-${name}-`));
  const server = await serveDirectory(E2E_DIST);
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
