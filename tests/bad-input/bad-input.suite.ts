/**
 * The standing bad-input suite: every runtime entry point of the library, called on its valid
 * seed and on mutations of it (hostile.ts), in child processes (one lane per core) so that a call
 * that hangs fails the test instead of the run. An entry point passes when every mutated call either throws a
 * `WorkloadError` with a known code and a non-empty path, or returns a result free of NaN,
 * ±Infinity, -0, negative counts and unsafe pence.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import * as library from './library.js';
import { SEEDS } from './seeds.js';
import type { Job, Reply } from './worker.js';

/** Runtime entry points: the exported functions and classes (constants and schemas are data). */
const ENTRY_POINTS = Object.entries(library)
  .filter(([, value]) => typeof value === 'function')
  .map(([name]) => name)
  .sort();

/**
 * How long one call (with its mutation and the scan of its result) may take before it counts as
 * hung. The slowest valid call takes about 0.3 s on a quiet machine; the bound leaves room for a
 * loaded one.
 */
const CALL_BOUND_MS = 10_000;
/** How long a lane may take to load the library (not counted against any call). */
const BOOT_BOUND_MS = 60_000;
/** Mutations per entry point, unless its seed says fewer. */
const RUNS = 100;

/**
 * A child process that runs jobs one at a time, and is killed and replaced when a call hangs. A
 * process, not a worker thread: a thread stuck in one long builtin (a huge BigInt product, say)
 * cannot be terminated, and would keep a core busy for the rest of the run.
 */
class Lane {
  #child: ChildProcess | undefined;

  /** The lane's process, once it has loaded the library. */
  async #boot(): Promise<ChildProcess> {
    if (this.#child !== undefined) return this.#child;
    const child = fork(new URL('./worker.ts', import.meta.url), [], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`a lane did not load the library within ${BOOT_BOUND_MS} ms`)), BOOT_BOUND_MS);
      child.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      child.once('exit', (code) => reject(new Error(`a lane exited with code ${code} while loading the library`)));
    });
    child.removeAllListeners();
    this.#child = child;
    return child;
  }

  /** Runs one job; resolves with its problems and how many calls it made (a hang is a problem). */
  async run(job: Job): Promise<{ problems: readonly string[]; calls: number }> {
    const child = await this.#boot();
    return new Promise((resolve) => {
      let last = 'the valid seed';
      let calls = 0;
      let timer: NodeJS.Timeout | undefined;
      const finish = (result: { problems: readonly string[]; calls: number }, kill: boolean): void => {
        clearTimeout(timer);
        child.removeAllListeners();
        if (kill) {
          child.kill('SIGKILL');
          this.#child = undefined;
        }
        resolve(result);
      };
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => finish({ problems: [`a call hung (over ${CALL_BOUND_MS} ms) on: ${last}`], calls }, true), CALL_BOUND_MS);
      };
      child.on('exit', (code, signal) => finish({ problems: [`the lane died (${signal ?? `exit code ${code}`}) on: ${last}`], calls }, true));
      child.on('message', (reply: Reply) => {
        if (reply.kind === 'started') {
          last = reply.input;
          calls += 1;
          arm();
        } else if (reply.kind === 'done') finish({ problems: reply.problems, calls: reply.calls }, false);
      });
      arm();
      child.send(job);
    });
  }

  close(): void {
    this.#child?.kill('SIGKILL');
    this.#child = undefined;
  }
}

/** One lane per core: the seeds are independent, and each lane loads the library once for all its jobs. */
const lanes = Array.from({ length: Math.max(1, availableParallelism()) }, () => new Lane());
afterAll(() => {
  for (const lane of lanes) lane.close();
});

/** A stable fast-check seed per name, so that a failure reproduces. */
function seedOf(name: string): number {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (Math.imul(hash, 31) + name.charCodeAt(i)) | 0;
  return hash;
}

describe('the bad-input suite', () => {
  it('has a seed for every runtime export, and no seed for anything not exported', () => {
    const covered = new Set(Object.values(SEEDS).map((seed) => seed.covers));
    expect(ENTRY_POINTS.filter((name) => !covered.has(name))).toEqual([]);
    expect([...covered].filter((name) => !ENTRY_POINTS.includes(name))).toEqual([]);
  });

  it(
    'finds no escape: every bad input is a WorkloadError with a path, or a clean result, and no call hangs',
    async () => {
      // Heaviest first (heavy seeds ask for fewer runs), so that the last job to finish is a light one.
      const names = Object.keys(SEEDS).sort((a, b) => (SEEDS[a]?.runs ?? RUNS) - (SEEDS[b]?.runs ?? RUNS));
      const found: Record<string, readonly string[]> = {};
      let next = 0;
      let calls = 0;
      const started = performance.now();
      await Promise.all(
        lanes.map(async (lane) => {
          while (next < names.length) {
            const name = names[next++] as string;
            const result = await lane.run({ name, runs: SEEDS[name]?.runs ?? RUNS, seed: seedOf(name) });
            calls += result.calls;
            if (result.problems.length > 0) found[name] = result.problems;
          }
        }),
      );
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`bad-input: ${names.length} seeds over ${ENTRY_POINTS.length} entry points, ${calls} calls, ${lanes.length} lanes, ${seconds} s`);
      expect(found).toEqual({});
    },
    10 * 60_000,
  );
});
