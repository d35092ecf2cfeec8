import rule from '../../src/rules/checks/evidence-name-only';
import type { EvidenceLink } from '../../src/rules/scans';
import { ruleTester } from '../helpers/rule-tester';
import { correctionSheet } from '../helpers/sheets';
import { LI, ZHANG, scan, withScans } from '../scan/fixtures';

const set = (links: EvidenceLink[]) => ({ files: [...new Set(links.map((l) => l.file))].map((f) => scan(f)), links });
const byKey = (file: string, studentRef = ZHANG.ref): EvidenceLink => ({ file, studentRef, kind: '身份证', manual: false });
const byName = (file: string, studentRef = ZHANG.ref): EvidenceLink => ({ ...byKey(file, studentRef), byName: true });

ruleTester(rule, {
  valid: [
    withScans('linked by key', set([byKey('2025101000001张三/身份证.jpg')])),
    withScans('set by hand', set([{ ...byKey('扫描0001.jpg'), manual: true }])),
    { name: 'scans not given', sheets: withScans('', set([])).sheets },
  ],
  invalid: [
    {
      ...withScans('a folder named by 姓名 only', set([byName('张三/身份证.jpg'), byName('张三/户口本.jpg'), byKey('2025101000002李四/身份证.jpg', LI.ref)])),
      problems: [
        {
          file: '张三/身份证.jpg',
          studentRef: ZHANG.ref,
          severity: 'info',
          message: '2 个文件只按姓名“张三”对应到 2025101000001张三(文件名和文件夹名中都没有学号):张三/身份证.jpg、张三/户口本.jpg;请确认没有放错,文件夹最好按“2025101000001张三”命名',
        },
      ],
    },
    {
      ...withScans('more than three files are summed up', set(['1', '2', '3', '4'].map((n) => byName(`李四/户口本${n}.jpg`, LI.ref)))),
      problems: [{ studentRef: LI.ref, message: /^4 个文件.*李四\/户口本1\.jpg、李四\/户口本2\.jpg、李四\/户口本3\.jpg 等;/ }],
    },
    {
      name: 'a graduate is named by 注册证号',
      sheets: [
        correctionSheet('graduate', [
          { 注册证号: '511611202505000123', 姓名: '王五', 更正内容: '民族', 更正前: '汉族', 更正后: '回族', 更正原因: '信息变更', 毕业时间: '2025-07-01' },
        ]),
      ],
      options: { scans: set([byName('王五/身份证.jpg', '毕业生#511611202505000123')]) },
      problems: [{ message: /都没有注册证号.*“511611202505000123王五”/ }],
    },
  ],
});
