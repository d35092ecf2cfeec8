/**
 * Table-driven rule tests, after ESLint's RuleTester: each valid case must produce no problem of the rule,
 * each invalid case exactly the listed problems (rule id implied; every listed key must match). An expected problem
 * must name its message id or its message, and no message may keep a `{placeholder}` its params did not fill.
 */
import type { SheetGrid } from '../../src/rules/grid';
import { type ValidateOptions, validateWorkbook } from '../../src/rules/engine';
import type { Problem } from '../../src/rules/problem';
import type { RuleModule } from '../../src/rules/rule';

export interface RuleCase {
  name: string;
  sheets: SheetGrid[];
  options?: Omit<ValidateOptions, 'rules'>;
}

/** What an invalid case expects of one problem; `fix: 'any'` asks only that a fix is offered. */
export type ExpectedProblem = Partial<Pick<Problem, 'messageId' | 'severity' | 'sheet' | 'cell' | 'file' | 'row' | 'studentRef'>> & {
  fix?: Problem['fix'] | 'any';
  message?: string | RegExp;
};

export interface InvalidCase extends RuleCase {
  problems: ExpectedProblem[];
}

/** Why an expected problem cannot be used, or null: one that names neither message id nor message would match any problem. */
export function expectedProblemFault(want: ExpectedProblem): string | null {
  return want.messageId === undefined && want.message === undefined ? '期望的问题既没有 messageId 也没有 message' : null;
}

/** The `{name}` placeholders of a message template that the params leave unfilled. */
export function unfilledPlaceholders(template: string, params: Problem['params']): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((name) => !(name in params));
}

export function runRule(rule: RuleModule, c: RuleCase): Problem[] {
  return validateWorkbook({ sheets: c.sheets }, { asOf: '2026-11-29', ...c.options, rules: [rule] }).problems;
}

export function ruleTester(rule: RuleModule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it('has its id, a default severity, a description and Chinese messages', () => {
      expect(rule.meta.description).toMatch(/[\u4e00-\u9fff]/);
      for (const m of Object.values(rule.meta.messages)) expect(m).toMatch(/[\u4e00-\u9fff]/);
    });
    expect(cases.valid.length).toBeGreaterThan(0);
    expect(cases.invalid.length).toBeGreaterThan(0);
    for (const c of cases.valid)
      it(`valid: ${c.name}`, () => {
        expect(runRule(rule, c).map((p) => `${p.cell ?? p.file ?? ''} ${p.message}`)).toEqual([]);
      });
    for (const c of cases.invalid)
      it(`invalid: ${c.name}`, () => {
        expect(c.problems.map(expectedProblemFault).filter(Boolean)).toEqual([]);
        const got = runRule(rule, c);
        expect(got.flatMap((p) => unfilledPlaceholders(rule.meta.messages[p.messageId], p.params))).toEqual([]);
        expect(got).toHaveLength(c.problems.length);
        c.problems.forEach((want, i) => {
          const { fix, message, ...plain } = want;
          expect(got[i]).toMatchObject(plain);
          expect(got[i].rule).toBe(rule.meta.id);
          if (message instanceof RegExp) expect(got[i].message).toMatch(message);
          else if (message !== undefined) expect(got[i].message).toBe(message);
          if (fix === 'any') expect(got[i].fix).toBeDefined();
          else if (fix !== undefined) expect(got[i].fix).toEqual(fix);
          else expect(got[i].fix).toBeUndefined();
        });
      });
  });
}
