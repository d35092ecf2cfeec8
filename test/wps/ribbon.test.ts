import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { COMMAND_KEY, PANE_KEY, listenForCommands, postCommand } from '../../src/wps/commands';
import { createEtDouble } from '../wps-double';

const WPS_DIR = path.join(__dirname, '..', '..', 'wps');

describe('the WPS ribbon', () => {
  const xml = new DOMParser().parseFromString(readFileSync(path.join(WPS_DIR, 'ribbon.xml'), 'utf8'), 'text/xml');
  const buttons = Array.from(xml.getElementsByTagName('button'));

  test('a tab 学籍更正 with the five buttons, Chinese labels and tips, all wired to window.ribbon', () => {
    expect(xml.documentElement!.getAttribute('onLoad')).toBe('ribbon.OnAddinLoad');
    expect(xml.getElementsByTagName('tab')[0].getAttribute('label')).toBe('学籍更正');
    expect(buttons.map((b) => b.getAttribute('label'))).toEqual(['校验', '导出材料包', '打开面板', '插入模板', '清除标记']);
    for (const b of buttons) {
      expect(b.getAttribute('onAction')).toBe('ribbon.OnAction');
      expect(b.getAttribute('getImage')).toBe('ribbon.GetImage');
      expect(b.getAttribute('supertip')).toMatch(/[\u4e00-\u9fff]{6,}/);
    }
  });

  test('each button opens the one task pane and leaves its command for it; icons exist', async () => {
    const double = createEtDouble({ sheets: [{ name: 'Sheet1', rows: [] }] });
    const g = globalThis as unknown as Record<string, unknown>;
    Object.assign(g, { window: g, wps: double.wps, location: { href: 'http://127.0.0.1:3889/xjgz/index.html' } });
    try {
      await import('../../src/wps/ribbon');
      const ribbon = (g as { ribbon: { OnAddinLoad(): boolean; OnAction(c: { Id: string }): boolean; GetImage(c: { Id: string }): string } }).ribbon;
      expect(ribbon.OnAddinLoad()).toBe(true);
      expect(ribbon.OnAction({ Id: 'xjgzValidate' })).toBe(true);
      expect(double.panes).toEqual([{ id: 'pane-1', url: 'http://127.0.0.1:3889/xjgz/taskpane.html', title: '学籍更正助手', visible: true }]);
      expect(double.storage.get(PANE_KEY)).toBe('pane-1');
      expect(JSON.parse(String(double.storage.get(COMMAND_KEY))).name).toBe('validate');
      double.panes[0].visible = false;
      ribbon.OnAction({ Id: 'xjgzPane' });
      expect(double.panes).toHaveLength(1);
      expect(double.panes[0].visible).toBe(true);
      expect(JSON.parse(String(double.storage.get(COMMAND_KEY))).name).toBe('validate');
      ribbon.OnAction({ Id: 'xjgzExport' });
      expect(JSON.parse(String(double.storage.get(COMMAND_KEY))).name).toBe('exportPackage');
      for (const b of buttons) expect(existsSync(path.join(WPS_DIR, ribbon.GetImage({ Id: b.getAttribute('id')! })))).toBe(true);
    } finally {
      for (const k of ['window', 'wps', 'location', 'ribbon']) delete g[k];
    }
  });
});

describe('commands from the ribbon to the pane (PluginStorage)', () => {
  const storage = () => {
    const items = new Map<string, unknown>();
    return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: unknown) => void items.set(k, v) };
  };
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 40 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  };

  test('the command that opened the pane runs once, then each new one; an old one is dropped', async () => {
    const s = storage();
    const ran: string[] = [];
    const handler = (name: string) => async () => void ran.push(name);
    postCommand(s, 'validate');
    const stop = listenForCommands(s, { validate: handler('validate'), exportPackage: handler('exportPackage'), insertTemplate: handler('insertTemplate'), clearMarks: handler('clearMarks') });
    try {
      await until(() => ran.length === 1);
      postCommand(s, 'clearMarks');
      await until(() => ran.length === 2);
      postCommand(s, 'insertTemplate', Date.now() - 60_000);
      await new Promise((r) => setTimeout(r, 400));
      expect(ran).toEqual(['validate', 'clearMarks']);
    } finally {
      stop();
    }
  });
});
