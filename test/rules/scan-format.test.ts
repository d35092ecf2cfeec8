import rule from '../../src/rules/checks/scan-format';
import { SCAN_MARKERS } from '../../src/rules/scans';
import { ruleTester } from '../helpers/rule-tester';
import { ZHANG, scan, scanSet, withScans } from '../scan/fixtures';

const one = (name: string, file = scan('a/身份证.jpg')) => withScans(name, scanSet([file], [[file.path, ZHANG.ref, '身份证']]));

ruleTester(rule, {
  valid: [
    one('a JPEG named .jpg'),
    one('a JPEG named .JPEG (case does not matter)', scan('a/身份证.jpeg')),
    one('a PNG named .png', scan('a/身份证.png', { format: 'png' })),
    { name: 'scans not given', sheets: one('').sheets },
    withScans('an unlinked WebP is not checked here', scanSet([scan('x.webp', { format: 'webp' })], [])),
  ],
  invalid: [
    {
      ...one('a WebP renamed to .jpg', scan('a/身份证.jpg', { format: 'webp' })),
      problems: [{ file: 'a/身份证.jpg', studentRef: ZHANG.ref, severity: 'error', messageId: 'notImage', message: /实际格式是 WebP/ }],
    },
    { ...one('a HEIC from an iPhone', scan('a/身份证.HEIC', { format: 'heic' })), problems: [{ messageId: 'notImage', message: /HEIC/ }] },
    { ...one('a PDF', scan('a/身份证.pdf', { format: 'pdf' })), problems: [{ messageId: 'notImage', message: /PDF/ }] },
    { ...one('not an image at all', scan('a/身份证.docx', { format: 'unknown' })), problems: [{ messageId: 'notImage', message: /无法识别/ }] },
    {
      ...one('PNG content named .jpg: a warning, the package names it by content', scan('a/身份证.jpg', { format: 'png' })),
      problems: [{ severity: 'warning', messageId: 'extension', message: '文件 a/身份证.jpg 的内容是 PNG,扩展名却是 .jpg;材料包中会按实际格式命名为 .png' }],
    },
    { ...one('JPEG content named .png', scan('a/身份证.png', { format: 'jpeg' })), problems: [{ severity: 'warning', message: /内容是 JPEG,扩展名却是 \.png;材料包中会按实际格式命名为 \.jpg/ }] },
    { ...one('JPEG without an extension', scan('a/身份证', { format: 'jpeg' })), problems: [{ severity: 'warning', messageId: 'extension', message: /无扩展名/ }] },
    {
      ...one('an Apple CgBI PNG', scan('a/身份证.png', { format: 'png', markers: [SCAN_MARKERS.appleCgbi] })),
      problems: [{ severity: 'error', messageId: 'cgbi' }],
    },
  ],
});
