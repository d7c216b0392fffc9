import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress.js';

const stream = (isTTY: boolean) => {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
};

describe('progress on stderr', () => {
  it('without a terminal: a line at most every 5 s, with the time since the start; nothing for a short run', () => {
    let t = 1_000;
    const log = stream(false);
    const progress = progressBar(log.stream, { now: () => t });
    // updates at 1 s, 4 s (3 s in: none), 7 s (6 s in: a line), 9 s (2 s after it: none), 12.6 s (5.6 s after: a line)
    for (const [at, fraction, label] of [
      [1_000, 0, 'caseload'],
      [4_000, 0.2, 'transfer'],
      [7_000, 0.4, 'pipeline Monte Carlo'],
      [9_000, 0.6, 'contracts'],
      [12_600, 0.834, 'sensitivity 3/12'],
    ] as const) {
      t = at;
      progress.update(fraction, label);
    }
    progress.done();
    expect(log.written).toEqual(['probation-workload:  40% pipeline Monte Carlo (6 s)\n', 'probation-workload:  83% sensitivity 3/12 (12 s)\n']);

    const short = stream(false);
    const quick = progressBar(short.stream, { now: () => 0 });
    quick.update(0.5, 'caseload');
    quick.done();
    expect(short.written).toEqual([]);
  });

  it('on a terminal: a bar redrawn in place, cleared when done', () => {
    const tty = stream(true);
    const bar = progressBar(tty.stream);
    bar.update(0.5, 'pipeline');
    bar.done();
    expect(tty.written[0]).toBe(`\r[${'#'.repeat(15)}${'.'.repeat(15)}]  50% ${'pipeline'.padEnd(32)}`);
    expect(tty.written[1]).toMatch(/^\r +\r$/);
  });
});
