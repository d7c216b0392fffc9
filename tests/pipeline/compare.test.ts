import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { WorkloadError, compareIntakePlans, projectWorkforce } from '../../src/index.js';
import { type IntakePlans } from '../../src/schemas.js';
import { MARCH_2021 } from './scenarios.js';

const TEN_YEARS = { ...MARCH_2021, months: 120, demand: { cases: 4418 * 32.5, casesPerFte: 32.5 } };
const PLANS: IntakePlans = [
  { name: '600 a year', plan: { perYear: 600, from: '2021-07' } },
  { name: '1,000 a year', plan: { perYear: 1000, from: '2021-07' } },
  { name: '1,500 a year', plan: { perYear: 1500, from: '2021-07' } },
];

describe('compareIntakePlans', () => {
  it('sets plans side by side: closing month, trainee places, gap left', () => {
    const c = compareIntakePlans(TEN_YEARS, PLANS);
    expect(c.plans.map((p) => p.name)).toEqual(['600 a year', '1,000 a year', '1,500 a year']);
    // Trainee places: intakes each January and July from July 2021 to January 2031, 20 of them: 10 x the yearly figure.
    expect(c.plans.map((p) => p.traineePlaces)).toEqual([6000, 10_000, 15_000]);
    // Each plan agrees with its own projection.
    PLANS.forEach((p, i) => {
      const own = projectWorkforce({ ...TEN_YEARS, intake: { plan: p.plan } });
      expect(c.plans[i]?.closesIn).toBe(own.closesIn);
      expect(c.plans[i]?.finalGap).toBe(own.rows[119]?.shortfall);
    });
    expect(c.plans.every((p) => p.simulated === null)).toBe(true);
  });

  it('adds the P5–P95 closing months from the Monte Carlo, the same runs for every plan', () => {
    const c = compareIntakePlans(TEN_YEARS, PLANS, { simulation: { runs: 200, seed: 2021 } });
    for (const p of c.plans) {
      expect(p.simulated?.quantiles).toEqual([5, 50, 95]);
      const months = (p.simulated?.closesIn ?? []).map((m) => m ?? '9999-12');
      expect([...months].sort()).toEqual(months);
    }
    expect(compareIntakePlans(TEN_YEARS, PLANS, { simulation: { runs: 200, seed: 2021 } })).toEqual(c);
  });

  test.prop([fc.double({ min: 0, max: 2000, noNaN: true }), fc.double({ min: 0, max: 2000, noNaN: true })], { numRuns: 30 })(
    'a larger plan never closes later',
    (a, b) => {
      const [small, large] = [Math.min(a, b), Math.max(a, b)];
      const c = compareIntakePlans(TEN_YEARS, [
        { name: 'small', plan: { perYear: small } },
        { name: 'large', plan: { perYear: large } },
      ]);
      const [s, l] = c.plans;
      if (s?.closesIn != null) expect(l?.closesIn != null && l.closesIn <= s.closesIn).toBe(true);
      expect(l?.finalGap).toBeLessThanOrEqual((s?.finalGap ?? 0) + 1e-9);
    },
  );

  it('refuses duplicate names, plans outside the projection and empty lists', () => {
    const cases: [IntakePlans, string, string][] = [
      [[PLANS[0]!, { name: '600 a year', plan: { perYear: 1 } }], 'plans[1].name', 'DUPLICATE_ID'],
      [[PLANS[0]!, { name: 'early', plan: { perYear: 1, from: '2021-01' } }], 'plans[1].plan.from', 'INVALID_INPUT'],
      [[{ name: 'negative', plan: { perYear: -600 } }], 'plans[0].plan.perYear', 'INVALID_INPUT'],
      [[], 'plans', 'INVALID_INPUT'],
    ];
    for (const [plans, path, code] of cases) {
      let caught: unknown;
      try {
        compareIntakePlans(TEN_YEARS, plans);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(WorkloadError);
      expect((caught as WorkloadError).path).toBe(path);
      expect((caught as WorkloadError).code).toBe(code);
    }
  });
});
