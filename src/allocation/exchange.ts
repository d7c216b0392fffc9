/**
 * The exchange pass of `balanced`. Placing each case on the lowest capacity-after cannot foresee
 * everything: a practitioner can end highest because of the cases left for them last. This pass
 * lowers the highest capacity in each scope by exchanging batch cases between its most loaded
 * practitioner and a less loaded one, keeping every rule. Internal.
 */
import { IndexedMinHeap } from './heap.js';
import { GRADE_COUNT, type Allocation } from './state.js';

// The pass's five limits bound its work so that it stays linear in the scope's size (it is a
// heuristic after the runs, not a solver); with them, the balance benchmark's gap to the linear
// programming bound is within target on every load (0.45 points where the ceiling binds hard).
/**
 * Swaps allowed per practitioner of a scope (8): each swap lowers the scope's highest capacity, and a
 * few per practitioner let every one of them pass the top once or twice; a scope of n practitioners
 * costs at most 8n swaps, not one per pair.
 */
const EXCHANGES_PER_PRACTITIONER = 8;
/**
 * Partners with something lighter to give tried for the most loaded before the scope is left as it
 * is (8): the least loaded are the likeliest to have a swap, so a partner much further up the order
 * rarely helps, and each try scans the partner's cases.
 */
const PARTNERS_TRIED = 8;
/**
 * Least loaded practitioners looked at, at most, in search of those partners (256): enough to pass
 * over those with nothing lighter to give (the empty, those whose cases the most loaded's grade may
 * not take), while a scope of thousands
 * (scope `none`) is not walked whole for every swap.
 */
const PARTNERS_LOOKED_AT = 256;
/**
 * Partner cases looked at, at most, each way from the ideal weight, for each kind of case given
 * (64): the nearest allowed partner case is usually within a few steps; the cap keeps two
 * practitioners holding 40,000 cases between them from scanning each other's lists whole (with
 * each kind of case tried once, it took that case from 5.2 s to 7 ms).
 */
const SCAN_STEPS = 64;
/**
 * Least lowering of the most loaded practitioner's capacity a swap must make (0.01 percentage
 * points): smaller swaps cannot move the scope's gap to its bound at the precision it is reported
 * to, and a long tail of them cost more time than all the others.
 */
const LEAST_GAIN = 0.01;
/** What one candidate swap says of the search: kept (or no better), not this one, or none lighter either. */
const FOUND = 0;
const NOT_THIS_ONE = 1;
const LIGHTER_FAIL = 2;

/**
 * The cases each practitioner may give up, heaviest first, as one array cut into lists; and for each
 * practitioner the grades that may take at least one of them (bits as in the eligibility masks, a
 * superset after swaps: a case swapped in adds its grades, one swapped out removes none). Each case's
 * weight, eligible grades and ceiling count are copied beside it in list order: the searches read
 * them in runs along a list, where reading them through the case index missed the cache on most reads.
 */
interface CaseLists {
  readonly start: Int32Array;
  readonly items: Int32Array;
  readonly weight: Float64Array;
  readonly mask: Uint8Array;
  readonly counts: Uint8Array;
  readonly takers: Uint8Array;
}

/**
 * Lists of the cases placed, each heaviest first, read from spans of `order` (each span a run of like
 * cases: one weight, eligible grades and ceiling count); `placedTo[k]` holds the case at `order[k]`
 * (-1: none).
 */
function listsOf(state: Allocation, order: Int32Array, spans: Int32Array, placedTo: Int32Array): CaseLists {
  const { c } = state;
  const start = new Int32Array(c.practitionerCount + 1);
  // Read in order, by position: the cases come in no order of index, so reading who holds them from the case columns missed the cache.
  for (let k = 0; k < placedTo.length; k++) {
    const p = placedTo[k] as number;
    if (p >= 0) start[p + 1] = (start[p + 1] as number) + 1;
  }
  for (let p = 0; p < c.practitionerCount; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
  const items = new Int32Array(start[c.practitionerCount] as number);
  const weight = new Float64Array(items.length);
  const mask = new Uint8Array(items.length);
  const counts = new Uint8Array(items.length);
  const takers = new Uint8Array(c.practitionerCount);
  const fill = start.slice(0, c.practitionerCount);
  for (let j = 0; j < spans.length; j += 2) {
    // A span is one run of like cases: its first case's weight, grades and count are every one's.
    const first = order[spans[j] as number] as number;
    const weightOfRun = c.caseWeight[first] as number;
    const maskOfRun = state.maskOf(first);
    const countsOfRun = c.caseCounts[first] as number;
    for (let k = spans[j] as number; k < (spans[j + 1] as number); k++) {
      const p = placedTo[k] as number;
      if (p < 0) continue;
      const at = fill[p] as number;
      items[at] = order[k] as number;
      weight[at] = weightOfRun;
      mask[at] = maskOfRun;
      counts[at] = countsOfRun;
      fill[p] = at + 1;
      takers[p] = (takers[p] as number) | maskOfRun;
    }
  }
  return { start, items, weight, mask, counts, takers };
}

/**
 * Lowers the highest capacity in every scope by exchanging the cases placement gave: the case at
 * `order[k]` to `placedTo[k]` (-1: not placed). The most loaded practitioner's partners are tried from the least loaded up, among
 * those of a grade that may take one of their cases (those with a lighter case to give that the most
 * loaded's grade may take, of like ceiling count when both are at the ceiling; at most PARTNERS_TRIED of them among the PARTNERS_LOOKED_AT least loaded);
 * with the first partner that has a swap leaving both at least LEAST_GAIN below the most loaded's
 * capacity now, the best such swap is made. The scope is left as it is once its most loaded practitioner has none, or after
 * EXCHANGES_PER_PRACTITIONER swaps per practitioner. Eligibility, the ceiling and the capacity limit
 * hold after every swap; which cases are placed does not change. The spans of `order`
 * (`order[spans[2j]]..order[spans[2j + 1]]` in turn) list the cases of each scope heaviest first,
 * each span a run of like cases (one weight, eligible grades and ceiling count, as `runs.ts` makes them).
 * Returns a flag per practitioner: 1 for those whose cases changed.
 */
export function exchangeCases(state: Allocation, order: Int32Array, spans: Int32Array, placedTo: Int32Array): Uint8Array {
  const { c, groupStart, groupItems } = state;
  const lists = listsOf(state, order, spans, placedTo);
  const capacity = (p: number) => (state.points[p] as number) / (c.available[p] as number);
  // The heaps' keys: each member's capacity, kept as swaps change it (a member's lowKey is its capacity).
  const lowKey = new Float64Array(c.practitionerCount);
  const highKey = new Float64Array(c.practitionerCount);
  let largest = 0;
  for (let s = 0; s < c.scopeCount; s++) largest = Math.max(largest, (groupStart[(s + 1) * GRADE_COUNT] as number) - (groupStart[s * GRADE_COUNT] as number));
  // The least loaded, one heap per grade (a partner is looked for only among the grades that may take one of p's cases).
  const lowPosition = new Int32Array(c.practitionerCount).fill(-1);
  const lows = Array.from({ length: GRADE_COUNT }, () => new IndexedMinHeap(lowKey, c.rank, largest, lowPosition));
  const lowOf = (p: number) => lows[c.grade[p] as number] as IndexedMinHeap;
  const high = new IndexedMinHeap(highKey, c.rank, largest, new Int32Array(c.practitionerCount).fill(-1));
  const tried = new Int32Array(PARTNERS_LOOKED_AT);
  const best: Best = { after: 0, at: -1, partnerAt: -1 };
  const touched = new Uint8Array(c.practitionerCount);
  const heaviest = (p: number) => (lists.start[p] === lists.start[p + 1] ? -Infinity : (lists.weight[lists.start[p] as number] as number));
  const lightest = (p: number) => (lists.start[p] === lists.start[p + 1] ? Infinity : (lists.weight[(lists.start[p + 1] as number) - 1] as number));
  // For each practitioner, the heaviest and the lightest of their cases that count toward the ceiling
  // and of those that do not (at 4p: heaviest counted, heaviest other, lightest counted, lightest other;
  // -Infinity or Infinity when none): found in one scan of the list when first asked, again once a swap
  // changes it (`known` 0). Where the ceiling binds, the most loaded is asked for each partner looked at.
  const extremes = new Float64Array(4 * c.practitionerCount);
  const known = new Uint8Array(c.practitionerCount);
  const learn = (p: number) => {
    let heaviestCounted = -Infinity;
    let heaviestOther = -Infinity;
    let lightestCounted = Infinity;
    let lightestOther = Infinity;
    for (let k = lists.start[p] as number; k < (lists.start[p + 1] as number); k++) {
      const w = lists.weight[k] as number;
      if (lists.counts[k] === 1) {
        if (heaviestCounted === -Infinity) heaviestCounted = w;
        lightestCounted = w;
      } else {
        if (heaviestOther === -Infinity) heaviestOther = w;
        lightestOther = w;
      }
    }
    extremes[4 * p] = heaviestCounted;
    extremes[4 * p + 1] = heaviestOther;
    extremes[4 * p + 2] = lightestCounted;
    extremes[4 * p + 3] = lightestOther;
    known[p] = 1;
  };
  /**
   * Whether q has a lighter case to give p: when both are at the ceiling only cases of like count may
   * swap, so a partner whose lighter cases do not count toward it is no partner for p's that do.
   */
  const hasLighter = (p: number, q: number) => {
    if (!(lightest(q) < heaviest(p))) return false;
    if (state.hasRoom(p, true) || state.hasRoom(q, true)) return true;
    if (known[p] === 0) learn(p);
    if (known[q] === 0) learn(q);
    return (extremes[4 * q + 2] as number) < (extremes[4 * p] as number) || (extremes[4 * q + 3] as number) < (extremes[4 * p + 1] as number);
  };
  /** The least loaded practitioner in the heaps of the grades `grades` (bits), or -1; `from` says whose heap. */
  let from: IndexedMinHeap = lows[0] as IndexedMinHeap;
  const leastOf = (grades: number): number => {
    let least = -1;
    for (let g = 0; g < GRADE_COUNT; g++) {
      if (((grades >> g) & 1) === 0) continue;
      const heap = lows[g] as IndexedMinHeap;
      const q = heap.top();
      if (q >= 0 && (least < 0 || (lowKey[q] as number) < (lowKey[least] as number) || (lowKey[q] === lowKey[least] && (c.rank[q] as number) < (c.rank[least] as number)))) {
        least = q;
        from = heap;
      }
    }
    return least;
  };
  /**
   * The partner of the best swap for p (its cases' places in `best`), or -1, with one of the least
   * loaded of the grades that may take one of p's cases: those with something lighter to give that
   * p's grade may take, a few at most.
   */
  const findExchange = (p: number): number => {
    let partner = -1;
    let looked = 0;
    const grades = lists.takers[p] as number;
    const gradeP = c.grade[p] as number;
    for (let partners = PARTNERS_TRIED; partner < 0 && partners > 0 && looked < PARTNERS_LOOKED_AT; ) {
      const q = leastOf(grades);
      if (q < 0) break;
      from.pop();
      tried[looked++] = q;
      if (q === p || (lowKey[q] as number) >= (lowKey[p] as number)) break;
      if ((((lists.takers[q] as number) >> gradeP) & 1) === 1 && hasLighter(p, q)) {
        partners--;
        if (bestExchange(state, lists, p, q, best)) partner = q;
      }
    }
    for (let k = 0; k < looked; k++) lowOf(tried[k] as number).push(tried[k] as number);
    return partner;
  };
  /** After a swap: x's capacity as the heaps' keys, and x among the touched. */
  const rekey = (x: number) => {
    touched[x] = 1;
    known[x] = 0;
    lowKey[x] = capacity(x);
    highKey[x] = -(lowKey[x] as number);
    lowOf(x).update(x);
    high.update(x);
  };
  for (let s = 0; s < c.scopeCount; s++) {
    const members = groupItems.subarray(groupStart[s * GRADE_COUNT] as number, groupStart[(s + 1) * GRADE_COUNT] as number);
    if (members.length < 2) continue;
    // The most loaded (ties to the lower rank, as the heap orders them) found in the same loop: when they
    // hold no case of the batch, nothing can be given for them and the scope is left before its heaps are
    // built (most scopes of a small weekly batch, where the most loaded take no new case).
    // The same loop sets the heaps' keys (written in vain for a scope left).
    let top = members[0] as number;
    let topCapacity = capacity(top);
    for (const p of members) {
      const capacityP = capacity(p);
      lowKey[p] = capacityP;
      highKey[p] = -capacityP;
      if (capacityP > topCapacity || (capacityP === topCapacity && (c.rank[p] as number) < (c.rank[top] as number))) {
        top = p;
        topCapacity = capacityP;
      }
    }
    if (lists.start[top] === lists.start[top + 1]) continue;
    for (let g = 0; g < GRADE_COUNT; g++) (lows[g] as IndexedMinHeap).build(groupItems.subarray(groupStart[s * GRADE_COUNT + g] as number, groupStart[s * GRADE_COUNT + g + 1] as number));
    high.build(members);
    for (let budget = members.length * EXCHANGES_PER_PRACTITIONER; budget > 0; budget--) {
      const p = high.top();
      const q = findExchange(p);
      if (q < 0) break;
      swap(state, lists, p, q, best.at, best.partnerAt);
      rekey(p);
      rekey(q);
    }
    for (const heap of lows) heap.clear();
    high.clear();
  }
  return touched;
}

/**
 * The best swap a search has found: the higher capacity it leaves (a swap must leave less to beat
 * it), and the list positions of the case given (`at`, of p) and the case taken for it (`partnerAt`,
 * of q). One is reused by every search of a pass.
 */
interface Best {
  after: number;
  at: number;
  partnerAt: number;
}

/**
 * Whether the case at list position `partnerAt` (of q) may swap with the one at `at` (of p), and
 * if so, whether the swap beats `best` (then kept there); `LIGHTER_FAIL` when no lighter partner
 * case can do either (the capacity limit).
 */
function consider(state: Allocation, lists: CaseLists, p: number, q: number, at: number, partnerAt: number, best: Best): number {
  const { c } = state;
  const moved = (lists.weight[at] as number) - (lists.weight[partnerAt] as number);
  if (moved <= 0 || (((lists.mask[partnerAt] as number) >> (c.grade[p] as number)) & 1) === 0) return NOT_THIS_ONE;
  const countsMoved = (lists.counts[at] as number) - (lists.counts[partnerAt] as number);
  if ((countsMoved > 0 && !state.hasRoom(q, true)) || (countsMoved < 0 && !state.hasRoom(p, true))) return NOT_THIS_ONE;
  if (!state.withinLimit(q, moved)) return LIGHTER_FAIL;
  const after = Math.max(((state.points[p] as number) - moved) / (c.available[p] as number), ((state.points[q] as number) + moved) / (c.available[q] as number));
  if (after < best.after) {
    best.after = after;
    best.at = at;
    best.partnerAt = partnerAt;
  }
  return FOUND;
}

/**
 * Whether p (most loaded) and q have a swap leaving the higher of their capacities at least
 * LEAST_GAIN below p's capacity now; the one leaving it lowest is put in `best`. For each case of p,
 * the best partner case is the allowed one nearest, on either side, to the weight that would leave
 * both equal: found by bisection in q's heaviest-first list.
 */
function bestExchange(state: Allocation, lists: CaseLists, p: number, q: number, best: Best): boolean {
  const { c } = state;
  const { weight, mask: masks, counts } = lists;
  const pointsP = state.points[p] as number;
  const pointsQ = state.points[q] as number;
  const availableP = c.available[p] as number;
  const availableQ = c.available[q] as number;
  const gradeQ = c.grade[q] as number;
  // Moving d points from p to q leaves both at the same capacity when d = even.
  const even = (pointsP * availableQ - pointsQ * availableP) / (availableP + availableQ);
  const qStart = lists.start[q] as number;
  const qEnd = lists.start[q + 1] as number;
  best.after = pointsP / availableP - LEAST_GAIN;
  best.at = -1;
  // Cases alike in weight, eligible grades and count give the same swaps: each kind once per weight.
  // Eligible-grade masks seen at this weight, as bits: one set for cases counted toward the ceiling, one
  // for the rest. A mask has a bit per grade, so with 5 grades it is below 32 and `1 << mask` is one bit.
  let kindWeight = -1;
  let seenCounted = 0;
  let seenOthers = 0;
  const lightestQ = qStart === qEnd ? Infinity : (weight[qEnd - 1] as number);
  for (let at = lists.start[p] as number; at < (lists.start[p + 1] as number); at++) {
    const weightA = weight[at] as number;
    // Giving this case leaves p at least at (points - weight + q's lightest) / available, and p's cases
    // come heaviest first: once that is no better than the best swap yet, no later case can beat it.
    if ((pointsP - weightA + lightestQ) / availableP >= best.after) break;
    const mask = masks[at] as number;
    if (weightA !== kindWeight) {
      kindWeight = weightA;
      seenCounted = 0;
      seenOthers = 0;
    }
    const bit = 1 << mask;
    if (counts[at] === 1) {
      if ((seenCounted & bit) !== 0) continue;
      seenCounted |= bit;
    } else {
      if ((seenOthers & bit) !== 0) continue;
      seenOthers |= bit;
    }
    if (((mask >> gradeQ) & 1) === 0) continue;
    // First position in q's list whose weight is at most weightA - even.
    const target = weightA - even;
    let lo = qStart;
    let hi = qEnd;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((weight[mid] as number) > target) lo = mid + 1;
      else hi = mid;
    }
    // Outward from there, the first partner that may swap on each side is that side's best; a few steps each way at most.
    for (let k = lo, steps = 0; k < qEnd && steps < SCAN_STEPS; k++, steps++) if (consider(state, lists, p, q, at, k, best) !== NOT_THIS_ONE) break;
    for (let k = lo - 1, steps = 0; k >= qStart && steps < SCAN_STEPS && (weight[k] as number) < weightA; k--, steps++) {
      if (consider(state, lists, p, q, at, k, best) === FOUND) break;
    }
  }
  return best.at >= 0;
}

/** Swaps p's case at list position `at` for q's at `partnerAt`, keeping both lists heaviest first. */
function swap(state: Allocation, lists: CaseLists, p: number, q: number, at: number, partnerAt: number): void {
  const { weight, mask, counts } = lists;
  const a = lists.items[at] as number;
  const b = lists.items[partnerAt] as number;
  const moved = (weight[at] as number) - (weight[partnerAt] as number);
  const countsMoved = (counts[at] as number) - (counts[partnerAt] as number);
  state.points[p] = (state.points[p] as number) - moved;
  state.points[q] = (state.points[q] as number) + moved;
  state.ceilingCases[p] = (state.ceilingCases[p] as number) - countsMoved;
  state.ceilingCases[q] = (state.ceilingCases[q] as number) + countsMoved;
  state.assigned[a] = q;
  state.assigned[b] = p;
  lists.takers[p] = (lists.takers[p] as number) | (mask[partnerAt] as number);
  lists.takers[q] = (lists.takers[q] as number) | (mask[at] as number);
  // a's place in p's list is taken first: keep what is read of it.
  const weightA = weight[at] as number;
  const maskA = mask[at] as number;
  const countsA = counts[at] as number;
  place(lists, at, lists.start[p] as number, lists.start[p + 1] as number, b, weight[partnerAt] as number, mask[partnerAt] as number, counts[partnerAt] as number);
  place(lists, partnerAt, lists.start[q] as number, lists.start[q + 1] as number, a, weightA, maskA, countsA);
}

/** Copies list position `from` to `to` (the case and what is kept beside it). */
function move(lists: CaseLists, from: number, to: number): void {
  lists.items[to] = lists.items[from] as number;
  lists.weight[to] = lists.weight[from] as number;
  lists.mask[to] = lists.mask[from] as number;
  lists.counts[to] = lists.counts[from] as number;
}

/** Puts `item` (weight `w`, eligible grades `mask`, ceiling count `counts`) at position `at` of the list start..end and moves it to keep the list heaviest first. */
function place(lists: CaseLists, at: number, start: number, end: number, item: number, w: number, mask: number, counts: number): void {
  const { weight } = lists;
  let k = at;
  while (k > start && (weight[k - 1] as number) < w) {
    move(lists, k - 1, k);
    k--;
  }
  while (k < end - 1 && (weight[k + 1] as number) > w) {
    move(lists, k + 1, k);
    k++;
  }
  lists.items[k] = item;
  lists.weight[k] = w;
  lists.mask[k] = mask;
  lists.counts[k] = counts;
}
