import rule from '../../src/rules/checks/scan-too-large';
import { DEFAULT_POLICY } from '../../src/rules/policy';
import { ruleTester } from '../helpers/rule-tester';
import { ZHANG, scan, scanSet, withScans } from '../scan/fixtures';

const MB = 1024 * 1024;
const one = (name: string, size: number) => withScans(name, scanSet([scan('a/身份证.jpg', { size })], [['a/身份证.jpg', ZHANG.ref, '身份证']]));

ruleTester(rule, {
  valid: [one('exactly 10 MB', 10 * MB), one('500 KB', 500 * 1024)],
  invalid: [
    { ...one('12 MB', 12 * MB), problems: [{ file: 'a/身份证.jpg', studentRef: ZHANG.ref, severity: 'error', message: /大小为 12\.0 MB,超过 10\.0 MB/ }] },
    { ...one('one byte over', 10 * MB + 1), problems: [{ messageId: 'tooLarge' }] },
    {
      ...one('over a policy limit of 2 MB', 3 * MB),
      options: { ...one('', 3 * MB).options, policy: { ...DEFAULT_POLICY, scan: { ...DEFAULT_POLICY.scan, maxBytes: 2 * MB } } },
      problems: [{ message: /超过 2\.0 MB/ }],
    },
  ],
});
