/**
 * The `balanced` policy on the columnar core: the cases fewest practitioners may take first,
 * heaviest first, each to the eligible practitioner whose capacity after taking it is lowest; then
 * an exchange pass (`rebalance.ts`) that lowers the highest capacity in each scope. Internal.
 */
import { GRADES } from '../weightings/index.js';
import type { Allocation } from './core.js';
import { IndexedMinHeap } from './heap.js';
import { rebalance } from './rebalance.js';
import { ALLOCATION_LEVELS, PLACEMENT_REASONS, UNPLACED_REASONS } from './rules.js';

const GRADE_COUNT = GRADES.length;
const LEVEL_COUNT = ALLOCATION_LEVELS.length;
/** The outcome index of a `balanced` placement (placement reasons come first among the outcomes). */
const BALANCED = PLACEMENT_REASONS.indexOf('balanced');
const CEILING_REACHED = PLACEMENT_REASONS.length + UNPLACED_REASONS.indexOf('CEILING_REACHED');
const CAPACITY_LIMIT_REACHED = PLACEMENT_REASONS.length + UNPLACED_REASONS.indexOf('CAPACITY_LIMIT_REACHED');

/** Largest whole weight (hundredths) ranked through a table; beyond it, or for fractions, a Map. */
const WEIGHT_TABLE_LIMIT = 1_000_000;

/** The rank of a weight among those of the pending cases (0 for the heaviest), and how many there are. */
interface WeightRanks {
  readonly rankOf: (weight: number) => number;
  readonly distinct: number;
}

/**
 * Ranks the distinct weights of the pending cases, heaviest first. Weights are whole hundredths in
 * practice (at most 99,900), so a typed table ranks them without hashing a million keys.
 */
function weightRanks(weight: Float64Array, pending: Uint8Array): WeightRanks {
  let whole = true;
  let heaviest = 0;
  for (let i = 0; i < weight.length; i++) {
    if (pending[i] === 0) continue;
    const w = weight[i] as number;
    if (w > heaviest) heaviest = w;
    if (!Number.isInteger(w)) whole = false;
  }
  if (whole && heaviest <= WEIGHT_TABLE_LIMIT) {
    const rank = new Int32Array(heaviest + 1).fill(-1);
    for (let i = 0; i < weight.length; i++) if (pending[i] === 1) rank[weight[i] as number] = 0;
    let distinct = 0;
    for (let w = heaviest; w >= 0; w--) if (rank[w] === 0) rank[w] = distinct++;
    return { rankOf: (w) => rank[w] as number, distinct };
  }
  const sorted = [...new Set(weight.filter((_, i) => pending[i] === 1))].sort((a, b) => b - a);
  const rank = new Map(sorted.map((w, r) => [w, r]));
  return { rankOf: (w) => rank.get(w) as number, distinct: sorted.length };
}

/** A stable counting sort of items by `keyOf(item)`, each below `keys`: the items in order, and where each key's items start. */
function countingSort(items: Int32Array, keys: number, keyOf: (item: number) => number): { sorted: Int32Array; start: Int32Array } {
  const key = new Int32Array(items.length);
  const start = new Int32Array(keys + 1);
  for (let j = 0; j < items.length; j++) {
    const k = keyOf(items[j] as number);
    key[j] = k;
    start[k + 1] = (start[k + 1] as number) + 1;
  }
  for (let k = 0; k < keys; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const sorted = new Int32Array(items.length);
  const fill = start.slice(0, keys);
  for (let j = 0; j < items.length; j++) {
    const k = key[j] as number;
    sorted[fill[k] as number] = items[j] as number;
    fill[k] = (fill[k] as number) + 1;
  }
  return { sorted, start };
}

/** For each level, the first level with the same eligible grades: cases of such levels are alike. */
function eligibilityClasses(eligibleMask: Uint8Array): Uint8Array {
  return Uint8Array.from(ALLOCATION_LEVELS, (_, level) => eligibleMask.indexOf(eligibleMask[level] as number));
}

/** Each level's rank within its scope by how many practitioners may take it (fewest first; equal counts share a rank). */
function levelRanks(state: Allocation): Uint8Array {
  const { c, rules, groupStart } = state;
  const levelRank = new Uint8Array(c.scopeCount * LEVEL_COUNT);
  for (let s = 0; s < c.scopeCount; s++) {
    const counts = ALLOCATION_LEVELS.map((_, level) => {
      const mask = rules.eligibleMask[level] as number;
      let n = 0;
      for (let g = 0; g < GRADE_COUNT; g++) {
        if (((mask >> g) & 1) === 1) n += (groupStart[s * GRADE_COUNT + g + 1] as number) - (groupStart[s * GRADE_COUNT + g] as number);
      }
      return n;
    });
    // Levels that as many practitioners may take share a rank, so their cases go heaviest first together.
    const distinctCounts = [...new Set(counts)].sort((a, b) => a - b);
    counts.forEach((n, level) => (levelRank[s * LEVEL_COUNT + level] = distinctCounts.indexOf(n)));
  }
  return levelRank;
}

/**
 * Where the ceiling binds. A scope binds when its pending cases that count toward the ceiling are
 * at least its free slots: then every free slot will be filled, and a practitioner's capacity
 * after a case is not the whole story: their other free slots will take cases too. For such
 * scopes the forecast gives the mean weight of the counting cases still to come.
 */
class SlotForecast {
  readonly #binds: Uint8Array;
  readonly #remaining: Float64Array;
  readonly #remainingWeight: Float64Array;

  constructor(state: Allocation, pending: Uint8Array) {
    const { c, rules } = state;
    const slots = new Float64Array(c.scopeCount);
    this.#remaining = new Float64Array(c.scopeCount);
    this.#remainingWeight = new Float64Array(c.scopeCount);
    this.#binds = new Uint8Array(c.scopeCount);
    if (!Number.isFinite(rules.ceiling)) return;
    for (let p = 0; p < c.practitionerCount; p++) {
      const s = c.scope[p] as number;
      if ((c.available[p] as number) > 0) slots[s] = (slots[s] as number) + Math.max(0, rules.ceiling - (state.ceilingCases[p] as number));
    }
    for (let i = 0; i < c.caseCount; i++) {
      if (pending[i] === 0 || c.caseCounts[i] === 0) continue;
      const s = c.caseScope[i] as number;
      this.#remaining[s] = (this.#remaining[s] as number) + 1;
      this.#remainingWeight[s] = (this.#remainingWeight[s] as number) + (c.caseWeight[i] as number);
    }
    for (let s = 0; s < c.scopeCount; s++) this.#binds[s] = (this.#remaining[s] as number) >= (slots[s] as number) ? 1 : 0;
  }

  binds(scope: number): boolean {
    return this.#binds[scope] === 1;
  }

  /** Marks `n` counting cases of one weight as dealt with (placed or not). */
  take(scope: number, n: number, weight: number): void {
    this.#remaining[scope] = (this.#remaining[scope] as number) - n;
    this.#remainingWeight[scope] = (this.#remainingWeight[scope] as number) - n * weight;
  }

  /** Mean weight of the counting cases still to come in a binding scope (0 when none are left). */
  fillWeight(scope: number): number {
    const n = this.#remaining[scope] as number;
    return n > 0 ? (this.#remainingWeight[scope] as number) / n : 0;
  }
}

/**
 * The pending cases in runs of like cases (same scope, eligible grades, weight and ceiling count):
 * by scope, then how few practitioners may take them (levels as many may take ranked together),
 * then heaviest first. Run r is `order[start[r]]..order[start[r + 1]]`; `kind[r]` is its key within
 * its scope (see {@link kindOf}).
 */
interface Runs {
  readonly order: Int32Array;
  readonly start: Int32Array;
  readonly kind: Int32Array;
  readonly weights: WeightRanks;
}

/** A case's key within its scope: eligibility rank, then weight rank, then eligible grades, then counted first. */
function kindOf(rank: number, weightRank: number, weights: number, eligibility: number, counted: boolean): number {
  return ((rank * weights + weightRank) * LEVEL_COUNT + eligibility) * 2 + (counted ? 0 : 1);
}

/**
 * One stable counting sort by (scope, kind), whose non-empty buckets are the runs; or, when there
 * are so many scopes and kinds that their product would dwarf the cases (thousands of teams times
 * hundreds of weights), a sort by kind and then by scope, so that memory grows with their sum.
 */
function runsOf(state: Allocation, pending: Uint8Array): Runs {
  const { c, rules } = state;
  const levelRank = levelRanks(state);
  const weights = weightRanks(c.caseWeight, pending);
  const classOf = eligibilityClasses(rules.eligibleMask);
  const kinds = LEVEL_COUNT * weights.distinct * LEVEL_COUNT * 2;
  let n = 0;
  for (let i = 0; i < c.caseCount; i++) n += pending[i] as number;
  const items = new Int32Array(n);
  const kindOfCase = new Int32Array(c.caseCount);
  for (let i = 0, at = 0; i < c.caseCount; i++) {
    if (pending[i] === 0) continue;
    items[at++] = i;
    const level = c.caseLevel[i] as number;
    const rank = levelRank[(c.caseScope[i] as number) * LEVEL_COUNT + level] as number;
    kindOfCase[i] = kindOf(rank, weights.rankOf(c.caseWeight[i] as number), weights.distinct, classOf[level] as number, c.caseCounts[i] === 1);
  }
  const combined = c.scopeCount * kinds <= Math.max(n, 2 ** 20);
  const { sorted: order, start: bucketStart } = combined
    ? countingSort(items, c.scopeCount * kinds, (i) => (c.caseScope[i] as number) * kinds + (kindOfCase[i] as number))
    : countingSort(countingSort(items, kinds, (i) => kindOfCase[i] as number).sorted, c.scopeCount, (i) => c.caseScope[i] as number);
  const start: number[] = [];
  const kind: number[] = [];
  for (let b = 0; b + 1 < bucketStart.length; b++) {
    for (let k = bucketStart[b] as number; k < (bucketStart[b + 1] as number); k++) {
      // A bucket is one run when sorted by (scope, kind); by scope alone, a run ends where the kind changes.
      if (k === bucketStart[b] || (!combined && kindOfCase[order[k] as number] !== kindOfCase[order[k - 1] as number])) {
        start.push(k);
        kind.push(kindOfCase[order[k] as number] as number);
      }
      if (combined) break;
    }
  }
  start.push(order.length);
  return { order, start: Int32Array.from(start), kind: Int32Array.from(kind), weights };
}

/**
 * The cases of the runs again, heaviest first within each scope (weight before eligibility rank), as
 * spans of `order`: `order[spans[2j]]..order[spans[2j + 1]]` for each j in turn.
 */
function heaviestFirst({ order, start, kind, weights }: Runs, caseScope: Uint32Array): Int32Array {
  const runs = kind.length;
  const spans = new Int32Array(runs * 2);
  // A run's kind read weight first: rank * weights + weight rank becomes weight rank * LEVEL_COUNT + rank.
  const weightFirst = (r: number) => {
    const k = kind[r] as number;
    const rest = k % (LEVEL_COUNT * 2);
    const rankAndWeight = (k - rest) / (LEVEL_COUNT * 2);
    const weightRank = rankAndWeight % weights.distinct;
    return ((weightRank * LEVEL_COUNT + (rankAndWeight - weightRank) / weights.distinct) * LEVEL_COUNT * 2) + rest;
  };
  let at = 0;
  for (let first = 0; first < runs; ) {
    const scope = caseScope[order[start[first] as number] as number];
    let last = first;
    while (last < runs && caseScope[order[start[last] as number] as number] === scope) last++;
    const inScope = Array.from({ length: last - first }, (_, j) => first + j).sort((a, b) => weightFirst(a) - weightFirst(b));
    for (const r of inScope) {
      spans[at++] = start[r] as number;
      spans[at++] = start[r + 1] as number;
    }
    first = last;
  }
  return spans;
}

/**
 * `balanced`: each run of like cases shares one heap keyed by capacity after taking the case. Where
 * the ceiling binds, that key also counts the practitioner's other free slots as filled at the mean
 * weight still to come, so that those with many free slots and few points keep room for the cases
 * that must fill them. Then the exchange pass, then each moved case's capacity before and after.
 */
export function allocateBalanced(state: Allocation, pending: Uint8Array): void {
  const runs = runsOf(state, pending);
  const pointsBefore = state.points.slice();
  placeRuns(state, runs, new SlotForecast(state, pending));
  const touched = rebalance(state, runs.order, heaviestFirst(runs, state.c.caseScope), BALANCED);
  placeLeftovers(state, runs, touched);
  recordCapacities(state, runs.order, pointsBefore, touched);
}

/**
 * Offers the cases left unplaced to the practitioners the exchange pass touched. A case was left
 * because no one could take it then; since, everyone else has only gained points and cases, but a
 * practitioner in an exchange may have lost points or freed a slot. Each run's unplaced cases go,
 * lowest capacity after first, to those of its scope who can now take them.
 */
function placeLeftovers(state: Allocation, { order, start: runStart }: Runs, touched: Uint8Array): void {
  const { c } = state;
  const byScope = new Map<number, number[]>();
  touched.forEach((flag, p) => {
    if (flag === 0) return;
    const s = c.scope[p] as number;
    const list = byScope.get(s);
    if (list === undefined) byScope.set(s, [p]);
    else list.push(p);
  });
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
    }
  }
}

function placeRuns(state: Allocation, { order, start: runStart }: Runs, forecast: SlotForecast): void {
  const { c, rules, groupStart, groupItems } = state;
  const key = new Float64Array(c.practitionerCount);
  const heap = new IndexedMinHeap(key, c.rank, c.practitionerCount, new Int32Array(c.practitionerCount).fill(-1));
  const members = new Int32Array(c.practitionerCount);
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
    const keyOf = (p: number) => ((state.points[p] as number) + weight + (fill > 0 ? Math.max(0, rules.ceiling - (state.ceilingCases[p] as number) - ownSlot) * fill : 0)) / (c.available[p] as number);
    let n = 0;
    for (let g = 0; g < GRADE_COUNT; g++) {
      if (((mask >> g) & 1) === 0) continue;
      for (let k = groupStart[s * GRADE_COUNT + g] as number; k < (groupStart[s * GRADE_COUNT + g + 1] as number); k++) {
        const p = groupItems[k] as number;
        if (!state.hasRoom(p, counts) || !state.withinLimit(p, weight)) continue;
        key[p] = keyOf(p);
        members[n++] = p;
      }
    }
    heap.build(members.subarray(0, n));
    for (let k = start; k < end; k++) {
      const i = order[k] as number;
      const p = heap.top();
      if (p < 0) {
        // No one left who can take a case of this run, so no one can take the rest of it either.
        const reason = state.reasonFor(i);
        for (let rest = k; rest < end; rest++) state.unplaced(order[rest] as number, reason);
        break;
      }
      state.placeKnown(i, p, BALANCED, weight, counts);
      // Points and counts only rise: whoever cannot take another case like this one leaves the run.
      if (!state.hasRoom(p, counts) || !state.withinLimit(p, weight)) heap.remove(p);
      else {
        key[p] = keyOf(p);
        heap.update(p);
      }
    }
    heap.clear();
  }
}

/**
 * Capacity before and after each case the exchange pass moved, as if each of its final holders had
 * taken their batch cases in the order the batch placed them.
 */
function recordCapacities(state: Allocation, order: Int32Array, pointsBefore: Float64Array, touched: Uint8Array): void {
  const { c, assigned, outcome, capacityBefore, capacityAfter } = state;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const p = assigned[i] as number;
    if (outcome[i] !== BALANCED || touched[p] === 0) continue;
    const available = c.available[p] as number;
    capacityBefore[i] = (pointsBefore[p] as number) / available;
    pointsBefore[p] = (pointsBefore[p] as number) + (c.caseWeight[i] as number);
    capacityAfter[i] = (pointsBefore[p] as number) / available;
  }
}
