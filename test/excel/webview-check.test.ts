/**
 * src/taskpane/webview-check.js runs in Internet Explorer 11 (Office 2016/2019 volume-licensed) and Edge Legacy:
 * it must be ES5, and there it replaces the loading text with what to use instead; elsewhere it does nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';

const source = readFileSync(path.resolve(__dirname, '../../src/taskpane/webview-check.js'), 'utf8');

function runIn(userAgent: string): string {
  const root = { innerHTML: '正在加载学籍更正助手…' };
  const window = { navigator: { userAgent }, location: { href: 'https://xueji.example.edu.cn/addin/taskpane.html' } };
  const document = { readyState: 'complete', getElementById: (id: string) => (id === 'root' ? root : null), addEventListener: () => undefined };
  new Function('window', 'document', source)(window, document);
  return root.innerHTML;
}

test('is ES5: esbuild accepts it for an ES5 target', () => {
  expect(() => transformSync(source, { target: 'es5', loader: 'js' })).not.toThrow();
  expect(source).not.toMatch(/=>|\blet\b|\bconst\b|`/);
});

test.each([
  ['Internet Explorer 11 (Trident)', 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko'],
  ['Edge Legacy (EdgeHTML)', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045'],
])('in %s it says the pane cannot run and what to use', (_name, ua) => {
  const html = runIn(ua);
  expect(html).toMatch(/不能运行学籍更正助手的面板/);
  expect(html).toMatch(/Edge 或 Chrome 浏览器/);
  expect(html).toMatch(/xjcheck/);
  expect(html).toContain('https://xueji.example.edu.cn/addin/taskpane.html');
});

test.each([
  ['WebView2 (Edge Chromium)', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0'],
  ['Safari WKWebView (Mac)', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)'],
])('in %s it does nothing', (_name, ua) => {
  expect(runIn(ua)).toBe('正在加载学籍更正助手…');
});

test('the pane’s page loads it first, before office.js and the pane’s own script', () => {
  const html = readFileSync(path.resolve(__dirname, '../../src/taskpane/taskpane.html'), 'utf8');
  const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
  expect(scripts[0]).toBe('webview-check.js');
  expect(scripts[1]).toContain('officeJsUrl');
});
