/**
 * The bad-input worker: for one entry point at a time, calls it on its valid seed (which must
 * succeed), then on mutations of that seed, and reports every outcome that is neither a
 * `WorkloadError` with a known code and a non-empty path nor a result free of defects. It says
 * which input it starts before each call, so the test can name the input of a call that hangs.
 */
import { parentPort } from 'node:worker_threads';
import fc from 'fast-check';
import { ERROR_CODES, WorkloadError } from '../../src/index.js';
import { clonePlain, defectOf, mutate, mutationArb } from './hostile.js';
import { SEEDS } from './seeds.js';

/** What the test asks: the seed's name, how many mutations, the fast-check seed. */
export interface Job {
  readonly name: string;
  readonly runs: number;
  readonly seed: number;
}

/** What the worker answers. */
export type Reply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'started'; readonly input: string }
  | { readonly kind: 'done'; readonly name: string; readonly calls: number; readonly problems: readonly string[] };

const port = parentPort;
if (port === null) throw new Error('worker.ts runs as a worker thread');
const codes: readonly string[] = ERROR_CODES;

/** The problem with one call's outcome, or undefined when it is acceptable. */
function problemOf(run: () => unknown): string | undefined {
  try {
    const defect = defectOf(run());
    return defect === undefined ? undefined : `returned a defect: ${defect}`;
  } catch (error) {
    if (!(error instanceof WorkloadError)) return `threw ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error)}`;
    if (!codes.includes(error.code)) return `threw a WorkloadError with unknown code ${error.code}`;
    if (error.path === '') return `threw ${error.code} with an empty path: ${error.message.slice(0, 200)}`;
    return undefined;
  }
}

port.on('message', (job: Job) => {
  const entry = SEEDS[job.name];
  if (entry === undefined) throw new Error(`no seed named ${job.name}`);
  const problems: string[] = [];
  port.postMessage({ kind: 'started', input: 'the valid seed' } satisfies Reply);
  try {
    const defect = defectOf(entry.call(clonePlain(entry.args())));
    if (defect !== undefined) problems.push(`the valid seed returned a defect: ${defect}`);
  } catch (error) {
    problems.push(`the valid seed was refused: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
  }
  let calls = 1;
  fc.assert(
    fc.property(mutationArb, (m) => {
      const args = clonePlain(entry.args());
      const what = mutate(args, m);
      port.postMessage({ kind: 'started', input: what } satisfies Reply);
      calls += 1;
      const problem = problemOf(() => entry.call(args));
      if (problem !== undefined && problems.length < 5) problems.push(`${what}: ${problem}`);
    }),
    { numRuns: job.runs, seed: job.seed },
  );
  port.postMessage({ kind: 'done', name: job.name, calls, problems } satisfies Reply);
});
port.postMessage({ kind: 'ready' } satisfies Reply);
