import rule from '../../src/rules/checks/scan-low-resolution';
import type { ScanInfo } from '../../src/rules/scans';
import { ruleTester } from '../helpers/rule-tester';
import { ZHANG, scan, scanSet, withScans } from '../scan/fixtures';

const one = (name: string, over: Partial<ScanInfo>) => withScans(name, scanSet([scan('a/身份证.jpg', over)], [['a/身份证.jpg', ZHANG.id, '身份证']]));

ruleTester(rule, {
  valid: [
    one('200 dpi', {}),
    one('600 dpi from EXIF', { density: { x: 600, y: 600, source: 'exif' } }),
    one('238.8 dpi (94 dots per cm)', { density: { x: 238.8, y: 238.8, source: 'jfif' } }),
    one('no density, A5 at 200 dpi exactly', { density: undefined, width: 1166, height: 1654 }),
    one('no density, A5 landscape', { density: undefined, width: 1654, height: 1166 }),
    one('corrupt files are scan-corrupt’s business', { density: { x: 72, y: 72, source: 'jfif' }, corrupt: '文件不完整' }),
  ],
  invalid: [
    {
      ...one('72 dpi', { density: { x: 72, y: 72, source: 'exif' } }),
      problems: [{ file: 'a/身份证.jpg', student: ZHANG.id, severity: 'error', messageId: 'lowDensity', message: /72×72 dpi,低于要求的 200 dpi/ }],
    },
    { ...one('200 × 150 dpi: one axis is enough', { density: { x: 200, y: 150, source: 'png-phys' } }), problems: [{ severity: 'error', message: /200×150 dpi/ }] },
    {
      ...one('no density and a small picture', { density: undefined, width: 1000, height: 1400 }),
      problems: [{ severity: 'warning', messageId: 'smallPixels', message: /1000×1400 小于 148×210 毫米纸张在 200 dpi 下的 1166×1654/ }],
    },
    { ...one('no density, one pixel short', { density: undefined, width: 1165, height: 1654 }), problems: [{ severity: 'warning' }] },
  ],
});
