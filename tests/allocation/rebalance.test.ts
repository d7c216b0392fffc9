import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  DEFAULT_WEIGHTINGS,
  allocateCases,
  protectLevelOf,
  rebalanceCaseload,
  workloadPoints,
  type AllocationPractitioner,
  type RebalanceResult,
  type Tier,
} from '../../src/index.js';
import { DEFAULT_ELIGIBLE_GRADES } from '../../src/constants.js';
import { errorOf } from '../helpers.js';

const asOf = '2021-06-26';
// Nominal target 1,000 for every grade: a 37-hour practitioner has 1,000 points, an 18.5-hour one 500.
const weightings = { ...DEFAULT_WEIGHTINGS, nominalTarget: { PO: 1000, PSO: 1000, PQiP: 1000, NQO: 1000, SPO: 1000 } };
type Held = NonNullable<AllocationPractitioner['caseload']>['cases'][number];
const c = (id: string, tier: Tier, allocatedOn?: string, caseType: Held['caseType'] = 'community'): Held => ({ id, tier, caseType, ...(allocatedOn ? { allocatedOn } : {}) });
/** Points of held cases, as the workload room weighs them (their allocation-only fields set aside). */
const points = (cases: readonly Held[]) =>
  workloadPoints({ cases: cases.map(({ tier, caseType, t2a, status }) => ({ tier, caseType, ...(t2a === undefined ? {} : { t2a }), ...(status === undefined ? {} : { status }) })) }, { weightings })
    .total;

describe('rebalanceCaseload: worked examples', () => {
  it('moves the fewest cases, the most recently allocated of them, to bring someone under the target', () => {
    // The weights come from the table (A2 community, C2 community); the assertions below check the arithmetic.
    const heavy = [c('H1', 'A2', '2020-01-01'), c('H2', 'A2', '2021-05-01'), c('H3', 'C2', '2021-06-25'), c('H4', 'C2', '2021-06-24')];
    const a2 = points([c('x', 'A2')]);
    const c2 = points([c('x', 'C2')]);
    // A 500-point practitioner (18.5 h) holding 2 x A2 (158) + 2 x C2 (63) = 442; target 60% = 300 points.
    const total = 2 * a2 + 2 * c2;
    expect([a2, c2, total]).toEqual([158, 63, 442]);
    // The fewest moves: one A2 (442 - 158 = 284 <= 300); one C2 would not do (379 > 300).
    const result = rebalanceCaseload(
      [
        { id: 'po-1', grade: 'PO', contractedHours: 18.5, caseload: { cases: heavy } },
        { id: 'po-2', grade: 'PO', contractedHours: 37, caseload: { cases: [] } },
      ],
      { asOf, weightings, target: 60 },
    );
    // Of the two A2 cases, H2 was allocated more recently (56 days before asOf, against 542).
    expect(result.moves).toEqual([{ caseId: 'H2', fromPractitionerId: 'po-1', toPractitionerId: 'po-2', reason: 'caseload adjustment', points: a2, cost: 56 }]);
    expect(result.targetMet).toBe(true);
    expect(result.practitioners[0]).toMatchObject({ pointsBefore: total, pointsAfter: total - a2, casesOut: 1, casesIn: 0, casesBefore: 4, casesAfter: 3 });
    expect(result.practitioners[1]).toMatchObject({ pointsAfter: a2, capacityAfter: a2 / 10, casesIn: 1 });
    expect(result.summary).toMatchObject({ moves: 1, officerLeft: 0, cost: 56, maximumBefore: total / 5, leastAchievableMaximum: null });
  });

  it('moves a stated cost per case when asked: the cheaper of two that would do', () => {
    const cases: Held[] = [
      { ...c('H1', 'A2'), moveCost: 5 },
      { ...c('H2', 'A2'), moveCost: 2 },
      { ...c('H3', 'C2'), moveCost: 0 },
    ];
    const result = rebalanceCaseload(
      [
        { id: 'po-1', grade: 'PO', contractedHours: 18.5, caseload: { cases } },
        { id: 'po-2', grade: 'PO', contractedHours: 37, caseload: { cases: [] } },
      ],
      // Target low enough that C2 alone is not enough but one A2 is: (2 x A2 + C2 - A2) / 5 %.
      { asOf, weightings, target: (points(cases) - points([c('x', 'A2')])) / 5, cost: 'stated' },
    );
    expect(result.moves.map((m) => [m.caseId, m.cost])).toEqual([['H2', 2]]);
  });

  it('moves every case of an away practitioner ("officer left"); an unavailable one neither gives nor takes', () => {
    const result = rebalanceCaseload(
      [
        { id: 'away', grade: 'PO', contractedHours: 37, availability: 'away', caseload: { cases: [c('A1', 'C2'), c('A2', 'D1')] } },
        { id: 'off', grade: 'PO', contractedHours: 37, availability: 'unavailable', caseload: { cases: [c('U1', 'A3', undefined, 'licence')] } },
        { id: 'on', grade: 'PSO', contractedHours: 37, caseload: { cases: [] } },
      ],
      { asOf, weightings },
    );
    expect(result.moves.map((m) => [m.caseId, m.toPractitionerId, m.reason])).toEqual([
      ['A1', 'on', 'officer left'],
      ['A2', 'on', 'officer left'],
    ]);
    expect(result.practitioners.map((p) => [p.id, p.casesAfter])).toEqual([
      ['away', 0],
      ['off', 1],
      ['on', 2],
    ]);
    expect(result.summary.officerLeft).toBe(2);
    expect(result.targetMet).toBe(true);
  });

  it('leaves an away practitioner\'s case that no one may take, with the reason', () => {
    // An A3 case may go only to a PO or NQO; the only one left is a PSO.
    const result = rebalanceCaseload(
      [
        { id: 'away', grade: 'PO', contractedHours: 37, availability: 'away', caseload: { cases: [c('A1', 'A3', undefined, 'licence')] } },
        { id: 'pso', grade: 'PSO', contractedHours: 37, caseload: { cases: [] } },
      ],
      { asOf, weightings },
    );
    expect(result.moves).toEqual([]);
    expect(result.stranded).toEqual([{ caseId: 'A1', practitionerId: 'away', reason: 'NO_ELIGIBLE_PRACTITIONER' }]);
    expect(result.targetMet).toBe(false);
  });

  it('when the target cannot be met, says why and the least maximum it can reach', () => {
    // Two 1,000-point POs holding 1,500 and 500 points of C2 cases (63 each: 24 and 8 cases = 1,512 and 504).
    const many = (prefix: string, n: number) => Array.from({ length: n }, (_, k) => c(`${prefix}${k}`, 'C2'));
    const result = rebalanceCaseload(
      [
        { id: 'po-1', grade: 'PO', contractedHours: 37, caseload: { cases: many('X', 24) } },
        { id: 'po-2', grade: 'PO', contractedHours: 37, caseload: { cases: many('Y', 8) } },
      ],
      // Together 2,016 of 2,000 points: 100.8% > a 90% target. Balanced: 16 cases each = 1,008 = 100.8%.
      { asOf, weightings, target: 90 },
    );
    expect(result.targetMet).toBe(false);
    expect(result.shortfall.map((s) => [s.practitionerId, s.reason])).toEqual([['po-1', 'SCOPE_OVER_TARGET']]);
    // No one is ever taken over the target, so po-2 fills to 14 cases (882 <= 900) and po-1 keeps 18 (1,134).
    expect(result.practitioners.map((p) => p.casesAfter)).toEqual([18, 14]);
    // The least maximum: 16 and 16 cases, 100.8%, found to 0.1 points from above.
    expect(result.summary.leastAchievableMaximum).toBeCloseTo(100.8, 5);
  });
});

describe('rebalanceCaseload: bad input', () => {
  const team: AllocationPractitioner[] = [{ id: 'po-1', grade: 'PO', contractedHours: 37, caseload: { cases: [c('X', 'C2')] } }];
  it('refuses an unknown availability status at its path', () => {
    const error = errorOf(() => rebalanceCaseload([{ ...team[0], availability: 'on leave' } as unknown as AllocationPractitioner], { asOf }));
    expect(error.path).toBe('practitioners[0].availability');
    expect(error.message).toContain('expected an availability status: available, unavailable, away');
  });
  it('refuses a capacity target of 0 or less', () => {
    expect(errorOf(() => rebalanceCaseload(team, { asOf, target: 0 })).path).toBe('options.target');
    expect(errorOf(() => rebalanceCaseload(team, { asOf, target: -5 })).path).toBe('options.target');
  });
  it('refuses moves asked of a practitioner who is not in the organisation', () => {
    const error = errorOf(() => rebalanceCaseload(team, { asOf, relieve: ['po-1', 'po-9'] }));
    expect(error.code).toBe('UNKNOWN_REFERENCE');
    expect(error.path).toBe('options.relieve[1]');
  });
  it('refuses a held case without an id, or the same id held twice', () => {
    expect(errorOf(() => rebalanceCaseload([{ ...team[0], caseload: { cases: [{ tier: 'C2', caseType: 'community' }] } } as AllocationPractitioner], { asOf })).path).toBe(
      'practitioners[0].caseload.cases[0].id',
    );
    const twice = [team[0] as AllocationPractitioner, { id: 'po-2', grade: 'PO' as const, contractedHours: 37, caseload: { cases: [c('X', 'D1')] } }];
    expect(errorOf(() => rebalanceCaseload(twice, { asOf })).path).toBe('practitioners[1].caseload.cases[0].id');
  });
  it('refuses an unknown tie-break and a negative move cost', () => {
    expect(errorOf(() => rebalanceCaseload(team, { asOf, rules: { tieBreak: 'age' as 'id' } })).path).toBe('options.rules.tieBreak');
    expect(errorOf(() => rebalanceCaseload([{ ...team[0], caseload: { cases: [{ ...c('X', 'C2'), moveCost: -1 }] } } as AllocationPractitioner], { asOf })).path).toBe(
      'practitioners[0].caseload.cases[0].moveCost',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Properties on tiny problems, against an exhaustive search of every holder for every case.

const TIERS_USED: readonly Tier[] = ['A3', 'A1', 'B2', 'C2', 'D1', 'D0'];
const GRADES_USED = ['PO', 'PSO', 'PQiP'] as const;
const AVAILABILITY = ['available', 'available', 'available', 'unavailable', 'away'] as const;

const tinyProblem = fc.record({
  practitioners: fc.array(
    fc.record({
      grade: fc.constantFrom(...GRADES_USED),
      hours: fc.constantFrom(4, 8, 15, 37),
      availability: fc.constantFrom(...AVAILABILITY),
      pdu: fc.constantFrom('P1', 'P2'),
      cases: fc.array(
        fc.record({ tier: fc.constantFrom(...TIERS_USED), unpaid: fc.boolean(), daysAgo: fc.nat(30), cost: fc.nat(3) }),
        { maxLength: 3 },
      ),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  target: fc.constantFrom(60, 90, 110),
  ceiling: fc.constantFrom(1, 2, 50),
  cost: fc.constantFrom('recent-first' as const, 'stated' as const),
  relieveAll: fc.boolean(),
});
type Tiny = typeof tinyProblem extends fc.Arbitrary<infer T> ? T : never;

function practitionersOf(t: Tiny): AllocationPractitioner[] {
  let n = 0;
  return t.practitioners.map((p, i) => ({
    id: `p${i}`,
    grade: p.grade,
    contractedHours: p.hours,
    availability: p.availability,
    pdu: p.pdu,
    caseload: {
      cases: p.cases.map((x) => ({
        id: `c${n++}`,
        tier: x.tier,
        caseType: 'community' as const,
        ...(x.unpaid ? { status: 'unpaidWorkOnly' as const } : {}),
        allocatedOn: `2021-06-${String(26 - (x.daysAgo % 26)).padStart(2, '0')}`,
        moveCost: x.cost,
      })),
    },
  }));
}

const optionsOf = (t: Tiny) => ({
  asOf,
  weightings,
  target: t.target,
  cost: t.cost,
  rules: { ceiling: t.ceiling },
  ...(t.relieveAll ? {} : { relieve: ['p0'] }),
});

/** Every case with its weight, counting, level, cost and owner, as the test reads them. */
function casesOf(ps: readonly AllocationPractitioner[], result: RebalanceResult) {
  const costOf = new Map(result.moves.map((m) => [m.caseId, m.cost]));
  return ps.flatMap((p, owner) =>
    (p.caseload?.cases ?? []).map((x) => ({
      id: x.id as string,
      owner,
      weight: points([x]),
      counts: x.status !== 'unpaidWorkOnly',
      level: (protectLevelOf(x.tier) ?? 'untiered') as keyof typeof DEFAULT_ELIGIBLE_GRADES,
      cost: costOf.get(x.id as string),
    })),
  );
}

/** The fewest moves (then least cost) over every holder for every case that keeps every rule, or null when none does. */
function exhaustive(t: Tiny, ps: readonly AllocationPractitioner[], costs: readonly number[], available: readonly number[]): { moves: number; cost: number } | null {
  const cases = ps.flatMap((p, owner) => (p.caseload?.cases ?? []).map((x) => ({ x, owner })));
  const relieve = ps.map((_, i) => t.relieveAll || i === 0);
  const mayGive = (i: number) => ps[i]?.availability === 'away' || (ps[i]?.availability === 'available' && relieve[i]);
  const mayTake = (q: number, x: Held, owner: number) =>
    ps[q]?.availability === 'available' &&
    ps[q]?.pdu === ps[owner]?.pdu &&
    (DEFAULT_ELIGIBLE_GRADES[protectLevelOf(x.tier) ?? 'untiered'] as readonly string[]).includes(ps[q]?.grade as string);
  const base = ps.map(() => 0);
  // Weighed once: a search over 4 holders for 12 cases reaches 4^12 leaves, each summing every case.
  const weight = cases.map((k) => points([k.x]));
  let best: { moves: number; cost: number } | null = null;
  const holder = cases.map((k) => k.owner);
  // `moved`: cases moved so far; a branch already past the best plan's moves cannot beat it.
  const recurse = (j: number, moved: number) => {
    if (best !== null && moved > best.moves) return;
    if (j === cases.length) {
      const load = base.slice();
      const counted = ps.map(() => 0);
      const received = ps.map(() => false);
      let moves = 0;
      let cost = 0;
      cases.forEach((k, i) => {
        const h = holder[i] as number;
        load[h] = (load[h] as number) + (weight[i] as number);
        if (k.x.status !== 'unpaidWorkOnly') counted[h] = (counted[h] as number) + 1;
        if (h !== k.owner) {
          moves++;
          cost += costs[i] as number;
          received[h] = true;
        }
      });
      // Capacity % = load / available x 100 (nothing available: no capacity %, only the ceiling).
      const within = (q: number) => (counted[q] as number) <= t.ceiling && ((available[q] as number) <= 0 || (load[q] as number) * 100 <= t.target * (available[q] as number));
      for (let q = 0; q < ps.length; q++) {
        const bound = ps[q]?.availability === 'available' && relieve[q];
        if ((bound || received[q]) && !within(q)) return;
      }
      if (best === null || moves < best.moves || (moves === best.moves && cost < best.cost)) best = { moves, cost };
      return;
    }
    const { x, owner } = cases[j] as (typeof cases)[number];
    if (ps[owner]?.availability !== 'away') {
      holder[j] = owner;
      recurse(j + 1, moved);
    }
    if (!mayGive(owner)) return;
    for (let q = 0; q < ps.length; q++) {
      if (q === owner || !mayTake(q, x, owner)) continue;
      holder[j] = q;
      recurse(j + 1, moved + 1);
    }
    holder[j] = owner;
  };
  recurse(0, 0);
  return best;
}

describe('rebalanceCaseload: properties', () => {
  test.prop([tinyProblem], { numRuns: 300 })('conserves cases, keeps every rule, never raises the maximum, and matches an exhaustive search', (t) => {
    const ps = practitionersOf(t);
    const result = rebalanceCaseload(ps, optionsOf(t));
    const cases = casesOf(ps, result);
    const index = new Map(ps.map((p, i) => [p.id, i]));
    // Conservation: each case ends with exactly one holder; totals of cases and points are kept.
    const holderOf = new Map(cases.map((k) => [k.id, k.owner]));
    for (const m of result.moves) holderOf.set(m.caseId, index.get(m.toPractitionerId) as number);
    expect(result.practitioners.reduce((s, p) => s + p.casesAfter, 0)).toBe(cases.length);
    result.practitioners.forEach((p, i) => expect(p.casesAfter).toBe([...holderOf.values()].filter((h) => h === i).length));
    expect(result.practitioners.reduce((s, p) => s + p.pointsAfter, 0)).toBeCloseTo(result.practitioners.reduce((s, p) => s + p.pointsBefore, 0), 6);
    // Every rule: scope, grade, availability of both ends, the target and the ceiling for whoever receives.
    const moved = new Map(cases.map((k) => [k.id, k]));
    for (const m of result.moves) {
      const from = ps[index.get(m.fromPractitionerId) as number] as AllocationPractitioner;
      const to = ps[index.get(m.toPractitionerId) as number] as AllocationPractitioner;
      const k = moved.get(m.caseId) as (typeof cases)[number];
      expect(to.pdu).toBe(from.pdu);
      expect(to.availability).toBe('available');
      expect(DEFAULT_ELIGIBLE_GRADES[k.level]).toContain(to.grade);
      expect(from.availability === 'away' || (from.availability === 'available' && (t.relieveAll || from.id === 'p0'))).toBe(true);
      expect(m.reason).toBe(from.availability === 'away' ? 'officer left' : 'caseload adjustment');
      const after = result.practitioners[index.get(to.id) as number];
      expect(after?.capacityAfter).toBeLessThanOrEqual(t.target + 1e-9);
      expect(after?.ceilingCasesAfter).toBeLessThanOrEqual(t.ceiling);
    }
    result.practitioners.forEach((p, i) => {
      if (ps[i]?.availability === 'unavailable') expect([p.casesOut, p.casesIn, p.pointsAfter]).toEqual([0, 0, p.pointsBefore]);
      if (ps[i]?.availability === 'away') expect(p.casesIn).toBe(0);
    });
    // The maximum: never above the higher of before and the target; never above before when only capacity
    // calls for moves (no one away, no one above the ceiling: cases moved for either may fill someone up to the target).
    expect(result.summary.maximumAfter).toBeLessThanOrEqual(Math.max(result.summary.maximumBefore, t.target) + 1e-9);
    if (ps.every((p) => p.availability !== 'away') && result.practitioners.every((p) => p.ceilingCasesBefore <= t.ceiling)) {
      expect(result.summary.maximumAfter).toBeLessThanOrEqual(result.summary.maximumBefore + 1e-9);
    }
    // The exhaustive search's fewest moves, then least cost (each case's cost as the result states it for moved ones).
    const costs = ps.flatMap((p) =>
      (p.caseload?.cases ?? []).map((x) => (t.cost === 'stated' ? (x.moveCost ?? 1) : Math.round((Date.UTC(2021, 5, 26) - Date.parse(x.allocatedOn as string)) / 86_400_000))),
    );
    const best = exhaustive(t, ps, costs, result.practitioners.map((p) => p.available));
    expect(result.targetMet).toBe(best !== null);
    if (best !== null) expect({ moves: result.summary.moves, cost: result.summary.cost }).toEqual(best);
  });
});

describe('availability in allocation', () => {
  test.prop([fc.array(fc.constantFrom(...AVAILABILITY), { minLength: 1, maxLength: 6 }), fc.nat(12), fc.constantFrom('balanced' as const, 'least-loaded' as const, 'grade-order' as const)])(
    'no case goes to a practitioner who is unavailable or away, even as their preferred practitioner',
    (availability, count, policy) => {
      const ps = availability.map((a, i) => ({ id: `p${i}`, grade: 'PO' as const, contractedHours: 37, availability: a }));
      const cases = Array.from({ length: count }, (_, k) => ({ id: `N${k}`, tier: 'C2' as const, caseType: 'community' as const, preferredPractitionerId: `p${k % ps.length}` }));
      const result = allocateCases(ps, cases, { asOf, policy });
      for (const placed of result.placed) expect(ps.find((p) => p.id === placed.practitionerId)?.availability).toBe('available');
      expect(result.placed.length + result.unplaced.length).toBe(count);
      if (availability.every((a) => a !== 'available')) expect(result.unplaced.every((u) => u.reason === 'NO_ELIGIBLE_PRACTITIONER')).toBe(true);
    },
  );

  it('breaks a tie on capacity by fewest cases allocated in the past 7 days, when asked', () => {
    // Both at 0%: by id, "a" takes the case; "a" had 2 cases allocated in the 7 days to asOf (days 0 and 6
    // before it), "b" one 7 days before (outside the window), so by recent allocations "b" takes it.
    const zero = (id: string, dates: string[]) => ({
      id,
      grade: 'PO' as const,
      contractedHours: 37,
      caseload: { cases: dates.map((d, k) => ({ id: `${id}${k}`, tier: 'untiered' as const, caseType: 'community' as const, allocatedOn: d })) },
    });
    const team = [zero('a', ['2021-06-26', '2021-06-20']), zero('b', ['2021-06-19'])];
    const one = [{ id: 'N1', tier: 'C2' as const, caseType: 'community' as const }];
    expect(allocateCases(team, one, { asOf, policy: 'least-loaded' }).placed[0]?.practitionerId).toBe('a');
    expect(allocateCases(team, one, { asOf, policy: 'least-loaded', rules: { tieBreak: 'recent-allocations' } }).placed[0]?.practitionerId).toBe('b');
    // Totals say it directly.
    const totals = [
      { id: 'a', grade: 'PO' as const, contractedHours: 37, current: { points: 0, cases: 0, allocatedLast7Days: 3 } },
      { id: 'b', grade: 'PO' as const, contractedHours: 37, current: { points: 0, cases: 0, allocatedLast7Days: 1 } },
    ];
    expect(allocateCases(totals, one, { asOf, policy: 'balanced', rules: { tieBreak: 'recent-allocations' } }).placed[0]?.practitionerId).toBe('b');
  });

  it('refuses an unknown availability status in allocation at its path', () => {
    const error = errorOf(() => allocateCases([{ id: 'p', grade: 'PO', contractedHours: 37, availability: 'sick' as 'away' }], [], { asOf }));
    expect(error.path).toBe('practitioners[0].availability');
  });
});
