import rule from '../../src/rules/checks/scan-corrupt';
import { SCAN_MARKERS } from '../../src/rules/scans';
import { ruleTester } from '../helpers/rule-tester';
import { ZHANG, scan, scanSet, withScans } from '../scan/fixtures';

const one = (name: string, file = scan('a/身份证.jpg')) => withScans(name, scanSet([file], [[file.path, ZHANG.ref, '身份证']]));

ruleTester(rule, {
  valid: [
    one('a sound scan'),
    one('a HEIC is scan-format’s business', scan('a/身份证.heic', { format: 'heic', corrupt: undefined })),
    withScans('an unlinked broken file', scanSet([scan('x.jpg', { corrupt: '找不到图像结束标记' })], [])),
  ],
  invalid: [
    {
      ...one('a truncated JPEG', scan('a/身份证.jpg', { corrupt: '找不到图像结束标记(EOI),文件不完整或已损坏' })),
      problems: [{ file: 'a/身份证.jpg', studentRef: ZHANG.ref, severity: 'error', messageId: 'corrupt', message: /已损坏,无法打开:找不到图像结束标记/ }],
    },
    {
      ...one('a linked file that could not be read', { path: 'a/身份证.jpg', size: 0, format: 'unknown', extension: 'jpg', unreadable: '没有读取权限' }),
      problems: [{ file: 'a/身份证.jpg', studentRef: ZHANG.ref, severity: 'error', messageId: 'unreadable', message: /无法读取文件 a\/身份证.jpg:没有读取权限/ }],
    },
    {
      ...withScans('an unlinked folder that could not be listed', scanSet([{ path: '私密/', size: 0, format: 'unknown', extension: '', unreadable: '无法打开这个文件夹(没有读取权限)' }], [])),
      problems: [{ file: '私密/', studentRef: null, messageId: 'unreadable' }],
    },
    {
      ...one('a PNG with a damaged signature', scan('a/身份证.png', { format: 'png', corrupt: 'PNG 文件头(签名)已损坏' })),
      problems: [{ messageId: 'corrupt' }],
    },
    {
      ...one('30000×30000 claimed in 38 KB', scan('a/身份证.jpg', { size: 38_973, width: 30000, height: 30000, markers: [SCAN_MARKERS.implausibleSize] })),
      problems: [{ severity: 'warning', messageId: 'implausible', message: /30000×30000 像素,与文件大小 38 KB 不符/ }],
    },
  ],
});
