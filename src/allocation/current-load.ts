/**
 * The policies that look at current load, case by case in input order: `least-loaded` (the eligible
 * practitioner with the lowest capacity now) and `grade-order` (the live tool's list: the first grade
 * in PO, PSO, PQiP, then others order with someone who can take it, least loaded first within it).
 * Heaps of current capacity per (scope, grade). Internal.
 */
import { GRADES } from '../weightings/index.js';
import { IndexedMinHeap } from './heap.js';
import { GRADE_ORDER, LEAST_LOADED } from './outcomes.js';
import { GRADE_LIST_ORDER } from './rules.js';
import { GRADE_COUNT, type Allocation } from './state.js';

/** Grades (indexes into GRADES) in the live tool's list order. */
const LIST_ORDER = GRADE_LIST_ORDER.map((g) => GRADES.indexOf(g));
/** Grades in GRADES order: `least-loaded` looks at every eligible grade and takes the least loaded of all. */
const EVERY_GRADE = GRADES.map((_, g) => g);

/** `least-loaded` and `grade-order`: cases in input order, heaps of current capacity per (scope, grade). */
export function allocateByCurrentLoad(state: Allocation, pending: Uint8Array): void {
  const { c, rules, groupStart, groupItems } = state;
  const policy = rules.policy === 'grade-order' ? GRADE_ORDER : LEAST_LOADED;
  const gradeOrder = rules.policy === 'grade-order' ? LIST_ORDER : EVERY_GRADE;
  const key = new Float64Array(c.practitionerCount);
  const position = new Int32Array(c.practitionerCount).fill(-1);
  const groups = c.scopeCount * GRADE_COUNT;
  const open: IndexedMinHeap[] = [];
  const full: IndexedMinHeap[] = [];
  /** 1 while a practitioner sits in their group's `full` heap (at the ceiling), 0 in `open`. */
  const isFull = new Uint8Array(c.practitionerCount);
  for (let g = 0; g < groups; g++) {
    const size = (groupStart[g + 1] as number) - (groupStart[g] as number);
    const openHeap = new IndexedMinHeap(key, c.rank, size, position);
    const fullHeap = new IndexedMinHeap(key, c.rank, size, position);
    for (let k = groupStart[g] as number; k < (groupStart[g + 1] as number); k++) {
      const p = groupItems[k] as number;
      key[p] = (state.points[p] as number) / (c.available[p] as number);
      isFull[p] = state.hasRoom(p, true) ? 0 : 1;
      (isFull[p] === 0 ? openHeap : fullHeap).push(p);
    }
    open.push(openHeap);
    full.push(fullHeap);
  }
  const less = (a: number, b: number) => (key[a] as number) < (key[b] as number) || (key[a] === key[b] && (c.rank[a] as number) < (c.rank[b] as number));

  /**
   * Per group and ceiling count, the lightest weight no one in the group could take under the limit:
   * points and counts only rise here, so no one will take that weight, or any heavier, again.
   */
  const blocked = new Float64Array(groups * 2).fill(Infinity);
  /** The least-loaded practitioner of one group who can take a case of this weight, or -1. */
  const bestIn = (group: number, counts: boolean, weight: number): number => {
    const a = (open[group] as IndexedMinHeap).top();
    const b = counts ? -1 : (full[group] as IndexedMinHeap).top();
    const top = a < 0 ? b : b < 0 || less(a, b) ? a : b;
    if (top < 0 || state.withinLimit(top, weight)) return top;
    const slot = group * 2 + (counts ? 1 : 0);
    if (weight >= (blocked[slot] as number)) return -1;
    // The capacity limit binds on the least loaded: scan the group for the least loaded within it.
    let best = -1;
    for (let k = groupStart[group] as number; k < (groupStart[group + 1] as number); k++) {
      const p = groupItems[k] as number;
      if (state.hasRoom(p, counts) && state.withinLimit(p, weight) && (best < 0 || less(p, best))) best = p;
    }
    if (best < 0) blocked[slot] = weight;
    return best;
  };

  const firstOnly = rules.policy === 'grade-order';
  for (let i = 0; i < c.caseCount; i++) {
    if (pending[i] === 0) continue;
    const s = c.caseScope[i] as number;
    const mask = state.maskOf(i);
    const counts = c.caseCounts[i] === 1;
    const weight = c.caseWeight[i] as number;
    let chosen = -1;
    for (let k = 0; k < gradeOrder.length; k++) {
      const g = gradeOrder[k] as number;
      if (((mask >> g) & 1) === 0) continue;
      const candidate = bestIn(s * GRADE_COUNT + g, counts, weight);
      if (candidate < 0) continue;
      if (chosen < 0 || less(candidate, chosen)) chosen = candidate;
      if (firstOnly) break;
    }
    if (chosen < 0) {
      state.unplaced(i, state.reasonFor(i));
      continue;
    }
    state.placeKnown(i, chosen, policy, weight, counts);
    key[chosen] = (state.points[chosen] as number) / (c.available[chosen] as number);
    const group = s * GRADE_COUNT + (c.grade[chosen] as number);
    if (isFull[chosen] === 0 && !state.hasRoom(chosen, true)) {
      isFull[chosen] = 1;
      (open[group] as IndexedMinHeap).remove(chosen);
      (full[group] as IndexedMinHeap).push(chosen);
    } else {
      ((isFull[chosen] === 0 ? open : full)[group] as IndexedMinHeap).raised(chosen);
    }
  }
}
