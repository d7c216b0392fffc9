import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTINGS, allocationImpact, rankCandidates } from '../../src/index.js';
import { errorOf } from '../helpers.js';

const asOf = '2021-06-26';
// Nominal target 1,000 for a PO on 37 of 37 hours: 1,000 points available.
const weightings = { ...DEFAULT_WEIGHTINGS, nominalTarget: { ...DEFAULT_WEIGHTINGS.nominalTarget, PO: 1000 } };

describe('allocationImpact', () => {
  it('a 59-point case on a practitioner at 500 of 1,000 points', () => {
    // A1 custody = 59 points. Before 500 / 1,000 = 50%; after 559 / 1,000 = 55.9%.
    const impact = allocationImpact(
      { id: 'po-1', grade: 'PO', contractedHours: 37, current: { points: 500, cases: 20 } },
      { id: 'N1', tier: 'A1', caseType: 'custody' },
      { asOf, weightings },
    );
    expect(impact.available).toBe(1000);
    expect(impact.casePoints).toBe(59);
    expect(impact.capacityBefore).toBe(50);
    expect(impact.capacityAfter).toBeCloseTo(55.9, 12);
    expect(impact.casesAfter).toBe(21);
    expect(impact.ceilingCasesAfter).toBe(21);
    expect(impact.crosses).toEqual({ ceiling: false, over: false, red: false });
    expect(impact.message).toBe('This will increase their workload from 50.0% to 55.9%');
  });

  it('a case already held leaves everything as it was', () => {
    // Holds X1 (A1 custody 59) and 8 x C3 community (79) = 59 + 632 = 691 of 1,000 = 69.1%.
    const impact = allocationImpact(
      {
        id: 'po-1',
        grade: 'PO',
        contractedHours: 37,
        caseload: { cases: [{ id: 'X1', tier: 'A1', caseType: 'custody' }, ...Array.from({ length: 8 }, (_, i) => ({ id: `C${i}`, tier: 'C3' as const, caseType: 'community' as const }))] },
      },
      { id: 'X1', tier: 'A1', caseType: 'custody' },
      { asOf, weightings },
    );
    expect(impact.alreadyHeld).toBe(true);
    expect(impact.capacityBefore).toBeCloseTo(69.1, 12);
    expect(impact.capacityAfter).toBe(impact.capacityBefore);
    expect(impact.casesAfter).toBe(9);
    expect(impact.message).toBe('They already hold this case: their workload stays at 69.1%');
  });

  it('flags crossing the ceiling and the 100% and 110% lines', () => {
    // 1,000 of 1,000 (100%, not over) + A3 licence 219 = 1,219 = 121.9%: crosses over and red.
    // 50 cases toward the ceiling + 1 = 51: crosses the ceiling of 50.
    const impact = allocationImpact(
      { id: 'po-1', grade: 'PO', contractedHours: 37, current: { points: 1000, cases: 50 } },
      { tier: 'A3', caseType: 'licence' },
      { asOf, weightings },
    );
    expect(impact.statusBefore).toBe('within');
    expect(impact.statusAfter).toBe('red');
    expect(impact.crosses).toEqual({ ceiling: true, over: true, red: true });
    // An unpaid-work-only case does not count toward the ceiling.
    const upw = allocationImpact(
      { id: 'po-1', grade: 'PO', contractedHours: 37, current: { points: 1000, cases: 50 } },
      { tier: 'D0', caseType: 'community', status: 'unpaidWorkOnly' },
      { asOf, weightings },
    );
    expect(upw.crosses.ceiling).toBe(false);
    expect(upw.ceilingCasesAfter).toBe(50);
  });

  it('refuses bad input with a path', () => {
    const p = { id: 'po-1', grade: 'PO' as const, contractedHours: 37 };
    expect(errorOf(() => allocationImpact(p, { tier: 'Q9' as 'A3', caseType: 'licence' }, { asOf })).path).toBe('newCase.tier');
    expect(errorOf(() => allocationImpact({ ...p, current: { points: -5, cases: 1 } }, { tier: 'A3', caseType: 'licence' }, { asOf })).path).toBe(
      'practitioner.current.points',
    );
    expect(errorOf(() => allocationImpact(p, { tier: 'A3', caseType: 'licence' }, { asOf: 'today' })).path).toBe('options.asOf');
  });
});

describe('rankCandidates', () => {
  const team = [
    { id: 'pso-1', grade: 'PSO' as const, contractedHours: 37, current: { points: 200, cases: 5 } }, // 200 / 2,176 = 9.2%
    { id: 'po-2', grade: 'PO' as const, contractedHours: 37, current: { points: 1600, cases: 30 } }, // 73.5%
    { id: 'po-1', grade: 'PO' as const, contractedHours: 37, current: { points: 1088, cases: 20 } }, // 50%
    { id: 'pqip-1', grade: 'PQiP' as const, contractedHours: 37, current: { points: 100, cases: 3 } }, // 4.6%
    { id: 'spo-1', grade: 'SPO' as const, contractedHours: 37 },
    { id: 'po-full', grade: 'PO' as const, contractedHours: 37, current: { points: 1000, cases: 50 } },
    { id: 'po-far', grade: 'PO' as const, contractedHours: 37, pdu: 'elsewhere' },
  ];

  it('lists eligible practitioners PO first, lowest workload first, and the rest with the rule', () => {
    const list = rankCandidates(team, { id: 'N1', tier: 'C2', caseType: 'community' }, { asOf });
    expect(list.eligible.map((c) => c.practitionerId)).toEqual(['po-1', 'po-2', 'pso-1', 'pqip-1']);
    expect(list.ineligible).toEqual([
      { practitionerId: 'spo-1', reason: 'GRADE_NOT_ELIGIBLE' },
      { practitionerId: 'po-full', reason: 'CEILING_REACHED' },
      { practitionerId: 'po-far', reason: 'OUTSIDE_SCOPE' },
    ]);
    // po-1: 1,088 + 63 = 1,151 / 2,176 = 52.9%
    expect(list.eligible[0]?.message).toBe('This will increase their workload from 50.0% to 52.9%');
  });

  it('orders by capacity after on request, and keeps A-level cases from PSOs and trainees', () => {
    const list = rankCandidates(team, { id: 'N2', tier: 'A3', caseType: 'licence' }, { asOf, order: 'capacity-after' });
    expect(list.eligible.map((c) => c.practitionerId)).toEqual(['po-1', 'po-2']);
    expect(list.ineligible.filter((x) => x.reason === 'GRADE_NOT_ELIGIBLE').map((x) => x.practitionerId)).toEqual(['pso-1', 'pqip-1', 'spo-1']);
    const anyone = rankCandidates(team, { id: 'N3', tier: 'D1', caseType: 'community' }, { asOf, order: 'capacity-after' });
    expect(anyone.eligible.map((c) => c.practitionerId)).toEqual(['pqip-1', 'pso-1', 'po-1', 'po-2']);
  });

  it('uses the thresholds it is given for status and crossings', () => {
    // po-1: 1,088 + 63 = 1,151 / 2,176 = 52.9%: above a 52% "over" line, below a 60% red one.
    const list = rankCandidates(team, { id: 'N1', tier: 'C2', caseType: 'community' }, { asOf, thresholds: { over: 52, red: 60 } });
    const po1 = list.eligible.find((c) => c.practitionerId === 'po-1');
    expect(po1?.statusAfter).toBe('over');
    expect(po1?.crosses).toEqual({ ceiling: false, over: true, red: false });
  });

  it('refuses duplicate practitioner ids', () => {
    const error = errorOf(() => rankCandidates([team[0], team[0]] as typeof team, { id: 'N1', tier: 'C2', caseType: 'community' }, { asOf }));
    expect(error.code).toBe('DUPLICATE_ID');
    expect(error.path).toBe('practitioners[1].id');
  });
});
