/** Every rule id of the contract has exactly one module, registered under its file name, with its own table-driven test. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ALL_RULES } from '../../src/rules/checks';
import { parsePolicy } from '../../src/rules/policy';
import { RULE_IDS } from '../../src/rules/problem';

describe('the rule registry', () => {
  it('holds one module per rule id', () => {
    expect(ALL_RULES.map((r) => r.meta.id).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each([...RULE_IDS])('%s has its module file and its test', (id) => {
    expect(existsSync(path.join(__dirname, '..', '..', 'src', 'rules', 'checks', `${id}.ts`))).toBe(true);
    expect(existsSync(path.join(__dirname, `${id}.test.ts`))).toBe(true);
  });

  it('takes a severity override for the new rules', () => {
    const policy = parsePolicy({ severities: { 'sheet-skipped': 'off', 'name-format': 'warning', 'character-width': 'warning' } });
    expect(policy.severities).toEqual({ 'sheet-skipped': 'off', 'name-format': 'warning', 'character-width': 'warning' });
  });
});
