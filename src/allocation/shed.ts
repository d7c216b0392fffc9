/**
 * Which of one practitioner's cases to move when rebalancing: the fewest that bring them under the
 * capacity target and the case ceiling, and of those the ones whose moving costs least, taken in
 * cost order (the most recently allocated first, or the lowest stated cost). Internal.
 */

/** What a practitioner must shed: every case, or enough points and cases toward the ceiling. */
export interface ShedNeed {
  /** Shed every case (an away practitioner). */
  readonly all: boolean;
  /** Points to shed, in hundredths x 100 (the shed weights' sum x 100 must reach it); 0 or less: none. */
  readonly points: number;
  /** Cases toward the ceiling to shed; 0 or less: none. */
  readonly counted: number;
}

/**
 * Most cases one practitioner may offer for the cost-ordered choice (512): each case taken in cost
 * order checks that the rest can still be completed, a pass over the cases, so the choice is
 * quadratic in them. Above this (a practitioner holding thousands, scope `none`), the fewest
 * heaviest cases are shed, still the fewest, without regard to cost.
 */
const COST_ORDERED_LIMIT = 512;

/**
 * The cases to shed among `movable` (held-case indexes): the fewest whose weights reach
 * `need.points` and of which at least `need.counted` count toward the ceiling; of all such sets,
 * the one taken greedily in cost order (lowest `cost` first, then heaviest, then index), each case
 * kept when the rest can still be completed with as few cases. When too few movable cases count
 * toward the ceiling, as many as there are (and no case that would not help); when no set is enough
 * on points, all of them (the most that can be done). Every movable case when `need.all`.
 */
export function shedFewest(movable: readonly number[], weight: Float64Array, counts: Uint8Array, cost: Float64Array, need: ShedNeed): number[] {
  if (need.all) return [...movable];
  const n = movable.length;
  const w = (k: number) => weight[movable[k] as number] as number;
  const counted = (k: number) => counts[movable[k] as number] === 1;
  const c = (k: number) => cost[movable[k] as number] as number;
  const byWeight = Array.from({ length: n }, (_, k) => k).sort((a, b) => w(b) - w(a) || c(a) - c(b) || a - b);
  const decided = new Uint8Array(n);
  const taken = new Uint8Array(n);
  /** The fewest undecided cases completing (points, counted) within `slots`, marked in `taken`, or -1 when none do. */
  const complete = (slots: number, points: number, countedNeed: number): number => {
    taken.fill(0);
    const needCounted = Math.max(0, countedNeed);
    let used = 0;
    let sum = 0;
    for (let j = 0; j < n && used < needCounted; j++) {
      const k = byWeight[j] as number;
      if (decided[k] === 0 && counted(k)) {
        taken[k] = 1;
        used++;
        sum += w(k) * 100;
      }
    }
    if (used < needCounted) return -1;
    for (let j = 0; j < n && sum < points; j++) {
      const k = byWeight[j] as number;
      if (decided[k] === 0 && taken[k] === 0) {
        taken[k] = 1;
        used++;
        sum += w(k) * 100;
      }
    }
    return sum < points || used > slots ? -1 : used;
  };
  let fewest = complete(n, need.points, need.counted);
  let countedNeed = need.counted;
  if (fewest < 0) {
    // Too few movable cases count toward the ceiling: shed those there are, and what the points still need.
    let countedMovable = 0;
    for (let k = 0; k < n; k++) if (counted(k)) countedMovable++;
    countedNeed = Math.min(countedNeed, countedMovable);
    fewest = complete(n, need.points, countedNeed);
    // Still short on points (their capacity is above the target): every movable case brings them nearer.
    if (fewest < 0) return [...movable];
  }
  if (n > COST_ORDERED_LIMIT) return byWeight.filter((k) => taken[k] === 1).map((k) => movable[k] as number);
  const byCost = Array.from({ length: n }, (_, k) => k).sort((a, b) => c(a) - c(b) || w(b) - w(a) || a - b);
  const chosen: number[] = [];
  let slots = fewest;
  let points = need.points;
  for (const k of byCost) {
    if (slots === 0 || (points <= 0 && countedNeed <= 0)) break;
    decided[k] = 1;
    if (complete(slots - 1, points - w(k) * 100, countedNeed - (counted(k) ? 1 : 0)) >= 0) {
      chosen.push(movable[k] as number);
      slots--;
      points -= w(k) * 100;
      countedNeed -= counted(k) ? 1 : 0;
    }
  }
  return chosen;
}
