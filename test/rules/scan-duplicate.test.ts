import rule from '../../src/rules/checks/scan-duplicate';
import { ruleTester } from '../helpers/rule-tester';
import { LI, ZHANG, scan, scanSet, withScans } from '../scan/fixtures';

const H1 = 'a'.repeat(64);
const H2 = 'b'.repeat(64);

ruleTester(rule, {
  valid: [
    withScans('different bytes', scanSet([scan('a/身份证.jpg', { sha256: H1 }), scan('b/身份证.jpg', { sha256: H2 })], [['a/身份证.jpg', ZHANG.ref, '身份证'], ['b/身份证.jpg', LI.ref, '身份证']])),
    withScans('same bytes for one student (two kinds)', scanSet([scan('a/身份证.jpg', { sha256: H1 }), scan('a/户口本.jpg', { sha256: H1 })], [['a/身份证.jpg', ZHANG.ref, '身份证'], ['a/户口本.jpg', ZHANG.ref, '户口本']])),
    withScans('same size, never hashed (different files)', scanSet([scan('a/身份证.jpg'), scan('b/身份证.jpg')], [['a/身份证.jpg', ZHANG.ref, '身份证'], ['b/身份证.jpg', LI.ref, '身份证']])),
  ],
  invalid: [
    {
      ...withScans('one ID card in two students’ folders', scanSet([scan('a/身份证.jpg', { sha256: H1 }), scan('b/身份证.jpg', { sha256: H1 })], [['a/身份证.jpg', ZHANG.ref, '身份证'], ['b/身份证.jpg', LI.ref, '身份证']])),
      problems: [
        { file: 'a/身份证.jpg', studentRef: ZHANG.ref, severity: 'error', messageId: 'sameBytes', message: /a\/身份证\.jpg\(属于 2025101000001张三\)与 b\/身份证\.jpg\(属于 2025101000002李四\)/ },
        { file: 'b/身份证.jpg', studentRef: LI.ref, messageId: 'sameBytes' },
      ],
    },
    {
      ...withScans('one file assigned to two students by hand', scanSet([scan('x.jpg')], [['x.jpg', ZHANG.ref, '身份证'], ['x.jpg', LI.ref, '身份证']])),
      problems: [
        { file: 'x.jpg', studentRef: ZHANG.ref, messageId: 'samePath' },
        { file: 'x.jpg', studentRef: LI.ref, messageId: 'samePath' },
      ],
    },
  ],
});
