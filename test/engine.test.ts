/** The engine's flow and its report contract: one model, scans linked to its students, places and fixes derived, guards. */
import evidenceMissing from '../src/rules/checks/evidence-missing';
import { validate, validateWorkbook } from '../src/rules/engine';
import { defineRule } from '../src/rules/rule';
import type { Student } from '../src/rules/students';
import { correctionSheet } from './helpers/sheets';

const AS_OF = '2026-11-29';
const row = { 学号: '2509001250001', 姓名: '张三', 更正内容: '性别', 更正前: '男', 更正后: '女', 更正原因: '信息变更' };
const sheets = [correctionSheet('new', [row])];

/** A test rule that reports on the 更正后 cell of every row, with what `report` is given. */
const onAfter = (fixable: boolean, fix?: { value: string; label: string }) =>
  defineRule({
    meta: { id: 'whitespace', severity: 'warning', description: '测试规则', fixable, specialCases: { special: '第 {row} 行的个例' }, messages: { plain: '第 {row} 行', special: '个例 {row}' } },
    check(ctx) {
      for (const table of ctx.tables)
        for (const r of table.rows) {
          ctx.report({ messageId: 'plain', params: { row: r.row }, at: { table, row: r, field: 'after' }, fix });
          ctx.report({ messageId: 'special', params: { row: r.row }, at: { table, row: r, field: 'after' } });
        }
    },
  });

describe('validate: read → link → validate in one call', () => {
  it('links the scans to the students it read, once, and the rules see those scans', async () => {
    const seen: Student[][] = [];
    const result = await validate(
      { sheets },
      {
        asOf: AS_OF,
        rules: [evidenceMissing],
        link: (students) => {
          seen.push(students);
          return { files: [], links: [{ file: 'a/身份证.jpg', studentRef: students[0].ref, kind: '身份证' as const, manual: false }] };
        },
      },
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(result.students);
    expect(result.students.map((s) => s.ref)).toEqual(['新生#2509001250001']);
    expect(result.scans?.links).toHaveLength(1);
    expect(result.problems).toEqual([]);
  });

  it('without a linker the evidence is not checked', async () => {
    const result = await validate({ sheets }, { asOf: AS_OF });
    expect(result.scans).toBeUndefined();
    expect(result.problems.map((p) => p.rule)).toContain('evidence-not-checked');
  });
});

describe('report', () => {
  it('derives the place from (table, row, field) and writes a text fix into that cell', () => {
    const [plain, special] = validateWorkbook({ sheets }, { asOf: AS_OF, rules: [onAfter(true, { value: '女', label: '改' })] }).problems;
    expect(plain).toMatchObject({ sheet: '新生', cell: 'G3', file: null, row: 3, studentRef: '新生#2509001250001', message: '第 3 行' });
    expect(plain.fix).toEqual({ kind: 'set-text', sheet: '新生', cell: 'G3', value: '女', label: '改' });
    expect(plain.specialCase).toBeUndefined();
    expect(special.specialCase).toBe('第 3 行的个例');
  });

  it('refuses a fix from a rule that does not declare itself fixable', () => {
    expect(() => validateWorkbook({ sheets }, { asOf: AS_OF, rules: [onAfter(false, { value: '女', label: '改' })] })).toThrow(/fixable/);
  });
});
