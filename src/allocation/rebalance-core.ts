/**
 * The columnar core of rebalancing a held caseload: the fewest cases moved so that no practitioner
 * asked to be relieved is above the capacity target or the case ceiling, and every case of an away
 * practitioner finds a new holder. Each giver sheds the fewest of their cases that bring them under
 * (`shed.ts`), the cases shed are placed by the allocation core itself (`balanced`, the target as its
 * capacity limit, only those who may receive on the list), and what could not be placed is retried
 * with other cases; scopes small enough are then searched exactly (`rebalance-exact.ts`). Trusts its
 * input. Internal.
 */
import { allocateColumnarUnchecked } from './dispatch.js';
import { isPlacedUnchecked } from './summary.js';
import { searchScopesExactly } from './rebalance-exact.js';
import { shedFewest, type ShedNeed } from './shed.js';
import { GRADE_COUNT, type AllocationColumns } from './state.js';
import { AWAY, heldLists, isOver, mayGive, mayReceive, type RebalanceColumns, type RebalanceRules } from './rebalance-columns.js';

/** What the core decided. */
export interface RebalanceCore {
  /** New holder of each held case: its owner when it stays (an away practitioner's case that no one could take stays, stranded). */
  readonly holder: Int32Array;
  /** For a stranded case (an away practitioner's that stays), the index in OUTCOMES of why no one could take it. */
  readonly strandedReason: Uint8Array;
  readonly pointsHundredths: Float64Array;
  readonly cases: Uint32Array;
  readonly ceilingCases: Uint32Array;
}

/**
 * Rounds of shedding and placing (4): a round's unplaced cases are refused for good (those who may
 * receive only fill up), so each round the givers still over choose among fewer cases; four rounds
 * settle every problem of the family bench, and bound the work when a scope is full.
 */
const ROUNDS = 4;

/**
 * Rebalances: the givers (away, or to be relieved and over the target or ceiling) shed cases, the
 * allocation core places them on those who may receive (never above the target or the ceiling),
 * in at most ROUNDS rounds; then each small scope is searched exactly. The trusted core of `rebalanceCaseload`.
 */
export function rebalanceUnchecked(c: RebalanceColumns, rules: RebalanceRules): RebalanceCore {
  const P = c.practitionerCount;
  const points = c.pointsHundredths.slice();
  const cases = c.cases.slice();
  const ceilingCases = c.ceilingCases.slice();
  const holder = c.heldOwner.slice();
  const strandedReason = new Uint8Array(c.heldCount);
  const lists = heldLists(c.heldOwner, P);
  /** 1 once a case was offered and no one could take it: those who may receive only fill up, so no one will. */
  const refused = new Uint8Array(c.heldCount);
  const giver = new Uint8Array(P);
  for (let p = 0; p < P; p++) {
    if (c.status[p] === AWAY ? lists.start[p] !== lists.start[p + 1] : mayGive(c, p) && isOver(c, rules, p, points[p] as number, ceilingCases[p] as number)) giver[p] = 1;
  }
  // Those above the ceiling (not to be relieved) take nothing either: no one who receives ends above it.
  const onList = Uint8Array.from({ length: P }, (_, p) => (giver[p] === 0 && mayReceive(c, p) && (ceilingCases[p] as number) <= rules.ceiling ? 1 : 0));
  const coreRules = { policy: 'balanced' as const, eligibleMask: rules.eligibleMask, ceiling: rules.ceiling, capacityLimit: rules.target, continuity: false };
  for (let round = 0; round < ROUNDS; round++) {
    const room = new ReceiverRoom(c, rules, onList, points, ceilingCases);
    const shed: number[] = [];
    for (let p = 0; p < P; p++) {
      if (giver[p] === 0) continue;
      const away = c.status[p] === AWAY;
      const movable: number[] = [];
      for (let k = lists.start[p] as number; k < (lists.start[p + 1] as number); k++) {
        const i = lists.items[k] as number;
        if (holder[i] !== p || refused[i] === 1) continue;
        if (away || room.canTake(c.scope[p] as number, i)) movable.push(i);
      }
      if (movable.length === 0) continue;
      const need: ShedNeed = away ? { all: true, points: 0, counted: 0 } : shedNeed(c, rules, p, points[p] as number, ceilingCases[p] as number);
      if (!need.all && need.points <= 0 && need.counted <= 0) continue;
      for (const i of shedFewest(movable, c.heldWeight, c.heldCounts, c.heldCost, need)) shed.push(i);
    }
    if (shed.length === 0) break;
    const placed = placeShed(c, coreRules, shed, points, cases, ceilingCases, onList);
    shed.forEach((i, k) => {
      const q = placed.assigned[k] as number;
      const from = c.heldOwner[i] as number;
      if (q < 0) {
        refused[i] = 1;
        strandedReason[i] = placed.outcome[k] as number;
        return;
      }
      move(c, i, from, q, points, cases, ceilingCases);
      holder[i] = q;
    });
  }
  searchScopesExactly(c, rules, lists, holder);
  return settle(c, holder, strandedReason);
}

/** What giver p must shed: at least `points` hundredths (x 100, to stay in whole numbers) and `counted` cases toward the ceiling. */
function shedNeed(c: RebalanceColumns, rules: RebalanceRules, p: number, points: number, counted: number): ShedNeed {
  const available = c.available[p] as number;
  return {
    all: false,
    points: available > 0 ? points * 100 - Math.round(rules.target * 100) * available : 0,
    counted: Number.isFinite(rules.ceiling) ? counted - rules.ceiling : 0,
  };
}

function move(c: RebalanceColumns, i: number, from: number, to: number, points: Float64Array, cases: Uint32Array, ceilingCases: Uint32Array): void {
  const w = c.heldWeight[i] as number;
  const n = c.heldCounts[i] as number;
  points[from] = (points[from] as number) - w;
  points[to] = (points[to] as number) + w;
  cases[from] = (cases[from] as number) - 1;
  cases[to] = (cases[to] as number) + 1;
  ceilingCases[from] = (ceilingCases[from] as number) - n;
  ceilingCases[to] = (ceilingCases[to] as number) + n;
}

/** Places the shed cases with the allocation core: `balanced`, the target as the capacity limit, only those on `onList` receiving. */
function placeShed(
  c: RebalanceColumns,
  coreRules: Parameters<typeof allocateColumnarUnchecked>[1],
  shed: readonly number[],
  points: Float64Array,
  cases: Uint32Array,
  ceilingCases: Uint32Array,
  onList: Uint8Array,
): { readonly assigned: Int32Array; readonly outcome: Uint8Array } {
  const n = shed.length;
  const columns: AllocationColumns = {
    practitionerCount: c.practitionerCount,
    available: c.available,
    pointsHundredths: points,
    cases,
    ceilingCases,
    grade: c.grade,
    scope: c.scope,
    rank: c.rank,
    scopeCount: c.scopeCount,
    onList,
    caseCount: n,
    caseWeight: Float64Array.from(shed, (i) => c.heldWeight[i] as number),
    caseLevel: Uint8Array.from(shed, (i) => c.heldLevel[i] as number),
    caseCounts: Uint8Array.from(shed, (i) => c.heldCounts[i] as number),
    caseScope: Uint32Array.from(shed, (i) => c.scope[c.heldOwner[i] as number] as number),
    casePreferred: new Int32Array(n).fill(-1),
  };
  const r = allocateColumnarUnchecked(columns, coreRules);
  return { assigned: Int32Array.from(r.assigned, (p, k) => (isPlacedUnchecked(r.outcome[k] as number) ? p : -1)), outcome: r.outcome };
}

/**
 * The most room any practitioner on the list has, per (scope, grade), under the target (hundredths)
 * and, for cases that count, under the ceiling as well: a case no one could take alone is not offered.
 */
class ReceiverRoom {
  readonly #any: Float64Array;
  readonly #counted: Float64Array;
  readonly #mask: Uint8Array;
  readonly #level: Uint8Array;
  readonly #weight: Float64Array;
  readonly #counts: Uint8Array;
  readonly #grades: number;

  constructor(c: RebalanceColumns, rules: RebalanceRules, onList: Uint8Array, points: Float64Array, ceilingCases: Uint32Array) {
    this.#grades = GRADE_COUNT;
    this.#any = new Float64Array(c.scopeCount * this.#grades).fill(-1);
    this.#counted = new Float64Array(c.scopeCount * this.#grades).fill(-1);
    const limit = Math.round(rules.target * 100);
    for (let p = 0; p < c.practitionerCount; p++) {
      if (onList[p] === 0) continue;
      const slot = (c.scope[p] as number) * this.#grades + (c.grade[p] as number);
      const room = (limit * (c.available[p] as number)) / 100 - (points[p] as number);
      if (room > (this.#any[slot] as number)) this.#any[slot] = room;
      if ((ceilingCases[p] as number) < rules.ceiling && room > (this.#counted[slot] as number)) this.#counted[slot] = room;
    }
    this.#mask = rules.eligibleMask;
    this.#level = c.heldLevel;
    this.#weight = c.heldWeight;
    this.#counts = c.heldCounts;
  }

  /** Whether someone of the scope on the list, of an eligible grade, has room for held case i. */
  canTake(scope: number, i: number): boolean {
    const mask = this.#mask[this.#level[i] as number] as number;
    const rooms = this.#counts[i] === 1 ? this.#counted : this.#any;
    const w = this.#weight[i] as number;
    for (let g = 0; g < this.#grades; g++) if (((mask >> g) & 1) === 1 && (rooms[scope * this.#grades + g] as number) >= w) return true;
    return false;
  }
}

/** Final loads from the holders. */
function settle(c: RebalanceColumns, holder: Int32Array, strandedReason: Uint8Array): RebalanceCore {
  const points = c.pointsHundredths.slice();
  const cases = c.cases.slice();
  const ceilingCases = c.ceilingCases.slice();
  for (let i = 0; i < c.heldCount; i++) {
    const to = holder[i] as number;
    const from = c.heldOwner[i] as number;
    if (to === from) continue;
    strandedReason[i] = 0;
    move(c, i, from, to, points, cases, ceilingCases);
  }
  return { holder, strandedReason, pointsHundredths: points, cases, ceilingCases };
}
