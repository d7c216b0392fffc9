/**
 * The reference least-loaded greedy, written from the problem statement (not from the library):
 * first every case whose preferred officer may take it goes to them (when continuity is on); then
 * each other case, in input order, goes to the practitioner of its PDU, of a grade its protect level
 * allows and with points available, whose capacity % is lowest now, skipping those at the case
 * ceiling when the case counts toward it. Practitioners wait in `flatqueue` heaps keyed by capacity
 * %, one pair per PDU and grade: those under the ceiling, and those at it (who may still take cases
 * that do not count). No capacity limit. Ties between equal capacities go to the lower `rank` (id
 * order), folded into the heap key as a tiny offset since flatqueue promises no order among equal
 * keys; that needs whole points available (below 2,176 x 2 or so), as the live rules give.
 */
import FlatQueue from 'flatqueue';
import { GRADES } from '../src/index.js';
import { type AllocationColumns } from '../src/columnar.js';

/** Where the reference greedy put each case, and what everyone holds after. */
export interface GreedyResult {
  /** Practitioner index per case, -1 when no one could take it. */
  readonly assigned: Int32Array;
  readonly pointsHundredths: Float64Array;
  readonly ceilingCases: Uint32Array;
}

/**
 * Allocates `c` least-loaded first. `masks[level]` has bit `g` set when grade `g` (index in GRADES)
 * may take cases of that level.
 *
 * @example
 * ```ts
 * // Two POs of 1,000 points at 50% and 20% (ranks 0 and 1), three 300-point cases: the first goes to
 * // the second PO (20% -> 50%), the tie at 50% to rank 0 (-> 80%), the last to the second (-> 80%).
 * // Every level open to every grade (mask 31); ceiling 50; no continuity.
 * referenceGreedy(columns, Uint8Array.of(31, 31, 31, 31, 31), 50, false).assigned; // Int32Array [1, 0, 1]
 * ```
 */
export function referenceGreedy(c: AllocationColumns, masks: Uint8Array, ceiling: number, continuity: boolean): GreedyResult {
  const grades = GRADES.length;
  const points = c.pointsHundredths.slice();
  const counted = c.ceilingCases.slice();
  const assigned = new Int32Array(c.caseCount).fill(-1);
  const mayTake = (p: number, i: number) =>
    c.scope[p] === c.caseScope[i] &&
    (c.available[p] as number) > 0 &&
    (((masks[c.caseLevel[i] as number] as number) >> (c.grade[p] as number)) & 1) === 1 &&
    (c.caseCounts[i] === 0 || (counted[p] as number) < ceiling);
  const give = (i: number, p: number) => {
    assigned[i] = p;
    points[p] = (points[p] as number) + (c.caseWeight[i] as number);
    if (c.caseCounts[i] === 1) counted[p] = (counted[p] as number) + 1;
  };
  const done = new Uint8Array(c.caseCount);
  if (continuity) {
    for (let i = 0; i < c.caseCount; i++) {
      const p = c.casePreferred[i] as number;
      if (p >= 0 && mayTake(p, i)) {
        give(i, p);
        done[i] = 1;
      }
    }
  }

  // Heaps per (PDU, grade): under the ceiling (`open`) and at it (`full`).
  const groups = c.scopeCount * grades;
  const size = new Int32Array(groups);
  for (let p = 0; p < c.practitionerCount; p++) {
    const g = (c.scope[p] as number) * grades + (c.grade[p] as number);
    if ((c.available[p] as number) > 0) size[g] = (size[g] as number) + 1;
  }
  const open: FlatQueue<number>[] = [];
  const full: FlatQueue<number>[] = [];
  for (let g = 0; g < groups; g++) {
    open.push(new FlatQueue<number>(Math.max(1, size[g] as number)));
    full.push(new FlatQueue<number>(Math.max(1, size[g] as number)));
  }
  // Ties go to the lower rank (id order). Capacities are hundredths over whole points available, so two
  // that differ, differ by at least 1 / available^2 (> 2e-7 below 2,176 points): rank x 1e-7 / P stays under that.
  const tieStep = 1e-7 / Math.max(1, c.practitionerCount);
  const capacity = (p: number) => (points[p] as number) / (c.available[p] as number) + (c.rank[p] as number) * tieStep;
  const enqueue = (p: number) => {
    const g = (c.scope[p] as number) * grades + (c.grade[p] as number);
    ((counted[p] as number) < ceiling ? open : full)[g]?.push(p, capacity(p));
  };
  for (let p = 0; p < c.practitionerCount; p++) if ((c.available[p] as number) > 0) enqueue(p);

  for (let i = 0; i < c.caseCount; i++) {
    if (done[i] === 1) continue;
    const mask = masks[c.caseLevel[i] as number] as number;
    const base = (c.caseScope[i] as number) * grades;
    const counts = c.caseCounts[i] === 1;
    let best: FlatQueue<number> | undefined;
    let bestKey = Infinity;
    for (let g = 0; g < grades; g++) {
      if (((mask >> g) & 1) === 0) continue;
      for (let k = counts ? 1 : 0; k < 2; k++) {
        const queue = (k === 0 ? full : open)[base + g] as FlatQueue<number>;
        const key = queue.peekValue();
        if (key !== undefined && key < bestKey) {
          bestKey = key;
          best = queue;
        }
      }
    }
    if (best === undefined) continue;
    const p = best.pop() as number;
    give(i, p);
    enqueue(p);
  }
  return { assigned, pointsHundredths: points, ceilingCases: counted };
}
