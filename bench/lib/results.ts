/**
 * The pure half of bench/run.mjs: which figures the issue asks for, checking what a figure file printed, merging
 * a run into bench/results.json, and the table printed at the end. No timing and no I/O here (test/bench tests it).
 */
import type { Figure } from './figure';

/** The ids `npm run bench` must write (issue 15), in the order the table shows them. */
export const CONTRACT_IDS = ['rules', 'reader', 'memory', 'sync', 'scans', 'package', 'pane-js', 'pane-scans', 'pane-freeze'] as const;

const rank = (id: string) => {
  const i = (CONTRACT_IDS as readonly string[]).indexOf(id);
  return i < 0 ? CONTRACT_IDS.length : i;
};

/** Contract ids first, in their order, then any other id by name. */
export function sortFigures(figures: Figure[]): Figure[] {
  return [...figures].sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}

/** What is wrong with a printed figure, in Chinese; empty when it is usable. */
export function figureProblems(f: Figure): string[] {
  const problems: string[] = [];
  if (typeof f.id !== 'string' || !f.id) problems.push('缺少 id');
  for (const key of ['value', 'baseline', 'ratio', 'goal', 'runs'] as const)
    if (typeof f[key] !== 'number' || !Number.isFinite(f[key])) problems.push(`${key} 不是有限的数(${String(f[key])})`);
  if (f.baseline === 0) problems.push('baseline 为 0,比值无意义');
  if (typeof f.unit !== 'string' || !f.unit) problems.push('缺少 unit');
  if (typeof f.what !== 'string' || !f.what) problems.push('缺少 what');
  if (typeof f.runs === 'number' && f.runs < 3) problems.push(`只测了 ${f.runs} 轮(约定至少 3 轮)`);
  return problems;
}

/**
 * results.json after a run: the fresh figures, and from the previous file those whose id this run did not
 * measure (a run of one file keeps the others' figures). A later figure of the same id replaces an earlier one.
 */
export function mergeResults(previous: Figure[], fresh: Figure[]): Figure[] {
  const byId = new Map<string, Figure>();
  for (const f of previous) byId.set(f.id, f);
  for (const f of fresh) byId.set(f.id, f);
  return sortFigures([...byId.values()]);
}

/** The contract ids that results lack. */
export function missingIds(results: Figure[]): string[] {
  return CONTRACT_IDS.filter((id) => !results.some((f) => f.id === id));
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

/** Whether a figure meets its goal. */
export const meetsGoal = (f: Figure) => f.ratio <= f.goal;

/** The table printed after a run: one line per figure, then each figure's note and extra figures. */
export function formatTable(figures: Figure[], machine: string): string {
  const lines = [machine, ''];
  lines.push(`${'id'.padEnd(12)} ${'value'.padStart(10)} ${'baseline'.padStart(10)} ${'unit'.padEnd(6)} ${'ratio'.padStart(6)} ${'goal'.padStart(6)}  达标 ${'runs'.padStart(4)}  比较的是`);
  for (const f of figures)
    lines.push(`${f.id.padEnd(12)} ${fmt(f.value).padStart(10)} ${fmt(f.baseline).padStart(10)} ${f.unit.padEnd(6)} ${f.ratio.toFixed(2).padStart(6)} ${`≤${f.goal}`.padStart(6)}  ${meetsGoal(f) ? '是  ' : '否  '} ${String(f.runs).padStart(4)}  ${f.what}`);
  const notes = figures.filter((f) => f.note || f.extra);
  if (notes.length) lines.push('');
  for (const f of notes) {
    const extra = f.extra ? Object.entries(f.extra).map(([k, v]) => `${k}=${v}`).join(', ') : '';
    lines.push(`${f.id}: ${[f.note, extra].filter(Boolean).join(';')}`);
  }
  return lines.join('\n');
}
