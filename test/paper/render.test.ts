/**
 * The report as a reader sees it: LibreOffice (headless) converts it to PDF, poppler reads the text back and
 * draws the pages as PNG under test-artifacts/ to look at. Skips with a message where `soffice` or `pdftoppm` is
 * missing (Debian: apt-get install libreoffice-writer-nogui poppler-utils).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateWorkbook } from '../../src/rules/engine';
import { writtenReportBytes } from '../../src/paper/written-report';
import { reasonCounts, specialCases } from '../../src/package/submission-facts';
import { removeTempDirs, tempDir } from '../package/fixtures';
import { run } from '../package/receiver';
import { AS_OF, WORKBOOK_FILE, scenarioGrid } from '../package/scenario';

afterAll(removeTempDirs);

const TOOLS = ['soffice', 'pdftoppm', 'pdftotext'];
const missing = TOOLS.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
if (missing.length) console.warn(`跳过书面报告的排版测试:本机没有 ${missing.join('、')}(Debian: apt-get install libreoffice-writer-nogui poppler-utils)`);
const describeRender = missing.length ? describe.skip : describe;

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');

describeRender('信息修改书面报告.docx rendered by LibreOffice', () => {
  const result = validateWorkbook(scenarioGrid(), { asOf: AS_OF });
  let text: string;
  let pages: string[];

  beforeAll(async () => {
    const dir = tempDir('report');
    const docx = path.join(dir, '信息修改书面报告.docx');
    writeFileSync(docx, await writtenReportBytes(result, { workbookFile: WORKBOOK_FILE }));
    // A profile of its own, so that a LibreOffice already running on the machine does not take the job.
    run('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx]);
    const pdf = path.join(dir, '信息修改书面报告.pdf');
    text = run('pdftotext', ['-layout', pdf, '-']);
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const old of readdirSync(ARTIFACTS).filter((f) => f.startsWith('信息修改书面报告-'))) rmSync(path.join(ARTIFACTS, old));
    run('pdftoppm', ['-r', '72', '-png', pdf, path.join(ARTIFACTS, '信息修改书面报告')]);
    pages = readdirSync(ARTIFACTS).filter((f) => f.startsWith('信息修改书面报告-') && f.endsWith('.png'));
  }, 120_000);

  // pdftotext drops or adds spaces between runs as the glyphs fall: compare without them.
  const flat = () => text.replace(/[ \u00a0]/g, '');

  it('renders both parts on pages with their page numbers', () => {
    const pageCount = text.split('\f').filter((p) => p.trim()).length;
    expect(pages).toHaveLength(pageCount);
    expect(pageCount).toBeGreaterThanOrEqual(2);
    for (let i = 1; i <= pageCount; i++) expect(flat()).toContain(`—${i}—`);
    expect(text).toContain('关于学生基本信息修改情况的报告');
    expect(text).toContain('关于学生基本信息修改个例情况的报告');
  });

  it('shows the counts and every 个例 key unbroken on one line', () => {
    const total = reasonCounts(result).total;
    const tally = (r: '录入错误' | '信息变更') => `${total[r].rows}条/${total[r].students}人`;
    expect(flat()).toContain(`合计${tally('录入错误')}${tally('信息变更')}`);
    for (const c of specialCases(result)) expect(text).toContain(c.key);
  });
});
