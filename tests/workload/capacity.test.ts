import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { assessPractitioner, capacityPercent, capacityStatus, combinedCapacityPercent, isExcessiveWorkload } from '../../src/index.js';
import { errorOf } from '../helpers.js';

const asOf = '2021-06-26';

describe('capacityPercent', () => {
  it('is total / available x 100, and 0 when nothing is available', () => {
    expect(capacityPercent(1632, 2176)).toBe(75); // 1632 / 2176 = 0.75
    expect(capacityPercent(59, 0)).toBe(0);
    expect(errorOf(() => capacityPercent(-1, 10)).path).toBe('total');
    expect(errorOf(() => capacityPercent(1, Number.NaN)).path).toBe('available');
  });
});

describe('assessPractitioner', () => {
  it('a PO on 37 hours with a 1.8-hour reduction, a T2A case on an active warrant, and unpaid work', () => {
    // Available: 2176 x 35.2 / 37 -> 2,070.
    // Cases: 30 x C2 community (63) = 1,890; T2A A3 licence on the custody column 75, active warrant keeps 0%;
    // 20 x D0 community unpaid-work-only (29, kept 100%) = 580. Total 2,470.
    // Capacity 2,470 / 2,070 = 119.32% -> red (above 110). Remaining 2,070 - 2,470 = -400.
    // Cases 51; toward the ceiling 51 - 20 unpaid-work-only = 31: not over 50.
    const cases = [
      ...Array.from({ length: 30 }, () => ({ tier: 'C2' as const, caseType: 'community' as const })),
      { tier: 'A3' as const, caseType: 'licence' as const, t2a: true, status: 'activeWarrant' as const },
      ...Array.from({ length: 20 }, () => ({ tier: 'D0' as const, caseType: 'community' as const, status: 'unpaidWorkOnly' as const })),
    ];
    const a = assessPractitioner(
      { id: 'po', grade: 'PO', contractedHours: 37, reductions: [{ hours: 1.8 }] },
      { cases },
      { asOf },
    );
    expect(a.available.points).toBe(2070);
    expect(a.points.total).toBe(2470);
    expect(a.points.retentionDeduction).toBe(75);
    expect(a.capacityPercent).toBeCloseTo(119.3237, 4);
    expect(a.status).toBe('red');
    expect(a.remainingPoints).toBe(-400);
    expect(a.caseCount).toBe(51);
    expect(a.ceilingCaseCount).toBe(31);
    expect(a.overCeiling).toBe(false);
    expect(a.fte).toBe(1);
    expect(a.casesPerFte).toBe(51);
    const counted = assessPractitioner({ id: 'po', grade: 'PO', contractedHours: 37 }, { cases }, { asOf, countUnpaidWorkOnly: true });
    expect(counted.overCeiling).toBe(true);
  });

  it('a part-timer: capacity against their own points, cases per FTE scaled up', () => {
    // 18.5 h: 2176 x 18.5 / 37 = 1,088 available; 20 x C1 licence (52) = 1,040 -> 95.59%, within.
    // FTE 0.5, so 20 cases = 40 per FTE.
    const a = assessPractitioner(
      { id: 'pt', grade: 'PO', contractedHours: 18.5 },
      { cases: Array.from({ length: 20 }, () => ({ tier: 'C1' as const, caseType: 'licence' as const })) },
      { asOf },
    );
    expect(a.available.points).toBe(1088);
    expect(a.capacityPercent).toBeCloseTo(95.588, 3);
    expect(a.status).toBe('within');
    expect(a.fte).toBe(0.5);
    expect(a.casesPerFte).toBe(40);
  });

  it('an SPO with default hours 0: capacity 0, cases per FTE null, never Infinity', () => {
    const a = assessPractitioner({ id: 'spo', grade: 'SPO', contractedHours: 37 }, { cases: [{ tier: 'B2', caseType: 'licence' }] }, { asOf });
    expect(a.available.points).toBe(0);
    expect(a.capacityPercent).toBe(0);
    expect(a.casesPerFte).toBeNull();
    expect(a.remainingPoints).toBe(-132);
  });

  it('uses configurable thresholds and ceiling', () => {
    // 2 x A3 community 206 = 412 of 2176 = 18.9%: over a 15% threshold, red above 18%
    const a = assessPractitioner(
      { id: 'p', grade: 'PO', contractedHours: 37 },
      { cases: [{ tier: 'A3', caseType: 'community' }, { tier: 'A3', caseType: 'community' }] },
      { asOf, thresholds: { over: 15, red: 18 }, ceiling: 1 },
    );
    expect(a.status).toBe('red');
    expect(a.overCeiling).toBe(true);
    expect(errorOf(() => assessPractitioner({ id: 'p', grade: 'PO', contractedHours: 37 }, { cases: [] }, { asOf, thresholds: { over: 110, red: 100 } })).path).toBe(
      'options.thresholds.red',
    );
    expect(errorOf(() => assessPractitioner({ id: 'p', grade: 'PO', contractedHours: 37 }, { cases: [] }, { asOf, ceiling: -1 })).path).toBe('options.ceiling');
  });
});

describe('capacityStatus', () => {
  it('decides thresholds exactly: 2,277 of 2,070 is exactly 110%, not above it', () => {
    // 2,070 x 1.1 = 2,277, but 2277 / 2070 * 100 = 110.00000000000001 in doubles
    expect((2277 / 2070) * 100).toBeGreaterThan(110);
    expect(capacityStatus(2277, 2070)).toBe('over');
    expect(capacityStatus(2277.01, 2070)).toBe('red');
    expect(capacityStatus(2070, 2070)).toBe('within');
    expect(capacityStatus(2070.5, 2070)).toBe('over');
    expect(capacityStatus(500, 0)).toBe('within');
    // 105% against over 120 and red 100: the thresholds are out of order, so no status.
    expect(errorOf(() => capacityStatus(105, 100, 120, 100)).path).toBe('thresholds.red');
  });
});

describe('combinedCapacityPercent', () => {
  it('is sum / sum, not the mean of percentages', () => {
    // Part-timer 1,000 of 500 (200%), full-timer 500 of 1,000 (50%): mean 125%, team (1,500 / 1,500) 100%.
    expect(combinedCapacityPercent([{ total: 1000, available: 500 }, { total: 500, available: 1000 }])).toBe(100);
  });

  test.prop([fc.array(fc.record({ total: fc.integer({ min: 0, max: 5000 }), available: fc.integer({ min: 1, max: 3000 }) }), { minLength: 1, maxLength: 30 })])(
    'lies between the lowest and highest member and equals sum/sum',
    (parts) => {
      const combined = combinedCapacityPercent(parts);
      const each = parts.map((p) => capacityPercent(p.total, p.available));
      expect(combined).toBeGreaterThanOrEqual(Math.min(...each) - 1e-9);
      expect(combined).toBeLessThanOrEqual(Math.max(...each) + 1e-9);
      const total = parts.reduce((s, p) => s + p.total, 0);
      const available = parts.reduce((s, p) => s + p.available, 0);
      expect(combined).toBeCloseTo((total / available) * 100, 9);
    },
  );
});

describe('isExcessiveWorkload', () => {
  it('needs 4 consecutive weeks above 110%', () => {
    expect(isExcessiveWorkload([112, 115, 111, 120])).toBe(true);
    expect(isExcessiveWorkload([112, 115, 110, 120, 130, 111])).toBe(false); // 110 is not above 110
    expect(isExcessiveWorkload([100, 111, 112, 113, 114])).toBe(true);
    expect(isExcessiveWorkload([])).toBe(false);
    expect(isExcessiveWorkload([101, 102], { threshold: 100, weeks: 2 })).toBe(true);
    expect(errorOf(() => isExcessiveWorkload([120, Number.NaN])).path).toBe('weeklyCapacities[1]');
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 20 }), fc.integer({ min: 0, max: 200 })])('adding a week never removes an excessive run', (weeks, next) => {
    if (isExcessiveWorkload(weeks)) expect(isExcessiveWorkload([...weeks, next])).toBe(true);
  });
});
