/**
 * The bad-input lane: a child process (run with `node --import tsx`) that loads the library once
 * and then, for one entry point at a time, calls it on its valid seed (which must succeed) and on
 * mutations of that seed, and reports every outcome that is neither a `WorkloadError` with a known
 * code and a non-empty path nor a result free of defects. It says which input it starts before
 * each call, so the suite can bound every call and name the input of one that hangs.
 */
import fc from 'fast-check';
import { ERROR_CODES, WorkloadError } from '../../src/index.js';
import { clonePlain, defectOf, mutate, mutationArb } from './hostile.js';
import { SEEDS } from './seeds.js';

/** What the suite asks: the seed's name, how many mutations, the fast-check seed. */
export interface Job {
  readonly name: string;
  readonly runs: number;
  readonly seed: number;
}

/** What the lane answers. */
export type Reply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'started'; readonly input: string }
  | { readonly kind: 'done'; readonly name: string; readonly calls: number; readonly problems: readonly string[] };

const send = process.send?.bind(process);
if (send === undefined) throw new Error('worker.ts runs as a child process with an IPC channel');
const reply = (message: Reply): void => void send(message);
const codes: readonly string[] = ERROR_CODES;

/** The problem with one call's outcome, or undefined when it is acceptable. */
async function problemOf(run: () => unknown): Promise<string | undefined> {
  try {
    const defect = defectOf(await run());
    return defect === undefined ? undefined : `returned a defect: ${defect}`;
  } catch (error) {
    if (!(error instanceof WorkloadError)) return `threw ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error)}`;
    if (!codes.includes(error.code)) return `threw a WorkloadError with unknown code ${error.code}`;
    if (error.path === '') return `threw ${error.code} with an empty path: ${error.message.slice(0, 200)}`;
    return undefined;
  }
}

/** Runs one job: the valid seed, then `job.runs` mutations of a copy of it (a returned promise is awaited). */
async function run(job: Job): Promise<Reply> {
  const entry = SEEDS[job.name];
  if (entry === undefined) return { kind: 'done', name: job.name, calls: 0, problems: [`no seed named ${job.name}`] };
  const problems: string[] = [];
  reply({ kind: 'started', input: 'the valid seed' });
  // The seed's arguments are built once per job (some are whole scenario results) and copied per call.
  const seedArgs = entry.args();
  try {
    const defect = defectOf(await entry.call(clonePlain(seedArgs)));
    if (defect !== undefined) problems.push(`the valid seed returned a defect: ${defect}`);
  } catch (error) {
    problems.push(`the valid seed was refused: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
  }
  let calls = 1;
  await fc.assert(
    fc.asyncProperty(mutationArb, async (m) => {
      const args = clonePlain(seedArgs);
      const what = mutate(args, m);
      reply({ kind: 'started', input: what });
      calls += 1;
      const problem = await problemOf(() => entry.call(args));
      if (problem !== undefined && problems.length < 5) problems.push(`${what}: ${problem}`);
    }),
    { numRuns: job.runs, seed: job.seed },
  );
  return { kind: 'done', name: job.name, calls, problems };
}

process.on('message', (job: Job) => void run(job).then(reply));
reply({ kind: 'ready' });
