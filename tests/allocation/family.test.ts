/**
 * Small members of the independent problem family (bench/allocation-family-problems.ts): every policy
 * keeps every rule and conserves every case; `balanced` never beats the LP lower bound (a bound
 * cannot be beaten: a failure means the bound or the allocator is wrong); the reference greedy of the
 * bench makes exactly the choices of `least-loaded`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { ALLOCATION_POLICIES, GRADES } from '../../src/index.js';
import { allocateColumnar, type AllocationColumns } from '../../src/columnar.js';
import { OUTCOMES, PLACEMENT_REASONS } from '../../src/constants.js';
import { type CoreResult } from '../../src/types.js';
import { highestCapacity, loadSolver, pduLowerBound, type Solver } from '../../bench/allocation-family-bound.js';
import { referenceGreedy } from '../../bench/allocation-family-greedy.js';
import { FAMILY_CEILING, familyProblem, type FamilySize } from '../../bench/allocation-family-problems.js';

const small = (casesPerPractitioner: number): FamilySize => ({ pdus: 3, pduSize: [2, 9], casesPerPractitioner });
const seeds = fc.integer({ min: 0, max: 100_000 });
const loads = fc.constantFrom(15, 30);
const policies = fc.constantFrom(...ALLOCATION_POLICIES);
const FIRST_UNPLACED = PLACEMENT_REASONS.length;
const CONTINUITY = OUTCOMES.indexOf('continuity');
const OUTSIDE_SCOPE = OUTCOMES.indexOf('OUTSIDE_SCOPE');

let solver: Solver;
beforeAll(async () => {
  solver = await loadSolver();
});

/** Two POs with 1,000 points each in one PDU; `ceilingCases` of each; three C-level cases of 300 points. */
function twoOfficers(points: [number, number], ceilingCases: [number, number]): AllocationColumns {
  return {
    practitionerCount: 2,
    available: Float64Array.of(1000, 1000),
    pointsHundredths: Float64Array.from(points, (x) => x * 100),
    cases: Uint32Array.from(ceilingCases),
    ceilingCases: Uint32Array.from(ceilingCases),
    grade: Uint8Array.of(0, 0),
    scope: Uint32Array.of(0, 0),
    rank: Uint32Array.of(0, 1),
    caseCount: 3,
    caseWeight: Float64Array.of(30_000, 30_000, 30_000),
    caseLevel: Uint8Array.of(2, 2, 2),
    caseCounts: Uint8Array.of(1, 1, 1),
    caseScope: Uint32Array.of(0, 0, 0),
    casePreferred: Int32Array.of(-1, -1, -1),
    scopeCount: 1,
  };
}
const EVERYONE = Uint8Array.of(31, 31, 31, 31, 31);

describe('the LP lower bound, worked by hand', () => {
  it('spreads the cases fractionally when the ceiling is slack', () => {
    // PO 0 at 0 points, PO 1 at 500 (50%); 900 points of cases. Fractionally both end at
    // (500 + 900) / 2,000 = 70%: PO 0 takes 700 points (2 1/3 cases), PO 1 200 (2/3 of a case).
    const c = twoOfficers([0, 500], [10, 10]);
    const result = allocateColumnar(c, { policy: 'balanced' });
    const bound = pduLowerBound(solver, c, result, EVERYONE, FAMILY_CEILING, 0);
    expect(bound?.bound).toBeCloseTo(70, 9);
    expect(bound?.ceilingBinds).toBe(false);
    // Whole cases: PO 0 two (60%), PO 1 one (80%), the best there is.
    expect(highestCapacity(c, result.pointsHundredths, 0)).toBe(80);
  });

  it('follows the ceiling when it binds', () => {
    // PO 0 holds 49 cases: one free slot, so PO 1 must take two cases: (500 + 600) / 1,000 = 110%.
    const c = twoOfficers([0, 500], [49, 10]);
    const result = allocateColumnar(c, { policy: 'balanced' });
    const bound = pduLowerBound(solver, c, result, EVERYONE, FAMILY_CEILING, 0);
    expect(bound?.bound).toBeCloseTo(110, 9);
    expect(bound?.ceilingBinds).toBe(true);
    expect(highestCapacity(c, result.pointsHundredths, 0)).toBe(110);
  });
});

describe('the reference greedy', () => {
  it('gives a case to the least loaded, ties to the lower rank', () => {
    // PO 0 at 50%, PO 1 at 20%: the first case goes to PO 1 (20% -> 50%); now both at 50%, the tie
    // goes to rank 0 (50% -> 80%); then PO 1 (50% -> 80%).
    expect([...referenceGreedy(twoOfficers([500, 200], [0, 0]), EVERYONE, FAMILY_CEILING, false).assigned]).toEqual([1, 0, 1]);
  });

  test.prop([seeds, loads], { numRuns: 40 })('makes exactly the choices of least-loaded', (seed, load) => {
    const problem = familyProblem(seed, small(load));
    const library = allocateColumnar(problem.columns, { policy: 'least-loaded', rules: problem.rules });
    const reference = referenceGreedy(problem.columns, problem.masks, FAMILY_CEILING, problem.traits.continuity);
    expect([...reference.assigned]).toEqual([...library.assigned]);
  });
});

/** Checks every rule of one result against its problem; returns nothing, throws on the first breach. */
function expectRulesKept(c: AllocationColumns, masks: Uint8Array, continuity: boolean, r: CoreResult): void {
  const points = c.pointsHundredths.slice();
  const cases = c.cases.slice();
  const counted = c.ceilingCases.slice();
  const received = new Uint8Array(c.practitionerCount);
  const staffed = new Uint8Array(c.scopeCount);
  for (let p = 0; p < c.practitionerCount; p++) staffed[c.scope[p] as number] = 1;
  for (let i = 0; i < c.caseCount; i++) {
    const p = r.assigned[i] as number;
    const outcome = r.outcome[i] as number;
    // Conservation: placed with a placement reason, or unplaced with an unplaced reason.
    expect(p >= 0, `case ${i}: assigned ${p}, outcome ${OUTCOMES[outcome]}`).toBe(outcome < FIRST_UNPLACED);
    if (staffed[c.caseScope[i] as number] === 0) expect(outcome).toBe(OUTSIDE_SCOPE);
    if (p < 0) continue;
    expect(c.scope[p], `case ${i}: scope`).toBe(c.caseScope[i]);
    expect(((masks[c.caseLevel[i] as number] as number) >> (c.grade[p] as number)) & 1, `case ${i}: ${GRADES[c.grade[p] as number]} not eligible`).toBe(1);
    expect(c.available[p], `case ${i}: to someone with no points available`).toBeGreaterThan(0);
    if (outcome === CONTINUITY) {
      expect(continuity).toBe(true);
      expect(p).toBe(c.casePreferred[i]);
    }
    points[p] = (points[p] as number) + (c.caseWeight[i] as number);
    cases[p] = (cases[p] as number) + 1;
    if (c.caseCounts[i] === 1) {
      counted[p] = (counted[p] as number) + 1;
      received[p] = 1;
    }
  }
  expect([...r.pointsHundredths]).toEqual([...points]);
  expect([...r.cases]).toEqual([...cases]);
  expect([...r.ceilingCases]).toEqual([...counted]);
  for (let p = 0; p < c.practitionerCount; p++) {
    if (received[p] === 1) expect(counted[p], `practitioner ${p}: over the ceiling`).toBeLessThanOrEqual(FAMILY_CEILING);
  }
}

describe('every policy on small members of the family', () => {
  test.prop([seeds, loads, policies], { numRuns: 60 })('conserves cases and keeps eligibility, the ceiling, scope and continuity', (seed, load, policy) => {
    const problem = familyProblem(seed, small(load));
    const result = allocateColumnar(problem.columns, { policy, rules: problem.rules });
    expectRulesKept(problem.columns, problem.masks, problem.traits.continuity, result);
  });

  it('gives the same problem for the same seed, and varies the structure across seeds', () => {
    const a = familyProblem(7, small(15));
    const b = familyProblem(7, small(15));
    expect(b.columns).toEqual(a.columns);
    const structures = new Set(Array.from({ length: 10 }, (_, seed) => familyProblem(seed, small(15)).label.split(' ')[0]));
    expect(structures.size).toBe(5);
  });
});

describe('balanced against the LP bound', () => {
  test.prop([seeds, loads], { numRuns: 30 })('never has a highest capacity below the bound in any PDU', (seed, load) => {
    const problem = familyProblem(seed, small(load));
    const c = problem.columns;
    const result = allocateColumnar(c, { policy: 'balanced', rules: problem.rules });
    for (let pdu = 0; pdu < c.scopeCount; pdu++) {
      const bound = pduLowerBound(solver, c, result, problem.masks, FAMILY_CEILING, pdu);
      if (bound === null) continue;
      expect(highestCapacity(c, result.pointsHundredths, pdu)).toBeGreaterThanOrEqual(bound.bound - 1e-6 * Math.max(1, bound.bound));
    }
  });
});
