/**
 * A seeded mutation fuzzer of the three parts that read the user's files: the .xlsx reader, the engine behind it
 * (validation, the JSON and the text report), and the scan inspector. Each case takes a sound input, mutates it
 * (inside the XML parts or on the raw bytes) and runs it. A case passes when it ends as the product promises:
 * read and validated, or refused with a WorkbookReadError (the Chinese message the CLI prints, exit 2); a scan
 * inspected, sound or corrupt. Anything else (another exception) is a failure, reported with the seed and case
 * number that reproduce it alone: `npm run fuzz -- --seed S --case N`.
 *
 *   npm run fuzz                              1,000 cases, seed 1
 *   npm run fuzz -- --cases 5000 --seed 7     more cases, another seed
 * The jest test test/reliability/fuzz.test.ts runs a few hundred cases of the same code.
 */
import { formatTextReport } from '../src/cli/text-report';
import { validateWorkbook } from '../src/rules/engine';
import { toJsonReport } from '../src/rules/report';
import { inspectScan } from '../src/scan/inspect';
import { bytesSource } from '../src/scan/source';
import { WorkbookReadError } from '../src/xlsx/read-error';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { type RawPart, HEADER, ROW, rawZip, sheetXml, tableRows, textCell } from './hostile-inputs';
import { makeJpeg, makePng } from './synth-images';

/** mulberry32: small, fast, and the same sequence for a seed everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The random source of one case: derived from the run's seed and the case number, so any case replays alone. */
function caseRandom(seed: number, index: number) {
  const next = prng(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)] };
}
type Random = ReturnType<typeof caseRandom>;

/** Tokens that break or stretch SpreadsheetML in the ways the issue found (and a few more). */
const TOKENS = [
  '"', "'", '<', '>', '/>', '</c>', '</row>', '<row>', '<c>', '<v>', '</v>', '&', '&#0;', '&#x1B;', '&amp;', '&lt;', '_x001B_', '_x0007_',
  '<![CDATA[', ']]>', '<!--', '-->', '<?x', '$', ':', ' r="A0"', ' r="XFD1048576"', ' r="XFE1"', ' r="A1048577"', ' r="ZZZZZZ9"', ' r="A1"',
  '<row r="1048576">', '<row r="4294967295">', '<row r="-1">', ' t="s"', ' t="inlineStr"', ' t="d"', ' t="e"', ' t="b"', ' s="1"', ' s="99999"',
  '<mergeCell ref="A1:XFD1048576"/>', '<mergeCell ref="A4:$B$5"/>', '<mergeCell ref="B5:A4"/>', '<mergeCell ref="A1"/>',
  '<c r="B3" t="inlineStr"><is><t>x</t></is></c>', '9'.repeat(400), '1e308', '-0', 'NaN', '\u202e', '\u200b', '\ud800', '注:',
  '<sheet name="新生" sheetId="9" r:id="rId1"/>', '<numFmt numFmtId="164" formatCode="0.' + '0'.repeat(150) + '"/>',
];

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.000"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs></styleSheet>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="false"/><sheets><sheet name="新生" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId3"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`;

/** The sound workbook every workbook case starts from: two students (one on two rows, merged), a date, a number format, a note sheet. */
function seedParts(): RawPart[] {
  const cols = 'ABCDEFGH';
  const row = (r: number, values: string[]) => `<row r="${r}">${values.map((v, i) => textCell(`${cols[i]}${r}`, v)).join('')}</row>`;
  const rows =
    tableRows() +
    row(4, ['2609001250004', '李四', '民族', '汉族', '回族', '信息变更', '2026秋']) +
    row(5, ['2609001250004', '李四', '性别', '男', '女', '录入错误', '2026秋']).replace('</row>', '<c r="H5" s="1"><v>46000</v></c><c r="I5" s="2"><v>3.14159</v></c></row>') +
    row(7, ['注:本表按学号升序排序。']);
  return [
    { name: '_rels/.rels', data: RELS },
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml(rows, '<mergeCells count="2"><mergeCell ref="A4:A5"/><mergeCell ref="B4:B5"/></mergeCells>') },
    { name: 'xl/worksheets/sheet2.xml', data: sheetXml(row(1, ['填表说明']) + row(2, [HEADER.join('、')]) + row(3, ROW)) },
    { name: 'xl/styles.xml', data: STYLES },
  ];
}

/** Attribute values that keep the XML well-formed but stretch what it says. */
const ATTRIBUTE_VALUES = ['A1', 'B3', 'C4', 'XFD1048576', 'A1048576', 'XFE1', 'A0', '0', '1', '2', '-5', '2.5', '', 's', 'n', 'b', 'e', 'str', 'inlineStr', 'd', 'rId1', 'rId9', 'true', 'A4:$B$5', 'A1:XFD1048576'];
/** Cell texts a registrar or an attacker could write: keys, labels, vocabularies, dates, footers, invisible and bidi characters. */
const CELL_TEXTS = [
  '2609001250003', '2609001250004', '511611202406000001', '2609001250003 ', '２６０９００１２５０００３', '张三', '王晓燕', '阿依古丽·买买提', '张\u202e三', '李\u200b四', 'ANNA', 'anna',
  '姓名', '性别', '民族', '身份证号', '入学文化程度', '录入错误', '信息变更', '11010519491231002X', '110105194912310021', '110105491231002', '男', '女', '汉族', '汉', '本科',
  '2026秋', '2025春', '202509', '2025-09-01', '46000', '1e400', '注:', '合计 3 人', '经手人:', '', ' ', 'x'.repeat(300), '\ud800', 'CON', '..', 'a/b',
];

/**
 * One change inside a text: a token inserted, a span deleted, duplicated or moved, a number replaced, the end cut;
 * or, keeping the XML well-formed so the engine behind the reader is exercised too, an attribute value or a cell's
 * text replaced, a row repeated or removed.
 */
function mutateText(text: string, r: Random): string {
  const at = r.int(text.length + 1);
  const span = 1 + r.int(Math.min(64, text.length || 1));
  switch (r.int(10)) {
    case 6:
    case 7: {
      const values = [...text.matchAll(/="([^"<>]*)"/g)];
      if (values.length === 0) return text;
      const m = r.pick(values);
      return `${text.slice(0, m.index)}="${r.pick(ATTRIBUTE_VALUES)}"${text.slice(m.index! + m[0].length)}`;
    }
    case 8: {
      const texts = [...text.matchAll(/<t>([^<]*)<\/t>/g)];
      if (texts.length === 0) return text;
      const m = r.pick(texts);
      const value = r.pick(CELL_TEXTS).replace(/&/g, '&amp;').replace(/</g, '&lt;');
      return `${text.slice(0, m.index)}<t>${value}</t>${text.slice(m.index! + m[0].length)}`;
    }
    case 9: {
      const rows = [...text.matchAll(/<row[^>]*>.*?<\/row>/g)];
      if (rows.length === 0) return text;
      const m = r.pick(rows);
      const end = m.index! + m[0].length;
      return r.int(2) === 0 ? text.slice(0, end) + m[0] + text.slice(end) : text.slice(0, m.index) + text.slice(end);
    }
    case 0:
      return text.slice(0, at) + r.pick(TOKENS) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + span);
    case 2:
      return text.slice(0, at) + text.slice(at, at + span).repeat(2 + r.int(50)) + text.slice(at);
    case 3: {
      const numbers = [...text.matchAll(/\d+/g)];
      if (numbers.length === 0) return text;
      const m = r.pick(numbers);
      const replacement = r.pick(['0', '1048577', '16385', '4294967294', '60000000', '-1', '99999999999999999999', String(r.int(1e6))]);
      return text.slice(0, m.index) + replacement + text.slice(m.index! + m[0].length);
    }
    case 4: {
      const to = r.int(text.length + 1);
      const piece = text.slice(at, at + span);
      const rest = text.slice(0, at) + text.slice(at + span);
      return rest.slice(0, to) + piece + rest.slice(to);
    }
    default:
      return text.slice(0, at);
  }
}

/** One change to raw bytes: bits flipped, bytes overwritten, a region cut, repeated or zeroed, the end cut. */
function mutateBytes(bytes: Uint8Array, r: Random): Uint8Array {
  const out = bytes.slice();
  const at = r.int(out.length);
  const span = 1 + r.int(Math.min(256, out.length));
  switch (r.int(5)) {
    case 0:
      for (let i = 0, n = 1 + r.int(8); i < n; i++) out[r.int(out.length)] ^= 1 << r.int(8);
      return out;
    case 1:
      for (let i = at; i < Math.min(out.length, at + span); i++) out[i] = r.pick([0x00, 0xff, 0xd9, 0xda, 0x50, 0x4b, r.int(256)]);
      return out;
    case 2: {
      const piece = out.subarray(at, at + span);
      const joined = new Uint8Array(out.length + piece.length);
      joined.set(out.subarray(0, at + piece.length), 0);
      joined.set(piece, at + piece.length);
      joined.set(out.subarray(at + piece.length), at + 2 * piece.length);
      return joined;
    }
    case 3:
      out.fill(0, at, at + span);
      return out;
    default:
      return out.subarray(0, at);
  }
}

export type Outcome = 'read' | `refused:${string}` | 'scan-sound' | 'scan-corrupt' | 'failure';

export interface FuzzFailure {
  seed: number;
  case: number;
  target: 'workbook' | 'scan';
  error: string;
}

export interface FuzzResult {
  cases: number;
  outcomes: Record<string, number>;
  failures: FuzzFailure[];
  ms: number;
}

const SCAN_SEEDS = [
  () => makeJpeg({ width: 320, height: 240, dpi: 200, exif: { make: 'Canon', model: 'LiDE 300' } }),
  () => makeJpeg({ width: 200, height: 300, densityIn: 'both', dpi: 300 }),
  () => makePng({ width: 300, height: 200, dpi: 200, software: 'scanner' }),
];

async function workbookCase(r: Random): Promise<Outcome> {
  let parts = seedParts();
  // Most cases change the XML (what crafted files do), the rest the ZIP's bytes (what damaged files do).
  const inXml = r.next() < 0.7;
  if (inXml)
    for (let i = 0, n = 1 + r.int(3); i < n; i++) {
      const k = r.int(parts.length);
      parts = parts.map((p, j) => (j === k ? { ...p, data: mutateText(p.data as string, r) } : p));
    }
  let bytes = rawZip(parts);
  if (!inXml) for (let i = 0, n = 1 + r.int(3); i < n; i++) bytes = mutateBytes(bytes, r);
  let grid;
  try {
    grid = await readWorkbook(bytes, { name: '统计表' });
  } catch (e) {
    if (e instanceof WorkbookReadError) return `refused:${e.reason}`;
    throw e;
  }
  const result = validateWorkbook(grid, { asOf: '2026-11-29' });
  JSON.stringify(toJsonReport(result));
  formatTextReport(result, { workbook: '统计表.xlsx', sheetNames: grid.sheets.map((s) => s.name) });
  return 'read';
}

const scanSeeds = new Map<number, Uint8Array>();

async function scanCase(r: Random): Promise<Outcome> {
  const k = r.int(SCAN_SEEDS.length);
  if (!scanSeeds.has(k)) scanSeeds.set(k, SCAN_SEEDS[k]());
  let bytes = scanSeeds.get(k)!;
  for (let i = 0, n = 1 + r.int(4); i < n; i++) bytes = mutateBytes(bytes, r);
  const info = await inspectScan(r.pick(['身份证.jpg', '户口本.png', 'x']), bytesSource(bytes));
  return info.corrupt ? 'scan-corrupt' : 'scan-sound';
}

/** Runs `cases` cases from `seed` (or only case `only`), stopping early when `budgetMs` is spent. */
export async function runFuzz(options: { seed: number; cases: number; only?: number; budgetMs?: number }): Promise<FuzzResult> {
  const started = Date.now();
  const outcomes: Record<string, number> = {};
  const failures: FuzzFailure[] = [];
  let done = 0;
  const indexes = options.only !== undefined ? [options.only] : Array.from({ length: options.cases }, (_, i) => i);
  for (const index of indexes) {
    if (options.budgetMs !== undefined && Date.now() - started > options.budgetMs) break;
    const r = caseRandom(options.seed, index);
    // Two workbook cases for each scan case: the reader has more ways to go wrong.
    const target = r.int(3) < 2 ? 'workbook' : 'scan';
    let outcome: Outcome;
    try {
      outcome = target === 'workbook' ? await workbookCase(r) : await scanCase(r);
    } catch (e) {
      outcome = 'failure';
      failures.push({ seed: options.seed, case: index, target, error: String((e as Error)?.stack ?? e) });
    }
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    done++;
  }
  return { cases: done, outcomes, failures, ms: Date.now() - started };
}

function argValue(args: string[], name: string): number | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} 需要一个非负整数`);
  return n;
}

async function cli(args: string[]): Promise<void> {
  const seed = argValue(args, '--seed') ?? 1;
  const cases = argValue(args, '--cases') ?? 1000;
  const only = argValue(args, '--case');
  const result = await runFuzz({ seed, cases, only });
  console.log(`fuzz: seed ${seed}, ${result.cases} cases in ${(result.ms / 1000).toFixed(1)} s`);
  for (const [outcome, n] of Object.entries(result.outcomes).sort((a, b) => b[1] - a[1])) console.log(`  ${outcome.padEnd(24)} ${n}`);
  for (const f of result.failures.slice(0, 20)) console.log(`\nFAILURE case ${f.case} (${f.target}): npm run fuzz -- --seed ${f.seed} --case ${f.case}\n${f.error}`);
  process.exitCode = result.failures.length ? 1 : 0;
}

if (require.main === module) void cli(process.argv.slice(2));
