/**
 * 信息修改书面报告.docx: the seed's written report, drafted from the validation result for the registrar to edit,
 * print and have signed. Part one, for the 分部学籍主管处长: the numbers of 信息变更 and 录入错误 per table and in
 * total (the same counts 校验报告.txt prints, from submission-facts.ts), the signature line and the place of the
 * seal. Part two, only when there are 个例: one row per 个例 with an empty 原因说明 to fill, for the 主管校长's
 * approval, signature and the school seal.
 *
 * Laid out after GB/T 9704-2012 (党政机关公文格式): A4, margins 37/35/28/26 mm, body in 仿宋 三号 on a fixed 28 pt
 * line, headings in 黑体, page numbers "— 1 —" at the foot. Built with the `docx` package (maintained, typed, no
 * native parts, runs in Node and in the browser), so Word and WPS open it as an ordinary editable document.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { ValidationResult } from '../rules/engine';
import { REASONS, type Reason } from '../rules/policy';
import { rowText } from '../rules/rows';
import { type ReasonTally, type SpecialCase, reasonCounts, specialCases } from '../package/submission-facts';

export interface WrittenReportOptions {
  /** The statistics workbook's file name, cited in the text. */
  workbookFile: string;
}

/** Font names as Chinese Word and WPS list them; Latin letters and digits in Times New Roman. */
const BODY_FONT = { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman', hint: 'eastAsia' };
const HEADING_FONT = { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman', hint: 'eastAsia' };
const TITLE_FONT = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman', hint: 'eastAsia' };

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
const SIZE = { title: 44, body: 32, table: 28, small: 21 } as const;
/** Twips (1/20 pt): the fixed body line of 28 pt, A4 and its GB/T 9704 margins. */
const LINE = 560;
const MM = 1440 / 25.4;
const PAGE = { width: 11906, height: 16838, top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** Column widths in twips: the given ones, then the last column takes the rest of the text width. */
const columns = (fixed: number[]) => [...fixed, TEXT_WIDTH - fixed.reduce((a, b) => a + b, 0)];
const BLANK = '\u3000'.repeat(8);

/** "2026-11-29" → "2026年11月29日" (GB/T 9704-2012 writes the date in Arabic numerals). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const FULL_WIDTH: Record<string, string> = { ',': '\uff0c', ':': '\uff1a', ';': '\uff1b', '(': '\uff08', ')': '\uff09' };

/** Chinese prose takes full-width punctuation (a file or branch name quoted in it too); values in table cells keep theirs. */
export function fullWidthPunctuation(text: string): string {
  return text.replace(/[,:;()]/g, (c) => FULL_WIDTH[c]);
}

type RunStyle = { font?: typeof BODY_FONT; size?: number; bold?: boolean };

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text, font: style.font ?? BODY_FONT, size: style.size ?? SIZE.body, bold: style.bold });
}

const prose = (text: string, style: RunStyle = {}) => run(fullWidthPunctuation(text), style);

interface ParaOptions {
  align?: 'center' | 'right' | 'left' | 'both';
  indent?: boolean;
  before?: number;
  /** Keep on one page with the next paragraph (headings, the signature block). */
  keepNext?: boolean;
  /** Characters of space at the right (GB/T 9704: the date 右空四字). */
  rightChars?: number;
}

function para(children: TextRun[], options: ParaOptions = {}): Paragraph {
  const align = { center: AlignmentType.CENTER, right: AlignmentType.RIGHT, left: AlignmentType.LEFT, both: AlignmentType.BOTH }[options.align ?? 'both'];
  return new Paragraph({
    children,
    alignment: align,
    // A character of the body size is SIZE.body * 10 twips: two of them indent a first line, as Chinese paragraphs are set.
    indent: { firstLine: options.indent ? SIZE.body * 20 : undefined, right: options.rightChars ? options.rightChars * SIZE.body * 10 : undefined },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: options.before },
    keepNext: options.keepNext,
    keepLines: true,
  });
}

const body = (text: string, keepNext = false) => para([prose(text)], { indent: true, keepNext });
const heading = (text: string) => para([prose(text, { font: HEADING_FONT })], { indent: true, keepNext: true });
const title = (text: string, pageBreak = false) =>
  new Paragraph({
    children: [prose(text, { font: TITLE_FONT, size: SIZE.title, bold: true })],
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, after: LINE },
    pageBreakBefore: pageBreak,
  });

/** A line at the right: the signature, the seal, the date; `last` ends a block kept on one page. */
const signLine = (text: string, options: { before?: number; last?: boolean } = {}) =>
  para([prose(text)], { align: 'right', before: options.before, keepNext: !options.last, rightChars: 4 });

/** A table cell; `prose` text (labels, grounds) gets full-width punctuation, values from the table do not. */
function cell(text: string, width: number, options: { size?: number; bold?: boolean; align?: 'center' | 'left'; span?: number; prose?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: [
      new Paragraph({
        alignment: options.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [(options.prose ? prose : run)(text, { size: options.size ?? SIZE.table, bold: options.bold, font: options.bold ? HEADING_FONT : BODY_FONT })],
      }),
    ],
  });
}

const TABLE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: TABLE_BORDER, bottom: TABLE_BORDER, left: TABLE_BORDER, right: TABLE_BORDER, insideHorizontal: TABLE_BORDER, insideVertical: TABLE_BORDER };

function table(widths: number[], rows: TableRow[]): Table {
  return new Table({ rows, columnWidths: widths, width: { size: TEXT_WIDTH, type: WidthType.DXA }, layout: TableLayoutType.FIXED, borders: BORDERS, alignment: AlignmentType.CENTER });
}

const tallyCell = (t: ReasonTally) => `${t.rows} 条 / ${t.students} 人`;

function countsTable(result: ValidationResult): Table {
  const counts = reasonCounts(result);
  const widths = columns([1700, 2100, 2522]);
  const header = new TableRow({
    tableHeader: true,
    children: [
      cell('表别', widths[0], { bold: true }),
      cell('工作表', widths[1], { bold: true }),
      ...REASONS.map((r, i) => cell(`${r}(条/人)`, widths[2 + i], { bold: true, prose: true })),
    ],
  });
  const rows = counts.tables.map(
    (t) => new TableRow({ children: [cell(t.label, widths[0]), cell(t.sheet, widths[1]), ...REASONS.map((r, i) => cell(tallyCell(t.byReason[r]), widths[2 + i]))] }),
  );
  const total = new TableRow({ children: [cell('合计', widths[0] + widths[1], { bold: true, span: 2 }), ...REASONS.map((r, i) => cell(tallyCell(counts.total[r]), widths[2 + i], { bold: true }))] });
  return table(widths, [header, ...rows, total]);
}

function branchName(result: ValidationResult): string | null {
  for (const t of result.tables)
    for (const row of t.rows) {
      const branch = rowText(row, 'branch').trim();
      if (branch) return branch;
    }
  return null;
}

function partOne(result: ValidationResult, options: WrittenReportOptions, cases: SpecialCase[]): (Paragraph | Table)[] {
  const counts = reasonCounts(result);
  const total = (r: Reason) => counts.total[r];
  const rows = REASONS.reduce((n, r) => n + total(r).rows, 0);
  const kinds = counts.tables.map((t) => t.label).join('、');
  const branch = branchName(result);
  const caseStudents = new Set(cases.map((c) => `${c.sheet}#${c.key}`)).size;
  return [
    title(`关于${branch ?? ''}学生基本信息修改情况的报告`),
    para([prose('国家开放大学:')], { align: 'left' }),
    body(
      `根据国家开放大学《学生基本信息修改上报材料要求》,${branch ?? '我分部'}对本次学生基本信息修改申请进行了审核,现将有关情况报告如下。`,
    ),
    heading('一、修改数量'),
    body(
      `本次共上报学生基本信息修改 ${rows} 条(${kinds}),其中信息变更 ${total('信息变更').rows} 条,涉及学生 ${total('信息变更').students} 人;` +
        `录入错误 ${total('录入错误').rows} 条,涉及学生 ${total('录入错误').students} 人。各表数量如下:`,
    ),
    countsTable(result),
    heading('二、证明材料'),
    body(
      `每名学生的修改情况均已填入《国家开放大学(原中央广播电视大学)学生基本信息修改情况统计表》(${options.workbookFile}),` +
        '并按更正内容提供了相应证明材料的原件扫描件,每名学生一个文件夹。',
    ),
    heading('三、个例情况'),
    body(
      cases.length
        ? `其中 ${cases.length} 条(涉及学生 ${caseStudents} 人)未在规定时间内提交,属个例,须说明原因,由主管校长审批(见第二部分《关于学生基本信息修改个例情况的报告》)。`
        : '本次上报的修改均在规定时间内提交,无个例。',
    ),
    body('特此报告。', true),
    signLine(`分部学籍主管处长(签字):${BLANK}`, { before: LINE * 2 }),
    signLine('(分部学籍管理科上级主管部门盖章)', { before: LINE }),
    signLine(chineseDate(result.asOf), { last: true }),
  ];
}

function partTwo(cases: SpecialCase[]): (Paragraph | Table)[] {
  // In 五号 a CJK character is 210 twips and a cell has 160 of margins: 4 characters need 1000. The key column holds
  // an 18-digit 注册证号 on one line, in LibreOffice's wider fallback font too.
  const widths = columns([600, 820, 2600, 820, 1050, 1050]);
  const small = { size: SIZE.small };
  const header = new TableRow({
    tableHeader: true,
    children: ['序号', '表别', '学号 / 注册证号', '姓名', '更正内容', '更正原因', '个例情形'].map((h, i) => cell(h, widths[i], { ...small, bold: true })),
  });
  const rows = cases.flatMap((c, i) => [
    new TableRow({
      cantSplit: true,
      keepNext: true,
      children: [String(i + 1), c.tableLabel, c.key, c.name, c.changeField, c.reason, c.grounds.join(';')].map((v, j) =>
        cell(v, widths[j], { ...small, align: j === 6 ? 'left' : 'center', prose: j === 6 }),
      ),
    }),
    // The explanation the registrar writes by hand or types in: two lines of room.
    new TableRow({ cantSplit: true, height: { value: 900, rule: 'atLeast' }, children: [cell('原因说明:', TEXT_WIDTH, { ...small, align: 'left', span: widths.length, prose: true })] }),
  ]);
  return [
    title('关于学生基本信息修改个例情况的报告', true),
    body(
      `以下 ${cases.length} 条学生基本信息修改未在规定时间内提交,属个例。根据《学生基本信息修改上报材料要求》,` +
        '现逐条说明原因,并根据更正情况提供相应的证明材料,请主管校长审批。',
    ),
    table(widths, [header, ...rows]),
    para([prose('主管校长审批意见:')], { align: 'left', before: LINE, keepNext: true }),
    para([run('')], { keepNext: true }),
    signLine(`主管校长(签字):${BLANK}`),
    signLine('(学校公章)'),
    signLine(`${BLANK}年${'\u3000'.repeat(2)}月${'\u3000'.repeat(2)}日`, { last: true }),
  ];
}

export function writtenReportDocument(result: ValidationResult, options: WrittenReportOptions): Document {
  const cases = specialCases(result);
  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: TITLE_FONT, size: SIZE.table })],
  });
  return new Document({
    creator: '学籍更正助手',
    title: '信息修改书面报告',
    styles: { default: { document: { run: { font: BODY_FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: Math.round(20 * MM) },
          },
        },
        footers: { default: new Footer({ children: [pageNumber] }) },
        children: [...partOne(result, options, cases), ...(cases.length ? partTwo(cases) : [])],
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function writtenReportBytes(result: ValidationResult, options: WrittenReportOptions): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await Packer.toArrayBuffer(writtenReportDocument(result, options)));
}
