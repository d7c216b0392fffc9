/**
 * A lower bound on the highest capacity % in one PDU, from the linear-programming relaxation of the
 * allocation (HiGHS): place the same cases the allocator placed there, fractionally, on the PDU's
 * practitioners with points available, so as to minimise the highest capacity %, subject to
 * eligibility (grade masks) and the case ceiling. Cases the allocator gave by continuity stay where
 * they are (the rules put them there), counted in their holder's load. No allocation that places
 * those cases can have a lower highest capacity, so `allocator's highest - bound` is how far the
 * allocator is from the best possible, at most.
 */
import loadHighs from 'highs';
import { type AllocationColumns } from '../src/columnar.js';
import { OUTCOMES } from '../src/constants.js';
import { type CoreResult } from '../src/types.js';

/** The HiGHS solver (loaded once per process). */
export type Solver = Awaited<ReturnType<typeof loadHighs.default>>;

/** Loads HiGHS; its ESM-style types sit in a CommonJS-typed package, so the default import is the loader at run time. */
export async function loadSolver(): Promise<Solver> {
  return (loadHighs as unknown as typeof loadHighs.default)();
}

/** The bound of one PDU and whether the ceiling shapes it. */
export interface PduBound {
  /** Lowest achievable highest capacity %, cases placed fractionally. */
  readonly bound: number;
  /** True when some practitioner's ceiling row has a non-zero shadow price: relaxing it would lower the bound. */
  readonly ceilingBinds: boolean;
  /** Practitioners with points available in the PDU. */
  readonly practitioners: number;
}

const CONTINUITY = OUTCOMES.indexOf('continuity');

/** Practitioners of one PDU with points available. */
function membersOf(c: AllocationColumns, pdu: number): number[] {
  const members: number[] = [];
  for (let p = 0; p < c.practitionerCount; p++) if (c.scope[p] === pdu && (c.available[p] as number) > 0) members.push(p);
  return members;
}

/**
 * The LP bound of PDU `pdu` for the cases `result` placed there (`masks[level]`: eligible grades as
 * bits of GRADES indexes), or `null` when the PDU has no one with points available. `cache`, keyed by
 * the LP itself, lets policies that placed the same cases there share one solve.
 *
 * @example
 * ```ts
 * const solver = await loadSolver();
 * const result = allocateColumnar(problem.columns, { policy: 'balanced', rules: problem.rules });
 * pduLowerBound(solver, problem.columns, result, problem.masks, 50, 0)?.bound; // e.g. 83.4 (%)
 * ```
 */
export function pduLowerBound(
  solver: Solver,
  c: AllocationColumns,
  result: CoreResult,
  masks: Uint8Array,
  ceiling: number,
  pdu: number,
  cache?: Map<string, PduBound | null>,
): PduBound | null {
  const members = membersOf(c, pdu);
  if (members.length === 0) return null;
  const preload = new Map(members.map((p) => [p, { points: c.pointsHundredths[p] as number, counted: c.ceilingCases[p] as number }]));
  const classes = new Map<string, { weight: number; mask: number; counts: number; n: number }>();
  for (let i = 0; i < c.caseCount; i++) {
    const p = result.assigned[i] as number;
    if (c.caseScope[i] !== pdu || p < 0) continue;
    if (result.outcome[i] === CONTINUITY) {
      const held = preload.get(p);
      if (held === undefined) throw new Error(`case ${i}: kept by continuity with practitioner ${p}, who has no points available`);
      held.points += c.caseWeight[i] as number;
      held.counted += c.caseCounts[i] as number;
      continue;
    }
    const weight = c.caseWeight[i] as number;
    const mask = masks[c.caseLevel[i] as number] as number;
    const counts = c.caseCounts[i] as number;
    const key = `${weight}|${mask}|${counts}`;
    const k = classes.get(key) ?? { weight, mask, counts, n: 0 };
    k.n += 1;
    classes.set(key, k);
  }
  const list = [...classes.values()];
  const eligible = (p: number, mask: number) => ((mask >> (c.grade[p] as number)) & 1) === 1;
  const rows: string[] = [];
  list.forEach((k, j) => {
    const takers = members.filter((p) => eligible(p, k.mask));
    if (takers.length === 0) throw new Error(`PDU ${pdu}: a placed case no one there may take`);
    rows.push(` k${j}: ${takers.map((p) => `x${p}_${j}`).join(' + ')} = ${k.n}`);
  });
  for (const p of members) {
    const held = preload.get(p) as { points: number; counted: number };
    const load = list.flatMap((k, j) => (eligible(p, k.mask) && k.weight > 0 ? [`+ ${k.weight} x${p}_${j}`] : []));
    rows.push(` cap${p}: ${load.join(' ')} - ${c.available[p]} M <= ${-held.points}`);
    const counted = list.flatMap((k, j) => (eligible(p, k.mask) && k.counts === 1 ? [`+ x${p}_${j}`] : []));
    if (counted.length > 0) rows.push(` ceil${p}: ${counted.join(' ')} <= ${Math.max(0, ceiling - held.counted)}`);
  }
  const lp = `Minimize\n obj: M\nSubject To\n${rows.join('\n')}\nEnd\n`;
  const known = cache?.get(lp);
  if (known !== undefined) return known;
  const solution = solver.solve(lp, { output_flag: false });
  if (solution.Status !== 'Optimal') throw new Error(`PDU ${pdu}: LP ${solution.Status}`);
  const ceilingBinds = (solution.Rows as readonly { Name?: string; Dual?: number }[]).some((row) => row.Name?.startsWith('ceil') === true && Math.abs(row.Dual ?? 0) > 1e-9);
  const bound = { bound: solution.ObjectiveValue, ceilingBinds, practitioners: members.length };
  cache?.set(lp, bound);
  return bound;
}

/** Highest capacity % in one PDU among those with points available (0 when there are none). */
export function highestCapacity(c: AllocationColumns, pointsHundredths: Float64Array, pdu: number): number {
  let max = 0;
  for (let p = 0; p < c.practitionerCount; p++) {
    if (c.scope[p] === pdu && (c.available[p] as number) > 0) max = Math.max(max, (pointsHundredths[p] as number) / (c.available[p] as number));
  }
  return max;
}
