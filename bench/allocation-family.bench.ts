/**
 * Allocation on problems it was not tuned to (issue 17): 20 members of the independent problem
 * family (bench/allocation-family-problems.ts), each at a slack load (15 new cases per practitioner:
 * 300,000 over 20,000) and a binding one (30: 600,000 over 20,000), PDU scope, the 50-case ceiling.
 * For each problem and load:
 * - time of each policy through the public `allocateColumnar` (its validation pass included), as a
 *   ratio to the reference least-loaded greedy on flatqueue heaps (bench/allocation-family-greedy.ts),
 *   in the same process (median of 5 rounds, each round running the reference and every policy once in
 *   turn, after 2 warm-up rounds: a machine whose speed drifts slows them alike);
 * - in 6 PDUs (the smallest, the largest, 4 drawn), each policy's highest capacity % minus the HiGHS
 *   LP lower bound for the cases it placed there (bench/allocation-family-bound.ts), in percentage
 *   points; a PDU counts as ceiling-binding when a ceiling row of its LP has a non-zero shadow price.
 * Targets (issue 17): each policy within 2x the reference greedy, `least-loaded` within 1.5x;
 * `balanced` within 1 point of the bound where the ceiling is slack and 3 points where it binds.
 * `npm run bench -- family`.
 */
import { RandomStream, type AllocationPolicy } from '../src/index.js';
import { allocateColumnar } from '../src/columnar.js';
import { type CoreResult } from '../src/types.js';
import { highestCapacity, loadSolver, pduLowerBound, type PduBound } from './allocation-family-bound.js';
import { referenceGreedy, type GreedyResult } from './allocation-family-greedy.js';
import { FAMILY_CEILING, NATIONAL_BINDING, NATIONAL_SLACK, familyProblem, type FamilyProblem, type FamilySize } from './allocation-family-problems.js';
import { measureInterleaved } from './harness.js';

/** Problems per load: 20, or fewer for a quick look (`node --import tsx bench/allocation-family.bench.ts 2`). */
const PROBLEMS = Number(process.argv[2] ?? 20);
const SAMPLED_PDUS = 6;
const POLICIES: readonly AllocationPolicy[] = ['least-loaded', 'balanced', 'grade-order'];
const LOADS: readonly (readonly [string, FamilySize])[] = [
  ['slack', NATIONAL_SLACK],
  ['binding', NATIONAL_BINDING],
];

/** One policy on one problem at one load. */
interface PolicyRun {
  readonly ratio: number;
  /** Highest capacity minus the bound, per sampled PDU, with whether the ceiling binds there. */
  readonly gaps: readonly { readonly gap: number; readonly binds: boolean }[];
  readonly placed: number;
}

interface ProblemRun {
  readonly problem: FamilyProblem;
  readonly load: string;
  readonly referenceMs: number;
  readonly referencePlaced: number;
  readonly policies: ReadonlyMap<AllocationPolicy, PolicyRun>;
  /** Lowest and highest bound among the sampled PDUs (balanced's cases), capacity %. */
  readonly boundRange: readonly [number, number];
}

const solver = await loadSolver();
const placedShare = (assigned: Int32Array) => assigned.reduce((n, p) => n + (p >= 0 ? 1 : 0), 0) / Math.max(1, assigned.length);

/** The smallest and largest PDUs and a few drawn from the seed, distinct. */
function sampledPdus(problem: FamilyProblem, pdus: number): number[] {
  const size = new Uint32Array(pdus);
  for (let p = 0; p < problem.columns.practitionerCount; p++) {
    const pdu = problem.columns.scope[p] as number;
    size[pdu] = (size[pdu] as number) + 1;
  }
  const bySize = Array.from({ length: pdus }, (_, k) => k).sort((a, b) => (size[a] as number) - (size[b] as number) || a - b);
  const chosen = new Set([bySize[0] as number, bySize[pdus - 1] as number]);
  const draw = new RandomStream(problem.seed + 1_000);
  while (chosen.size < Math.min(SAMPLED_PDUS, pdus)) chosen.add(draw.integer(0, pdus - 1));
  return [...chosen];
}

function run(problem: FamilyProblem, load: string, pdus: number): ProblemRun {
  const c = problem.columns;
  let reference: GreedyResult | undefined;
  const results = new Map<AllocationPolicy, CoreResult>();
  const figures = measureInterleaved(
    [
      { name: 'reference', fn: () => (reference = referenceGreedy(c, problem.masks, FAMILY_CEILING, problem.traits.continuity)) },
      ...POLICIES.map((policy) => ({ name: policy, fn: () => results.set(policy, allocateColumnar(c, { policy, rules: problem.rules })) })),
    ],
    5,
  );
  const referenceMs = figures[0]?.medianMs ?? NaN;
  const sample = sampledPdus(problem, pdus);
  // Policies that place the same cases in a PDU share its LP: cached by the LP's own inputs.
  const cache = new Map<string, PduBound | null>();
  const policies = new Map<AllocationPolicy, PolicyRun>();
  const bounds: number[] = [];
  POLICIES.forEach((policy, k) => {
    const result = results.get(policy) as CoreResult;
    const gaps = sample.flatMap((pdu) => {
      const bound = pduLowerBound(solver, c, result, problem.masks, FAMILY_CEILING, pdu, cache);
      if (bound === null) return [];
      if (policy === 'balanced') bounds.push(bound.bound);
      return [{ gap: highestCapacity(c, result.pointsHundredths, pdu) - bound.bound, binds: bound.ceilingBinds }];
    });
    policies.set(policy, { ratio: (figures[k + 1]?.medianMs ?? NaN) / referenceMs, gaps, placed: placedShare(result.assigned) });
  });
  return {
    problem,
    load,
    referenceMs,
    referencePlaced: placedShare((reference as GreedyResult).assigned),
    policies,
    boundRange: [Math.min(...bounds), Math.max(...bounds)],
  };
}

const runs: ProblemRun[] = [];
for (const [load, size] of LOADS) {
  for (let seed = 0; seed < PROBLEMS; seed++) {
    runs.push(run(familyProblem(seed, size), load, size.pdus));
    process.stderr.write('.');
  }
}
process.stderr.write('\n');

/** Prints a Markdown table, the first `left` columns left-aligned, the others right-aligned. */
function table(header: readonly string[], rows: readonly (readonly string[])[], left: number): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((x, i) => (i < left ? x.padEnd(widths[i] ?? 0) : x.padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i < left ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}
const mean = (xs: readonly number[]) => (xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length);
const worst = (xs: readonly number[]) => (xs.length === 0 ? NaN : Math.max(...xs));
const fixed = (x: number, digits = 2) => (Number.isNaN(x) ? '-' : x.toFixed(digits));
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

const practitioners = runs.map((r) => r.problem.columns.practitionerCount);
console.log(`\n### Allocation on the problem family: ${PROBLEMS} problems x 2 loads, ${NATIONAL_SLACK.pdus} PDUs of ${NATIONAL_SLACK.pduSize.join('–')} practitioners`);
console.log(`(${Math.min(...practitioners).toLocaleString('en-GB')}–${Math.max(...practitioners).toLocaleString('en-GB')} practitioners; slack: 15 new cases each, binding: 30; ceiling ${FAMILY_CEILING}; PDU scope)\n`);
console.log('x ref: time through allocateColumnar / the reference greedy (median of 5 interleaved rounds), mean and worst over problems.');
console.log(`Gap: highest capacity minus the LP bound in ${SAMPLED_PDUS} sampled PDUs per problem, percentage points, mean and worst`);
console.log('over problems x PDUs; gap slack / gap bind: means over the PDUs whose LP has the ceiling slack / binding.\n');
const summary: string[][] = [];
for (const [load] of LOADS) {
  const here = runs.filter((r) => r.load === load);
  const referenceMs = here.map((r) => r.referenceMs);
  summary.push([load, 'reference', '1.00x', '1.00x', fixed(mean(referenceMs), 0), '-', '-', '-', '-', percent(mean(here.map((r) => r.referencePlaced)))]);
  for (const policy of POLICIES) {
    const of = here.map((r) => r.policies.get(policy) as PolicyRun);
    const gaps = of.flatMap((x) => x.gaps);
    const ratios = of.map((x) => x.ratio);
    summary.push([
      load,
      policy,
      `${fixed(mean(ratios))}x`,
      `${fixed(worst(ratios))}x`,
      fixed(mean(ratios.map((x, k) => x * (referenceMs[k] as number))), 0),
      fixed(mean(gaps.map((g) => g.gap))),
      fixed(worst(gaps.map((g) => g.gap))),
      fixed(mean(gaps.filter((g) => !g.binds).map((g) => g.gap))),
      fixed(mean(gaps.filter((g) => g.binds).map((g) => g.gap))),
      percent(mean(of.map((x) => x.placed))),
    ]);
  }
}
table(['load', 'policy', 'x ref', 'x worst', 'mean ms', 'gap mean', 'gap worst', 'gap slack', 'gap bind', 'placed'], summary, 2);
const binding = runs.flatMap((r) => (r.policies.get('balanced') as PolicyRun).gaps.map((g) => [r.load, g.binds] as const));
for (const [load] of LOADS) {
  const here = binding.filter(([l]) => l === load);
  console.log(`${load}: ${here.filter(([, b]) => b).length} of ${here.length} sampled PDUs have the ceiling binding in their LP`);
}
console.log('Targets: time <= 2x the reference (least-loaded <= 1.5x); balanced gap <= 1 point (ceiling slack), <= 3 (binding).');

console.log('\n#### Per problem\n');
console.log('Structure: eligibility, part-time %, current load band %, continuity (C) or not (-), heaviest cases last (HL).');
console.log('LL, bal: time / reference. Gaps in points (balanced: mean and worst; least-loaded: mean); bound: capacity %.\n');
table(
  ['#', 'structure', 'load', 'ref ms', 'LL', 'bal', 'bal gap', 'worst', 'LL gap', 'bound', 'binds'],
  runs.map((r) => {
    const bal = r.policies.get('balanced') as PolicyRun;
    const ll = r.policies.get('least-loaded') as PolicyRun;
    return [
      String(r.problem.seed),
      r.problem.label,
      r.load === 'binding' ? 'bind' : r.load,
      fixed(r.referenceMs, 0),
      fixed(ll.ratio),
      fixed(bal.ratio),
      fixed(mean(bal.gaps.map((g) => g.gap))),
      fixed(worst(bal.gaps.map((g) => g.gap))),
      fixed(mean(ll.gaps.map((g) => g.gap))),
      `${fixed(r.boundRange[0], 0)}–${fixed(r.boundRange[1], 0)}`,
      `${bal.gaps.filter((g) => g.binds).length}/${bal.gaps.length}`,
    ];
  }),
  3,
);
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
