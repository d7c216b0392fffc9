/**
 * The standing bad-input suite: every runtime entry point of the library, called on its valid
 * seed and on mutations of it (hostile.ts), in worker threads so that a call that hangs fails the
 * test instead of the run. An entry point passes when every mutated call either throws a
 * `WorkloadError` with a known code and a non-empty path, or returns a result free of NaN,
 * ±Infinity, -0, negative counts and unsafe pence.
 */
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import * as library from './library.js';
import { SEEDS } from './seeds.js';
import type { Job, Reply } from './worker.js';

/** Runtime entry points: the exported functions and classes (constants and schemas are data). */
const ENTRY_POINTS = Object.entries(library)
  .filter(([, value]) => typeof value === 'function')
  .map(([name]) => name)
  .sort();

/** How long one entry point's seed and mutations may take before it counts as hung. */
const BOUND_MS = 20_000;
/** Mutations per entry point, unless its seed says fewer. */
const RUNS = 100;

/** A worker that may be replaced when it hangs. */
class Lane {
  #worker: Worker | undefined;

  /** The lane's worker, once it has loaded the library (booting is not counted against a job's bound). */
  async #boot(): Promise<Worker> {
    if (this.#worker !== undefined) return this.#worker;
    const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url));
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    worker.removeAllListeners();
    this.#worker = worker;
    return worker;
  }

  /** Runs one job; resolves with its problems (a hang is one). */
  async run(job: Job): Promise<readonly string[]> {
    const worker = await this.#boot();
    return new Promise((resolve) => {
      let last = 'the valid seed';
      const timer = setTimeout(() => {
        worker.removeAllListeners();
        void worker.terminate();
        this.#worker = undefined;
        resolve([`hung for ${BOUND_MS} ms on: ${last}`]);
      }, BOUND_MS);
      worker.on('error', (error) => {
        clearTimeout(timer);
        worker.removeAllListeners();
        this.#worker = undefined;
        resolve([`the worker failed: ${error.message}`]);
      });
      worker.on('message', (reply: Reply) => {
        if (reply.kind === 'started') last = reply.input;
        else if (reply.kind === 'done') {
          clearTimeout(timer);
          worker.removeAllListeners();
          resolve(reply.problems);
        }
      });
      worker.postMessage(job);
    });
  }

  close(): Promise<number> | undefined {
    return this.#worker?.terminate();
  }
}

const lanes = [new Lane(), new Lane()];
afterAll(async () => {
  await Promise.all(lanes.map((lane) => lane.close()));
}, 60_000);

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
    'finds no escape: every bad input is a WorkloadError with a path, or a clean result, and nothing hangs',
    async () => {
      const names = Object.keys(SEEDS);
      const found: Record<string, readonly string[]> = {};
      let next = 0;
      await Promise.all(
        lanes.map(async (lane) => {
          while (next < names.length) {
            const name = names[next++] as string;
            const problems = await lane.run({ name, runs: SEEDS[name]?.runs ?? RUNS, seed: seedOf(name) });
            if (problems.length > 0) found[name] = problems;
          }
        }),
      );
      expect(found).toEqual({});
    },
    15 * 60_000,
  );
});
