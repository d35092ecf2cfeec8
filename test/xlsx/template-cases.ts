/** A template with rows filled in (text, digit strings, a number in a text column, dates, an empty value) and its own info line. */
import type { TemplateOptions } from '../../src/xlsx/write-template';
import { VALID_NEW_ROW } from '../cli/workbooks';

export const FILLED: TemplateOptions = {
  rows: {
    new: [
      { ...VALID_NEW_ROW, 序号: 1, 变更日期: new Date(Date.UTC(2026, 9, 12)) },
      { ...VALID_NEW_ROW, 序号: 2, 学号: 2609001250011, 姓名: '李建国', 备注: '' },
    ],
    graduate: [{ 序号: 1, 注册证号: '511611202506000123', 学号: '2309001250031', 姓名: '郑洁', 更正内容: '姓名', 毕业时间: new Date(Date.UTC(2025, 6, 10)) }],
  },
  dataRows: 3,
  infoLines: { new: '附表1    分部名称:示例分部' },
};
