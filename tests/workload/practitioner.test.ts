import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DEFAULT_WEIGHTINGS, GRADES, availablePoints, fte, type Reduction } from '../../src/index.js';
import { REDUCTION_REASONS } from '../../src/constants.js';
import { errorOf } from '../helpers.js';

const asOf = '2021-06-26';

describe('availablePoints', () => {
  it('a PO on 37 hours with a 1.8-hour reduction', () => {
    // 2176 x (37 - 1.8) / 37 = 2176 x 35.2 / 37 = 76,595.2 / 37 = 2,070.14 -> 2,070
    const a = availablePoints({ id: 'po', grade: 'PO', contractedHours: 37, reductions: [{ reason: 'courtDuty', hours: 1.8 }] }, { asOf });
    expect(a.points).toBe(2070);
    expect(a.reductionHours).toBe(1.8);
    expect(a.effectiveHours).toBeCloseTo(35.2, 12);
    expect(a.reductions).toEqual([{ reason: 'courtDuty', hours: 1.8, active: true }]);
  });

  it('a part-time PSO on 22.5 hours', () => {
    // 2176 x 22.5 / 37 = 48,960 / 37 = 1,323.24 -> 1,323
    expect(availablePoints({ id: 'pso', grade: 'PSO', contractedHours: 22.5 }, { asOf }).points).toBe(1323);
  });

  it('is exact where floating point is not', () => {
    // 32.3 - 13.8 = 18.5 hours exactly: 2176 x 18.5 / 37 = 1,088 exactly.
    // In doubles 2176 * (32.3 - 13.8) / 37 = 1087.9999999999998, truncated to 1,087 by the live tool.
    expect(Math.floor((2176 * (32.3 - 13.8)) / 37)).toBe(1087);
    const a = availablePoints({ id: 'x', grade: 'PO', contractedHours: 32.3, reductions: [{ hours: 13.8 }] }, { asOf });
    expect(a.points).toBe(1088);
  });

  it('a trainee in the first six months keeps 20% of the week', () => {
    // 80% of 37 = 29.6 h reduced; 2176 x 7.4 / 37 = 435.2 -> 435
    const a = availablePoints({ id: 't', grade: 'PQiP', contractedHours: 37, reductions: [{ reason: 'pqipFirst6Months' }] }, { asOf });
    expect(a.reductionHours).toBeCloseTo(29.6, 12);
    expect(a.points).toBe(435);
  });

  it('counts a reduction only between its start and end, inclusive', () => {
    const reductions: Reduction[] = [{ percent: 50, start: '2021-07-01', end: '2021-07-31' }];
    const p = { id: 'p', grade: 'PO' as const, contractedHours: 37, reductions };
    expect(availablePoints(p, { asOf: '2021-06-30' }).points).toBe(2176);
    expect(availablePoints(p, { asOf: '2021-07-01' }).points).toBe(1088); // 2176 x 18.5 / 37
    expect(availablePoints(p, { asOf: '2021-07-31' }).points).toBe(1088);
    expect(availablePoints(p, { asOf: '2021-08-01' }).points).toBe(2176);
  });

  it('an over-reduced practitioner has 0 points, and the excess is reported', () => {
    // 20 h contracted, 15 + 10 = 25 h reductions: 5 h over; available 0, never negative
    const a = availablePoints({ id: 'o', grade: 'PO', contractedHours: 20, reductions: [{ hours: 15 }, { hours: 10 }] }, { asOf });
    expect(a.points).toBe(0);
    expect(a.effectiveHours).toBe(0);
    expect(a.overReducedHours).toBe(5);
  });

  it('an SPO, whose default hours are 0, has no case capacity', () => {
    const a = availablePoints({ id: 's', grade: 'SPO', contractedHours: 37 }, { asOf });
    expect(a.points).toBe(0);
    expect(a.defaultHours).toBe(0);
    expect(fte({ id: 's', grade: 'SPO', contractedHours: 37 })).toBe(0);
  });

  it('uses the table passed in', () => {
    const weightings = { ...DEFAULT_WEIGHTINGS, nominalTarget: { ...DEFAULT_WEIGHTINGS.nominalTarget, PSO: 2000 } };
    // 2000 x 37 / 37 = 2000
    expect(availablePoints({ id: 'p', grade: 'PSO', contractedHours: 37 }, { asOf, weightings }).points).toBe(2000);
  });

  it('lists the live tool catalogue with its percentages', () => {
    const percent = Object.fromEntries(REDUCTION_REASONS.map((r) => [r.id, r.allowancePercent]));
    expect(percent).toMatchObject({
      pqipFirst6Months: 80,
      pqip6To12Months: 60,
      pqip12To18Months: 40,
      newlyQualifiedOfficer: 20,
      psoLearningAndDevelopment: 20,
      tradeUnionFacilityTime: null,
      longTermSickness: 100,
      courtDuty: null,
    });
  });

  it('refuses bad input with the field path', () => {
    const base = { id: 'p', grade: 'PO' as const, contractedHours: 37 };
    expect(errorOf(() => availablePoints({ ...base, contractedHours: 169 }, { asOf })).path).toBe('practitioner.contractedHours');
    expect(errorOf(() => availablePoints({ ...base, contractedHours: -1 }, { asOf })).path).toBe('practitioner.contractedHours');
    expect(errorOf(() => availablePoints({ ...base, contractedHours: Number.NaN }, { asOf })).path).toBe('practitioner.contractedHours');
    expect(errorOf(() => availablePoints({ ...base, contractedHours: Number.POSITIVE_INFINITY }, { asOf })).path).toBe('practitioner.contractedHours');
    expect(errorOf(() => availablePoints({ ...base, grade: 'CEO' as 'PO' }, { asOf })).message).toContain('PO, PSO, PQiP, NQO, SPO');
    const backwards = errorOf(() => availablePoints({ ...base, reductions: [{ hours: 2, start: '2021-05-01', end: '2021-04-01' }] }, { asOf }));
    expect(backwards.path).toBe('practitioner.reductions[0].end');
    expect(errorOf(() => availablePoints({ ...base, reductions: [{ reason: 'courtDuty' }] }, { asOf })).path).toBe('practitioner.reductions[0].hours');
    expect(errorOf(() => availablePoints({ ...base, reductions: [{ reason: 'tradeUnionFacilityTime', percent: 60 }] }, { asOf })).path).toBe(
      'practitioner.reductions[0].percent',
    );
    expect(errorOf(() => availablePoints({ ...base, reductions: [{ reason: 'golf' }] }, { asOf })).path).toBe('practitioner.reductions[0].reason');
    expect(errorOf(() => availablePoints(base, { asOf: '26/06/2021' })).path).toBe('options.asOf');
  });
});

const reductionArb: fc.Arbitrary<Reduction> = fc.oneof(
  fc.record({ hours: fc.integer({ min: 0, max: 400 }).map((x) => x / 10) }),
  fc.record({ percent: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ reason: fc.constantFrom('pqipFirst6Months', 'newlyQualifiedOfficer', 'maternityLeave') }),
);
const practitionerArb = fc.record({
  id: fc.constant('p'),
  grade: fc.constantFrom(...GRADES),
  contractedHours: fc.integer({ min: 0, max: 375 }).map((x) => x / 10),
  reductions: fc.array(reductionArb, { maxLength: 4 }),
});

describe('availablePoints properties', () => {
  test.prop([practitionerArb, reductionArb])('adding a reduction never raises available points, which never go below 0', (p, extra) => {
    const before = availablePoints(p, { asOf });
    const after = availablePoints({ ...p, reductions: [...p.reductions, extra] }, { asOf });
    expect(after.points).toBeLessThanOrEqual(before.points);
    expect(after.points).toBeGreaterThanOrEqual(0);
    expect(Number.isSafeInteger(after.points)).toBe(true);
  });

  test.prop([practitionerArb])('never exceeds the nominal target scaled by contracted hours', (p) => {
    const a = availablePoints(p, { asOf });
    const bound = a.defaultHours === 0 ? 0 : (a.nominalTarget * p.contractedHours) / a.defaultHours;
    expect(a.points).toBeLessThanOrEqual(Math.ceil(bound));
  });
});
