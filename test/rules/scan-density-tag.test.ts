import rule from '../../src/rules/checks/scan-density-tag';
import type { EvidenceKind } from '../../src/rules/policy';
import { SCAN_MARKERS, type ScanInfo } from '../../src/rules/scans';
import { ruleTester } from '../helpers/rule-tester';
import { ZHANG, scan, scanSet, withScans } from '../scan/fixtures';

const dpi = (x: number, source: 'jfif' | 'exif' | 'png-phys' = 'jfif') => ({ density: { x, y: x, source } });
const one = (name: string, over: Partial<ScanInfo>, kind: EvidenceKind = '报名登记表') =>
  withScans(name, scanSet([scan('a/材料.jpg', over)], [['a/材料.jpg', ZHANG.ref, kind]]));

ruleTester(rule, {
  valid: [
    one('an A4 scan tagged 200 dpi', {}),
    one('a 身份证 page tagged 300 dpi', { width: 1016, height: 1358, ...dpi(300) }, '身份证'),
    one('too few pixels is scan-low-resolution’s business', { width: 600, height: 800, ...dpi(72) }),
    one('a phone photo needs a new scan, not a new tag', { width: 4032, height: 3024, ...dpi(72, 'exif'), exif: { make: 'Apple', model: 'iPhone 12', gps: false } }),
    one('a screenshot needs a new scan, not a new tag', { format: 'png', width: 2560, height: 1600, ...dpi(144, 'png-phys'), markers: [SCAN_MARKERS.appleIdot] }),
    one('a corrupt file is not retagged', { ...dpi(72), corrupt: '文件不完整' }),
    one('not an image', { format: 'pdf', ...dpi(72) }),
  ],
  invalid: [
    {
      ...one('高拍仪 2592×1944 tagged 96 dpi, a 身份证 page', { width: 2592, height: 1944, ...dpi(96) }, '身份证'),
      problems: [
        {
          file: 'a/材料.jpg',
          studentRef: ZHANG.ref,
          severity: 'warning',
          messageId: 'lowTag',
          message:
            '文件 a/材料.jpg 的像素(2592×1944)足够,按身份证的最小尺寸计有效分辨率约 572 dpi,但文件中记录的分辨率是 96×96 dpi(高拍仪和部分扫描仪常这样记录);导出时材料包中的这份副本会把分辨率标记改为 572 dpi(只改文件头,不改图像)',
        },
      ],
    },
    { ...one('高拍仪 3264×2448 tagged 72 dpi, a 户口本 page', { width: 3264, height: 2448, ...dpi(72, 'exif') }, '户口本'), problems: [{ messageId: 'lowTag', message: /约 580 dpi.*72×72 dpi/ }] },
    { ...one('an A4 scan of 1654×2339 tagged 72 dpi', { ...dpi(72) }), problems: [{ messageId: 'lowTag', message: /约 283 dpi/ }] },
    { ...one('no density at all', { format: 'png', density: undefined }), problems: [{ messageId: 'noTag', message: /没有记录分辨率;导出时材料包中的这份副本会写入 283 dpi/ }] },
    { ...one('200 × 150 dpi: one axis is enough to retag', { density: { x: 200, y: 150, source: 'png-phys' } }), problems: [{ messageId: 'lowTag', message: /200×150 dpi/ }] },
    {
      ...one('A5 exactly at 200 dpi with a 72 dpi tag: the tag written is never below 200', { width: 1165, height: 1653, ...dpi(72) }),
      problems: [{ messageId: 'lowTag', message: /改为 200 dpi/ }],
    },
  ],
});
