/**
 * The contract of `npm run bench`: each `bench/<name>.figure.ts` measures one or more figures side by side in one
 * process and prints each with `emit`; bench/run.mjs collects them into bench/results.json. A figure's `ratio` is
 * `value / baseline`, both measured in the same run (alternating order, median of the rounds), so a noisy shared
 * machine moves both alike. `goal` is the ratio the issue asks for; `note` says what the figure could not do here.
 */

export interface Figure {
  /** The contract's id: rules, reader, memory, sync, scans, package, pane-js, pane-scans, pane-freeze. */
  id: string;
  value: number;
  baseline: number;
  /** value / baseline. */
  ratio: number;
  /** Unit of value and baseline: "ms", "MB", "KB", "calls". */
  unit: string;
  /** Rounds each side was measured. */
  runs: number;
  /** The largest ratio the figure should have. */
  goal: number;
  /** What was compared, in a few words, for the printed table. */
  what: string;
  /** Anything the figure could not measure as asked on this machine (warm cache, a missing tool). */
  note?: string;
  /** Further measured numbers belonging to the figure (e.g. peak RSS of the package writer). */
  extra?: Record<string, number | string>;
}

const PREFIX = 'FIGURE ';

export function emit(figure: Omit<Figure, 'ratio'>): void {
  const full: Figure = { ...figure, ratio: Number((figure.value / figure.baseline).toFixed(3)) };
  process.stdout.write(`\n${PREFIX}${JSON.stringify(full)}\n`);
}

/** The figures a bench process printed (bench/run.mjs reads them from its stdout). */
export function parseFigures(stdout: string): Figure[] {
  return stdout.split('\n').filter((l) => l.startsWith(PREFIX)).map((l) => JSON.parse(l.slice(PREFIX.length)) as Figure);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Measures `a` and `b` for `rounds` rounds in alternating order (A B, B A, A B, ...), so neither always runs first
 * on a warm cache or right after the other's garbage; returns each side's samples and medians. Each function
 * returns its own measurement (milliseconds, megabytes, ...), so a side can time only the part that counts.
 */
export async function sideBySide(a: () => Promise<number> | number, b: () => Promise<number> | number, rounds = 5): Promise<{ a: number[]; b: number[]; medianA: number; medianB: number }> {
  if (rounds < 3) throw new Error('a side-by-side figure needs at least 3 rounds');
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      sa.push(await a());
      sb.push(await b());
    } else {
      sb.push(await b());
      sa.push(await a());
    }
  }
  return { a: sa, b: sb, medianA: median(sa), medianB: median(sb) };
}

/** Milliseconds `f` takes. */
export async function timeMs(f: () => unknown): Promise<number> {
  const start = performance.now();
  await f();
  return performance.now() - start;
}
