/**
 * manifest.xml and manifest-legacy.xml as Office reads them: well-formed, element order of the VersionOverrides
 * schema, resources, the ribbon's functions registered by src/commands, https URLs, the requirement sets the code
 * relies on. manifest.xml runs the ribbon in the shared runtime; manifest-legacy.xml (Office 2016/2019, no shared
 * runtime) only opens the pane.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { COMMAND_NAMES, registerCommands } from '../src/commands/register';
import { IN_PLACE, LEGACY_MANIFEST_REQUIREMENTS, MANIFEST_REQUIREMENTS, OPTIONAL_FEATURES } from '../src/excel/requirements';
import { rewriteManifestUrls } from '../src/excel/manifest-url';
import { createExcelDouble, installExcelDouble } from './excel-double';

const root = path.resolve(__dirname, '..');

function parse(text: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(text, 'text/xml');
  return { doc, errors };
}

function manifestTests(file: string, legacy: boolean) {
const xml = readFileSync(path.join(root, file), 'utf8');
const { doc, errors } = parse(xml);
const all = (name: string) => Array.from(doc.getElementsByTagName(name));
const kids = (el: Element) => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
const names = (el: Element) => kids(el).map((k) => k.localName ?? '');
/** A direct child of the root element (the base manifest). */
const top = (name: string) => kids(doc.documentElement!).find((k) => k.localName === name)!;
const one = (name: string) => {
  const found = all(name);
  expect(found).toHaveLength(1);
  return found[0];
};

test('is well-formed XML', () => {
  expect(errors).toEqual([]);
  expect(doc.documentElement?.localName).toBe('OfficeApp');
});

test('has a GUID id, zh-CN and a Chinese name and description', () => {
  expect(one('Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  expect(one('DefaultLocale').textContent).toBe('zh-CN');
  expect(top('DisplayName').getAttribute('DefaultValue')).toMatch(/[\u4e00-\u9fff]/);
  expect(top('Description').getAttribute('DefaultValue')).toMatch(/[\u4e00-\u9fff]/);
});

test('keeps the base manifest elements in schema order', () => {
  const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
  const seen = names(doc.documentElement!).filter((n) => order.includes(n));
  expect(seen).toEqual(order);
});

test('follows the VersionOverrides element order Office requires', () => {
  const host = all('Host').find((h) => h.getAttribute('xsi:type') === 'Workbook')!;
  expect(names(host)).toEqual(legacy ? ['DesktopFormFactor'] : ['Runtimes', 'DesktopFormFactor']);
  expect(names(one('DesktopFormFactor'))).toEqual(legacy ? ['GetStarted', 'ExtensionPoint'] : ['GetStarted', 'FunctionFile', 'ExtensionPoint']);
  const tab = one('CustomTab');
  const tabKids = names(tab);
  // Groups first, then the tab's Label.
  expect(tabKids.at(-1)).toBe('Label');
  expect(tabKids.slice(0, -1).every((n) => n === 'Group')).toBe(true);
  for (const group of all('Group')) {
    const g = names(group);
    expect(g.slice(0, 2)).toEqual(['Label', 'Icon']);
    expect(g.slice(2).every((n) => n === 'Control')).toBe(true);
  }
  for (const control of all('Control')) expect(names(control)).toEqual(['Label', 'Supertip', 'Icon', 'Action']);
  for (const supertip of all('Supertip')) expect(names(supertip)).toEqual(['Title', 'Description']);
  for (const icon of all('Icon')) expect(kids(icon).map((i) => i.getAttribute('size'))).toEqual(['16', '32', '80']);
});

test(legacy ? 'has one custom tab 学籍更正 whose one button opens the pane' : 'has one custom tab 学籍更正 with the buttons 校验, 清除标记, 导出材料包, 打开面板 and 插入模板', () => {
  const label = (resid: string | null) => all('bt:String').find((s) => s.getAttribute('id') === resid)?.getAttribute('DefaultValue');
  expect(label(kids(one('CustomTab')).at(-1)!.getAttribute('resid'))).toBe('学籍更正');
  const buttons = all('Control').map((c) => [label(kids(c)[0].getAttribute('resid')), kids(c).at(-1)!.getAttribute('xsi:type')]);
  if (legacy) expect(buttons).toEqual([['打开面板', 'ShowTaskpane']]);
  else expect(buttons).toEqual([
    ['校验', 'ExecuteFunction'],
    ['清除标记', 'ExecuteFunction'],
    ['导出材料包', 'ExecuteFunction'],
    ['打开面板', 'ShowTaskpane'],
    ['插入模板', 'ExecuteFunction'],
  ]);
  for (const tip of all('Supertip')) expect(label(kids(tip)[1].getAttribute('resid'))).toMatch(/[\u4e00-\u9fff]/);
});

test('defines every resid it references, within Office’s length limits', () => {
  const defined = new Map<string, Element>();
  for (const tag of ['bt:Image', 'bt:Url', 'bt:String']) for (const el of all(tag)) defined.set(el.getAttribute('id')!, el);
  const referenced = new Set(Array.from(doc.getElementsByTagName('*')).flatMap((el) => (el.getAttribute('resid') ? [el.getAttribute('resid')!] : [])));
  expect([...referenced].filter((r) => !defined.has(r))).toEqual([]);
  for (const r of referenced) expect(r.length).toBeLessThanOrEqual(32);
  for (const s of Array.from(one('bt:ShortStrings').getElementsByTagName('bt:String'))) expect(s.getAttribute('DefaultValue')!.length).toBeLessThanOrEqual(125);
  for (const s of Array.from(one('bt:LongStrings').getElementsByTagName('bt:String'))) expect(s.getAttribute('DefaultValue')!.length).toBeLessThanOrEqual(250);
});

if (legacy)
  test('has no shared runtime, no function file and no function: the ribbon only opens the pane', () => {
    expect(all('Runtime')).toEqual([]);
    expect(all('FunctionFile')).toEqual([]);
    expect(all('FunctionName')).toEqual([]);
    const action = one('Action');
    const source = all('bt:Url').find((u) => u.getAttribute('id') === kids(action).find((k) => k.localName === 'SourceLocation')!.getAttribute('resid'))!;
    expect(source.getAttribute('DefaultValue')).toBe(kids(top('DefaultSettings'))[0].getAttribute('DefaultValue'));
  });
else {
test('uses one shared runtime for the task pane and the function file', () => {
  const runtime = one('Runtime');
  expect(runtime.getAttribute('lifetime')).toBe('long');
  const resid = runtime.getAttribute('resid');
  expect(one('FunctionFile').getAttribute('resid')).toBe(resid);
  for (const action of all('Action').filter((a) => a.getAttribute('xsi:type') === 'ShowTaskpane')) {
    expect(kids(action).find((k) => k.localName === 'SourceLocation')!.getAttribute('resid')).toBe(resid);
    expect(kids(action).find((k) => k.localName === 'TaskpaneId')?.textContent).toBeTruthy();
  }
  const source = all('bt:Url').find((u) => u.getAttribute('id') === resid)!.getAttribute('DefaultValue');
  expect(kids(top('DefaultSettings'))[0].getAttribute('DefaultValue')).toBe(source);
});

test('registers every FunctionName with Office.actions.associate, and only those', () => {
  const functions = all('FunctionName').map((f) => f.textContent);
  expect([...functions].sort()).toEqual([...COMMAND_NAMES].sort());
  const double = createExcelDouble({ sheets: [] });
  const uninstall = installExcelDouble(double);
  try {
    registerCommands(Object.fromEntries(COMMAND_NAMES.map((n) => [n, async () => undefined])) as never);
    expect([...double.state.actions.keys()].sort()).toEqual([...functions].sort());
  } finally {
    uninstall();
  }
});

}

test('serves everything over https, with icons that exist in assets/', () => {
  const urls = Array.from(doc.getElementsByTagName('*')).flatMap((el) => ['DefaultValue'].map((a) => el.getAttribute(a) ?? '')).filter((v) => /^[a-z]+:\/\//i.test(v));
  expect(urls.length).toBeGreaterThan(5);
  for (const url of urls) expect(url).toMatch(/^https:\/\//);
  for (const url of urls.filter((u) => u.includes('/assets/'))) {
    const file = path.join(root, 'assets', url.split('/assets/')[1]);
    const png = readFileSync(file);
    const size = Number(/icon-(\d+)\.png$/.exec(file)![1]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  }
});

test('declares the requirement sets the code relies on, and no optional one', () => {
  const sets = Object.fromEntries(all('Set').map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')]));
  expect(sets).toEqual(Object.fromEntries((legacy ? LEGACY_MANIFEST_REQUIREMENTS : MANIFEST_REQUIREMENTS).map((r) => [r.name, r.version])));
  const minor = (v: string) => Number(v.split('.')[1]);
  // An Excel that loads the shared-runtime manifest can always work in place; the legacy one checks at run time.
  if (!legacy) expect(minor(sets.ExcelApi!)).toBeGreaterThanOrEqual(minor(IN_PLACE.version));
  for (const feature of Object.values(OPTIONAL_FEATURES)) if (feature.name === 'ExcelApi') expect(minor(feature.version)).toBeGreaterThan(minor(sets.ExcelApi!));
});

}

describe('manifest.xml (shared runtime)', () => manifestTests('manifest.xml', false));
describe('manifest-legacy.xml (no shared runtime)', () => manifestTests('manifest-legacy.xml', true));

test('the two manifests can be installed side by side and open the same pane', () => {
  const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
  const id = (x: string) => /<Id>([^<]+)<\/Id>/.exec(x)![1];
  const pane = (x: string) => /<SourceLocation DefaultValue="([^"]+)"/.exec(x)![1];
  expect(id(read('manifest.xml'))).not.toBe(id(read('manifest-legacy.xml')));
  expect(pane(read('manifest-legacy.xml'))).toBe(pane(read('manifest.xml')));
});

const xml = readFileSync(path.join(root, 'manifest.xml'), 'utf8');

describe('the build-time URL rewrite', () => {
  test('moves every localhost URL to the production host and keeps the manifest valid', () => {
    const out = rewriteManifestUrls(xml, 'https://xueji.example.edu.cn/addin');
    expect(out).not.toMatch(/localhost/);
    expect(out).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://xueji.example.edu.cn/addin/taskpane.html"/>');
    expect(out).toContain('DefaultValue="https://xueji.example.edu.cn/addin/assets/icon-16.png"');
    expect(parse(out).errors).toEqual([]);
    expect(out.split('https://').length).toBe(xml.split('https://').length);
  });

  test('refuses a base that is not https or not a plain URL', () => {
    expect(() => rewriteManifestUrls(xml, 'http://xueji.example.edu.cn/')).toThrow(/https/);
    expect(() => rewriteManifestUrls(xml, 'xueji.example.edu.cn')).toThrow(/not a URL/);
    expect(() => rewriteManifestUrls(xml, 'https://x.example/?a=1')).toThrow(/query/);
  });
});
