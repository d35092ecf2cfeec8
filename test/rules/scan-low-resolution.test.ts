import rule from '../../src/rules/checks/scan-low-resolution';
import type { EvidenceKind } from '../../src/rules/policy';
import type { ScanInfo } from '../../src/rules/scans';
import { ruleTester } from '../helpers/rule-tester';
import { LI, ZHANG, scan, scanSet, withPolicy, withScans } from '../scan/fixtures';

const dpi = (x: number, source: 'jfif' | 'exif' | 'png-phys' = 'jfif') => ({ density: { x, y: x, source } });
const one = (name: string, over: Partial<ScanInfo>, kind: EvidenceKind = '报名登记表') =>
  withScans(name, scanSet([scan('a/材料.jpg', over)], [['a/材料.jpg', ZHANG.ref, kind]]));

ruleTester(rule, {
  valid: [
    one('an A4 scan at 200 dpi', {}),
    one('高拍仪 2592×1944 tagged 96 dpi (scan-density-tag’s business)', { width: 2592, height: 1944, ...dpi(96) }, '身份证'),
    one('高拍仪 3264×2448 tagged 72 dpi, a 户口本 page', { width: 3264, height: 2448, ...dpi(72, 'exif') }, '户口本'),
    one('an A4 scan of 1654×2339 tagged 72 dpi', { ...dpi(72) }),
    one('A5 at 200 dpi as the driver rounds it down (1165×1653), no density', { width: 1165, height: 1653, density: undefined }),
    one('A5 landscape', { width: 1653, height: 1165, density: undefined }),
    one('身份证 both sides on an 86×115 mm page at 200 dpi', { width: 677, height: 905 }, '身份证'),
    one('one ID card at 300 dpi is judged against the card (scan-id-single-side reports the shape)', { width: 1011, height: 638, ...dpi(300) }, '身份证'),
    one('corrupt files are scan-corrupt’s business', { width: 100, height: 100, corrupt: '文件不完整' }),
    one('a header claiming an implausible size is scan-corrupt’s business', { width: 30000, height: 30000, markers: ['implausible-size'] }),
    one('not an image: scan-format’s business', { format: 'webp', width: 100, height: 100 }),
    withPolicy(one('the policy sets a kind’s smallest size', { width: 600, height: 800 }, '户口本'), { scan: { documentMm: { 户口本: { width: 70, height: 100 } } } }),
    withScans(
      'a file linked as two kinds is judged against the smaller document',
      scanSet([scan('a/材料.jpg', { width: 700, height: 950 })], [['a/材料.jpg', ZHANG.ref, '报名登记表'], ['a/材料.jpg', ZHANG.ref, '身份证']]),
    ),
  ],
  invalid: [
    {
      ...one('a small image tagged 300 dpi', { width: 800, height: 1100, ...dpi(300) }),
      problems: [
        {
          file: 'a/材料.jpg',
          studentRef: ZHANG.ref,
          severity: 'error',
          messageId: 'lowPixelsTagged',
          message:
            '文件 a/材料.jpg 只有 800×1100 像素,按报名登记表的最小尺寸 148×210 毫米计算,有效分辨率约 133 dpi,低于要求的 200 dpi(至少需要 1165×1653 像素);文件虽标记为 300×300 dpi,但像素不够,请用扫描仪或高拍仪按 200 dpi 或以上重新扫描',
        },
      ],
    },
    {
      ...one('a 身份证 page scanned at 150 dpi', { width: 508, height: 679, ...dpi(150) }, '身份证'),
      problems: [{ messageId: 'lowPixels', message: /508×679 像素,按身份证的最小尺寸 86×115 毫米计算,有效分辨率约 150 dpi.*至少需要 677×905 像素/ }],
    },
    {
      ...one('a 户口本 page at 150 dpi without density', { width: 620, height: 844, density: undefined }, '户口本'),
      problems: [{ messageId: 'lowPixels', message: /按户口本的最小尺寸 105×143 毫米计算,有效分辨率约 150 dpi/ }],
    },
    {
      ...withPolicy(one('the policy sets the minimum: 300 dpi', {}), { scan: { minDpi: 300 } }),
      problems: [{ messageId: 'lowPixels', message: /有效分辨率约 283 dpi,低于要求的 300 dpi\(至少需要 1748×2480 像素\)/ }],
    },
    { ...one('A5 a few pixels short', { width: 1160, height: 1650, density: undefined }), problems: [{ messageId: 'lowPixels', message: /约 199 dpi/ }] },
    {
      ...one('one ID card at 150 dpi', { width: 506, height: 319, ...dpi(150) }, '身份证'),
      problems: [{ messageId: 'lowPixels', message: /按单张身份证卡片的最小尺寸 54×85.6 毫米计算/ }],
    },
    {
      ...withScans('each student’s file is reported once', scanSet([scan('a/1.jpg', { width: 400, height: 560 }), scan('b/2.jpg', { width: 400, height: 560 })], [['a/1.jpg', ZHANG.ref, '身份证'], ['b/2.jpg', LI.ref, '身份证']])),
      problems: [{ messageId: 'lowPixelsTagged', file: 'a/1.jpg', studentRef: ZHANG.ref }, { messageId: 'lowPixelsTagged', file: 'b/2.jpg', studentRef: LI.ref }],
    },
  ],
});
