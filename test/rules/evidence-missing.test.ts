import rule from '../../src/rules/checks/evidence-missing';
import { ruleTester } from '../helpers/rule-tester';
import { LI, SHEETS, ZHANG, scan, scanSet, withScans } from '../scan/fixtures';

const files = ['z/身份证.jpg', 'l/身份证.jpg', 'l/户口本.jpg', 'l/户籍变更证明.jpg'].map((p) => scan(p));

ruleTester(rule, {
  valid: [
    withScans('everything linked', scanSet(files, [['z/身份证.jpg', ZHANG.ref, '身份证'], ['l/身份证.jpg', LI.ref, '身份证'], ['l/户口本.jpg', LI.ref, '户口本']])),
    withScans('the other alternative', scanSet(files, [['z/身份证.jpg', ZHANG.ref, '身份证'], ['l/身份证.jpg', LI.ref, '身份证'], ['l/户籍变更证明.jpg', LI.ref, '户籍变更证明']])),
    { name: 'scans not given yet (evidence-not-checked says so)', sheets: SHEETS },
  ],
  invalid: [
    {
      ...withScans('nothing linked', scanSet(files, [])),
      problems: [
        { sheet: '新生', cell: 'C3', row: 3, studentRef: ZHANG.ref, severity: 'error', messageId: 'missing', message: '2025101000001张三 缺少“身份证”的扫描件' },
        { cell: 'C4', studentRef: LI.ref, messageId: 'missing' },
        { cell: 'C4', studentRef: LI.ref, messageId: 'missingOneOf', message: '2025101000002李四 缺少以下材料之一的扫描件:户口本、户籍变更证明' },
      ],
    },
    {
      ...withScans('a 身份证 linked to the wrong student does not count', scanSet(files, [['z/身份证.jpg', LI.ref, '身份证'], ['l/户口本.jpg', LI.ref, '户口本']])),
      problems: [{ studentRef: ZHANG.ref, messageId: 'missing' }],
    },
  ],
});
