/**
 * 信息修改书面报告.docx: valid OOXML (every part parsed), read back by a second library (mammoth), the counts per
 * table and in total the same numbers as 校验报告.txt prints, one row per 个例 with an empty 原因说明, and the layout
 * facts of a Chinese official document (A4, GB/T 9704 margins, 仿宋 body, 黑体 headings, page numbers).
 */
import mammoth from 'mammoth';
import { RULES_BY_ID } from '../../src/rules/checks';
import { validateWorkbook } from '../../src/rules/engine';
import type { RuleModule } from '../../src/rules/rule';
import { REASONS } from '../../src/rules/policy';
import { packageSummary } from '../../src/package/summary';
import { reasonCounts, specialCases } from '../../src/package/submission-facts';
import { chineseDate, fullWidthPunctuation, writtenReportBytes } from '../../src/paper/written-report';
import { AS_OF, WORKBOOK_FILE, scenarioGrid } from '../package/scenario';
import { elements, openDocx, paragraphs, tables } from './docx-reader';

const SPECIAL_RULES = ['late-entry-error', 'graduate-late', 'graduate-change-rejected'].map((id) => RULES_BY_ID.get(id) as RuleModule);

const validated = (rules: RuleModule[]) => validateWorkbook(scenarioGrid(), { asOf: AS_OF, rules });

describe('信息修改书面报告.docx', () => {
  const result = validated(SPECIAL_RULES);
  let bytes: Uint8Array;
  let parts: Awaited<ReturnType<typeof openDocx>>;
  let doc: Document;

  beforeAll(async () => {
    bytes = await writtenReportBytes(result, { workbookFile: WORKBOOK_FILE });
    parts = await openDocx(bytes);
    doc = parts.xml.get('word/document.xml')!;
  });

  it('is a complete OOXML package whose every XML part parses', () => {
    expect(parts.names).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/_rels/document.xml.rels']));
    const footers = parts.names.filter((n) => /^word\/footer\d*\.xml$/.test(n));
    expect(footers).toHaveLength(1);
    expect(parts.xml.size).toBe(parts.names.filter((n) => /\.(xml|rels)$/.test(n)).length);
  });

  it('reads back with mammoth: title, addressee, counts, the 主管校长 part', async () => {
    const { value, messages } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    expect(value).toContain('关于学生基本信息修改情况的报告');
    expect(value).toContain('国家开放大学：');
    expect(value).toContain('其中信息变更 2 条，涉及学生 2 人；录入错误 3 条，涉及学生 3 人');
    expect(value).toContain('分部学籍主管处长（签字）：');
    expect(value).toContain('（分部学籍管理科上级主管部门盖章）');
    expect(value).toContain(chineseDate(AS_OF));
    expect(value).toContain('关于学生基本信息修改个例情况的报告');
    expect(value).toContain('主管校长（签字）：');
    expect(value).toContain('（学校公章）');
  });

  it('prints per table and in total exactly the numbers 校验报告.txt prints', () => {
    const summary = packageSummary(result, WORKBOOK_FILE, []);
    const counts = reasonCounts(result);
    const [countTable] = tables(doc);
    expect(countTable[0]).toEqual(['表别', '工作表', ...REASONS.map((r) => `${r}（条/人）`)]);
    const fromDocx = countTable.slice(1).map((cells) => cells.slice(-2).map((c) => c.match(/\d+/g)!.map(Number)));
    const fromSummary = [...counts.tables.map((t) => `${t.label}(工作表“${t.sheet}”)`), '合计'].map((head) => {
      const line = summary.split('\n').find((l) => l.trim().startsWith(`${head}:`))!;
      return REASONS.map((r) => new RegExp(`${r} (\\d+) 条\\((\\d+) 人\\)`).exec(line)!.slice(1).map(Number));
    });
    expect(fromDocx).toEqual(fromSummary);
    expect(countTable.slice(1).map((cells) => cells[0])).toEqual([...counts.tables.map((t) => t.label), '合计']);
    // The scenario's own figures, so that the comparison cannot pass on two empty lists.
    expect(fromDocx.at(-1)).toEqual([
      [3, 3],
      [2, 2],
    ]);
  });

  it('lists every 个例 once, with table, key, 姓名, field, reason, grounds and an empty 原因说明', () => {
    const cases = specialCases(result);
    expect(cases.map((c) => c.key)).toEqual(['2409001200003', '511611202406000001']);
    const caseTable = tables(doc)[1];
    expect(caseTable[0]).toEqual(['序号', '表别', '学号 / 注册证号', '姓名', '更正内容', '更正原因', '个例情形']);
    expect(caseTable.slice(1)).toEqual([
      ['1', '在籍生', '2409001200003', '王五', '民族', '录入错误', '在籍生录入错误，已过入学第一学期'],
      ['原因说明：'],
      ['2', '毕业生', '511611202406000001', '赵六', '性别', '录入错误', '毕业生信息更改，原则上不再接受'],
      ['原因说明：'],
    ]);
  });

  it('has no 主管校长 part without 个例, and says so', async () => {
    const plain = await openDocx(await writtenReportBytes(validated([]), { workbookFile: WORKBOOK_FILE }));
    const d = plain.xml.get('word/document.xml')!;
    expect(tables(d)).toHaveLength(1);
    expect(paragraphs(d).join('\n')).toContain('无个例');
    expect(paragraphs(d).join('\n')).not.toContain('主管校长');
  });

  it('is laid out as a Chinese official document: A4, GB/T 9704 margins, 仿宋 body, 黑体 headings, page numbers', () => {
    const [size] = elements(doc, 'pgSz');
    expect([size.getAttribute('w:w'), size.getAttribute('w:h')]).toEqual(['11906', '16838']);
    const [margin] = elements(doc, 'pgMar');
    // 37 / 35 / 28 / 26 mm in twips.
    expect(['w:top', 'w:bottom', 'w:left', 'w:right'].map((a) => Number(margin.getAttribute(a)))).toEqual([2098, 1984, 1587, 1474]);
    const styles = parts.xml.get('word/styles.xml')!;
    const defaults = elements(styles, 'rPrDefault')[0];
    expect(elements(defaults, 'rFonts')[0].getAttribute('w:eastAsia')).toBe('仿宋');
    expect(elements(defaults, 'sz')[0].getAttribute('w:val')).toBe('32');
    const headingRuns = elements(doc, 'r').filter((r) => /^[一二三]、/.test(r.textContent ?? ''));
    expect(headingRuns.map((r) => elements(r, 'rFonts')[0].getAttribute('w:eastAsia'))).toEqual(['黑体', '黑体', '黑体']);
    const footer = parts.xml.get(parts.names.find((n) => /^word\/footer\d*\.xml$/.test(n))!)!;
    expect(elements(footer, 'instrText').map((i) => i.textContent?.trim())).toContain('PAGE');
  });

  it('sets Chinese prose with full-width punctuation and keeps values as written', () => {
    expect(fullWidthPunctuation('分部学籍主管处长(签字):')).toBe('分部学籍主管处长（签字）：');
    expect(paragraphs(doc).join('')).not.toMatch(/[,:;()]/);
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日');
  });
});
