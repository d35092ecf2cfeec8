import { DEFAULT_POLICY, PolicyError, parsePolicyJson } from '../src/rules/policy';
import { PATTERN_INPUT_MAX, policyPattern, regexHazard } from '../src/rules/safe-regex';

describe('regexHazard: policy patterns stay in a subset that cannot backtrack exponentially', () => {
  it.each([
    DEFAULT_POLICY.keyPatterns.studentId,
    DEFAULT_POLICY.keyPatterns.regNo,
    DEFAULT_POLICY.endMarker,
    ...DEFAULT_POLICY.scan.phoneModelPatterns,
    '^(25|26)\\d{11}$',
    '^(?:\\d{2})?[A-Z]{3}\\d+$',
    '^(a+)?b$',
    '^[(+*)]+$',
    '^\\(\\d+\\)+$',
  ])('accepts %j', (p) => expect(regexHazard(p)).toBeNull());

  it.each([
    ['(a+)+$', /嵌套的重复/],
    ['^(\\d*)*$', /嵌套的重复/],
    ['^(a|aa)*b$', /嵌套的重复/],
    ['^((ab)+c)+$', /嵌套的重复/],
    ['^(?:x\\d+){2,}$', /嵌套的重复/],
    ['^(a+){10}$', /嵌套的重复/],
    ['^(\\d)\\1$', /反向引用/],
    ['^(?<y>\\d)\\k<y>$', /反向引用/],
    ['a'.repeat(2001), /超过 2000/],
  ])('refuses %j', (p, why) => expect(regexHazard(p)).toMatch(why));

  it('refuses such a pattern when the policy is loaded, naming the field', () => {
    expect(() => parsePolicyJson(JSON.stringify({ keyPatterns: { studentId: '^(\\d+)+$' } }))).toThrow(PolicyError);
    expect(() => parsePolicyJson(JSON.stringify({ keyPatterns: { studentId: '^(\\d+)+$' } }))).toThrow(/keyPatterns[\s\S]*嵌套的重复/);
  });

  it('runs a pattern on the first characters of a long text only', () => {
    const p = policyPattern('^\\d*\\d*\\d*x$');
    const long = '1'.repeat(100_000);
    expect(p.test(long)).toBe(false);
    expect(policyPattern('^注').test('注' + 'x'.repeat(10 * PATTERN_INPUT_MAX))).toBe(true);
  });
});
