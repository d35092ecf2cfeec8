/**
 * Every vector of shared/data/id_vectors.tsv (126 ID numbers from seven public validators' test suites, with the
 * verdict each suite expects) through our check as of 2026-11-29. The validators contradict each other (strict and
 * non-strict modes, lowercase x), so full agreement is impossible: the disagreements are listed below with why.
 * "Valid" for us means no error: a correct number, or one whose only fault is a lowercase x (a fixable warning).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isValidIdNumber } from '../src/rules/id-number';
import { DEFAULT_POLICY } from '../src/rules/policy';

const VECTORS = path.resolve(__dirname, '..', '..', 'shared', 'data', 'id_vectors.tsv');
const OPTIONS = { asOf: '2026-11-29', regionPrefixes: DEFAULT_POLICY.idRegionPrefixes, minBirthYear: DEFAULT_POLICY.idMinBirthYear };

const FIFTEEN = '15-digit numbers: valid to the validator, an error for us because the SPEC requires 18 characters (the message shows the conversion)';
const STRICT = 'strict mode: the validator checks the 6-digit region code against the code table of the birth year; we check only the province prefix';

/** Disagreements by line of the file (header = line 1): our verdict is the opposite of `expected_valid`. */
const EXPECTED_DISAGREEMENTS: Record<number, { id: string; why: string }> = {
  3: { id: '610104620927690', why: FIFTEEN },
  6: { id: '500154199301135886', why: STRICT },
  9: { id: '411082198901010002', why: STRICT },
  28: { id: '500154199301135886', why: STRICT },
  33: { id: '411082198901010002', why: STRICT },
  35: { id: '610104620927690', why: FIFTEEN },
  52: { id: '610104620927690', why: FIFTEEN },
  61: { id: '500154199301135886', why: STRICT },
  62: { id: '370620199505100123', why: STRICT },
  68: {
    id: '932682198501010017',
    why: 'a foreign permanent resident ID (2023 style, starts with 9) is no citizen ID: 93 is not in the SPEC region list (a policy can add it)',
  },
  69: { id: '150102880730303', why: FIFTEEN },
  76: { id: '33010219200403064x', why: 'hutool with ignoreCase=false rejects a lowercase x; for us it is a fixable warning, not an error' },
  81: { id: '111111111111111', why: FIFTEEN },
  85: { id: '110101491001001', why: FIFTEEN },
  115: { id: '431389760616601', why: FIFTEEN },
  123: { id: '110111198012010078', why: `${STRICT} (county not yet registered in the birth year)` },
  124: { id: '110201199312010077', why: `${STRICT} (county deregistered before the birth year)` },
};

if (!fs.existsSync(VECTORS)) {
  console.warn(`id-vectors: ${VECTORS} is absent (the shared data folder is not next to the project): test skipped`);
  describe('ID vectors of public validators', () => it.skip('needs shared/data/id_vectors.tsv next to the project', () => undefined));
} else {
  describe('ID vectors of public validators', () => {
    const rows = fs
      .readFileSync(VECTORS, 'utf8')
      .split('\n')
      .map((text, i) => ({ line: i + 1, cols: text.replace(/\r$/, '').split('\t') }))
      .slice(1)
      .filter((r) => r.cols[0] !== '');

    it('holds the 126 vectors', () => expect(rows).toHaveLength(126));

    it('disagrees with the validators exactly where listed, for the listed reasons', () => {
      const differ: Record<number, string> = {};
      for (const { line, cols } of rows) {
        const [id, expected] = cols;
        if (String(isValidIdNumber(id, OPTIONS)) !== expected) differ[line] = id;
      }
      const listed = Object.fromEntries(Object.entries(EXPECTED_DISAGREEMENTS).map(([line, d]) => [line, d.id]));
      process.stdout.write(`id-vectors: ${rows.length - Object.keys(differ).length} agree, ${Object.keys(differ).length} differ; ${Object.keys(EXPECTED_DISAGREEMENTS).length} disagreements listed with their reasons\n`);
      expect(differ).toEqual(listed);
    });
  });
}
