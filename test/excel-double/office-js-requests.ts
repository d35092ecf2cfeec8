/**
 * Excel's own request format, for calibrating the double's request-size estimate: loads the @microsoft/office-js
 * package's Excel library (excel-web-16.00.debug.js, the one Excel on the web uses) in a Node vm, queues commands
 * on a real Excel.RequestContext, and measures the JSON body office-js would send at sync (never sent: nothing
 * leaves the process). Node only; the double itself stays browser-safe.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

type RealExcel = { RequestContext: new (url: string) => Excel.RequestContext };

let excel: RealExcel | null = null;

function load(): RealExcel {
  if (excel) return excel;
  const file = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist', 'excel-web-16.00.debug.js');
  const noop = () => undefined;
  const sandbox: Record<string, unknown> = {
    console: { ...console, log: noop },
    setTimeout,
    clearTimeout,
    navigator: { userAgent: 'node' },
    location: { href: 'https://example.invalid/', search: '', hash: '', protocol: 'https:', hostname: 'example.invalid' },
    document: { readyState: 'complete', cookie: '', addEventListener: noop, getElementsByTagName: () => [], createElement: () => ({ style: {}, setAttribute: noop, appendChild: noop }) },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(readFileSync(file, 'utf8'), sandbox, { filename: file });
  return (excel = sandbox.Excel as RealExcel);
}

/** UTF-8 bytes of the request body office-js builds for the commands `queue` puts on a fresh context. */
export function officeJsRequestBytes(queue: (context: Excel.RequestContext) => void): number {
  const context = new (load().RequestContext)('https://example.invalid/');
  queue(context);
  const pending = (context as unknown as { _pendingRequest: { buildRequestMessageBodyAndRequestFlags(): { body: unknown } } })._pendingRequest;
  return Buffer.byteLength(JSON.stringify(pending.buildRequestMessageBodyAndRequestFlags().body));
}
