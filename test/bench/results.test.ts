/** The pure parts of `npm run bench` (bench/lib/results.ts): checking, merging and printing figures. No timing. */
import type { Figure } from '../../bench/lib/figure';
import { CONTRACT_IDS, figureProblems, formatTable, mergeResults, missingIds } from '../../bench/lib/results';

const figure = (id: string, over: Partial<Figure> = {}): Figure => ({ id, value: 2, baseline: 4, ratio: 0.5, unit: 'ms', runs: 5, goal: 1, what: `${id} 比较`, ...over });

describe('bench results', () => {
  test('a run of one file replaces its ids and keeps the others, contract ids first in their order', () => {
    const previous = [figure('package', { value: 9 }), figure('sync'), figure('hostile-extra'), figure('rules')];
    const merged = mergeResults(previous, [figure('package', { value: 3 })]);
    expect(merged.map((f) => f.id)).toEqual(['rules', 'sync', 'package', 'hostile-extra']);
    expect(merged.find((f) => f.id === 'package')!.value).toBe(3);
  });

  test('names the contract ids a results file lacks', () => {
    expect(missingIds(CONTRACT_IDS.map((id) => figure(id)))).toEqual([]);
    expect(missingIds([figure('sync'), figure('package')])).toEqual(['rules', 'reader', 'memory', 'scans', 'pane-js', 'pane-scans', 'pane-freeze']);
  });

  test('refuses a figure that is not a finite measurement or was measured fewer than 3 rounds', () => {
    expect(figureProblems(figure('sync'))).toEqual([]);
    expect(figureProblems(figure('sync', { value: NaN, ratio: Infinity }))).toEqual(['value 不是有限的数(NaN)', 'ratio 不是有限的数(Infinity)']);
    expect(figureProblems(figure('sync', { runs: 1, baseline: 0 }))).toEqual(['baseline 为 0,比值无意义', '只测了 1 轮(约定至少 3 轮)']);
    expect(figureProblems({ ...figure('x'), unit: '', what: '' })).toEqual(['缺少 unit', '缺少 what']);
  });

  test('prints one line per figure with whether it meets its goal, then notes and extra figures', () => {
    const table = formatTable([figure('sync', { value: 21, baseline: 7, ratio: 3, goal: 4, unit: 'calls' }), figure('package', { ratio: 1.04, value: 4005, baseline: 3863, note: '热缓存', extra: { peakRssMb: 83 } })], '2 × CPU');
    const lines = table.split('\n');
    expect(lines[0]).toBe('2 × CPU');
    expect(lines[3]).toMatch(/^sync\s+21\.0\s+7\.00 calls\s+3\.00\s+≤4\s+是\s+5\s+sync 比较$/);
    expect(lines[4]).toMatch(/^package\s+4005\s+3863 ms\s+1\.04\s+≤1\s+否\s+5\s+package 比较$/);
    expect(lines.at(-1)).toBe('package: 热缓存;peakRssMb=83');
  });
});
