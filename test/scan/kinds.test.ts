import { DEFAULT_POLICY } from '../../src/rules/policy';
import { aliasIndex, guessKind, withoutAliases } from '../../src/scan/kinds';

const index = aliasIndex(DEFAULT_POLICY);

describe('guessKind', () => {
  it.each([
    ['身份证.jpg', '身份证'],
    ['身份证1.jpg', '身份证'],
    ['身份证正反面.png', '身份证'],
    ['SFZ.JPG', '身份证'],
    ['ｓｆｚ-2.jpg', '身份证'], // full-width letters (NFKC)
    ['户口本-2.png', '户口本'],
    ['户口簿_曾用名页.jpg', '户口本'],
    ['hkb.jpg', '户口本'],
    ['学信网截图.png', '学历网查'],
    ['毕业生登记表.jpg', '毕业生登记表'], // longest alias wins over 登记表
    ['登记表.jpg', '报名登记表'],
    ['身份证号码更正告知函.jpg', '身份证号码更正告知函'], // not 身份证
    ['派出所证明.jpg', '户籍变更证明'],
    ['2025101000001张三/身份证.jpg', '身份证'],
    ['2025101000001张三/户口本/IMG_0001.jpg', '户口本'], // from the folder
    ['2025101000001张三/户口本/身份证.jpg', '身份证'], // the file name first
  ])('%s → %s', (path, kind) => {
    expect(guessKind(path, index)).toBe(kind);
  });

  it('returns null when nothing names a kind', () => {
    expect(guessKind('2025101000001张三/IMG_0001.jpg', index)).toBeNull();
  });

  it('uses the policy’s aliases', () => {
    const policy = { ...DEFAULT_POLICY, evidence: { ...DEFAULT_POLICY.evidence, aliases: { ...DEFAULT_POLICY.evidence.aliases, 毕业证书: ['文凭'] } } };
    expect(guessKind('文凭.jpg', aliasIndex(policy))).toBe('毕业证书');
  });

  it('strips kind words, digits and separators for name matching', () => {
    expect(withoutAliases('张三_身份证-1', index)).toBe('张三');
  });
});
