/**
 * The runs of `balanced`: its pending cases sorted into runs of like cases (same scope, eligible
 * grades, weight and ceiling count), fewest eligible practitioners first, heaviest first, by counting
 * sorts; and the same runs again heaviest first within each scope, for the exchange pass. Internal.
 */
import { ALLOCATION_LEVELS } from './rules.js';
import { GRADE_COUNT, LEVEL_COUNT, type Allocation } from './state.js';

/**
 * Largest whole weight (hundredths) ranked through a table; beyond it, or for fractions, a Map.
 * Weights are whole hundredths in practice, at most 99,900, so tables ten times heavier still fit;
 * the table is one Int32Array of at most 4 MB, cheaper than hashing a million case weights.
 */
const WEIGHT_TABLE_LIMIT = 1_000_000;
/** The rank of a weight among those of the pending cases (0 for the heaviest), and how many there are. */
interface WeightRanks {
  readonly rankOf: (weight: number) => number;
  readonly distinct: number;
}

/**
 * Ranks the distinct weights of the pending cases (`items`), heaviest first. Weights are whole
 * hundredths in practice (at most 99,900), so a typed table ranks them without hashing a million keys.
 */
function weightRanks(weight: Float64Array, items: Int32Array): WeightRanks {
  let whole = true;
  let heaviest = 0;
  for (let j = 0; j < items.length; j++) {
    const w = weight[items[j] as number] as number;
    if (w > heaviest) heaviest = w;
    if (!Number.isInteger(w)) whole = false;
  }
  if (whole && heaviest <= WEIGHT_TABLE_LIMIT) {
    // 0 for a weight not seen, then 1 + its rank: the table starts zeroed, and only the weights seen are sorted.
    const rank = new Int32Array(heaviest + 1);
    const seen: number[] = [];
    for (let j = 0; j < items.length; j++) {
      const w = weight[items[j] as number] as number;
      if (rank[w] === 0) {
        rank[w] = 1;
        seen.push(w);
      }
    }
    const lightestFirst = Float64Array.from(seen).sort();
    const distinct = lightestFirst.length;
    for (let r = 0; r < distinct; r++) rank[lightestFirst[distinct - 1 - r] as number] = r + 1;
    return { rankOf: (w) => (rank[w] as number) - 1, distinct };
  }
  const sorted = [...new Set(Array.from(items, (i) => weight[i] as number))].sort((a, b) => b - a);
  const rank = new Map(sorted.map((w, r) => [w, r]));
  return { rankOf: (w) => rank.get(w) as number, distinct: sorted.length };
}

/** A stable counting sort of items by their keys (`key[j]` for `items[j]`, each below `keys`): the items in order, and where each key's items start. */
function countingSort(items: Int32Array, keys: number, key: Int32Array): { sorted: Int32Array; start: Int32Array } {
  const start = new Int32Array(keys + 1);
  for (let j = 0; j < items.length; j++) {
    const k = key[j] as number;
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
  const counts = new Float64Array(LEVEL_COUNT);
  for (let s = 0; s < c.scopeCount; s++) {
    for (let level = 0; level < LEVEL_COUNT; level++) {
      const mask = rules.eligibleMask[level] as number;
      let n = 0;
      for (let g = 0; g < GRADE_COUNT; g++) {
        if (((mask >> g) & 1) === 1) n += (groupStart[s * GRADE_COUNT + g + 1] as number) - (groupStart[s * GRADE_COUNT + g] as number);
      }
      counts[level] = n;
    }
    // Levels that as many practitioners may take share a rank, so their cases go heaviest first together:
    // a level's rank is how many distinct counts are below its own.
    for (let level = 0; level < LEVEL_COUNT; level++) {
      let rank = 0;
      for (let other = 0; other < LEVEL_COUNT; other++) if ((counts[other] as number) < (counts[level] as number) && counts.indexOf(counts[other] as number) === other) rank++;
      levelRank[s * LEVEL_COUNT + level] = rank;
    }
  }
  return levelRank;
}

/**
 * The pending cases in runs of like cases (same scope, eligible grades, weight and ceiling count):
 * by scope, then how few practitioners may take them (levels as many may take ranked together),
 * then heaviest first. Run r is `order[start[r]]..order[start[r + 1]]`; `kind[r]` is its key within
 * its scope (see {@link kindOf}).
 */
export interface Runs {
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
 * are more (scope, kind) buckets than cases (thousands of teams times hundreds of weights, or a small
 * weekly batch), a sort by kind and then by scope (the same order), so that time and memory grow with
 * their sum, not their product.
 */
export function runsOf(state: Allocation, pending: Uint8Array): Runs {
  const { c, rules } = state;
  const levelRank = levelRanks(state);
  let n = 0;
  for (let i = 0; i < c.caseCount; i++) if (pending[i] !== 0) n++;
  const items = new Int32Array(n);
  for (let i = 0, at = 0; at < n; i++) if (pending[i] !== 0) items[at++] = i;
  const weights = weightRanks(c.caseWeight, items);
  const classOf = eligibilityClasses(rules.eligibleMask);
  const kinds = LEVEL_COUNT * weights.distinct * LEVEL_COUNT * 2;
  // One sort by (scope, kind) only while its buckets are no more than the cases: walking and
  // allocating them would otherwise cost more than a second pass (a weekly batch of the forward
  // projection: 4,600 cases against 108 scopes x hundreds of kinds), and memory grows with their sum.
  const combined = c.scopeCount * kinds <= n;
  // Each pending case's sort key: (scope, kind) in one number when combined, else its kind alone.
  const key = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const i = items[j] as number;
    const level = c.caseLevel[i] as number;
    const s = c.caseScope[i] as number;
    const kind = kindOf(levelRank[s * LEVEL_COUNT + level] as number, weights.rankOf(c.caseWeight[i] as number), weights.distinct, classOf[level] as number, c.caseCounts[i] === 1);
    key[j] = combined ? s * kinds + kind : kind;
  }
  const start: number[] = [];
  const kind: number[] = [];
  if (combined) {
    // Each non-empty bucket is one run; bucket b holds kind b % kinds.
    const { sorted: order, start: bucketStart } = countingSort(items, c.scopeCount * kinds, key);
    for (let b = 0; b + 1 < bucketStart.length; b++) {
      if ((bucketStart[b] as number) === (bucketStart[b + 1] as number)) continue;
      start.push(bucketStart[b] as number);
      kind.push(b % kinds);
    }
    start.push(order.length);
    return { order, start: Int32Array.from(start), kind: Int32Array.from(kind), weights };
  }
  // By kind, then by scope (stable: the same order); a run ends where the scope or the kind changes.
  const kindOfCase = new Int32Array(c.caseCount);
  for (let j = 0; j < n; j++) kindOfCase[items[j] as number] = key[j] as number;
  const byKind = countingSort(items, kinds, key).sorted;
  for (let j = 0; j < n; j++) key[j] = c.caseScope[byKind[j] as number] as number;
  const { sorted: order, start: bucketStart } = countingSort(byKind, c.scopeCount, key);
  for (let b = 0; b + 1 < bucketStart.length; b++) {
    for (let k = bucketStart[b] as number; k < (bucketStart[b + 1] as number); k++) {
      if (k === bucketStart[b] || kindOfCase[order[k] as number] !== kindOfCase[order[k - 1] as number]) {
        start.push(k);
        kind.push(kindOfCase[order[k] as number] as number);
      }
    }
  }
  start.push(order.length);
  return { order, start: Int32Array.from(start), kind: Int32Array.from(kind), weights };
}

/**
 * The cases of the runs again, heaviest first within each scope (weight before eligibility rank), as
 * spans of `order`: `order[spans[2j]]..order[spans[2j + 1]]` for each j in turn.
 */
export function heaviestFirst({ order, start, kind, weights }: Runs, caseScope: Uint32Array): Int32Array {
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
  const packedRuns = new Float64Array(runs);
  for (let first = 0; first < runs; ) {
    const scope = caseScope[order[start[first] as number] as number];
    let last = first;
    while (last < runs && caseScope[order[start[last] as number] as number] === scope) last++;
    // Kinds are distinct within a scope: sort the runs by (weight-first kind, run) packed in one exact number, no comparator.
    const inScope = packedRuns.subarray(first, last);
    for (let r = first; r < last; r++) inScope[r - first] = weightFirst(r) * runs + r;
    inScope.sort();
    for (const packed of inScope) {
      const r = packed % runs;
      spans[at++] = start[r] as number;
      spans[at++] = start[r + 1] as number;
    }
    first = last;
  }
  return spans;
}

