import { ALL_RULES } from '../../src/rules/checks';
import { validateWorkbook } from '../../src/rules/engine';
import type { Problem } from '../../src/rules/problem';
import { packageSummary } from '../../src/package/summary';
import { AS_OF, WORKBOOK_FILE, scenarioGrid } from './scenario';

/** The rules whose meta names 个例 messages. */
const SPECIAL_RULES = ALL_RULES.filter((r) => r.meta.specialCases);

function summary(extra: Problem[] = []) {
  const result = validateWorkbook(scenarioGrid(), { asOf: AS_OF, rules: SPECIAL_RULES });
  result.problems.push(...extra);
  return { result, text: packageSummary(result, WORKBOOK_FILE, [{ folder: '2609001250001张三', files: ['身份证.jpg', '报名登记表.png'] }]) };
}

const warning: Problem = {
  rule: 'whitespace', severity: 'warning', sheet: '新生', cell: 'D4', file: null, row: 4, studentRef: null,
  messageId: 'x', params: {}, message: '姓名中有全角空格',
};

describe('packageSummary (校验报告.txt)', () => {
  it('states the counts of 信息变更 and 录入错误 per table, rows and students', () => {
    const { text } = summary();
    expect(text).toContain(`统计表:${WORKBOOK_FILE}`);
    expect(text).toContain(`校验日期:${AS_OF}`);
    expect(text).toContain('新生(工作表“新生”):录入错误 1 条(1 人),信息变更 1 条(1 人)');
    expect(text).toContain('在籍生(工作表“在籍生”):录入错误 1 条(1 人),信息变更 1 条(1 人)');
    expect(text).toContain('毕业生(工作表“毕业生”):录入错误 1 条(1 人),信息变更 0 条(0 人)');
    expect(text).toContain('合计:录入错误 3 条(3 人),信息变更 2 条(2 人)');
  });

  it('lists the 个例 rows with sheet, row, key and name, and the 主管校长 report they need', () => {
    const { result, text } = summary();
    expect(result.problems.filter((p) => p.specialCase).map((p) => `${p.sheet}!${p.row}`)).toEqual(['在籍生!4', '毕业生!3']);
    expect(text).toMatch(/主管校长审批并签字,加盖学校公章/);
    expect(text).toContain('1. 工作表“在籍生”第 4 行,学号 2409001200003,王五,更正内容:民族(录入错误)');
    expect(text).toContain('2. 工作表“毕业生”第 3 行,注册证号 511611202406000001,赵六,更正内容:性别(录入错误)');
    expect(text).not.toMatch(/工作表“新生”第/);
  });

  it('lists the remaining warnings apart from the 个例, and the folders with their files', () => {
    const { text } = summary([warning]);
    expect(text).toContain('三、其余提示(1 条警告,不影响导出,请确认)\n  1. 新生!D4:姓名中有全角空格');
    expect(text).toContain('  2609001250001张三/\n      身份证.jpg\n      报名登记表.png');
  });

  it('says when there is no 个例 and no warning', () => {
    const result = validateWorkbook(scenarioGrid(), { asOf: AS_OF, rules: [] });
    const text = packageSummary(result, WORKBOOK_FILE, []);
    expect(text).toMatch(/二、个例[^\n]*\n[^\n]*\n {2}\(无\)\n/);
    expect(text).toMatch(/三、其余提示\(0 条警告[^\n]*\n {2}\(无\)\n/);
  });
});
