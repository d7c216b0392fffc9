import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { CASE_TYPES, DEFAULT_WEIGHTINGS, compareWeightings, timingsImpliedBy, weightingsFromTimings } from '../../src/index.js';
import { UTM_TIERS } from '../../src/constants.js';
import { errorOf } from '../helpers.js';


describe('weightingsFromTimings', () => {
  it('converts monthly hours to points at 2176/37 points per weekly hour and 52/12 weeks a month', () => {
    // C2 community: 4 x 60 min + 2 x 45 min with a 10% uplift.
    // hours = 4 + 1.5 x 1.1 = 5.65 h/month; weekly = 5.65 x 12 / 52 = 1.303846 h;
    // points = 1.3038462 x 58.810811 = 76.68025 -> 77 (half-up).
    const result = weightingsFromTimings({
      activities: [
        { tier: 'C2', caseType: 'community', name: 'appointment', minutes: 60, perMonth: 4 },
        { tier: 'C2', caseType: 'community', name: 'home visit', minutes: 45, perMonth: 2, upliftPercent: 10 },
      ],
    });
    expect(result.table.tierPoints.community.C2).toBe(77);
    expect(result.pointsPerWeeklyHour).toBeCloseTo(58.8108, 4);
    expect(result.weeksPerMonth).toBeCloseTo(4.3333, 4);
    const [cell] = result.cells;
    expect(cell?.hoursPerMonth).toBeCloseTo(5.65, 10);
    expect(cell?.exactPoints).toBeCloseTo(76.68025, 4);
    expect(cell?.activities.map((a) => a.share)).toEqual([4 / 5.65, 1.65 / 5.65].map((x) => expect.closeTo(x, 12)));
  });

  it('keeps the base table elsewhere and names the new table', () => {
    const { table, cells } = weightingsFromTimings({
      name: '2022 refresh',
      effectiveFrom: '2022-04-01',
      activities: [{ tier: 'A3', caseType: 'licence', t2a: true, name: 'MAPPA meeting', minutes: 90, perMonth: 2 }],
    });
    // 3 h/month x 12/52 x 2176/37 = 40.71 -> 41 on the T2A grid only.
    expect(table.t2aTierPoints.licence.A3).toBe(41);
    expect(table.tierPoints.licence.A3).toBe(219);
    expect(table.name).toBe('2022 refresh');
    expect(table.effectiveFrom).toBe('2022-04-01');
    expect(cells).toHaveLength(1);
  });

  it('rounds with the named mode', () => {
    const activities = [{ tier: 'D1' as const, caseType: 'custody' as const, name: 'letter', minutes: 30, perMonth: 1 }];
    // 0.5 h/month -> 6.786 points
    expect(weightingsFromTimings({ activities, conversion: { rounding: 'down' } }).table.tierPoints.custody.D1).toBe(6);
    expect(weightingsFromTimings({ activities, conversion: { rounding: 'half-up' } }).table.tierPoints.custody.D1).toBe(7);
  });

  it('refuses bad timings with a path', () => {
    expect(errorOf(() => weightingsFromTimings({ activities: [] })).path).toBe('activities');
    expect(
      errorOf(() => weightingsFromTimings({ activities: [{ tier: 'Z1' as 'A3', caseType: 'community', name: 'x', minutes: 1, perMonth: 1 }] })).path,
    ).toBe('activities[0].tier');
    expect(
      errorOf(() => weightingsFromTimings({ activities: [{ tier: 'A3', caseType: 'community', name: 'x', minutes: -5, perMonth: 1 }] })).path,
    ).toBe('activities[0].minutes');
    const tooMuch = errorOf(() =>
      weightingsFromTimings({ activities: [{ tier: 'A3', caseType: 'community', name: 'x', minutes: 600, perMonth: 20 }] }),
    );
    expect(tooMuch.code).toBe('INFEASIBLE');
    expect(tooMuch.path).toBe('tierPoints.community.A3');
  });
});

describe('timingsImpliedBy', () => {
  it('reads hours back from points', () => {
    const cells = timingsImpliedBy(DEFAULT_WEIGHTINGS);
    expect(cells).toHaveLength(2 * 3 * 32);
    const a3 = cells.find((c) => c.grid === 'tierPoints' && c.caseType === 'licence' && c.tier === 'A3');
    // 219 x 37 / 2176 = 3.72381 h/week; x 52 / 12 = 16.1365 h/month
    expect(a3?.hoursPerWeek).toBeCloseTo(3.72381, 5);
    expect(a3?.hoursPerMonth).toBeCloseTo(16.1365, 4);
  });

  test.prop([
    fc.array(
      fc.record({
        tier: fc.constantFrom(...UTM_TIERS),
        caseType: fc.constantFrom(...CASE_TYPES),
        minutes: fc.integer({ min: 0, max: 240 }),
        perMonth: fc.integer({ min: 0, max: 8 }),
      }),
      { minLength: 1, maxLength: 20 },
    ),
  ])('derive then read back gives the original hours within half a point', (raw) => {
    const activities = raw.map((a, i) => ({ ...a, name: `activity ${i}` }));
    const { cells, table } = weightingsFromTimings({ activities });
    const implied = timingsImpliedBy(table);
    const halfPointHours = (0.5 * 37 * 52) / (2176 * 12);
    for (const cell of cells) {
      const back = implied.find((c) => c.grid === cell.grid && c.caseType === cell.caseType && c.tier === cell.tier);
      expect(Math.abs((back?.hoursPerMonth ?? -1) - cell.hoursPerMonth)).toBeLessThanOrEqual(halfPointHours + 1e-9);
    }
  });
});

describe('compareWeightings', () => {
  it('lists changed cells largest change first, ties in table order', () => {
    const after = structuredClone(DEFAULT_WEIGHTINGS);
    after.name = 'after';
    after.tierPoints.community.A3 = 230; // +24
    after.tierPoints.custody.D0 = 5; // +5 from 0
    after.reportPoints.fastDelivery = 60; // -5
    const comparison = compareWeightings(DEFAULT_WEIGHTINGS, after);
    expect(comparison.differences.map((d) => [d.path, d.change])).toEqual([
      ['tierPoints.community.A3', 24],
      ['tierPoints.custody.D0', 5],
      ['reportPoints.fastDelivery', -5],
    ]);
    expect(comparison.differences[0]?.percentChange).toBeCloseTo((24 / 206) * 100, 10);
    expect(comparison.differences[1]?.percentChange).toBeNull();
    // 192 grid cells + 2 report + 3 retention + 5 targets + 5 hours = 207 fields, 3 changed
    expect(comparison.unchanged).toBe(204);
  });

  test.prop([fc.constantFrom(...UTM_TIERS), fc.integer({ min: 0, max: 999 })])('a table compared with itself has no differences', (tier, points) => {
    const table = structuredClone(DEFAULT_WEIGHTINGS);
    table.tierPoints.licence[tier] = points;
    expect(compareWeightings(table, table).differences).toEqual([]);
  });
});
