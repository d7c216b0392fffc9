import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { BALANCED } from '../../src/allocation/outcomes.js';
import { exchangeCases } from '../../src/allocation/exchange.js';
import { coreRulesUnchecked, resolveRulesUnchecked } from '../../src/allocation/rules.js';
import { Allocation, type AllocationColumns } from '../../src/allocation/state.js';
import { GRADES } from '../../src/index.js';
import { ALLOCATION_LEVELS } from '../../src/constants.js';

const PO = GRADES.indexOf('PO');
const PSO = GRADES.indexOf('PSO');
const LEVEL_A = ALLOCATION_LEVELS.indexOf('A');
const LEVEL_C = ALLOCATION_LEVELS.indexOf('C');

interface Held {
  readonly grade: number;
  readonly available: number;
}

/** One scope, nobody holding anything before the batch; case weights in hundredths. */
function columns(team: readonly Held[], cases: readonly { weight: number; level: number; counts?: boolean }[]): AllocationColumns {
  return {
    practitionerCount: team.length,
    available: Float64Array.from(team, (p) => p.available),
    pointsHundredths: new Float64Array(team.length),
    cases: new Uint32Array(team.length),
    ceilingCases: new Uint32Array(team.length),
    grade: Uint8Array.from(team, (p) => p.grade),
    scope: new Uint32Array(team.length),
    rank: Uint32Array.from(team, (_, i) => i),
    caseCount: cases.length,
    caseWeight: Float64Array.from(cases, (c) => c.weight),
    caseLevel: Uint8Array.from(cases, (c) => c.level),
    caseCounts: Uint8Array.from(cases, (c) => (c.counts === false ? 0 : 1)),
    caseScope: new Uint32Array(cases.length),
    casePreferred: new Int32Array(cases.length).fill(-1),
    scopeCount: 1,
  };
}

/**
 * Places case i on holder[i] as `balanced` would have, then runs the exchange pass over the cases
 * heaviest first, in spans of like cases (weight, level and ceiling count) as `balanced`'s runs come.
 */
function placeThenRebalance(c: AllocationColumns, holder: readonly number[], ceiling: number | null = 50, capacityLimit: number | null = null) {
  const state = new Allocation(c, coreRulesUnchecked('balanced', resolveRulesUnchecked({ ceiling, capacityLimit })));
  holder.forEach((p, i) => state.placeKnown(i, p, BALANCED, c.caseWeight[i] as number, c.caseCounts[i] === 1));
  const order = Int32Array.from({ length: c.caseCount }, (_, i) => i).sort((a, b) => (c.caseWeight[b] as number) - (c.caseWeight[a] as number));
  const alike = (a: number, b: number) => c.caseWeight[a] === c.caseWeight[b] && c.caseLevel[a] === c.caseLevel[b] && c.caseCounts[a] === c.caseCounts[b];
  const starts: number[] = [];
  for (let k = 0; k < order.length; k++) if (k === 0 || !alike(order[k - 1] as number, order[k] as number)) starts.push(k);
  const spans = Int32Array.from(starts.flatMap((start, r) => [start, starts[r + 1] ?? order.length]));
  const touched = exchangeCases(state, order, spans, Int32Array.from(order, (i) => holder[i] as number));
  return { state, touched };
}

/** Level C cases of 60, 20, 10 and 10 points. */
const SIXTY_TWENTY_TEN_TEN = [6000, 2000, 1000, 1000].map((weight) => ({ weight, level: LEVEL_C }));

const capacity = (state: Allocation, p: number) => (state.points[p] as number) / (state.c.available[p] as number);

describe('rebalance (the exchange pass of balanced)', () => {
  it('swaps the most loaded one\'s heavy case for a light one while that lowers the highest capacity (worked example)', () => {
    // Two POs of 100 points. PO 0 holds 60 + 20 = 80 points (80%), PO 1 holds 10 + 10 = 20 (20%).
    // Even split: move (80 x 100 - 20 x 100) / 200 = 30 points. Giving the 60 for a 10 moves 50:
    // PO 0 at 30%, PO 1 at 70%, highest 70 < 80: made. Then PO 1 is the most loaded (70%): the best
    // swap gives its 60 for PO 0's 20 (moves 40: 30 + 40 = 70% again), not lower, so the pass stops.
    const c = columns([{ grade: PO, available: 100 }, { grade: PO, available: 100 }], SIXTY_TWENTY_TEN_TEN);
    const { state, touched } = placeThenRebalance(c, [0, 0, 1, 1]);
    expect([capacity(state, 0), capacity(state, 1)]).toEqual([30, 70]);
    expect(Array.from(state.assigned)).toEqual([1, 0, 0, 1]);
    expect(Array.from(touched)).toEqual([1, 1]);
    // Cases and counts toward the ceiling: each gave one and took one.
    expect(Array.from(state.ceilingCases)).toEqual([2, 2]);
  });

  it('never gives a case to a grade that may not take it', () => {
    // PO 0 holds an A case of 60 and a C of 20 (80%); PSO 1 holds two C of 10 (20%). A cases go to
    // POs only, so the 60 cannot move; the 20 for a 10 moves 10: PO 70%, PSO 30%.
    const c = columns([{ grade: PO, available: 100 }, { grade: PSO, available: 100 }], [
      { weight: 6000, level: LEVEL_A },
      { weight: 2000, level: LEVEL_C },
      { weight: 1000, level: LEVEL_C },
      { weight: 1000, level: LEVEL_C },
    ]);
    const { state } = placeThenRebalance(c, [0, 0, 1, 1]);
    expect(state.assigned[0]).toBe(0);
    expect([capacity(state, 0), capacity(state, 1)]).toEqual([70, 30]);
  });

  it('looks for partners only among the grades that may take the most loaded one\'s cases', () => {
    // PO 0 holds two A cases of 60 and 20 (80%); nine PSOs hold a C of 5 each (5%), PO 10 two A of 10
    // (20%). A cases go to POs only, so no PSO can take either of PO 0's: they are passed over, not
    // counted among the partners tried (nine PSOs would use up all 8 tries before PO 10 is reached).
    // PO 0 gives the 60 for a 10: PO 0 at 30%, PO 10 at 70%.
    const team = [{ grade: PO, available: 100 }, ...Array.from({ length: 9 }, () => ({ grade: PSO, available: 100 })), { grade: PO, available: 100 }];
    const c = columns(team, [
      { weight: 6000, level: LEVEL_A },
      { weight: 2000, level: LEVEL_A },
      ...Array.from({ length: 9 }, () => ({ weight: 500, level: LEVEL_C })),
      { weight: 1000, level: LEVEL_A },
      { weight: 1000, level: LEVEL_A },
    ]);
    const { state } = placeThenRebalance(c, [0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10]);
    expect([capacity(state, 0), capacity(state, 10)]).toEqual([30, 70]);
    expect(state.assigned[0]).toBe(10);
  });

  it('passes over partners whose only lighter cases the most loaded one\'s grade may not take', () => {
    // PSO 0 holds two C cases of 60 and 20 (80%). POs 1-9 (1,000 points) hold an A case of 5 and a C
    // of 70 (7.5%): their 5 is lighter than the 60, but a PSO may not take an A case, and their C is
    // heavier than anything PSO 0 holds, so they are no partners (all 8 tries would go on them).
    // PSO 10 (100 points) holds two C of 10 (20%): PSO 0 gives the 60 for a 10, leaving 30% and 70%.
    const team = [{ grade: PSO, available: 100 }, ...Array.from({ length: 9 }, () => ({ grade: PO, available: 1000 })), { grade: PSO, available: 100 }];
    const c = columns(team, [
      { weight: 6000, level: LEVEL_C },
      { weight: 2000, level: LEVEL_C },
      ...Array.from({ length: 9 }, () => [
        { weight: 500, level: LEVEL_A },
        { weight: 7000, level: LEVEL_C },
      ]).flat(),
      { weight: 1000, level: LEVEL_C },
      { weight: 1000, level: LEVEL_C },
    ]);
    const holder = [0, 0, ...Array.from({ length: 9 }, (_, k) => [k + 1, k + 1]).flat(), 10, 10];
    const { state } = placeThenRebalance(c, holder);
    expect([capacity(state, 0), capacity(state, 10)]).toEqual([30, 70]);
    expect(state.assigned[0]).toBe(10);
  });

  it('passes over partners at the ceiling whose only lighter cases do not count toward it', () => {
    // Ceiling 2, everyone at it. PO 0 holds counted 60 and 20 (80%). POs 1-8 (300 points) hold counted
    // 70 and 70 and an uncounted 1 (47%): their 1 is lighter, but swapping it for a counted case would
    // put them over the ceiling, so they are no partners (all 8 tries would go on them). PO 9 holds
    // counted 10 and 40 (50%): a swap leaves the highest at 70%.
    const team = [{ grade: PO, available: 100 }, ...Array.from({ length: 8 }, () => ({ grade: PO, available: 300 })), { grade: PO, available: 100 }];
    const c = columns(team, [
      { weight: 6000, level: LEVEL_C },
      { weight: 2000, level: LEVEL_C },
      ...Array.from({ length: 8 }, () => [
        { weight: 7000, level: LEVEL_C },
        { weight: 7000, level: LEVEL_C },
        { weight: 100, level: LEVEL_C, counts: false },
      ]).flat(),
      { weight: 1000, level: LEVEL_C },
      { weight: 4000, level: LEVEL_C },
    ]);
    const holder = [0, 0, ...Array.from({ length: 8 }, (_, k) => [k + 1, k + 1, k + 1]).flat(), 9, 9];
    const { state } = placeThenRebalance(c, holder, 2);
    expect(Math.max(...team.map((_, p) => capacity(state, p)))).toBe(70);
  });

  it('looks for the next swap among partners in their order after the last one (the former most loaded included)', () => {
    // Two POs of 100 points. PO 0 holds 60, 20 and 1 (81%), PO 1 two of 10 (20%). Even split: move
    // (81 - 20) / 2 = 30.5; the 60 for a 10 leaves 31% and 70%. PO 1 is now the most loaded, and its
    // only partner is PO 0, who was above it before the swap: PO 1 gives a 10 for the 1 (moves 9),
    // leaving 61% and 40%. Then nothing lowers PO 1: the 60 for the 20 leaves PO 0 at 80%.
    const c = columns([{ grade: PO, available: 100 }, { grade: PO, available: 100 }], [6000, 2000, 100, 1000, 1000].map((weight) => ({ weight, level: LEVEL_C })));
    const { state } = placeThenRebalance(c, [0, 0, 0, 1, 1]);
    expect([capacity(state, 0), capacity(state, 1)]).toEqual([40, 61]);
  });

  it('swaps a counted case for one that does not count toward the ceiling when the taker has room', () => {
    // Ceiling 2. PO 0 (100 points) holds counted 60 and 20 (80%), at the ceiling; PO 1 (100) holds an
    // uncounted 10 (10%) and no counted case. The 60 for the 10 takes PO 1 to 1 counted case: 30% and 60%.
    const c = columns([{ grade: PO, available: 100 }, { grade: PO, available: 100 }], [
      { weight: 6000, level: LEVEL_C },
      { weight: 2000, level: LEVEL_C },
      { weight: 1000, level: LEVEL_C, counts: false },
    ]);
    const { state } = placeThenRebalance(c, [0, 0, 1], 2);
    expect([capacity(state, 0), capacity(state, 1)]).toEqual([30, 60]);
    expect(Array.from(state.ceilingCases)).toEqual([1, 1]);
  });

  it('swaps an uncounted case for a counted one when the giver has room under the ceiling', () => {
    // Ceiling 2. PO 0 (100 points) holds an uncounted 60 and a counted 5 (65%, 1 counted); PO 1 (300)
    // holds two counted 10s (6.67%), at the ceiling. No counted case of PO 1 is lighter than PO 0's 5,
    // so the only swap is the 60 for a 10, which PO 0's free slot allows: 15% and 70 / 300 = 23.33%.
    // Then PO 1 is the most loaded and gives a 10 for the 5 (counted for counted): 20% and 65 / 300 = 21.67%.
    const c = columns([{ grade: PO, available: 100 }, { grade: PO, available: 300 }], [
      { weight: 6000, level: LEVEL_C, counts: false },
      { weight: 500, level: LEVEL_C },
      { weight: 1000, level: LEVEL_C },
      { weight: 1000, level: LEVEL_C },
    ]);
    const { state } = placeThenRebalance(c, [0, 0, 1, 1], 2);
    expect(capacity(state, 0)).toBe(20);
    expect(capacity(state, 1)).toBeCloseTo(65 / 3, 10);
    expect(state.assigned[0]).toBe(1);
    expect(Array.from(state.ceilingCases)).toEqual([2, 1]);
  });

  /**
   * Everyone at the ceiling (2, unless given), every case counted: PSO 0 (100 points) holds C cases of
   * 60 and 20 (80%), PO 1 (100) the two cases given, PO 2 (1,000) two A of 10 (2%). A cases go to POs only.
   */
  const reliefExample = (poOne: readonly { weight: number; level: number }[], ceiling = 2) => {
    const team = [{ grade: PSO, available: 100 }, { grade: PO, available: 100 }, { grade: PO, available: 1000 }];
    const cases = [{ weight: 6000, level: LEVEL_C }, { weight: 2000, level: LEVEL_C }, ...poOne, { weight: 1000, level: LEVEL_A }, { weight: 1000, level: LEVEL_A }];
    return placeThenRebalance(columns(team, cases), [0, 0, 1, 1, 2, 2], ceiling);
  };
  const capacities = (state: Allocation) => [0, 1, 2].map((p) => capacity(state, p));

  it('at the ceiling with no swap, lowers the one just below to make room for a swap (worked example)', () => {
    // PO 1 holds an A of 75 and a C of 1 (76%). PSO 0's only partner is PO 1, who would rise to 95% or
    // 135%: no swap for the most loaded. PO 1 (within 10 points below) gives its 75 for PO 2's 10: 11%
    // and 8.5%. Then PSO 0 gives its 20 for PO 1's 1: 61% and 30% (the 60 would leave PO 1 at 70%,
    // higher). PSO 0 has no swap again and no one is within 10 points below: the highest is 61%, where
    // it stopped at 80% before.
    const poOne = [{ weight: 7500, level: LEVEL_A }, { weight: 100, level: LEVEL_C }];
    const { state } = reliefExample(poOne);
    expect(capacities(state)).toEqual([61, 30, 8.5]);
    expect(Array.from(state.assigned)).toEqual([0, 1, 2, 0, 2, 1]);
    // Under a ceiling of 3, PSO 0 has room: no one below is relieved, and the pass stops where it was.
    const roomy = reliefExample(poOne, 3);
    expect(capacities(roomy.state)).toEqual([80, 76, 2]);
    expect(Array.from(roomy.touched)).toEqual([0, 0, 0]);
  });

  it('after a relief, the most loaded may swap with the relief\'s partner (the last member changed)', () => {
    // PO 1 holds a C of 50 and an A of 25 (75%). PSO 0 (80%) would leave PO 1 at 85% with the 60 for
    // the 50, and PO 1 holds no other case a PSO may take: no swap. PO 1 gives its 50 for a 10 of
    // PO 2's (the 25 for a 10 would leave it at 60%): 35% and 6%. PSO 0 then gives the 60 for PO 2's
    // 50, the second member of the swap just made: 70% and 7%. No one is within 10 points below.
    const { state } = reliefExample([{ weight: 5000, level: LEVEL_C }, { weight: 2500, level: LEVEL_A }]);
    expect(capacities(state)).toEqual([70, 35, 7]);
    expect(Array.from(state.assigned.subarray(0, 4))).toEqual([2, 0, 0, 1]);
    expect(Array.from(state.ceilingCases)).toEqual([2, 2, 2]);
  });

  it('relieves a member exactly 10 points below the most loaded', () => {
    // PO 1 holds an A of 69 and a C of 1: 70%, 10 points below PSO 0's 80%. PO 1 gives the 69 for a
    // 10: 11% and 79 / 1,000 = 7.9%. PSO 0 then gives its 20 for PO 1's 1: 61% and 30%.
    const { state } = reliefExample([{ weight: 6900, level: LEVEL_A }, { weight: 100, level: LEVEL_C }]);
    expect(capacities(state)).toEqual([61, 30, 7.9]);
  });

  it('makes no swap that lowers the most loaded by less than 0.01 points', () => {
    // PO 0 of 10,000 points holds cases of 50.00 and 1.00 points; PO 1 of 10,000 holds one of 0.99.
    // Giving the 1.00 for the 0.99 would lower PO 0 from 0.5100% by 0.0001 points: too little.
    const c = columns([{ grade: PO, available: 10_000 }, { grade: PO, available: 10_000 }], [
      { weight: 5000, level: LEVEL_C },
      { weight: 100, level: LEVEL_C },
      { weight: 99, level: LEVEL_C },
    ]);
    const { touched } = placeThenRebalance(c, [0, 0, 1]);
    expect(Array.from(touched)).toEqual([0, 0]);
  });

  it('keeps the capacity limit: no swap takes the partner over it', () => {
    // As the first example, with a limit of 60%: giving the 60 for a 10 would put PO 1 at 70%.
    // Giving the 20 for a 10 leaves PO 0 at 70% and PO 1 at 30%, within the limit.
    const c = columns([{ grade: PO, available: 100 }, { grade: PO, available: 100 }], SIXTY_TWENTY_TEN_TEN);
    const { state } = placeThenRebalance(c, [0, 0, 1, 1], 50, 60);
    expect([capacity(state, 0), capacity(state, 1)]).toEqual([70, 30]);
  });

  it('keeps the ceiling: a counted case is not swapped onto a practitioner at the ceiling for an uncounted one', () => {
    // Ceiling 1. PO 0 holds a counted 60 (60%); PO 1 holds an uncounted 10 and a counted 5 (15%),
    // so it is at the ceiling. The 60 for the uncounted 10 would put PO 1 at 2 counted cases: refused.
    // The 60 for the counted 5 leaves PO 1 at 10 + 60 = 70% > 60%: no better. No swap is made.
    const c = columns([{ grade: PO, available: 100 }, { grade: PO, available: 100 }], [
      { weight: 6000, level: LEVEL_C },
      { weight: 1000, level: LEVEL_C, counts: false },
      { weight: 500, level: LEVEL_C },
    ]);
    const { state, touched } = placeThenRebalance(c, [0, 1, 1], 1);
    expect(Array.from(state.assigned)).toEqual([0, 1, 1]);
    expect(Array.from(touched)).toEqual([0, 0]);
  });

  const problem = fc
    .record({
      team: fc.array(fc.record({ grade: fc.constantFrom(PO, PSO), available: fc.integer({ min: 50, max: 400 }) }), { minLength: 2, maxLength: 6 }),
      cases: fc.array(fc.record({ weight: fc.integer({ min: 1, max: 300 }).map((w) => w * 100), level: fc.constantFrom(LEVEL_A, LEVEL_C), counts: fc.boolean() }), {
        minLength: 1,
        maxLength: 40,
      }),
      holders: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
      ceiling: fc.integer({ min: 1, max: 20 }),
    })
    .map(({ team, cases, holders, ceiling }) => {
      // Each case on an eligible practitioner (A cases on POs only); a team with no PO has only C cases.
      const pos = team.flatMap((p, i) => (p.grade === PO ? [i] : []));
      const fixed = cases.map((x) => (pos.length === 0 ? { ...x, level: LEVEL_C } : x));
      const holder = fixed.map((x, i) => {
        const pool = x.level === LEVEL_A ? pos : team.map((_, j) => j);
        return pool[(holders[i] as number) % pool.length] as number;
      });
      return { team, cases: fixed, holder, ceiling };
    });

  test.prop([problem])('keeps every rule, every case and every point, and never raises the highest capacity', ({ team, cases, holder, ceiling }) => {
    const c = columns(team, cases);
    const counted = team.map((_, p) => cases.filter((x, i) => holder[i] === p && x.counts).length);
    const { state } = placeThenRebalance(c, holder, ceiling);
    const before = Math.max(...team.map((p, i) => cases.reduce((s, x, j) => s + (holder[j] === i ? x.weight : 0), 0) / p.available));
    const after = Math.max(...team.map((_, p) => capacity(state, p)));
    expect(after).toBeLessThanOrEqual(before);
    team.forEach((p, i) => {
      const mine = cases.filter((_, j) => state.assigned[j] === i);
      // Points and counts agree with the cases each one now holds.
      expect(state.points[i]).toBe(mine.reduce((s, x) => s + x.weight, 0));
      expect(state.ceilingCases[i]).toBe(mine.filter((x) => x.counts).length);
      // The ceiling holds where it held before (no one is pushed over it by a swap).
      expect(state.ceilingCases[i] as number).toBeLessThanOrEqual(Math.max(ceiling, counted[i] as number));
      // Eligibility: A cases stay with POs.
      if (p.grade !== PO) expect(mine.every((x) => x.level !== LEVEL_A)).toBe(true);
    });
    // Every case still placed exactly once, and the number of cases each one holds is unchanged.
    expect(Array.from(state.assigned).every((p) => p >= 0)).toBe(true);
    team.forEach((_, i) => expect(Array.from(state.assigned).filter((p) => p === i).length).toBe(holder.filter((p) => p === i).length));
  });
});
