/**
 * The exact search of rebalancing, for scopes small enough: every way of giving each movable case a
 * holder, depth first with bounds, keeping the fewest moves (then the least cost) that keep every
 * rule. It starts from the heuristic's plan when that met the target in the scope, so it can only
 * improve on it, and it stops at a fixed number of steps. Internal.
 */
import { AWAY, isOver, mayGive, mayReceive, type HeldLists, type RebalanceColumns, type RebalanceRules } from './rebalance-columns.js';

/**
 * Most movable cases a scope may have for the exact search (10): with up to 8 practitioners that is
 * at most 8^10 ways, cut down by the bounds to a few thousand steps in practice; above it the
 * heuristic's plan stands.
 */
const EXACT_CASES = 10;
/** Most practitioners a scope may have for the exact search (8). */
const EXACT_PRACTITIONERS = 8;
/** Steps of the search per scope (200,000) before it gives up and the heuristic's plan stands. */
const STEP_BUDGET = 200_000;

/** Searches each scope that is small enough and has something to do, and writes a better plan into `holder`. */
export function searchScopesExactly(c: RebalanceColumns, rules: RebalanceRules, lists: HeldLists, holder: Int32Array): void {
  const members: number[][] = Array.from({ length: c.scopeCount }, () => []);
  const tooMany = new Uint8Array(c.scopeCount);
  for (let p = 0; p < c.practitionerCount; p++) {
    const s = c.scope[p] as number;
    if (tooMany[s] === 1) continue;
    const list = members[s] as number[];
    list.push(p);
    if (list.length > EXACT_PRACTITIONERS) {
      tooMany[s] = 1;
      list.length = 0;
    }
  }
  members.forEach((m, s) => {
    if (tooMany[s] === 0 && m.length > 0) searchScope(c, rules, lists, m, holder);
  });
}

function searchScope(c: RebalanceColumns, rules: RebalanceRules, lists: HeldLists, members: readonly number[], holder: Int32Array): void {
  const movable: number[] = [];
  let work = false;
  for (const p of members) {
    if (!mayGive(c, p)) continue;
    for (let k = lists.start[p] as number; k < (lists.start[p + 1] as number); k++) movable.push(lists.items[k] as number);
    if (movable.length > EXACT_CASES) return;
    if (c.status[p] === AWAY ? lists.start[p] !== lists.start[p + 1] : isOver(c, rules, p, c.pointsHundredths[p] as number, c.ceilingCases[p] as number)) work = true;
  }
  if (!work) return;
  movable.sort((a, b) => (c.heldWeight[b] as number) - (c.heldWeight[a] as number) || a - b);
  const m = members.length;
  const local = new Map(members.map((p, k) => [p, k]));
  const load = Float64Array.from(members, (p) => c.pointsHundredths[p] as number);
  const counted = Float64Array.from(members, (p) => c.ceilingCases[p] as number);
  for (const i of movable) {
    const o = local.get(c.heldOwner[i] as number) as number;
    load[o] = (load[o] as number) - (c.heldWeight[i] as number);
    counted[o] = (counted[o] as number) - (c.heldCounts[i] as number);
  }
  const limit = Math.round(rules.target * 100);
  /** Who must end within the target and ceiling whatever happens: those to be relieved (and still present). */
  const bound = Uint8Array.from(members, (p) => (c.status[p] !== AWAY && mayGive(c, p) ? 1 : 0));
  const within = (k: number) => {
    const p = members[k] as number;
    const available = c.available[p] as number;
    return (counted[k] as number) <= rules.ceiling && (available <= 0 || (load[k] as number) * 100 <= limit * available);
  };
  // Where each case may go: its owner (unless away) first, then whoever of the scope may receive it.
  const options = movable.map((i) => {
    const owner = c.heldOwner[i] as number;
    const mask = rules.eligibleMask[c.heldLevel[i] as number] as number;
    const to: number[] = c.status[owner] === AWAY ? [] : [local.get(owner) as number];
    members.forEach((q, k) => {
      if (q !== owner && mayReceive(c, q) && ((mask >> (c.grade[q] as number)) & 1) === 1) to.push(k);
    });
    return to;
  });
  const owner = movable.map((i) => local.get(c.heldOwner[i] as number) as number);
  const awayAfter = new Float64Array(movable.length + 1);
  const awayCostAfter = new Float64Array(movable.length + 1);
  for (let j = movable.length - 1; j >= 0; j--) {
    const isAway = c.status[c.heldOwner[movable[j] as number] as number] === AWAY;
    awayAfter[j] = (awayAfter[j + 1] as number) + (isAway ? 1 : 0);
    awayCostAfter[j] = (awayCostAfter[j + 1] as number) + (isAway ? (c.heldCost[movable[j] as number] as number) : 0);
  }
  // The heuristic's plan is the one to beat, when it keeps every rule here.
  let bestMoves = Infinity;
  let bestCost = Infinity;
  const incumbent = heuristicPlan(c, rules, members, movable, holder);
  if (incumbent !== null) [bestMoves, bestCost] = incumbent;
  let best: Int32Array | null = null;
  const choice = new Int32Array(movable.length);
  const received = new Int32Array(m);
  let steps = 0;
  const visit = (j: number, moves: number, cost: number): boolean => {
    if (++steps > STEP_BUDGET) return false;
    const lowMoves = moves + (awayAfter[j] as number);
    const lowCost = cost + (awayCostAfter[j] as number);
    if (lowMoves > bestMoves || (lowMoves === bestMoves && lowCost >= bestCost)) return true;
    if (j === movable.length) {
      for (let k = 0; k < m; k++) if ((bound[k] === 1 || (received[k] as number) > 0) && !within(k)) return true;
      bestMoves = moves;
      bestCost = cost;
      best = choice.slice();
      return true;
    }
    const i = movable[j] as number;
    const w = c.heldWeight[i] as number;
    const n = c.heldCounts[i] as number;
    for (const k of options[j] as number[]) {
      const moved = k !== owner[j];
      load[k] = (load[k] as number) + w;
      counted[k] = (counted[k] as number) + n;
      if (moved) received[k] = (received[k] as number) + 1;
      choice[j] = k;
      const ok = (bound[k] === 0 && received[k] === 0) || within(k);
      const go = ok ? visit(j + 1, moves + (moved ? 1 : 0), cost + (moved ? (c.heldCost[i] as number) : 0)) : true;
      load[k] = (load[k] as number) - w;
      counted[k] = (counted[k] as number) - n;
      if (moved) received[k] = (received[k] as number) - 1;
      if (!go) return false;
    }
    return true;
  };
  if (!visit(0, 0, 0) || best === null) return;
  const found: Int32Array = best;
  movable.forEach((i, j) => (holder[i] = members[found[j] as number] as number));
}

/** The heuristic's moves and cost in this scope, or null when its plan leaves someone to be relieved over the target, or an away practitioner's case unmoved. */
function heuristicPlan(c: RebalanceColumns, rules: RebalanceRules, members: readonly number[], movable: readonly number[], holder: Int32Array): [number, number] | null {
  const points = new Map(members.map((p) => [p, c.pointsHundredths[p] as number]));
  const counted = new Map(members.map((p) => [p, c.ceilingCases[p] as number]));
  let moves = 0;
  let cost = 0;
  for (const i of movable) {
    const from = c.heldOwner[i] as number;
    const to = holder[i] as number;
    if (to === from) {
      if (c.status[from] === AWAY) return null;
      continue;
    }
    moves++;
    cost += c.heldCost[i] as number;
    points.set(from, (points.get(from) as number) - (c.heldWeight[i] as number));
    points.set(to, (points.get(to) as number) + (c.heldWeight[i] as number));
    counted.set(from, (counted.get(from) as number) - (c.heldCounts[i] as number));
    counted.set(to, (counted.get(to) as number) + (c.heldCounts[i] as number));
  }
  for (const p of members) {
    if (c.status[p] !== AWAY && mayGive(c, p) && isOver(c, rules, p, points.get(p) as number, counted.get(p) as number)) return null;
  }
  return [moves, cost];
}
