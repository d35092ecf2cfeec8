/** A policy file's mistakes are explained setting by setting in Chinese; a key the policy does not have is an error. */
import { PolicyError, parsePolicy, parsePolicyJson } from '../src/rules/policy';
import { policyPlace } from '../src/rules/policy-messages';

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyError);
    return (e as Error).message;
  }
  throw new Error('expected a PolicyError');
}

/** No English from zod or the JSON parser, no JavaScript type names. */
const PROGRAMMER_WORDS = /Invalid|Unrecognized|Expected|expected|received|Unexpected|JSON\.parse|undefined|\bstring\b|\bnumber\b|zod/;

describe('policy file messages', () => {
  it('accepts a correct partial policy', () => {
    expect(parsePolicy({ changeTimelyDays: 90, scan: { minDpi: 150 } }).changeTimelyDays).toBe(90);
    expect(parsePolicyJson('{"severities": {"double-change": "off"}}').severities['double-change']).toBe('off');
  });

  it.each([
    ['a misspelt top-level key', { changeTimelyDay: 90 }, '策略文件:有不认识的设置项 “changeTimelyDay”'],
    ['a misspelt nested key', { scan: { maxByte: 1 } }, '扫描件要求(scan):有不认识的设置项 “maxByte”'],
    ['a key of an unknown table kind', { kinds: { freshman: { label: 'x' } } }, '表的种类(kinds):有不认识的设置项 “freshman”'],
  ])('refuses %s', (_, input, expected) => {
    const message = messageOf(() => parsePolicy(input));
    expect(message).toContain(expected);
    expect(message).not.toMatch(PROGRAMMER_WORDS);
  });

  it.each([
    ['text where a number belongs', { scan: { maxBytes: '10MB' } }, '扫描件要求 › 文件大小上限(字节)(scan.maxBytes):应为数字,文件中是文字(加引号)。'],
    ['a number below its minimum', { headerSearchRows: 0 }, '查找表头的行数(headerSearchRows):不能小于 1。'],
    ['a value outside its list', { severities: { 'sort-order': 'fatal' } }, '规则的严重程度 › sort-order(severities.sort-order):应为以下之一:“error”、“warning”、“info”、“off”。'],
    ['a bad month-day', { terms: { springStart: '3月1日' } }, '学期的开始日期 › 春季学期开始(terms.springStart):应为 MM-DD 格式,例如 03-01。'],
    ['an empty list', { idRegionPrefixes: [] }, '身份证号的地区码(idRegionPrefixes):至少要有 1 项。'],
    ['a bad list item', { idRegionPrefixes: ['1'] }, '身份证号的地区码 › 第 1 项(idRegionPrefixes[0]):应为两位数字。'],
  ])('explains %s by its setting', (_, input, line) => {
    const message = messageOf(() => parsePolicy(input));
    expect(message.split('\n')).toContain(`  - ${line}`);
    expect(message).toMatch(/^策略文件有 1 处不对:/);
  });

  it('lists every wrong setting, at most eight, then how many more', () => {
    const scan = { maxBytes: 'a', minDpi: 'a', phoneMakes: 'a', phoneModelPatterns: 'a', screenshotSoftware: 'a', screenSizes: 'a', idCardAspect: 'a', idCardAspectTolerance: 'a', minPageMm: 'a', extra: 1 };
    const lines = messageOf(() => parsePolicy({ scan })).split('\n');
    expect(lines[0]).toBe('策略文件有 10 处不对:');
    expect(lines).toHaveLength(10);
    expect(lines.at(-1)).toBe('  - ……另有 2 处。');
  });

  it('says where a JSON syntax error is, without the parser\'s English', () => {
    const message = messageOf(() => parsePolicyJson('{\n  "changeTimelyDays": 90,\n  "scan": { "minDpi": 150, }\n}'));
    expect(message).toMatch(/^策略文件第 3 行第 \d+ 列附近的写法有误/);
    expect(message).not.toMatch(PROGRAMMER_WORDS);
    expect(messageOf(() => parsePolicyJson('{"a": '))).toMatch(/策略文件(末尾|第 1 行第 \d+ 列附近)的写法有误/);
    expect(messageOf(() => parsePolicyJson('[1]'))).toBe('策略文件的内容应为一个 JSON 对象');
  });

  it('names a place by its Chinese words and its key path', () => {
    expect(policyPlace(['evidence', 'rules', 2, 'when', 'reason'])).toBe('证明材料 › 材料要求 › 第 3 项 › 适用条件 › 更正原因(evidence.rules[2].when.reason)');
    expect(policyPlace([])).toBe('策略文件');
  });
});
