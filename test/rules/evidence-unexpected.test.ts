import rule from '../../src/rules/checks/evidence-unexpected';
import { ruleTester } from '../helpers/rule-tester';
import { LI, ZHANG, scan, scanSet, withScans } from '../scan/fixtures';

ruleTester(rule, {
  valid: [
    withScans('needed kinds only', scanSet([scan('z/身份证.jpg'), scan('l/户口本.jpg')], [['z/身份证.jpg', ZHANG.ref, '身份证'], ['l/户口本.jpg', LI.ref, '户口本']])),
    withScans('an alternative of a group', scanSet([scan('l/户籍变更证明.jpg')], [['l/户籍变更证明.jpg', LI.ref, '户籍变更证明']])),
  ],
  invalid: [
    {
      ...withScans('a 户口本 for a 民族 change', scanSet([scan('z/户口本.jpg')], [['z/户口本.jpg', ZHANG.ref, '户口本']])),
      problems: [{ file: 'z/户口本.jpg', studentRef: ZHANG.ref, severity: 'info', message: '文件 z/户口本.jpg 作为“户口本”对应到 2025101000001张三,但该学生的更正不需要这种材料;确认无误可以保留' }],
    },
  ],
});
