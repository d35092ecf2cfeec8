import rule from '../../src/rules/checks/scan-not-original';
import { ruleTester } from '../helpers/rule-tester';
import { ZHANG, scan, scanSet, withPolicy, withScans } from '../scan/fixtures';

const one = (name: string, path: string) => withScans(name, scanSet([scan(path)], [[path, ZHANG.ref, '身份证']]));

ruleTester(rule, {
  valid: [
    one('an original scan', '2025101000001张三/身份证.jpg'),
    one('扫描件 is not a copy', '2025101000001张三/身份证扫描件.jpg'),
    withScans('an unlinked copy is evidence-unmatched’s business', scanSet([scan('杂项/复印件.jpg')], [])),
  ],
  invalid: [
    {
      ...one('a file named 复印件', '2025101000001张三/身份证复印件.jpg'),
      problems: [
        {
          file: '2025101000001张三/身份证复印件.jpg',
          studentRef: ZHANG.ref,
          severity: 'warning',
          messageId: 'fileName',
          message: '文件 2025101000001张三/身份证复印件.jpg 的文件名中有“复印”,像是复印件或翻拍件;所有材料均要对原件进行扫描,如确是原件扫描,请去掉文件名中的“复印”',
        },
      ],
    },
    { ...one('影印件', '2025101000001张三/身份证影印件.png'), problems: [{ messageId: 'fileName', message: /“影印”/ }] },
    { ...one('翻拍', '2025101000001张三/翻拍_身份证.jpg'), problems: [{ messageId: 'fileName', message: /“翻拍”/ }] },
    { ...one('a full-width or traditional spelling', '2025101000001张三/身份証複印件.jpg'), problems: [{ messageId: 'fileName', message: /“複印”/ }] },
    {
      ...one('a folder named 复印件', '复印件/2025101000001张三/身份证.jpg'),
      problems: [{ messageId: 'folderName', message: /所在的文件夹“复印件”名称中有“复印”/ }],
    },
    {
      ...withPolicy(one('the policy’s words', '2025101000001张三/身份证(副本).jpg'), { scan: { copyWords: ['副本'] } }),
      problems: [{ messageId: 'fileName', message: /“副本”/ }],
    },
  ],
});
