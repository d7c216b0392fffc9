/**
 * The `balanced` policy on the columnar core: its runs of like cases (`runs.ts`), the cases fewest
 * practitioners may take first, heaviest first, each to the eligible practitioner whose capacity
 * after taking it is lowest (where the ceiling binds, with the slot forecast of `slot-forecast.ts`);
 * then the exchange pass (`exchange.ts`) that lowers the highest capacity in each scope, and the
 * leftover offer. Internal.
 */
import { GroupsByCapacity } from './by-capacity.js';
import { KeyedMinHeap } from './heap.js';
import { BALANCED, CAPACITY_LIMIT_REACHED, CEILING_REACHED } from './outcomes.js';
import { exchangeCases } from './exchange.js';
import { heaviestFirst, runsOf, type Runs } from './runs.js';
import { SlotForecast } from './slot-forecast.js';
import { GRADE_COUNT, type Allocation } from './state.js';

/**
 * `balanced`: each run of like cases goes case by case to the lowest key, capacity after taking the
 * case (a short run from a sorted list of its few lowest, a long run from one heap). Where
 * the ceiling binds, that key also counts the practitioner's other free slots as filled at the mean
 * weight still to come, so that those with many free slots and few points keep room for the cases
 * that must fill them. Then the exchange pass, then each moved case's capacity before and after.
 */
export function allocateBalanced(state: Allocation, pending: Uint8Array): void {
  const runs = runsOf(state, pending);
  const pointsBefore = state.points.slice();
  // Who holds the case at each position of the run order (-1: no one yet): placement writes it in that
  // order, the exchange pass and the leftovers keep it as they move and place cases.
  const placedTo = new Int32Array(runs.order.length).fill(-1);
  placeRuns(state, runs, new SlotForecast(state, pending), placedTo);
  const touched = exchangeCases(state, runs.order, heaviestFirst(runs, state.c.caseScope), placedTo);
  placeLeftovers(state, runs, touched, placedTo);
  recordCapacities(state, runs, pointsBefore, touched, placedTo);
}

/**
 * Offers the cases left unplaced to the practitioners the exchange pass touched. A case was left
 * because no one could take it then; since, everyone else has only gained points and cases, but a
 * practitioner in an exchange may have lost points or freed a slot. Each run's unplaced cases go,
 * lowest capacity after first, to those of its scope who can now take them.
 */
function placeLeftovers(state: Allocation, { order, start: runStart }: Runs, touched: Uint8Array, placedTo: Int32Array): void {
  const { c } = state;
  const byScope = new Map<number, number[]>();
  for (let p = 0; p < touched.length; p++) {
    if (touched[p] === 0) continue;
    const s = c.scope[p] as number;
    const list = byScope.get(s);
    if (list === undefined) byScope.set(s, [p]);
    else list.push(p);
  }
  if (byScope.size === 0) return;
  for (let r = 0; r + 1 < runStart.length; r++) {
    const start = runStart[r] as number;
    const end = runStart[r + 1] as number;
    const candidates = start === end ? undefined : byScope.get(c.caseScope[order[start] as number] as number);
    if (candidates === undefined) continue;
    const first = order[start] as number;
    const mask = state.maskOf(first);
    const counts = c.caseCounts[first] === 1;
    const weight = c.caseWeight[first] as number;
    for (let k = start; k < end; k++) {
      const i = order[k] as number;
      if (state.outcome[i] !== CEILING_REACHED && state.outcome[i] !== CAPACITY_LIMIT_REACHED) continue;
      let best = -1;
      let bestAfter = Infinity;
      for (const p of candidates) {
        if (((mask >> (c.grade[p] as number)) & 1) === 0 || !state.hasRoom(p, counts) || !state.withinLimit(p, weight)) continue;
        const after = ((state.points[p] as number) + weight) / (c.available[p] as number);
        if (after < bestAfter || (after === bestAfter && (c.rank[p] as number) < (c.rank[best] as number))) {
          best = p;
          bestAfter = after;
        }
      }
      // No one can take this case now, so no one can take the rest of its run (their reasons are settled at the end).
      if (best < 0) break;
      state.placeKnown(i, best, BALANCED, weight, counts);
      placedTo[k] = best;
    }
  }
}

/**
 * Longest run (16 cases) whose members are first cut to the `cases` of lowest key. A member never
 * given a case keeps its key, so the members first given one come in the order of their keys: a run
 * of k cases reaches at most its k lowest, and a list of those alone, kept sorted, makes the same
 * choices as a heap of everyone. The scan that finds them goes through each group in order of
 * capacity (`by-capacity.ts`) and stops where no one further on can beat the worst kept. Where runs
 * are short (the forward projection's weekly batches: about 4 cases a run, 80 eligible), that spares
 * building a heap of everyone and most of the scan; for longer runs (the family bench's: tens of
 * cases), keeping a sorted list would cost more than the heap.
 */
const SELECTED_RUN = 16;
/**
 * Relative and absolute room (10^-9) left between a capacity bound and the worst key kept before a
 * scan stops: the bound and the keys are rounded differently, by far less than this.
 */
const MARGIN = 1e-9;

/**
 * Inserts member p (key `kp`) into the `n` members kept sorted by key then rank, keeping at most
 * `most`; returns how many are kept.
 */
export function insertLowest(members: Int32Array, n: number, most: number, p: number, kp: number, key: Float64Array, rank: Uint32Array): number {
  let at = n < most ? n : most;
  const rp = rank[p] as number;
  while (at > 0) {
    const other = members[at - 1] as number;
    const ko = key[other] as number;
    if (ko < kp || (ko === kp && (rank[other] as number) < rp)) break;
    if (at < most) members[at] = other;
    at--;
  }
  if (at < most) members[at] = p;
  return n < most ? n + 1 : most;
}

/**
 * Moves member `members[head]`, whose key has just risen, right to its place among `members[head..n)`
 * (sorted by key then rank): the list stays sorted, and its first member is again the lowest.
 */
export function sinkFirst(members: Int32Array, head: number, n: number, key: Float64Array, rank: Uint32Array): void {
  const p = members[head] as number;
  const kp = key[p] as number;
  const rp = rank[p] as number;
  let at = head;
  while (at + 1 < n) {
    const other = members[at + 1] as number;
    const ko = key[other] as number;
    if (ko > kp || (ko === kp && (rank[other] as number) > rp)) break;
    members[at] = other;
    at++;
  }
  members[at] = p;
}

function placeRuns(state: Allocation, { order, start: runStart }: Runs, forecast: SlotForecast, placedTo: Int32Array): void {
  const { c, rules, groupStart, points, ceilingCases } = state;
  const { available, rank } = c;
  const { ceiling } = rules;
  const limited = rules.capacityLimit !== null;
  // Capacity after the case; where the ceiling binds, with p's other free slots filled at `fill`.
  const keyOf = (p: number, weight: number, fill: number, ownSlot: number) =>
    ((points[p] as number) + weight + (fill > 0 ? Math.max(0, ceiling - (ceilingCases[p] as number) - ownSlot) * fill : 0)) / (available[p] as number);
  // Keys of a short run's kept few (a long run's sit in its heap beside their members).
  const key = new Float64Array(c.practitionerCount);
  // Made for the first long run only: a batch of short runs (the forward projection's weeks) needs none.
  // Only its top ever changes (it takes the case, then a new key or leaves), so it needs no index of positions.
  let heap: KeyedMinHeap | undefined;
  const members = new Int32Array(c.practitionerCount);
  const byCapacity = new GroupsByCapacity(state);
  const { items, floor } = byCapacity;
  for (let r = 0; r + 1 < runStart.length; r++) {
    const start = runStart[r] as number;
    const end = runStart[r + 1] as number;
    if (start === end) continue;
    const first = order[start] as number;
    const s = c.caseScope[first] as number;
    const mask = state.maskOf(first);
    const counts = c.caseCounts[first] === 1;
    const weight = c.caseWeight[first] as number;
    if (counts) forecast.take(s, end - start, weight);
    const fill = forecast.binds(s) ? forecast.fillWeight(s) : 0;
    const ownSlot = counts ? 1 : 0;
    // A short run keeps only its `cases` members of lowest key, sorted as they come: no one else can get one of its cases.
    const cases = end - start;
    const selecting = cases <= SELECTED_RUN;
    let n = 0;
    // The highest key kept once `cases` are, with its rank: a member then gets in below it, or at it with a lower rank. Until
    // then Infinity, which every key is below (a key is finite: points available are 0, never taking a case, or 0.01 or more).
    let worst = Infinity;
    let worstRank = 0;
    // Where the scan of a group stops: worst, plus room for rounding (Infinity until `cases` are kept).
    let stop = Infinity;
    const runHeap = selecting ? null : (heap ??= new KeyedMinHeap(rank, c.practitionerCount));
    for (let g = 0; g < GRADE_COUNT; g++) {
      if (((mask >> g) & 1) === 0) continue;
      const group = s * GRADE_COUNT + g;
      // Kept few: the group in order of capacity, so the scan may stop where no one further on can beat the worst kept.
      if (selecting) byCapacity.sort(group);
      // Only a kept-few scan stops early (a long run's group has no order, floors or most available).
      const lift = selecting ? weight / (byCapacity.maxAvailable[group] as number) : 0;
      const last = groupStart[group + 1] as number;
      for (let k = groupStart[group] as number; k < last; k++) {
        // Capacity after the case is at least the floor plus the weight over the most available.
        if (selecting && (floor[k] as number) + lift > stop) break;
        const p = items[k] as number;
        if ((counts && (ceilingCases[p] as number) >= ceiling) || (limited && !state.withinLimit(p, weight))) continue;
        const kp = fill > 0 ? keyOf(p, weight, fill, ownSlot) : ((points[p] as number) + weight) / (available[p] as number);
        if (runHeap !== null) runHeap.append(p, kp);
        else if (kp < worst || (kp === worst && (rank[p] as number) < worstRank)) {
          key[p] = kp;
          n = insertLowest(members, n, cases, p, kp, key, rank);
          if (n === cases) {
            worst = key[members[n - 1] as number] as number;
            worstRank = rank[members[n - 1] as number] as number;
            stop = worst + Math.abs(worst) * MARGIN + MARGIN;
          }
        }
      }
    }
    // The members in order of key: the kept few as a sorted list, everyone else in a heap.
    let head = 0;
    runHeap?.order();
    for (let k = start; k < end; k++) {
      const i = order[k] as number;
      const p = runHeap === null ? (head < n ? (members[head] as number) : -1) : runHeap.top();
      if (p < 0) {
        // No one left who can take a case of this run, so no one can take the rest of it either.
        const reason = state.reasonFor(i);
        for (let rest = k; rest < end; rest++) state.unplaced(order[rest] as number, reason);
        break;
      }
      state.placeKnown(i, p, BALANCED, weight, counts);
      placedTo[k] = p;
      // Points and counts only rise: whoever cannot take another case like this one leaves the run.
      const leaves = (counts && (ceilingCases[p] as number) >= ceiling) || (limited && !state.withinLimit(p, weight));
      if (runHeap !== null) {
        if (leaves) runHeap.pop();
        else runHeap.replaceTop(keyOf(p, weight, fill, ownSlot));
      } else if (leaves) head++;
      else {
        key[p] = keyOf(p, weight, fill, ownSlot);
        sinkFirst(members, head, n, key, rank);
      }
    }
    runHeap?.clear();
  }
}

/**
 * Capacity before and after each case the exchange pass moved, as if each of its final holders had
 * taken their batch cases in the order the batch placed them. `placedTo`, read in order, says who holds
 * each case now (the pass keeps it as it swaps, and touches both ends of every swap), so no case's
 * holder is looked up by its index, which missed the cache on most reads. The cases of a run weigh the
 * same (an exchange moves a case, not its weight), so the weight is read once a run.
 */
function recordCapacities(state: Allocation, { order, start: runStart }: Runs, pointsBefore: Float64Array, touched: Uint8Array, placedTo: Int32Array): void {
  const { c, capacityBefore, capacityAfter } = state;
  for (let r = 0; r + 1 < runStart.length; r++) {
    const start = runStart[r] as number;
    const end = runStart[r + 1] as number;
    if (start === end) continue;
    const weight = c.caseWeight[order[start] as number] as number;
    for (let k = start; k < end; k++) {
      const p = placedTo[k] as number;
      if (p < 0 || touched[p] === 0) continue;
      const i = order[k] as number;
      const available = c.available[p] as number;
      capacityBefore[i] = (pointsBefore[p] as number) / available;
      pointsBefore[p] = (pointsBefore[p] as number) + weight;
      capacityAfter[i] = (pointsBefore[p] as number) / available;
    }
  }
}
