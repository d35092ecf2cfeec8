import rule from '../../src/rules/checks/scan-screenshot';
import { SCAN_MARKERS, type ScanInfo } from '../../src/rules/scans';
import { ruleTester } from '../helpers/rule-tester';
import { ZHANG, scan, scanSet, withScans } from '../scan/fixtures';

const one = (name: string, over: Partial<ScanInfo>) => withScans(name, scanSet([scan('a/身份证.png', { format: 'png', ...over })], [['a/身份证.png', ZHANG.ref, '身份证']]));

ruleTester(rule, {
  valid: [
    one('an A4 scan', {}),
    one('a trail camera at 1920×1080 (camera Make)', { format: 'jpeg', width: 1920, height: 1080, density: { x: 72, y: 72, source: 'exif' }, exif: { make: 'RECONYX', model: 'HC500 HYPERFIRE', gps: false } }),
    one('screen-sized but with scanner density', { width: 2560, height: 1440, density: { x: 300, y: 300, source: 'png-phys' } }),
    one('not a screen size', { width: 1000, height: 1300, density: undefined }),
  ],
  invalid: [
    {
      ...one('macOS screenshot comment', { exif: { userComment: 'Screenshot', gps: false }, density: { x: 144, y: 144, source: 'png-phys' } }),
      problems: [{ file: 'a/身份证.png', studentRef: ZHANG.ref, severity: 'warning', messageId: 'software', message: /截图工具生成的\(Screenshot\)/ }],
    },
    { ...one('Snipaste', { exif: { software: 'Snipaste 2.8', gps: false } }), problems: [{ messageId: 'software' }] },
    { ...one('the iDOT chunk', { markers: [SCAN_MARKERS.appleIdot], width: 1266, height: 694 }), problems: [{ messageId: 'idot' }] },
    { ...one('a phone screen, portrait, no density', { width: 1170, height: 2532, density: undefined }), problems: [{ messageId: 'screenSize', message: /1170×2532 与常见屏幕尺寸相同,且文件中没有记录分辨率/ }] },
    {
      ...one('a 1920×1080 PNG at 72 dpi, no Make: the message names its density, never “no density”', { width: 1080, height: 1920, density: { x: 72, y: 72, source: 'exif' } }),
      problems: [{ messageId: 'screenSizeLowTag', message: '文件 a/身份证.png 的尺寸 1080×1920 与常见屏幕尺寸相同,记录的分辨率 72×72 dpi 是屏幕的而不是扫描仪的,像是屏幕截图;要求提交扫描件' }],
    },
    { ...one('a 96 dpi screen-sized JPEG', { format: 'jpeg', width: 1366, height: 768, density: { x: 96, y: 96, source: 'jfif' } }), problems: [{ messageId: 'screenSizeLowTag', message: /96×96 dpi 是屏幕的/ }] },
  ],
});
