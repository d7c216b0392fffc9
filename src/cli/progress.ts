/** A progress bar on stderr, drawn only when stderr is a terminal. */

/** Something that can show progress: `update(fraction, label)` and `done()`. */
export interface Progress {
  update(fraction: number, label: string): void;
  done(): void;
}

/**
 * A progress bar on `stream` when it is a TTY; silent otherwise (pipes, CI, files).
 *
 * @example
 * ```ts
 * const bar = progressBar(process.stderr);
 * bar.update(0.5, 'pipeline Monte Carlo');
 * bar.done();
 * ```
 */
export function progressBar(stream: NodeJS.WriteStream): Progress {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  const width = 30;
  return {
    update(fraction, label) {
      const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${label.padEnd(32)}`);
    },
    done() {
      stream.write(`\r${' '.repeat(width + 40)}\r`);
    },
  };
}
