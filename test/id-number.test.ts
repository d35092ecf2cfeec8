import { checkIdNumber, idCheckChar, idReasonText, idSex, isValidIdNumber, upgradeId15 } from '../src/rules/id-number';
import { DEFAULT_POLICY } from '../src/rules/policy';

const options = { asOf: '2026-11-29', regionPrefixes: DEFAULT_POLICY.idRegionPrefixes, minBirthYear: DEFAULT_POLICY.idMinBirthYear };

describe('idCheckChar', () => {
  it.each([
    ['11010519900307123', '9'],
    ['44030819990110151', '2'],
    ['51010219850612003', 'X'],
    ['11010519851122002', '1'],
  ])('%s → %s', (first17, check) => expect(idCheckChar(first17)).toBe(check));
});

describe('upgradeId15', () => {
  it('inserts 19 after the region code and appends the check character', () => {
    expect(upgradeId15('610104620927690')).toBe('610104196209276908');
    expect(upgradeId15('150102880730303')).toBe('150102198807303035');
    expect(upgradeId15('330102200403064')).toBe('33010219200403064X');
  });
});

describe('idSex', () => {
  it('reads the 17th digit of 18 and the 15th of 15: odd 男, even 女', () => {
    expect(idSex('440308199901101512')).toBe('男');
    expect(idSex('110105198511220021')).toBe('女');
    expect(idSex('610104620927690')).toBe('女');
    expect(idSex('150102880730303')).toBe('男');
  });
});

describe('checkIdNumber', () => {
  it('accepts correct numbers, with X, a leap day and the residence permits', () => {
    for (const id of ['110105199003071239', '51010219850612003X', '110105200002291235', '810000199408230021', '830000199201300022'])
      expect(checkIdNumber(id, options)).toBeNull();
  });

  it.each([
    ['length', '4403081999011015', { kind: 'length', length: 16 }],
    ['chars in the first 17', '3301022011022000D6', { kind: 'chars' }],
    ['a check character other than X', '11010519900307123Y', { kind: 'chars' }],
    ['region', '990105199003071232', { kind: 'region', prefix: '99' }],
    ['date (Feb 29 of a common year)', '11010519900229123X', { kind: 'date', date: '1990-02-29' }],
    ['before-min-year', '110105189912310015', { kind: 'before-min-year', date: '1899-12-31', minYear: 1900 }],
    ['future', '110105202701010016', { kind: 'future', date: '2027-01-01' }],
    ['checksum', '440308199901101513', { kind: 'checksum', expected: '2', actual: '3' }],
    ['lowercase-x', '51010219850612003x', { kind: 'lowercase-x', fixed: '51010219850612003X' }],
    ['fifteen-digit', '610104620927690', { kind: 'fifteen-digit', converted: '610104196209276908', problem: null }],
  ])('%s', (_name, id, reason) => expect(checkIdNumber(id, options)).toEqual(reason));

  it('says what is wrong with the conversion of a 15-digit number', () => {
    expect(checkIdNumber('610104620932690', options)).toMatchObject({ kind: 'fifteen-digit', problem: { kind: 'date', date: '1962-09-32' } });
  });

  it('takes the as-of date and the policy limits as given', () => {
    expect(checkIdNumber('110105202701010016', { ...options, asOf: '2027-01-01' })).toBeNull();
    expect(checkIdNumber('110105189912310015', { ...options, minBirthYear: 1800 })).toBeNull();
    expect(checkIdNumber('810000199408230021', { ...options, regionPrefixes: ['11'] })).toEqual({ kind: 'region', prefix: '81' });
  });

  it('counts a lowercase x as valid (a fixable warning) and everything else wrong as invalid', () => {
    expect(isValidIdNumber('51010219850612003x', options)).toBe(true);
    expect(isValidIdNumber('610104620927690', options)).toBe(false);
  });

  it('explains each reason in Chinese', () => {
    expect(idReasonText({ kind: 'checksum', expected: '2', actual: '3' })).toContain('校验码应为 2');
    expect(idReasonText({ kind: 'fifteen-digit', converted: '610104196209276908', problem: null })).toContain('610104196209276908');
    expect(idReasonText({ kind: 'fifteen-digit', converted: '610104196209326904', problem: { kind: 'date', date: '1962-09-32' } })).toContain('1962-09-32');
  });
});
