/**
 * Rebalancing a held caseload (issue 17, items 3 and 5), on seeded caseloads (bench/rebalance-problems.ts):
 * - speed at national size, about 9,000 practitioners holding about 240,000 cases: preparing the
 *   object API's problem (`allocateCases` with no new cases: validation, points of every caseload,
 *   the columns, a row per practitioner; target <= 300 ms) and `rebalanceCaseload` to a 110% target
 *   (validation included; target <= 1 s);
 * - moves against the optimum on small problems (4 PDUs of 8–20 practitioners, at most 2,000 cases):
 *   an integer program per PDU solved by HiGHS, the fewest moves that bring every practitioner
 *   under the target and the ceiling and move every away practitioner's case, with the same rules
 *   (scope, eligibility, receivers available, nothing to or from the unavailable); cases may move
 *   from anyone, so the optimum is a true floor for any plan.
 * `npm run bench -- rebalance`.
 */
import { allocateCases, protectLevelOf, rebalanceCaseload, workloadPoints, type AllocationPractitioner, type RebalanceResult } from '../src/index.js';
import { DEFAULT_ELIGIBLE_GRADES } from '../src/constants.js';
import { loadSolver, type Solver } from './allocation-family-bound.js';
import { measure, printTable } from './harness.js';
import { NATIONAL_REBALANCE, REBALANCE_AS_OF, rebalanceProblem, type RebalanceProblem } from './rebalance-problems.js';

const TARGET = 110;
const CEILING = 50;
const SMALL_PROBLEMS = Number(process.argv[2] ?? 10);
const asOf = REBALANCE_AS_OF;

// ---------------------------------------------------------------------------------------------
// Speed at national size
const national = rebalanceProblem(2021, NATIONAL_REBALANCE);
let plan: RebalanceResult | undefined;
const speed = await measure([
  {
    name: `prepare (allocateCases, no new cases): ${national.practitioners.length.toLocaleString('en-GB')} practitioners, ${national.cases.toLocaleString('en-GB')} cases held`,
    fn: () => allocateCases(national.practitioners, [], { asOf }),
    iterations: 5,
    target: '<= 300 ms',
  },
  { name: `rebalanceCaseload to ${TARGET}%, same caseload`, fn: () => (plan = rebalanceCaseload(national.practitioners, { asOf, target: TARGET })), iterations: 5, target: '<= 1 s' },
]);
const p = plan as RebalanceResult;
const overBefore = p.practitioners.filter((x) => x.availability === 'available' && x.capacityBefore > TARGET).length;
const away = p.practitioners.filter((x) => x.availability === 'away');
printTable('Rebalancing at national size', speed, [
  [
    `${overBefore} above ${TARGET}%, ${away.length} away (${away.reduce((s, x) => s + x.casesBefore, 0)} cases): ${p.summary.moves} moves (${p.summary.officerLeft} officer left), target met: ${p.targetMet}, max ${p.summary.maximumBefore.toFixed(1)}% -> ${p.summary.maximumAfter.toFixed(1)}%`,
  ],
]);

// ---------------------------------------------------------------------------------------------
// Moves against the optimum (HiGHS integer program per PDU)
const solver = await loadSolver();

interface Kind {
  readonly weight: number;
  readonly counts: number;
  readonly level: keyof typeof DEFAULT_ELIGIBLE_GRADES;
}
const kinds = new Map<string, Kind>();
type HeldCase = NonNullable<AllocationPractitioner['caseload']>['cases'][number];
function kindOf(x: HeldCase): [string, Kind] {
  const key = `${x.tier}|${x.caseType}|${x.status ?? 'active'}`;
  let kind = kinds.get(key);
  if (kind === undefined) {
    const points = workloadPoints({ cases: [{ tier: x.tier, caseType: x.caseType, ...(x.status ? { status: x.status } : {}) }] }).total;
    kind = { weight: Math.round(points * 100), counts: x.status === 'unpaidWorkOnly' ? 0 : 1, level: protectLevelOf(x.tier) ?? 'untiered' };
    kinds.set(key, kind);
  }
  return [key, kind];
}

/** Fewest moves in one PDU (null when no plan meets the target there), and the solve time. */
function optimumMoves(solver: Solver, problem: RebalanceProblem, result: RebalanceResult, pdu: string): { moves: number | null; ms: number } {
  const ps = problem.practitioners;
  const members = ps.flatMap((x, i) => (x.pdu === pdu ? [i] : []));
  const after = result.practitioners;
  const receives = (q: number) => ps[q]?.availability === undefined && (after[q]?.available as number) > 0;
  const vars: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const inflow = new Map<number, string[]>(members.map((q) => [q, []]));
  const inCount = new Map<number, string[]>(members.map((q) => [q, []]));
  const outflow = new Map<number, string[]>(members.map((q) => [q, []]));
  const outCount = new Map<number, string[]>(members.map((q) => [q, []]));
  for (const o of members) {
    const owner = ps[o] as AllocationPractitioner;
    if (owner.availability === 'unavailable') continue;
    const byKind = new Map<string, { kind: Kind; n: number }>();
    for (const x of owner.caseload?.cases ?? []) {
      const [key, kind] = kindOf(x);
      const k = byKind.get(key) ?? { kind, n: 0 };
      k.n++;
      byKind.set(key, k);
    }
    let j = 0;
    for (const { kind, n } of byKind.values()) {
      const ys: string[] = [];
      for (const q of members) {
        if (q === o || !receives(q) || !(DEFAULT_ELIGIBLE_GRADES[kind.level] as readonly string[]).includes(ps[q]?.grade as string)) continue;
        const y = `y${o}_${j}_${q}`;
        vars.push(y);
        ys.push(y);
        bounds.push(` 0 <= ${y} <= ${n}`);
        if (kind.weight > 0) {
          (inflow.get(q) as string[]).push(`+ ${kind.weight} ${y}`);
          (outflow.get(o) as string[]).push(`- ${kind.weight} ${y}`);
        }
        if (kind.counts === 1) {
          (inCount.get(q) as string[]).push(`+ ${y}`);
          (outCount.get(o) as string[]).push(`- ${y}`);
        }
      }
      if (owner.availability === 'away') {
        if (ys.length === 0) return { moves: null, ms: 0 };
        rows.push(` away${o}_${j}: ${ys.join(' + ')} = ${n}`);
      } else if (ys.length > 0) rows.push(` kind${o}_${j}: ${ys.join(' + ')} <= ${n}`);
      j++;
    }
  }
  for (const q of members) {
    if (ps[q]?.availability !== undefined) continue;
    const a = after[q] as RebalanceResult['practitioners'][number];
    const load = [...(inflow.get(q) as string[]), ...(outflow.get(q) as string[])];
    const room = TARGET * a.available - Math.round(a.pointsBefore * 100);
    if (a.available > 0 && load.length > 0) rows.push(` cap${q}: ${load.join(' ')} <= ${room}`);
    else if (a.available > 0 && room < 0) return { moves: null, ms: 0 };
    const counted = [...(inCount.get(q) as string[]), ...(outCount.get(q) as string[])];
    if (counted.length > 0) rows.push(` ceil${q}: ${counted.join(' ')} <= ${CEILING - a.ceilingCasesBefore}`);
    else if (a.ceilingCasesBefore > CEILING) return { moves: null, ms: 0 };
  }
  if (vars.length === 0) return { moves: 0, ms: 0 };
  const lp = `Minimize\n obj: ${vars.join(' + ')}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\nGeneral\n ${vars.join(' ')}\nEnd\n`;
  const start = performance.now();
  const solution = solver.solve(lp, { output_flag: false, time_limit: 60, mip_rel_gap: 0 });
  const ms = performance.now() - start;
  if (solution.Status === 'Infeasible') return { moves: null, ms };
  if (solution.Status !== 'Optimal') throw new Error(`${pdu}: MIP ${solution.Status}`);
  return { moves: Math.round(solution.ObjectiveValue), ms };
}

const rows: string[][] = [];
let heuristicTotal = 0;
let optimumTotal = 0;
let matched = 0;
let compared = 0;
for (let seed = 1; seed <= SMALL_PROBLEMS; seed++) {
  const problem = rebalanceProblem(seed, { pdus: 4, pduSize: [8, 20] });
  const result = rebalanceCaseload(problem.practitioners, { asOf, target: TARGET, rules: { ceiling: CEILING } });
  const pdus = [...new Set(problem.practitioners.map((x) => x.pdu as string))];
  const movesIn = (pdu: string) => result.moves.filter((m) => problem.practitioners[Number(m.fromPractitionerId.slice(1))]?.pdu === pdu).length;
  for (const pdu of pdus) {
    const optimum = optimumMoves(solver, problem, result, pdu);
    const members = result.practitioners.filter((_, i) => problem.practitioners[i]?.pdu === pdu);
    const over = members.filter((x) => x.availability === 'available' && x.capacityBefore > TARGET).length;
    const awayCases = members.filter((x) => x.availability === 'away').reduce((s, x) => s + x.casesBefore, 0);
    const heuristic = movesIn(pdu);
    const metHere = !result.shortfall.some((s) => members.some((x) => x.id === s.practitionerId)) && !result.stranded.some((s) => members.some((x) => x.id === s.practitionerId));
    if (optimum.moves !== null && metHere) {
      compared++;
      heuristicTotal += heuristic;
      optimumTotal += optimum.moves;
      if (heuristic === optimum.moves) matched++;
    }
    rows.push([
      `${seed}/${pdu}`,
      String(members.length),
      String(members.reduce((s, x) => s + x.casesBefore, 0)),
      String(over),
      String(awayCases),
      String(heuristic),
      optimum.moves === null ? 'infeasible' : String(optimum.moves),
      metHere ? 'yes' : 'no',
      optimum.ms.toFixed(0),
    ]);
  }
  process.stderr.write('.');
}
process.stderr.write('\n');
const header = ['problem/PDU', 'staff', 'cases', 'over 110%', 'away cases', 'moves', 'optimum', 'met', 'MIP ms'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: readonly string[]) => `| ${cells.map((x, i) => (i === 0 ? x.padEnd(widths[i] ?? 0) : x.padStart(widths[i] ?? 0))).join(' | ')} |`;
console.log(`\n### Moves against the HiGHS optimum: ${SMALL_PROBLEMS} problems x 4 PDUs, target ${TARGET}%, ceiling ${CEILING}\n`);
console.log(line(header));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(
  `\nWhere both meet the target: ${compared} PDUs, ${heuristicTotal} moves against an optimum of ${optimumTotal} (${((heuristicTotal / Math.max(1, optimumTotal) - 1) * 100).toFixed(1)}% more); the optimum matched in ${matched} of ${compared}.`,
);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
