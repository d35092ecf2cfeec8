/**
 * The template's footer right below the data, as when a registrar deletes the 注 lines before printing: the
 * footer lines themselves must end the table (SPEC: signature, seal and date lines are footer lines, in any column).
 * Needs the footer recognition of src/rules/table.ts that follows the SPEC's list (being built on another branch):
 * until it is merged this test fails here, the footer rows being read as data rows.
 */
import { validateWorkbook } from '../../src/rules/engine';
import { DEFAULT_POLICY } from '../../src/rules/policy';
import { TEMPLATE_FOOTER, footerSplitColumn, templateSheets } from '../../src/rules/template';
import { VALID_NEW_ROW } from '../cli/workbooks';
import { correctionSheet } from '../helpers/sheets';

it('the template with N filled rows and its footer right below them validates with zero errors and zero warnings', () => {
  const N = 3;
  const { headers } = templateSheets(DEFAULT_POLICY)[0];
  const rows = Array.from({ length: N }, (_, i) => ({ ...VALID_NEW_ROW, 学号: `26090012500${10 + i}` }));
  // Each footer line as the template writes it: the left part in column A, the right part where the split falls.
  const footer = TEMPLATE_FOOTER.map(([left, right]) => headers.map((_, c) => (c === 0 ? left : c === footerSplitColumn(headers.length) - 1 ? right : null)));
  const sheet = correctionSheet('new', rows, { headers, after: footer });
  const result = validateWorkbook({ name: '统计表', sheets: [sheet] }, { asOf: '2026-11-29' });
  expect(result.problems.filter((p) => p.severity !== 'info').map((p) => `${p.rule} ${p.cell}`)).toEqual([]);
  expect(result.tables[0].rows).toHaveLength(N);
});
