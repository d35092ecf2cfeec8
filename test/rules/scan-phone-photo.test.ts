import rule from '../../src/rules/checks/scan-phone-photo';
import type { ScanInfo } from '../../src/rules/scans';
import { ruleTester } from '../helpers/rule-tester';
import { ZHANG, scan, scanSet, withPolicy, withScans } from '../scan/fixtures';

const one = (name: string, exif: ScanInfo['exif']) => withScans(name, scanSet([scan('a/身份证.jpg', { exif })], [['a/身份证.jpg', ZHANG.ref, '身份证']]));

ruleTester(rule, {
  valid: [
    one('no EXIF', undefined),
    one('a film scanner', { make: 'Eastman Kodak Company', model: 'Kodak CLAS Digital Film Scanner / HR200', gps: false }),
    one('a camera without GPS', { make: 'NIKON CORPORATION', model: 'NIKON D300', gps: false }),
    one('Photoshop only', { software: 'Adobe Photoshop CS3 Windows', gps: false }),
    withPolicy(one('the policy can turn it off', { make: 'Apple', model: 'iPhone 4', gps: true }), { severities: { 'scan-phone-photo': 'off' } }),
  ],
  invalid: [
    {
      ...one('an iPhone', { make: 'Apple', model: 'iPhone 4', gps: true }),
      problems: [{ file: 'a/身份证.jpg', studentRef: ZHANG.ref, severity: 'error', messageId: 'phone', message: /手机拍摄的照片\(Apple iPhone 4\)/ }],
    },
    {
      ...one('an error whatever density the phone wrote (300 dpi)', { make: 'samsung', model: 'SM-G930F', gps: true }),
      problems: [{ severity: 'error', messageId: 'phone' }],
    },
    {
      ...withPolicy(one('the policy can lower it to a warning', { make: 'Xiaomi', model: 'Mi 9T', gps: true }), { severities: { 'scan-phone-photo': 'warning' } }),
      problems: [{ severity: 'warning', messageId: 'phone' }],
    },
    { ...one('HUAWEI, model already names the maker', { make: 'HUAWEI', model: 'HUAWEI Pura 80', gps: false }), problems: [{ message: /\(HUAWEI Pura 80\)/ }] },
    { ...one('lower-case samsung', { make: 'samsung', model: 'SM-G930F', gps: false }), problems: [{ messageId: 'phone' }] },
    { ...one('a phone model under an unknown maker', { make: 'Acme', model: 'iPhone 12', gps: false }), problems: [{ messageId: 'phone' }] },
    { ...one('a camera with a GPS position', { make: 'Canon', model: 'Canon EOS 600D', gps: true }), problems: [{ messageId: 'gps', message: /GPS/ }] },
  ],
});
