/**
 * The exchange pass of `balanced`. Placing each case on the lowest capacity-after cannot foresee
 * everything: a practitioner can end highest because of the cases left for them last. This pass
 * lowers the highest capacity in each scope by exchanging batch cases between its most loaded
 * practitioner and a less loaded one, keeping every rule; where the most loaded is at the case
 * ceiling and has no such exchange, it first lowers those just below them, to make room for one.
 * Internal.
 */
import { GRADE_COUNT, type Allocation } from './state.js';

// The pass's limits bound its work per swap and the swaps per practitioner (it is a heuristic after
// the runs, not a solver): a search for a partner costs at most MEMBERS_WALKED steps along the
// scope's order and PARTNERS_TRIED searches of a partner's cases, a swap one search for the most
// loaded and at most RELIEVED more, and two moves in the order; a search that failed is not repeated
// whole, only against the partners whose cases have changed since. With them, the family bench's
// mean gap to the linear programming bound is 0.16 points at its slack load and 1.08 where the
// ceiling binds (README).
/**
 * Swaps allowed per practitioner of a scope (8): each swap lowers its giver by at least LEAST_GAIN and
 * never raises the scope's highest capacity, and a few per practitioner let every one of them pass
 * the top once or twice; a scope of n practitioners costs at most 8n swaps, not one per pair.
 */
const EXCHANGES_PER_PRACTITIONER = 8;
/**
 * Partners with something lighter to give tried in one search, for the most loaded or a member just
 * below them (8): the least loaded are the likeliest to have a swap, so a partner much further up the
 * order rarely helps, and each try scans the partner's cases.
 */
const PARTNERS_TRIED = 8;
/**
 * Practitioners of a grade that may take one of the most loaded's cases looked at, at most, in search
 * of those partners (512): enough to pass over those with nothing lighter to give (where the ceiling
 * binds, often the whole bottom of a PDU of 400: 256 left the family bench's worst PDU 20 points
 * higher, 512 does as well as no limit), while a scope of thousands (scope `none`) is not walked
 * whole for every swap. A look costs a few reads (members are walked in order, not popped from a
 * heap), and the first look at a practitioner a scan of their cases.
 */
const PARTNERS_LOOKED_AT = 512;
/**
 * Members walked past, at most, for one search, those of other grades included (4 x 512): a scope of
 * thousands whose least loaded are all of grades that may take none of the most loaded's cases
 * (20,000 PSOs below 2,000 POs holding A cases) is not walked whole for every swap.
 */
const MEMBERS_WALKED = 4 * PARTNERS_LOOKED_AT;
/**
 * Partner cases looked at, at most, each way from the ideal weight, for each kind of case given
 * (64): the nearest allowed partner case is usually within a few steps; the cap keeps two
 * practitioners holding 40,000 cases between them from scanning each other's lists whole (with
 * each kind of case tried once, it took that case from 5.2 s to 7 ms).
 */
const SCAN_STEPS = 64;
/**
 * Least lowering of the giver's capacity a swap must make (0.01 percentage
 * points): smaller swaps cannot move the scope's gap to its bound at the precision it is reported
 * to, and a long tail of them cost more time than all the others.
 */
const LEAST_GAIN = 0.01;
/**
 * Members just below the most loaded tried, at most, when the most loaded is at the ceiling and has
 * no swap (8). At the ceiling the most loaded can only trade a case for one of like ceiling count,
 * and the few who hold the light cases they could take are often the practitioners nearest the top,
 * with no room to take a heavier case: a swap that lowers one of those (with anyone less loaded than
 * them, so the highest capacity does not rise) can give the most loaded a partner at the next step. The family bench's worst gap where
 * the ceiling binds fell from 37.85 to 10.45 points with it (problem 2: a PDU where every
 * practitioner is at the ceiling and trainees with few points available held the light cases).
 */
const RELIEVED = 8;
/**
 * How far below the most loaded those members may be, at most (10 percentage points): further down,
 * a member has room enough to be the most loaded's partner already, or holds nothing for them. A
 * relief swap that never gives the most loaded a partner is kept all the same: it lowered a
 * practitioner near the top without raising anyone above them.
 */
const RELIEF_SPAN = 10;
/** What one candidate swap says of the search: kept (or no better), not this one, or none lighter either. */
const FOUND = 0;
const NOT_THIS_ONE = 1;
const LIGHTER_FAIL = 2;
/** Extremes kept per practitioner: four per grade (see `exchangeCases`). */
const EXTREMES = 4 * GRADE_COUNT;

/**
 * The cases each practitioner may give up, heaviest first, as one array cut into lists (each case given
 * by its position in the run order `order`; `holder` says who holds each position, kept as swaps
 * change it); and for each
 * practitioner the grades that may take at least one of them (bits as in the eligibility masks, a
 * superset after swaps: a case swapped in adds its grades, one swapped out removes none). Each case's
 * weight, eligible grades and ceiling count are copied beside it in list order: the searches read
 * them in runs along a list, where reading them through the case index missed the cache on most reads.
 */
interface CaseLists {
  readonly order: Int32Array;
  readonly holder: Int32Array;
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
      items[at] = k;
      weight[at] = weightOfRun;
      mask[at] = maskOfRun;
      counts[at] = countsOfRun;
      fill[p] = at + 1;
      takers[p] = (takers[p] as number) | maskOfRun;
    }
  }
  return { order, holder: placedTo, start, items, weight, mask, counts, takers };
}

/**
 * Lowers the highest capacity in every scope by exchanging the cases placement gave: the case at
 * `order[k]` to `placedTo[k]` (-1: not placed). The most loaded practitioner's partners are tried from the least loaded up, among
 * those of a grade that may take one of their cases (those with a lighter case to give that the most
 * loaded's grade may take, of like ceiling count when both are at the ceiling; at most PARTNERS_TRIED of them among the PARTNERS_LOOKED_AT least loaded);
 * with the first partner that has a swap leaving both at least LEAST_GAIN below the most loaded's
 * capacity now, the best such swap is made. When the most loaded is at the ceiling and has none, the
 * swap is made for the first of the RELIEVED just below them (within RELIEF_SPAN) that has one, with
 * a partner below that one, so the highest never rises. The scope is left as it is when none of them
 * has a swap, or after
 * EXCHANGES_PER_PRACTITIONER swaps per practitioner. Eligibility, the ceiling and the capacity limit
 * hold after every swap; which cases are placed does not change. The spans of `order`
 * (`order[spans[2j]]..order[spans[2j + 1]]` in turn) list the cases of each scope heaviest first,
 * each span a run of like cases (one weight, eligible grades and ceiling count, as `runs.ts` makes them).
 * `placedTo` is kept as swaps move cases: on return it says who holds each position now. Returns a
 * flag per practitioner: 1 for those whose cases changed.
 */
export function exchangeCases(state: Allocation, order: Int32Array, spans: Int32Array, placedTo: Int32Array): Uint8Array {
  const { c, groupStart, groupItems } = state;
  const lists = listsOf(state, order, spans, placedTo);
  const capacity = (p: number) => (state.points[p] as number) / (c.available[p] as number);
  // Each member's capacity, kept as swaps change it.
  const lowKey = new Float64Array(c.practitionerCount);
  let largest = 0;
  for (let s = 0; s < c.scopeCount; s++) largest = Math.max(largest, (groupStart[(s + 1) * GRADE_COUNT] as number) - (groupStart[s * GRADE_COUNT] as number));
  // The scope's members from the least loaded up (ties to the lower rank), their capacities beside
  // them: partners are looked for along this order from its start, the most loaded is the first of
  // those level with its end, and each swap moves its two members to their new places (a heap per
  // grade cost a pop and a push for every member looked at).
  const byLoad = new Int32Array(largest);
  const loadOf = new Float64Array(largest);
  let members = byLoad.subarray(0, 0);
  const best: Best = { after: 0, at: -1, partnerAt: -1 };
  const touched = new Uint8Array(c.practitionerCount);
  // For each practitioner and grade g, the heaviest and the lightest of their cases that g may take,
  // among those that count toward the ceiling and those that do not (at EXTREMES * p + 4g: heaviest
  // counted, heaviest other, lightest counted, lightest other; -Infinity or Infinity when none): found
  // in one scan of the list when first asked, again once a swap changes it (`known` 0).
  const extremes = new Float64Array(EXTREMES * c.practitionerCount);
  const known = new Uint8Array(c.practitionerCount);
  // The heaviest and lightest weight of p's cases of each kind (ceiling count and eligible grades, at
  // 32 * other + mask), found in one pass over the list and then spread over the grades each kind may go to.
  const kindFirst = new Float64Array(64);
  const kindLast = new Float64Array(64);
  const kindsSeen = new Int32Array(64);
  kindLast.fill(-1);
  const learn = (p: number) => {
    let kinds = 0;
    for (let k = lists.start[p] as number; k < (lists.start[p + 1] as number); k++) {
      const kind = (lists.counts[k] === 1 ? 0 : 32) | (lists.mask[k] as number);
      const w = lists.weight[k] as number;
      // Heaviest first: a kind's first case is its heaviest, its last its lightest.
      if (kindLast[kind] === -1) {
        kindFirst[kind] = w;
        kindsSeen[kinds++] = kind;
      }
      kindLast[kind] = w;
    }
    const base = EXTREMES * p;
    for (let k = 0; k < EXTREMES; k += 4) {
      extremes[base + k] = -Infinity;
      extremes[base + k + 1] = -Infinity;
      extremes[base + k + 2] = Infinity;
      extremes[base + k + 3] = Infinity;
    }
    for (let j = 0; j < kinds; j++) {
      const kind = kindsSeen[j] as number;
      const other = kind >> 5;
      for (let mask = kind & 31, g = 0; mask !== 0; mask >>= 1, g++) {
        if ((mask & 1) === 0) continue;
        const at = base + 4 * g + other;
        extremes[at] = Math.max(extremes[at] as number, kindFirst[kind] as number);
        extremes[at + 2] = Math.min(extremes[at + 2] as number, kindLast[kind] as number);
      }
      kindLast[kind] = -1;
    }
    known[p] = 1;
  };
  /**
   * Whether q has a case to give p lighter than one p may give q, each of a grade the other may hold:
   * cases of like ceiling count swap freely, a counted case for one that is not only to a
   * practitioner with room under the ceiling. The cheap test before a partner's cases are searched.
   */
  const hasLighter = (p: number, q: number) => {
    if (known[p] === 0) learn(p);
    if (known[q] === 0) learn(q);
    const give = EXTREMES * p + 4 * (c.grade[q] as number);
    const take = EXTREMES * q + 4 * (c.grade[p] as number);
    const heaviestCounted = extremes[give] as number;
    const heaviestOther = extremes[give + 1] as number;
    const lightestCounted = extremes[take + 2] as number;
    const lightestOther = extremes[take + 3] as number;
    return (
      lightestCounted < heaviestCounted ||
      lightestOther < heaviestOther ||
      (lightestOther < heaviestCounted && state.hasRoom(q, true)) ||
      (lightestCounted < heaviestOther && state.hasRoom(p, true))
    );
  };
  /**
   * Whether q is a partner worth searching for p: `hasLighter`, after the cheaper test that q holds
   * some case p's grade may take (holding none, q has nothing for p: known without q's extremes).
   */
  const mayGive = (p: number, q: number) => (((lists.takers[q] as number) >> (c.grade[p] as number)) & 1) === 1 && hasLighter(p, q);
  /**
   * The partner of the best swap for p (its cases' places in `best`), or -1, from the least loaded up
   * among those of a grade that may take one of p's cases: those with something lighter to give that
   * p's grade may take, PARTNERS_TRIED at most, among the PARTNERS_LOOKED_AT least loaded.
   */
  const findExchange = (p: number): number => {
    const grades = lists.takers[p] as number;
    const capacityP = lowKey[p] as number;
    let partners = PARTNERS_TRIED;
    const walked = Math.min(members.length, MEMBERS_WALKED);
    for (let k = 0, looked = 0; k < walked && looked < PARTNERS_LOOKED_AT; k++) {
      if ((loadOf[k] as number) >= capacityP) break;
      const q = members[k] as number;
      if (((grades >> (c.grade[q] as number)) & 1) === 0) continue;
      looked++;
      if (mayGive(p, q)) {
        if (bestExchange(state, lists, p, q, best)) return q;
        if (--partners === 0) break;
      }
    }
    return -1;
  };
  /** The first place in `members` whose member does not come before one of capacity `load` and rank `rank`. */
  const placeFor = (load: number, rank: number) => {
    let lo = 0;
    let hi = members.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((loadOf[mid] as number) < load || (loadOf[mid] === load && (c.rank[members[mid] as number] as number) < rank)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** Moves x, whose capacity was `was`, to its place in `members` now (found by bisection, the others shifted in one copy). */
  const reorder = (x: number, was: number) => {
    const load = lowKey[x] as number;
    const rank = c.rank[x] as number;
    const from = placeFor(was, rank);
    const found = placeFor(load, rank);
    const to = found > from ? found - 1 : found;
    if (to > from) {
      members.copyWithin(from, from + 1, to + 1);
      loadOf.copyWithin(from, from + 1, to + 1);
    } else if (to < from) {
      members.copyWithin(to + 1, to, from);
      loadOf.copyWithin(to + 1, to, from);
    }
    members[to] = x;
    loadOf[to] = load;
  };
  /** After a swap: x's capacity, kept and in the scope's order, and x among the touched. */
  const rekey = (x: number) => {
    touched[x] = 1;
    known[x] = 0;
    const was = lowKey[x] as number;
    lowKey[x] = capacity(x);
    reorder(x, was);
  };
  // Swaps made in the current scope, the two members of each (at 2j and 2j + 1 for swap j: a scope
  // makes at most EXCHANGES_PER_PRACTITIONER swaps per member, so the log holds them all), and for each
  // member the swaps made when they were last changed by one (0: not yet) and when a search for them
  // last failed (-1: none), both reset as the scope begins; and the search that last looked at each
  // member as a partner, so that a member logged twice is tried once.
  let swaps = 0;
  const changed = new Int32Array(2 * largest * EXCHANGES_PER_PRACTITIONER);
  const changedAt = new Int32Array(c.practitionerCount);
  const failedAt = new Int32Array(c.practitionerCount);
  const lookedAtIn = new Int32Array(c.practitionerCount);
  let searches = 0;
  /**
   * The partner of the best swap for x (its cases in `best`), or -1: found by `findExchange`; but when
   * a search for x failed and x has not changed since, the partners it tried have not changed either,
   * so only the members changed since are tried, in the order they changed (those less loaded than x,
   * with something lighter to give that x's grade may take). That stands in for a whole search and may
   * choose another partner than one would, but a most loaded waiting for room is not searched for
   * whole after every swap below them. When more members have changed than a whole search walks
   * past, x is searched for whole: no search takes more than MEMBERS_WALKED steps and PARTNERS_TRIED
   * searches of a partner's cases. Where those tries run out, the members not reached are tried next time.
   */
  const search = (x: number): number => {
    const since = failedAt[x] as number;
    failedAt[x] = swaps;
    if (since < 0 || (changedAt[x] as number) > since || 2 * (swaps - since) > MEMBERS_WALKED) {
      const q = findExchange(x);
      if (q >= 0) failedAt[x] = -1;
      return q;
    }
    const grades = lists.takers[x] as number;
    searches++;
    // x itself is not in the log after `since`: had it changed, it would have been searched for whole.
    for (let j = 2 * since, partners = PARTNERS_TRIED; j < 2 * swaps; j++) {
      const q = changed[j] as number;
      if (lookedAtIn[q] === searches || (lowKey[q] as number) >= (lowKey[x] as number) || ((grades >> (c.grade[q] as number)) & 1) === 0) continue;
      lookedAtIn[q] = searches;
      if (mayGive(x, q)) {
        if (bestExchange(state, lists, x, q, best)) {
          failedAt[x] = -1;
          return q;
        }
        if (--partners === 0) {
          failedAt[x] = j >> 1;
          break;
        }
      }
    }
    return -1;
  };
  // The partner of the swap `nextSwap` found.
  let partner = -1;
  /**
   * The member who gives in the next swap (their partner in `partner`, the cases in `best`), or -1:
   * the most loaded (ties to the lower rank: the first of those at the capacity the order ends with)
   * when they have a swap; else, when they are at the ceiling, the first of the RELIEVED just below
   * them, within RELIEF_SPAN, that has one.
   */
  const nextSwap = (): number => {
    const topAt = placeFor(loadOf[members.length - 1] as number, -1);
    const top = members[topAt] as number;
    partner = search(top);
    if (partner >= 0) return top;
    if (state.hasRoom(top, true)) return -1;
    const lowest = (lowKey[top] as number) - RELIEF_SPAN;
    for (let k = members.length - 1, tried = 0; k >= 0 && tried < RELIEVED && (loadOf[k] as number) >= lowest; k--) {
      if (k === topAt) continue;
      tried++;
      partner = search(members[k] as number);
      if (partner >= 0) return members[k] as number;
    }
    return -1;
  };
  for (let s = 0; s < c.scopeCount; s++) {
    const scope = groupItems.subarray(groupStart[s * GRADE_COUNT] as number, groupStart[(s + 1) * GRADE_COUNT] as number);
    if (scope.length < 2) continue;
    // The most loaded (ties to the lower rank, as `nextSwap` picks them) found in the same loop: when they
    // hold no case of the batch, nothing can be given for them and the scope is left before its order is
    // built (most scopes of a small weekly batch, where the most loaded take no new case).
    // The same loop sets the capacities the order is built from (written in vain for a scope left).
    let top = scope[0] as number;
    let topCapacity = capacity(top);
    for (const p of scope) {
      const capacityP = capacity(p);
      lowKey[p] = capacityP;
      if (capacityP > topCapacity || (capacityP === topCapacity && (c.rank[p] as number) < (c.rank[top] as number))) {
        top = p;
        topCapacity = capacityP;
      }
    }
    if (lists.start[top] === lists.start[top + 1]) continue;
    members = byLoad.subarray(0, scope.length);
    members.set(scope);
    members.sort((a, b) => (lowKey[a] as number) - (lowKey[b] as number) || (c.rank[a] as number) - (c.rank[b] as number));
    for (let k = 0; k < members.length; k++) loadOf[k] = lowKey[members[k] as number] as number;
    swaps = 0;
    for (const p of scope) {
      failedAt[p] = -1;
      changedAt[p] = 0;
    }
    for (let budget = scope.length * EXCHANGES_PER_PRACTITIONER; budget > 0; budget--) {
      const p = nextSwap();
      if (p < 0) break;
      const q = partner;
      swap(state, lists, p, q, best.at, best.partnerAt);
      rekey(p);
      rekey(q);
      changed[2 * swaps] = p;
      changed[2 * swaps + 1] = q;
      swaps++;
      changedAt[p] = swaps;
      changedAt[q] = swaps;
    }
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
 * Whether p (the giver) and q have a swap leaving the higher of their capacities at least
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
  lists.holder[a] = q;
  lists.holder[b] = p;
  const moved = (weight[at] as number) - (weight[partnerAt] as number);
  const countsMoved = (counts[at] as number) - (counts[partnerAt] as number);
  state.points[p] = (state.points[p] as number) - moved;
  state.points[q] = (state.points[q] as number) + moved;
  state.ceilingCases[p] = (state.ceilingCases[p] as number) - countsMoved;
  state.ceilingCases[q] = (state.ceilingCases[q] as number) + countsMoved;
  state.assigned[lists.order[a] as number] = q;
  state.assigned[lists.order[b] as number] = p;
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
