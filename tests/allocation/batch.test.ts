import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DEFAULT_WEIGHTINGS, GRADES, allocateCases, protectLevelOf, workloadPoints, type AllocationCase, type AllocationPractitioner, type AllocationResult, type Tier } from '../../src/index.js';
import { DEFAULT_ELIGIBLE_GRADES } from '../../src/constants.js';
import { errorOf } from '../helpers.js';

const asOf = '2021-06-26';
// Nominal target 1,000 for every grade: a 37-hour practitioner has 1,000 points, an 18.5-hour one 500.
const weightings = {
  ...DEFAULT_WEIGHTINGS,
  nominalTarget: { PO: 1000, PSO: 1000, PQiP: 1000, NQO: 1000, SPO: 1000 },
};

const fullTime = { id: 'p1', grade: 'PO' as const, contractedHours: 37, current: { points: 400, cases: 10 } }; // 400 / 1,000 = 40%
const partTime = { id: 'p2', grade: 'PO' as const, contractedHours: 18.5, current: { points: 190, cases: 5 } }; // 190 / 500 = 38%
const b2 = { id: 'N1', tier: 'B2' as const, caseType: 'community' as const }; // 115 points

describe('allocateCases: worked examples', () => {
  it('least-loaded gives the case to the lower current capacity; balanced to the lower capacity after', () => {
    // least-loaded: p2 is at 38% < 40%: 190 + 115 = 305 / 500 = 61%; team max 61%.
    const leastLoaded = allocateCases([fullTime, partTime], [b2], { asOf, weightings, policy: 'least-loaded' });
    expect(leastLoaded.placed).toEqual([{ caseId: 'N1', practitionerId: 'p2', reason: 'least-loaded', points: 115, capacityBefore: 38, capacityAfter: 61 }]);
    expect(leastLoaded.summary.capacity?.max).toBe(61);
    // balanced: after p1 = 515 / 1,000 = 51.5%, after p2 = 61%: p1; team max 51.5%.
    const balanced = allocateCases([fullTime, partTime], [b2], { asOf, weightings, policy: 'balanced' });
    expect(balanced.placed[0]).toMatchObject({ practitionerId: 'p1', reason: 'balanced', capacityBefore: 40, capacityAfter: 51.5 });
    expect(balanced.summary.capacity?.max).toBe(51.5);
    // sum/sum: (400 + 190 + 115) / 1,500 = 47%: no policy can get the max below that.
    expect(balanced.summary.capacity?.sumOverSum).toBe(47);
  });

  it('balanced takes cases fewest practitioners may take first, heaviest first', () => {
    // A PSO and a PO, both empty with 1,000 points. Input order: C2 (63), then A3 (206, PO only).
    // Balanced places A3 first (only the PO may take it): PO 20.6%; then C2: PSO 6.3% < PO 26.9%.
    const team = [
      { id: 'po', grade: 'PO' as const, contractedHours: 37 },
      { id: 'pso', grade: 'PSO' as const, contractedHours: 37 },
    ];
    const cases = [
      { id: 'C', tier: 'C2' as const, caseType: 'community' as const },
      { id: 'A', tier: 'A3' as const, caseType: 'community' as const },
    ];
    const r = allocateCases(team, cases, { asOf, weightings });
    expect(r.placed.map((p) => [p.caseId, p.practitionerId])).toEqual([
      ['C', 'pso'],
      ['A', 'po'],
    ]);
    // grade-order lists PO before PSO: the C2 case goes to the (empty) PO too.
    const g = allocateCases(team, cases, { asOf, weightings, policy: 'grade-order' });
    expect(g.placed.map((p) => [p.caseId, p.practitionerId])).toEqual([
      ['C', 'po'],
      ['A', 'po'],
    ]);
  });

  it('balanced orders levels that as many may take by weight together: a C3 (79) before a B0 (72)', () => {
    // Two empty POs with 1,000 points: the heavier C3 goes first, to p1 (ties by id); then B0 to p2,
    // whose capacity after (7.2%) is below p1's (7.9% + 7.2% = 15.1%).
    const team = [
      { id: 'p1', grade: 'PO' as const, contractedHours: 37 },
      { id: 'p2', grade: 'PO' as const, contractedHours: 37 },
    ];
    const cases = [
      { id: 'B', tier: 'B0' as const, caseType: 'community' as const },
      { id: 'C', tier: 'C3' as const, caseType: 'community' as const },
    ];
    const r = allocateCases(team, cases, { asOf, weightings });
    expect(r.placed.map((p) => [p.caseId, p.practitionerId])).toEqual([
      ['B', 'p2'],
      ['C', 'p1'],
    ]);
  });

  it('honours continuity, then says why the rest could not be placed', () => {
    const team = [
      { ...fullTime, current: { points: 400, cases: 2 } },
      { ...partTime, current: { points: 190, cases: 2 } },
      { id: 'pso', grade: 'PSO' as const, contractedHours: 37, pdu: 'South' },
    ];
    const cases: AllocationCase[] = [
      { ...b2, preferredPractitionerId: 'p2' }, // p2 is eligible, has room, and 305 / 500 = 61% is not above 61%
      { id: 'N2', tier: 'A3', caseType: 'licence', pdu: 'South' }, // only a PSO in South: no eligible grade
      { id: 'N3', tier: 'C1', caseType: 'community', pdu: 'North' }, // nobody in North
      { id: 'N4', tier: 'A3', caseType: 'licence' }, // 219: p1 at 40% -> 61.9% is over the 61% limit, p2 is full
    ];
    const r = allocateCases(team, cases, { asOf, weightings, rules: { ceiling: 3, capacityLimit: 61 } });
    expect(r.placed).toEqual([{ caseId: 'N1', practitionerId: 'p2', reason: 'continuity', points: 115, capacityBefore: 38, capacityAfter: 61 }]);
    expect(r.unplaced.map((u) => [u.caseId, u.reason])).toEqual([
      ['N2', 'NO_ELIGIBLE_PRACTITIONER'],
      ['N3', 'OUTSIDE_SCOPE'],
      ['N4', 'CAPACITY_LIMIT_REACHED'],
    ]);
    // With p1 also at the ceiling, N4 fails on the ceiling instead.
    const full = allocateCases([{ ...fullTime, current: { points: 400, cases: 3 } }, team[1] as AllocationPractitioner], [cases[0] as AllocationCase, cases[3] as AllocationCase], {
      asOf,
      weightings,
      rules: { ceiling: 3 },
    });
    expect(full.unplaced.map((u) => [u.caseId, u.reason])).toEqual([['N4', 'CEILING_REACHED']]);
  });

  it('does not count unpaid-work-only cases toward the ceiling', () => {
    const r = allocateCases(
      [{ id: 'p', grade: 'PSO', contractedHours: 37, current: { points: 0, cases: 50 } }],
      [
        { id: 'U', tier: 'D0', caseType: 'community', status: 'unpaidWorkOnly' },
        { id: 'S', tier: 'D0', caseType: 'community' },
      ],
      { asOf },
    );
    expect(r.placed.map((p) => p.caseId)).toEqual(['U']);
    expect(r.unplaced.map((u) => [u.caseId, u.reason])).toEqual([['S', 'CEILING_REACHED']]);
    expect(r.practitioners[0]).toMatchObject({ casesAfter: 51, ceilingCasesAfter: 50, casesAdded: 1 });
  });

  it('refuses bad input with a path', () => {
    const duplicate = errorOf(() => allocateCases([fullTime, fullTime], [], { asOf }));
    expect([duplicate.code, duplicate.path]).toEqual(['DUPLICATE_ID', 'practitioners[1].id']);
    const unknown = errorOf(() => allocateCases([fullTime], [{ ...b2, preferredPractitionerId: 'nobody' }], { asOf }));
    expect([unknown.code, unknown.path]).toEqual(['UNKNOWN_REFERENCE', 'cases[0].preferredPractitionerId']);
    expect(errorOf(() => allocateCases([{ ...fullTime, current: { points: -1, cases: 0 } }], [], { asOf })).path).toBe('practitioners[0].current.points');
    expect(errorOf(() => allocateCases([fullTime], [b2, b2], { asOf })).path).toBe('cases[1].id');
    expect(errorOf(() => allocateCases([fullTime], [{ ...b2, tier: 'A9' as Tier }], { asOf })).code).toBe('UNKNOWN_TIER');
    expect(errorOf(() => allocateCases([fullTime], [b2, { ...b2, id: 'N2', caseType: 'parole' as 'community' }], { asOf })).path).toBe('cases[1].caseType');
    // Refused before any column is sized: 2^24 + 1 (empty) slots.
    expect(errorOf(() => allocateCases([fullTime], new Array<AllocationCase>(2 ** 24 + 1), { asOf })).path).toBe('cases');
    expect(errorOf(() => allocateCases([fullTime], [], { asOf, rules: { capacityLimit: Number.NaN } })).path).toBe('options.rules.capacityLimit');
    expect(errorOf(() => allocateCases([fullTime], [], { asOf, policy: 'random' as 'balanced' })).path).toBe('options.policy');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties, checked against a replay of the batch that follows the rules one case at a time.

const TIERS_USED: Tier[] = ['A3', 'A1', 'B2', 'B0', 'C2', 'C1', 'D3', 'D0', 'untiered'];
const practitionerArb = fc.record({
  grade: fc.constantFrom(...GRADES),
  hours: fc.constantFrom(37, 30, 18.5, 7.4, 0),
  points: fc.integer({ min: 0, max: 1500 }),
  cases: fc.integer({ min: 0, max: 6 }),
  pdu: fc.constantFrom('N', 'S'),
});
const caseArb = (practitioners: number) =>
  fc.record({
    tier: fc.constantFrom(...TIERS_USED),
    caseType: fc.constantFrom('community' as const, 'licence' as const, 'custody' as const),
    upw: fc.boolean(),
    pdu: fc.constantFrom('N', 'S', 'W'),
    preferred: fc.option(fc.integer({ min: 0, max: practitioners - 1 }), { nil: undefined }),
  });
const problemArb = fc
  .array(practitionerArb, { minLength: 1, maxLength: 8 })
  .chain((ps) => fc.tuple(fc.constant(ps), fc.array(caseArb(ps.length), { maxLength: 40 }), fc.constantFrom('least-loaded' as const, 'balanced' as const, 'grade-order' as const), fc.constantFrom(null, 5, 8), fc.constantFrom(null, 80, 110)));

function build([ps, cs]: [fc.Arbitrary<unknown>[] | unknown[], unknown[]] | [unknown, unknown, ...unknown[]]) {
  const practitioners: AllocationPractitioner[] = (ps as { grade: AllocationPractitioner['grade']; hours: number; points: number; cases: number; pdu: string }[]).map((p, i) => ({
    id: `p${String(i).padStart(2, '0')}`,
    grade: p.grade,
    contractedHours: p.hours,
    pdu: p.pdu,
    current: { points: p.points, cases: p.cases },
  }));
  const cases: AllocationCase[] = (cs as { tier: Tier; caseType: 'community'; upw: boolean; pdu: string; preferred: number | undefined }[]).map((c, i) => ({
    id: `c${i}`,
    tier: c.tier,
    caseType: c.caseType,
    pdu: c.pdu,
    ...(c.upw ? { status: 'unpaidWorkOnly' as const } : {}),
    ...(c.preferred === undefined ? {} : { preferredPractitionerId: `p${String(c.preferred).padStart(2, '0')}` }),
  }));
  return { practitioners, cases };
}

/** Replays a result case by case from the starting state, checking each decision against the rules. */
function replay(practitioners: AllocationPractitioner[], cases: AllocationCase[], result: AllocationResult, ceiling: number | null, limit: number | null) {
  const state = new Map(
    result.practitioners.map((p, i) => [p.id, { ...p, points: p.pointsBefore, ceilingCases: practitioners[i]?.current?.ceilingCases ?? p.casesBefore, pdu: practitioners[i]?.pdu }]),
  );
  const placedBy = new Map(result.placed.map((p) => [p.caseId, p]));
  const feasible = (id: string, c: AllocationCase, points: number) => {
    const p = state.get(id);
    if (p === undefined) return false;
    const level = protectLevelOf(c.tier) ?? 'untiered';
    const counts = c.status !== 'unpaidWorkOnly';
    return (
      p.pdu === c.pdu &&
      DEFAULT_ELIGIBLE_GRADES[level].includes(p.grade) &&
      p.available > 0 &&
      (!counts || ceiling === null || p.ceilingCases < ceiling) &&
      (limit === null || Math.round((p.points + points) * 100) * 100 <= limit * 100 * p.available)
    );
  };
  const apply = (id: string, c: AllocationCase, points: number) => {
    const p = state.get(id);
    if (p === undefined) throw new Error('unknown practitioner');
    p.points += points;
    if (c.status !== 'unpaidWorkOnly') p.ceilingCases += 1;
  };
  const pointsOf = (c: AllocationCase) => workloadPoints({ cases: [{ tier: c.tier, caseType: c.caseType, ...(c.status ? { status: c.status } : {}) }] }).total;
  // Continuity first, in input order.
  for (const c of cases) {
    if (c.preferredPractitionerId === undefined) continue;
    const placed = placedBy.get(c.id);
    const canKeep = feasible(c.preferredPractitionerId, c, pointsOf(c));
    expect(placed?.reason === 'continuity').toBe(canKeep);
    if (canKeep) {
      expect(placed?.practitionerId).toBe(c.preferredPractitionerId);
      apply(c.preferredPractitionerId, c, pointsOf(c));
    }
  }
  return { state, feasible, apply, pointsOf, placedBy };
}

describe('allocateCases: properties', () => {
  test.prop([problemArb], { numRuns: 300 })('every case is placed once or returned with a reason; rules and continuity hold', (problem) => {
    const [, , policy, ceiling, limit] = problem;
    const { practitioners, cases } = build(problem);
    const result = allocateCases(practitioners, cases, { asOf, weightings, policy, rules: { ceiling, capacityLimit: limit } });
    // Conservation: each case exactly once.
    const seen = [...result.placed.map((p) => p.caseId), ...result.unplaced.map((u) => u.caseId)].sort();
    expect(seen).toEqual(cases.map((c) => c.id).sort());
    expect(result.summary.placed + result.summary.unplaced).toBe(cases.length);
    // Nobody goes over the ceiling or the limit because of this batch.
    for (const p of result.practitioners) {
      const added = result.placed.filter((x) => x.practitionerId === p.id);
      if (ceiling !== null && added.some((x) => cases.find((c) => c.id === x.caseId)?.status !== 'unpaidWorkOnly')) expect(p.ceilingCasesAfter).toBeLessThanOrEqual(ceiling);
      if (limit !== null && added.length > 0) expect(p.capacityAfter).toBeLessThanOrEqual(limit + 1e-9);
      expect(p.pointsAfter).toBeCloseTo(p.pointsBefore + added.reduce((s, x) => s + x.points, 0), 9);
    }
    // Eligibility and scope; continuity whenever feasible (checked in the replay).
    const { state, feasible, apply, pointsOf, placedBy } = replay(practitioners, cases, result, ceiling, limit);
    for (const placed of result.placed) {
      const c = cases.find((x) => x.id === placed.caseId) as AllocationCase;
      const p = practitioners.find((x) => x.id === placed.practitionerId) as AllocationPractitioner;
      expect(p.pdu).toBe(c.pdu);
      expect(DEFAULT_ELIGIBLE_GRADES[protectLevelOf(c.tier) ?? 'untiered']).toContain(p.grade);
    }
    // least-loaded: each case, in input order, went to a minimal current capacity among those who could take it.
    if (policy === 'least-loaded') {
      for (const c of cases) {
        const placed = placedBy.get(c.id);
        if (placed?.reason === 'continuity') continue;
        const points = pointsOf(c);
        const options = [...state.values()].filter((p) => feasible(p.id, c, points));
        if (placed === undefined) {
          expect(options).toEqual([]);
          continue;
        }
        const lowest = Math.min(...options.map((p) => p.points / p.available));
        const chosen = state.get(placed.practitionerId);
        expect((chosen?.points ?? 0) / (chosen?.available ?? 1)).toBeCloseTo(lowest, 12);
        apply(placed.practitionerId, c, points);
      }
    }
  });

  test.prop([problemArb], { numRuns: 300 })('every unplaced case still cannot be placed, for the reason given, after the batch', (problem) => {
    const [, , policy, ceiling, limit] = problem;
    const { practitioners, cases } = build(problem);
    const result = allocateCases(practitioners, cases, { asOf, weightings, policy, rules: { ceiling, capacityLimit: limit } });
    const pointsOf = (c: AllocationCase) => workloadPoints({ cases: [{ tier: c.tier, caseType: c.caseType, ...(c.status ? { status: c.status } : {}) }] }).total;
    for (const u of result.unplaced) {
      const c = cases.find((x) => x.id === u.caseId) as AllocationCase;
      const inScope = result.practitioners.filter((_, i) => practitioners[i]?.pdu === c.pdu);
      const eligible = inScope.filter((p) => p.available > 0 && DEFAULT_ELIGIBLE_GRADES[protectLevelOf(c.tier) ?? 'untiered'].includes(p.grade));
      const withRoom = eligible.filter((p) => ceiling === null || c.status === 'unpaidWorkOnly' || p.ceilingCasesAfter < ceiling);
      const withinLimit = withRoom.filter((p) => limit === null || Math.round((p.pointsAfter + pointsOf(c)) * 100) * 100 <= limit * 100 * p.available);
      expect(withinLimit).toEqual([]);
      const reason = inScope.length === 0 ? 'OUTSIDE_SCOPE' : eligible.length === 0 ? 'NO_ELIGIBLE_PRACTITIONER' : withRoom.length === 0 ? 'CEILING_REACHED' : 'CAPACITY_LIMIT_REACHED';
      expect(u.reason).toBe(reason);
    }
  });

  test.prop([problemArb], { numRuns: 50 })('same input, same output', (problem) => {
    const [, , policy, ceiling, limit] = problem;
    const { practitioners, cases } = build(problem);
    const run = () => JSON.stringify(allocateCases(practitioners, cases, { asOf, weightings, policy, rules: { ceiling, capacityLimit: limit } }));
    expect(run()).toBe(run());
  });

  test.prop([problemArb], { numRuns: 100 })('the result survives a JSON round trip', (problem) => {
    const { practitioners, cases } = build(problem);
    const result = allocateCases(practitioners, cases, { asOf, weightings });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
