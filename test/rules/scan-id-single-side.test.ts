import rule from '../../src/rules/checks/scan-id-single-side';
import type { EvidenceKind } from '../../src/rules/policy';
import { ruleTester } from '../helpers/rule-tester';
import { LI, ZHANG, scan, scanSet, withScans } from '../scan/fixtures';

const one = (name: string, width: number, height: number, kind: EvidenceKind = '身份证') =>
  withScans(name, scanSet([scan('a/x.jpg', { width, height })], [['a/x.jpg', ZHANG.ref, kind]]));

ruleTester(rule, {
  valid: [
    one('an A4 page with both sides', 1654, 2339),
    one('a square crop', 1000, 1000),
    one('a card-shaped 户口本 scan is not an ID card', 856, 540, '户口本'),
  ],
  invalid: [
    { ...one('one card, landscape', 856, 540), problems: [{ file: 'a/x.jpg', studentRef: ZHANG.ref, severity: 'warning', message: /长宽比约为 1\.59/ }] },
    { ...one('one card, portrait', 540, 856), problems: [{ messageId: 'singleSide' }] },
    { ...one('within the tolerance (1.52)', 1520, 1000), problems: [{ messageId: 'singleSide' }] },
    {
      ...withScans('linked as 身份证 to the second student', scanSet([scan('b/sfz.jpg', { width: 1712, height: 1080 })], [['b/sfz.jpg', LI.ref, '身份证']])),
      problems: [{ messageId: 'singleSide', studentRef: LI.ref }],
    },
  ],
});
