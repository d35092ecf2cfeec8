import { makeCell } from '../src/rules/grid';
import { DEFAULT_POLICY, type TableKind } from '../src/rules/policy';
import { requiredEvidence } from '../src/rules/evidence/requirement';
import { changeFieldOf, reasonOf } from '../src/rules/rows';
import type { DataRow } from '../src/rules/table';

let nextRow = 3;
function row(changeField: string, reason: string, after = ''): DataRow {
  const r = nextRow++;
  const text = (col: number, v: string) => (v ? makeCell(r, col, v, 'text') : undefined);
  const cells: DataRow['cells'] = {};
  const cf = text(5, changeField);
  const rs = text(8, reason);
  const af = text(7, after);
  if (cf) cells.changeField = cf;
  if (rs) cells.reason = rs;
  if (af) cells.after = af;
  return { row: r, cells, changeField: changeFieldOf({ cells }, DEFAULT_POLICY), reason: reasonOf({ cells }) };
}

const need = (rows: DataRow[], kind: TableKind | null = 'enrolled') => requiredEvidence(rows, kind, DEFAULT_POLICY);

describe('requiredEvidence: each row of the SPEC evidence table', () => {
  it.each([
    ['性别, 信息变更', row('性别', '信息变更'), [['身份证']]],
    ['民族, 信息变更', row('民族', '信息变更'), [['身份证']]],
    ['入学文化程度 专科 or above, 信息变更', row('入学文化程度', '信息变更', '大专'), [['学历网查', '学历认证报告']]],
    ['入学文化程度 专科 or above, 录入错误', row('入学文化程度', '录入错误', '大学本科毕业'), [['学历网查', '学历认证报告']]],
    ['入学文化程度 by code 31', row('入学文化程度', '录入错误', '31'), [['学历网查', '学历认证报告']]],
    ['入学文化程度 below 专科, 录入错误', row('入学文化程度', '录入错误', '高中'), [['毕业证书']]],
    ['入学文化程度 below 专科, 信息变更', row('入学文化程度', '信息变更', '中等专科毕业'), [['毕业证书']]],
    ['姓名, 信息变更', row('姓名', '信息变更'), [['身份证'], ['户口本', '户籍变更证明']]],
    ['身份证号, 信息变更', row('身份证号', '信息变更'), [['身份证'], ['身份证号码更正告知函', '身份证号码变更证明', '户籍变更证明']]],
    ['姓名, 录入错误', row('姓名', '录入错误'), [['身份证'], ['报名登记表']]],
    ['性别, 录入错误', row('性别', '录入错误'), [['身份证'], ['报名登记表']]],
    ['身份证号, 录入错误', row('身份证号', '录入错误'), [['身份证'], ['报名登记表']]],
    ['民族, 录入错误', row('民族', '录入错误'), [['身份证'], ['报名登记表']]],
    ['an alias of 更正内容 (身份证号码)', row('身份证号码', '录入错误'), [['身份证'], ['报名登记表']]],
  ])('%s', (_name, r, want) => {
    expect(need([r])).toEqual(want);
  });
});

describe('requiredEvidence: graduates', () => {
  it('adds 毕业生登记表 to every graduate row', () => {
    expect(need([row('性别', '信息变更')], 'graduate')).toEqual([['身份证'], ['毕业生登记表']]);
    expect(need([row('姓名', '录入错误')], 'graduate')).toEqual([['身份证'], ['报名登记表'], ['毕业生登记表']]);
  });

  it('asks for 毕业生登记表 even when the row itself is not understood', () => {
    expect(need([row('学号', '信息变更')], 'graduate')).toEqual([['毕业生登记表']]);
  });

  it('adds nothing for graduates on a table of unknown kind', () => {
    expect(need([row('性别', '信息变更')], null)).toEqual([['身份证']]);
  });
});

describe('requiredEvidence: unions over a student’s rows', () => {
  it('keeps 身份证 once when two rows need it', () => {
    expect(need([row('性别', '信息变更'), row('民族', '信息变更')])).toEqual([['身份证']]);
  });

  it('joins different requirements in order of first appearance', () => {
    expect(need([row('入学文化程度', '信息变更', '本科'), row('性别', '录入错误')])).toEqual([
      ['学历网查', '学历认证报告'],
      ['身份证'],
      ['报名登记表'],
    ]);
  });

  it('keeps both alternatives groups of a 姓名 and a 身份证号 change (neither contains the other)', () => {
    expect(need([row('姓名', '信息变更'), row('身份证号', '信息变更')])).toEqual([
      ['身份证'],
      ['户口本', '户籍变更证明'],
      ['身份证号码更正告知函', '身份证号码变更证明', '户籍变更证明'],
    ]);
  });

  it('keeps one of two groups that differ only in order, and drops a group implied by a smaller one', () => {
    const policy = {
      ...DEFAULT_POLICY,
      evidence: {
        ...DEFAULT_POLICY.evidence,
        rules: [
          { when: { fields: ['姓名' as const] }, require: [['户口本' as const, '户籍变更证明' as const]] },
          { when: { fields: ['性别' as const] }, require: [['户籍变更证明' as const]] },
          { when: { fields: ['民族' as const] }, require: [['户籍变更证明' as const, '户口本' as const]] },
        ],
      },
    };
    expect(requiredEvidence([row('姓名', '信息变更'), row('民族', '信息变更')], 'new', policy)).toEqual([['户口本', '户籍变更证明']]);
    expect(requiredEvidence([row('姓名', '信息变更'), row('性别', '信息变更')], 'new', policy)).toEqual([['户籍变更证明']]);
  });
});

describe('requiredEvidence: what adds nothing', () => {
  it.each([
    ['an unknown reason', row('姓名', '其他')],
    ['an empty reason with a reason-bound field', row('性别', '')],
    ['an unknown field', row('学号', '录入错误')],
    ['an unknown 入学文化程度 value', row('入学文化程度', '信息变更', '自学')],
    ['an empty 入学文化程度 value', row('入学文化程度', '录入错误', '')],
  ])('%s', (_name, r) => {
    expect(need([r])).toEqual([]);
  });

  it('an empty student', () => {
    expect(need([])).toEqual([]);
  });
});
