/**
 * Shared benchmark harness: tinybench with fixed iteration counts, one table per bench file,
 * median and p99 latency in ms next to the target the issue states. Never part of `npm test`.
 */
import { medianSorted } from 'simple-statistics';
import { Bench } from 'tinybench';

/** One measured task. */
export interface BenchTask {
  readonly name: string;
  readonly fn: () => unknown;
  /** Measured runs (default 20). */
  readonly iterations?: number;
  /** The target as the issue states it, e.g. `< 50 ms`; shown beside the figure. */
  readonly target?: string;
}

/** The measured figures of one task, in milliseconds. */
export interface BenchFigure {
  readonly name: string;
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly runs: number;
  readonly target: string;
}

/** Runs tasks one after another (each with its own iteration count) and returns their figures. */
export async function measure(tasks: readonly BenchTask[]): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const task of tasks) {
    const bench = new Bench({ iterations: task.iterations ?? 20, time: 0, warmupIterations: 2, warmupTime: 0, throws: true });
    bench.add(task.name, task.fn);
    await bench.run();
    const result = bench.tasks[0]?.result;
    if (result === undefined || !('latency' in result)) throw new Error(`${task.name}: no result`);
    figures.push({ name: task.name, medianMs: result.latency.p50, p99Ms: result.latency.p99 ?? result.latency.max, runs: result.latency.samplesCount, target: task.target ?? '' });
  }
  return figures;
}

/**
 * Runs tasks in rounds, each task once a round in the order given, after `warmups` rounds not
 * counted, and returns each task's median (and slowest) over the rounds. A machine that slows down
 * or speeds up during the measurement then slows every task alike, so the ratios between tasks hold
 * better than when each task's runs come one after another.
 *
 * @example
 * ```ts
 * const [reference, policy] = measureInterleaved([{ name: 'reference', fn: greedy }, { name: 'balanced', fn: balanced }], 5);
 * policy.medianMs / reference.medianMs; // e.g. 2.3
 * ```
 */
export function measureInterleaved(tasks: readonly BenchTask[], rounds: number, warmups = 2): BenchFigure[] {
  const samples = tasks.map((): number[] => []);
  for (let round = 0; round < warmups + rounds; round++) {
    tasks.forEach((task, k) => {
      const start = performance.now();
      task.fn();
      const ms = performance.now() - start;
      if (round >= warmups) samples[k]?.push(ms);
    });
  }
  return tasks.map((task, k) => {
    const sorted = (samples[k] ?? []).sort((a, b) => a - b);
    return { name: task.name, medianMs: medianSorted(sorted), p99Ms: sorted[sorted.length - 1] as number, runs: sorted.length, target: task.target ?? '' };
  });
}

/** Prints figures as a Markdown table (ready for README) with the peak RSS of this process. */
export function printTable(title: string, figures: readonly BenchFigure[], extraRows: readonly (readonly string[])[] = []): void {
  const rows = figures.map((f) => [f.name, f.medianMs.toFixed(2), f.p99Ms.toFixed(2), String(f.runs), f.target]);
  const header = ['task', 'median ms', 'p99 ms', 'runs', 'target'];
  const all = [...rows, ...extraRows.map((r) => [...r, ...Array(header.length - r.length).fill('')])];
  const widths = header.map((h, i) => Math.max(h.length, ...all.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.log(`\n### ${title}\n`);
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of all) console.log(line(r));
  console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
