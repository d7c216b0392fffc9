/** Progress of a long run on stderr: a bar on a terminal, a line every few seconds otherwise. */

/** Something that can show progress: `update(fraction, label)` and `done()`. */
export interface Progress {
  update(fraction: number, label: string): void;
  done(): void;
}

/** How progress is timed when it goes to a stream that is not a terminal. */
export interface ProgressOptions {
  /** The clock, in milliseconds (`Date.now` unless a test gives one). */
  readonly now?: () => number;
  /** Least time between two lines when `stream` is not a terminal (default 5,000 ms). */
  readonly everyMs?: number;
}

const percent = (fraction: number) => String(Math.round(Math.min(1, Math.max(0, fraction)) * 100)).padStart(3);

/**
 * Progress on `stream`: a bar redrawn in place when it is a TTY; otherwise (a pipe, CI, a log file)
 * a plain line at most every `everyMs`, with the time since the start, so a run of a few seconds
 * writes nothing and a long one shows it is alive.
 *
 * @example
 * ```ts
 * let t = 0;
 * const lines: string[] = [];
 * const log = { isTTY: false, write: (s: string) => lines.push(s) } as unknown as NodeJS.WriteStream;
 * const progress = progressBar(log, { now: () => t, everyMs: 5_000 });
 * progress.update(0.2, 'caseload'); // 0 s in: too soon for a line
 * t = 6_000;
 * progress.update(0.5, 'pipeline Monte Carlo');
 * progress.done();
 * lines; // ['probation-workload:  50% pipeline Monte Carlo (6 s)\n']
 * ```
 */
export function progressBar(stream: NodeJS.WriteStream, options: ProgressOptions = {}): Progress {
  if (!stream.isTTY) return progressLines(stream, options.now ?? Date.now, options.everyMs ?? 5_000);
  const width = 30;
  return {
    update(fraction, label) {
      const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent(fraction)}% ${label.padEnd(32)}`);
    },
    done() {
      stream.write(`\r${' '.repeat(width + 40)}\r`);
    },
  };
}

/** A line of progress at most every `everyMs`, for a stream that is not a terminal. */
function progressLines(stream: NodeJS.WriteStream, now: () => number, everyMs: number): Progress {
  const start = now();
  let last = start;
  return {
    update(fraction, label) {
      const t = now();
      if (t - last < everyMs) return;
      last = t;
      stream.write(`probation-workload: ${percent(fraction)}% ${label} (${Math.round((t - start) / 1000)} s)\n`);
    },
    done: () => undefined,
  };
}
