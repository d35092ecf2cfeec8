/**
 * The registry guards itself: the module files in src/rules/checks, the registered rules and the rule ids of the
 * contract are one set, each registered module is its file's, and each rule has its table-driven test.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ALL_RULES, RULES_BY_ID } from '../../src/rules/checks';
import { parsePolicy } from '../../src/rules/policy';
import { RULE_IDS } from '../../src/rules/problem';

const CHECKS = path.join(__dirname, '..', '..', 'src', 'rules', 'checks');
const moduleFiles = readdirSync(CHECKS)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''));

describe('the rule registry', () => {
  it('holds exactly the module files of src/rules/checks and the rule ids of the contract, each once', () => {
    const registered = ALL_RULES.map((r) => r.meta.id);
    expect(new Set(registered).size).toBe(registered.length);
    expect([...registered].sort()).toEqual([...RULE_IDS].sort());
    expect(moduleFiles.sort()).toEqual([...RULE_IDS].sort());
  });

  it.each([...RULE_IDS])('%s is registered from its own file and has its test', async (id) => {
    const file = (await import(path.join(CHECKS, `${id}.ts`))) as { default: unknown };
    expect(RULES_BY_ID.get(id)).toBe(file.default);
    expect(existsSync(path.join(__dirname, `${id}.test.ts`))).toBe(true);
  });

  it('names the 个例 of the SPEC ("Eligibility") on the rules that report them: past deadlines, not the refused ones', () => {
    const special = Object.fromEntries(ALL_RULES.flatMap((r) => (r.meta.specialCases ? [[r.meta.id, Object.keys(r.meta.specialCases)]] : [])));
    expect(special).toEqual({
      'late-entry-error': ['newPastFirstTerm', 'enrolledEntryError'],
      'graduate-change-rejected': ['changeDateUnknown', 'gradDateUnknown', 'uncertain'],
      'graduate-late': ['late'],
    });
  });

  it('takes a severity override for the new rules', () => {
    const policy = parsePolicy({ severities: { 'sheet-skipped': 'off', 'name-format': 'warning', 'character-width': 'warning' } });
    expect(policy.severities).toEqual({ 'sheet-skipped': 'off', 'name-format': 'warning', 'character-width': 'warning' });
  });
});
