/**
 * The mutation fuzzer's CI run (scripts/fuzz.ts): a few hundred seeded cases of the reader, the engine and the scan
 * inspector, each ending as read, refused with a Chinese message, or a scan judged sound or corrupt; never another
 * exception. The budget stops the run early on a slow machine (fewer cases, never a timing failure); thousands of
 * cases run on demand with `npm run fuzz -- --cases 5000 --seed 1`.
 */
import { runFuzz } from '../../scripts/fuzz';

const CASES = 300;
const BUDGET_MS = 20_000;

it(`${CASES} seeded mutations end as promised (seed 1)`, async () => {
  const result = await runFuzz({ seed: 1, cases: CASES, budgetMs: BUDGET_MS });
  expect(result.failures).toEqual([]);
  expect(result.cases).toBeGreaterThan(50);
  // Both sides of every target are reached: read and refused workbooks, sound and corrupt scans.
  expect(Object.keys(result.outcomes)).toEqual(expect.arrayContaining(['read', 'refused:malformed', 'refused:corrupt', 'scan-sound', 'scan-corrupt']));
}, 60_000);

it('replays one case alone from its seed and number, with the same outcome', async () => {
  const all = await runFuzz({ seed: 7, cases: 12 });
  const one = await Promise.all(Array.from({ length: 12 }, (_, i) => runFuzz({ seed: 7, cases: 0, only: i })));
  const merged: Record<string, number> = {};
  for (const r of one) for (const [k, n] of Object.entries(r.outcomes)) merged[k] = (merged[k] ?? 0) + n;
  expect(merged).toEqual(all.outcomes);
}, 60_000);
