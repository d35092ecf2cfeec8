import rule from '../../src/rules/checks/evidence-unmatched';
import { ruleTester } from '../helpers/rule-tester';
import { ZHANG, scan, scanSet, withScans } from '../scan/fixtures';

ruleTester(rule, {
  valid: [
    withScans('every file linked', scanSet([scan('z/身份证.jpg')], [['z/身份证.jpg', ZHANG.ref, '身份证']])),
    withScans('a file the registrar excluded', scanSet([scan('说明.jpg')], [], [{ file: '说明.jpg', reason: 'excluded' }])),
  ],
  invalid: [
    {
      ...withScans('no student in the name', scanSet([scan('扫描0001.jpg')], [], [{ file: '扫描0001.jpg', reason: 'no-student' }])),
      problems: [{ file: '扫描0001.jpg', studentRef: null, severity: 'warning', messageId: 'noStudent' }],
    },
    { ...withScans('no reason recorded', scanSet([scan('x.jpg')], [])), problems: [{ messageId: 'noStudent' }] },
    {
      ...withScans('two students in one name', scanSet([scan('2025101000001_2025101000002.jpg')], [], [{ file: '2025101000001_2025101000002.jpg', reason: 'ambiguous' }])),
      problems: [{ messageId: 'ambiguous' }],
    },
    {
      ...withScans('known student, unknown kind', scanSet([scan('2025101000001张三/IMG_2034.jpg')], [], [{ file: '2025101000001张三/IMG_2034.jpg', reason: 'no-kind', studentRef: ZHANG.ref }])),
      problems: [{ studentRef: ZHANG.ref, messageId: 'noKind', message: /属于 2025101000001张三,但看不出是哪种材料/ }],
    },
  ],
});
