import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { projectWorkforce, type WorkforceProjection, type WorkforceScenario } from '../../src/index.js';
import { MARCH_2021, scenarioArbitrary } from './scenarios.js';

/** 1% a month as an annual rate: 1 - 0.99^12 = 11.3615…%. */
const ONE_PERCENT_A_MONTH = 100 * (1 - 0.99 ** 12);

/** One cohort of 100 on the 15-month route, nobody in post, nothing required. */
const COHORT_OF_100: WorkforceScenario = {
  start: '2021-04',
  months: 16,
  training: { dropOutPercentPerYear: ONE_PERCENT_A_MONTH, shortRoutePercent: 100 },
  qualified: { openingFte: 0, leavingPercentPerYear: 0 },
  intake: { cohorts: [{ month: '2021-04', fte: 100 }] },
  demand: { requiredFte: 0 },
};

function row(p: WorkforceProjection, month: string) {
  const found = p.rows.find((r) => r.month === month);
  if (found === undefined) throw new Error(`no row ${month}`);
  return found;
}

function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

describe('projectWorkforce: worked examples', () => {
  it('takes a cohort of 100 through 15 months at 1% a month drop-out, after its start month', () => {
    const p = projectWorkforce(COHORT_OF_100);
    expect(p.monthlyRates.dropOutPercent).toBeCloseTo(1, 12);
    // April 2021: 100 start, 1 drops out, 99 are in training (stage 1: 80% reduction, so 99 x 0.2 = 19.8 effective).
    expect(row(p, '2021-04')).toMatchObject({ intake: 100, inTraining: expect.closeTo(99, 9), dropOuts: expect.closeTo(1, 9) });
    expect(row(p, '2021-04').effectiveFte).toBeCloseTo(19.8, 9);
    // The start month (the default start lag of 1) is no month of the route: in September, 6 months in training,
    // 5 of the route done, still stage 1: 100 x 0.99^6 = 94.1480, x 0.2 = 18.830 effective.
    expect(row(p, '2021-09').inTraining).toBeCloseTo(94.148, 3);
    expect(row(p, '2021-09').inTrainingByStage).toEqual([expect.closeTo(94.148, 3), 0, 0]);
    expect(row(p, '2021-09').effectiveFte).toBeCloseTo(18.83, 3);
    // October: 6 months of the route done, stage 2 (60% reduction): 100 x 0.99^7 = 93.2065, x 0.4 = 37.283.
    expect(row(p, '2021-10').inTrainingByStage).toEqual([0, expect.closeTo(93.2065, 4), 0]);
    // June 2022 is the 15th month in training, the 14th of the route: nobody qualifies yet.
    expect(row(p, '2022-06').qualifying).toBe(0);
    // July 2022 is the 16th: 100 x 0.99^16 = 85.1458 qualify and are in post as NQOs (20%: 68.1166 effective).
    const july = row(p, '2022-07');
    expect(july.qualifying).toBeCloseTo(85.1458, 4);
    expect(july.inTraining).toBe(0);
    expect(july.inPost).toBeCloseTo(85.1458, 4);
    expect(july.newlyQualified).toBeCloseTo(85.1458, 4);
    expect(july.effectiveFte).toBeCloseTo(68.1166, 4);
    // Dropped out over the 16 months: 100 - 85.1458 = 14.8542.
    expect(p.totals.droppedOut).toBeCloseTo(14.8542, 4);
    expect(p.totals.qualified + p.totals.droppedOut).toBeCloseTo(100, 9);
  });

  it('counts the start month as a month of the route with no start lag', () => {
    const p = projectWorkforce({ ...COHORT_OF_100, training: { ...COHORT_OF_100.training, startLagMonths: 0 } });
    // June 2022 is the 15th month: 100 x 0.99^15 = 86.0058 qualify; September 2021 is in stage 2 (94.1480 x 0.4 = 37.659).
    expect(row(p, '2022-06').qualifying).toBeCloseTo(86.0058, 4);
    expect(row(p, '2021-09').effectiveFte).toBeCloseTo(37.659, 3);
    expect(p.totals.droppedOut).toBeCloseTo(13.9942, 4);
  });

  it('takes a stock of 1,000 through 12 months at 7.4% a year leaving: 926 remain', () => {
    const p = projectWorkforce({
      start: '2021-04',
      months: 12,
      training: { dropOutPercentPerYear: 0 },
      qualified: { openingFte: 1000, leavingPercentPerYear: 7.4 },
      demand: { requiredFte: 1000 },
    });
    // Monthly rate 1 - 0.926^(1/12) = 0.6386%; first month 1,000 x 0.006386 = 6.386 leave.
    expect(p.monthlyRates.leavingPercent).toBeCloseTo(0.6386, 4);
    expect(p.rows[0]?.leavers).toBeCloseTo(6.386, 3);
    // After 12 months 1,000 x 0.926 = 926 remain; 74 left; 74 short of 1,000.
    expect(p.rows[11]?.inPost).toBeCloseTo(926, 9);
    expect(p.totals.leavers).toBeCloseTo(74, 9);
    expect(p.rows[11]?.shortfall).toBeCloseTo(74, 9);
    expect(p.closesIn).toBeNull();
  });

  it('derives demand from cases (32.5 a PO) or points (2,176 at 100%, or at a target)', () => {
    const base = { start: '2021-04', months: 2, training: { dropOutPercentPerYear: 0 }, qualified: { openingFte: 0 } };
    // 143,585 cases / 32.5 = 4,418 FTE.
    expect(projectWorkforce({ ...base, demand: { cases: 143_585, casesPerFte: 32.5 } }).rows[0]?.required).toBeCloseTo(4418, 9);
    // 50-case ceiling: 143,585 / 50 = 2,871.7.
    expect(projectWorkforce({ ...base, demand: { cases: 143_585, casesPerFte: 50 } }).rows[0]?.required).toBeCloseTo(2871.7, 9);
    // 217,600 points / 2,176 = 100 FTE; at a 110% target, 100 / 1.1 = 90.909.
    expect(projectWorkforce({ ...base, demand: { points: 217_600 } }).rows[0]?.required).toBeCloseTo(100, 9);
    expect(projectWorkforce({ ...base, demand: { points: 217_600, targetPercent: 110 } }).rows[0]?.required).toBeCloseTo(90.909, 3);
  });

  it('steps demand and other flows from their months', () => {
    const scenario: WorkforceScenario = {
      start: '2021-04',
      months: 3,
      training: { dropOutPercentPerYear: 0 },
      qualified: { openingFte: 100, leavingPercentPerYear: 0, otherInflowFtePerMonth: [{ from: '2021-01', value: 0 }, { from: '2021-05', value: 10 }], otherOutflowFtePerMonth: 4 },
      demand: { requiredFte: [{ from: '2021-04', value: 100 }, { from: '2021-06', value: 130 }] },
    };
    const p = projectWorkforce(scenario);
    // April: 100 - 4 = 96 (short 4); May: 96 + 10 - 4 = 102 (none short); June: 108 against 130 (short 22).
    expect(p.rows.map((r) => r.inPost)).toEqual([96, 102, 108]);
    expect(p.rows.map((r) => r.required)).toEqual([100, 100, 130]);
    expect(p.rows.map((r) => r.shortfall)).toEqual([4, 0, 22]);
    // Closed in May but open again in June: not closed for good.
    expect(p.closesIn).toBeNull();
    // With June's demand at 105 instead, it is closed from May to the end.
    const steady = projectWorkforce({ ...scenario, demand: { requiredFte: [{ from: '2021-04', value: 100 }, { from: '2021-06', value: 105 }] } });
    expect(steady.closesIn).toBe('2021-05');
  });

  it('never takes out more than there are', () => {
    const p = projectWorkforce({
      start: '2021-04',
      months: 2,
      training: { dropOutPercentPerYear: 0 },
      qualified: { openingFte: 5, leavingPercentPerYear: 0, otherOutflowFtePerMonth: 8 },
      demand: { requiredFte: 0 },
    });
    expect(p.rows.map((r) => [r.otherOutflow, r.inPost])).toEqual([
      [5, 0],
      [0, 0],
    ]);
  });

  it('starts from March 2021: 518 short with 1,186 FTE in training', () => {
    const p = projectWorkforce(MARCH_2021);
    expect(p.opening.inTraining).toBe(1186);
    expect(p.opening.inPost).toBe(3900);
    // Stages at the start: 129 + 457 started 15 and 9 months before (months 12+ and 6–12), 600 three months before.
    expect(p.opening.inTrainingByStage).toEqual([600, 457, 129]);
    expect((p.rows[0]?.required ?? 0) - p.opening.inPost).toBe(518);
    // Effective FTE at the start: 3,900 + 600 x 0.2 + 457 x 0.4 + 129 x 0.6 = 3,900 + 120 + 182.8 + 77.4 = 4,280.2.
    expect(p.opening.effectiveFte).toBeCloseTo(4280.2, 9);
    // October 2021 is month 16 in training for July 2020 starters and month 22 for January 2020 ones (their start
    // month, the default start lag, and 15 or 21 of the route): the July short-route half and the January cohort
    // qualify, less 7 months' drop-out at 10% a year: (228.5 + 129) x 0.9^(7/12) = 335.68.
    expect(row(p, '2021-09').qualifying).toBe(0);
    expect(row(p, '2021-10').qualifying).toBeCloseTo(357.5 * 0.9 ** (7 / 12), 9);
  });

  it('counts trainees and NQOs at their reduced share in effective FTE', () => {
    const p = projectWorkforce({ ...MARCH_2021, gapMeasure: 'effective' });
    const september = row(p, '2021-09');
    // NQOs at 80%, trainees at their stage's share (20%, 40%, 60%), everyone else in full.
    const trainees = september.inTrainingByStage.reduce((sum, fte, stage) => sum + fte * [0.2, 0.4, 0.6][stage]!, 0);
    expect(september.effectiveFte).toBeCloseTo(september.inPost - 0.2 * september.newlyQualified + trainees, 9);
    expect(september.newlyQualified).toBeCloseTo(september.qualifying, 9);
    // Closed for good from the month after the last with an effective gap.
    const lastOpen = p.rows.reduce((last, r, t) => (r.effectiveShortfall > 0 ? t : last), -1);
    expect(p.closesIn).toBe(p.rows[lastOpen + 1]?.month ?? null);
  });
});

describe('projectWorkforce: properties', () => {
  test.prop([scenarioArbitrary], { numRuns: 150 })('conserves people: intake = qualified + dropped out + still training; stock moves by its flows', (scenario) => {
    const p = projectWorkforce(scenario);
    const last = p.rows[p.rows.length - 1];
    const scale = 1 + p.opening.inTraining + p.totals.intake + p.opening.inPost;
    expect(p.opening.inTraining + p.totals.intake).toBeCloseTo(p.totals.qualified + p.totals.droppedOut + (last?.inTraining ?? 0), 9 - Math.ceil(Math.log10(scale)));
    let before = p.opening.inPost;
    for (const r of p.rows) {
      expect(r.inPost - before).toBeCloseTo(r.qualifying + r.otherInflow - r.leavers - r.otherOutflow, 9 - Math.ceil(Math.log10(scale)));
      expect(r.inTrainingByStage.reduce((a, b) => a + b, 0)).toBeCloseTo(r.inTraining, 9 - Math.ceil(Math.log10(scale)));
      before = r.inPost;
    }
  });

  test.prop([scenarioArbitrary], { numRuns: 150 })('gives finite, non-negative figures that JSON round-trips', (scenario) => {
    const p = projectWorkforce(scenario);
    for (const x of numbersIn(p)) {
      expect(Number.isFinite(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(0);
    }
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });

  test.prop([scenarioArbitrary, fc.nat(), fc.double({ min: 0, max: 500, noNaN: true })], { numRuns: 150 })(
    'more intake never raises the shortfall',
    (scenario, at, extra) => {
      const base = projectWorkforce(scenario);
      const month = base.rows[at % base.rows.length]?.month as string;
      const cohorts = [...(scenario.intake?.cohorts ?? []), { month, fte: extra }].sort((a, b) => a.month.localeCompare(b.month));
      const more = projectWorkforce({ ...scenario, intake: { ...scenario.intake, cohorts } });
      more.rows.forEach((r, t) => {
        expect(r.shortfall).toBeLessThanOrEqual((base.rows[t]?.shortfall ?? 0) + 1e-9);
        expect(r.effectiveShortfall).toBeLessThanOrEqual((base.rows[t]?.effectiveShortfall ?? 0) + 1e-9);
      });
    },
  );

  test.prop([scenarioArbitrary, fc.double({ min: 0, max: 100, noNaN: true })], { numRuns: 150 })(
    'a higher leaving rate never lowers the shortfall',
    (scenario, other) => {
      const leaving = (scenario.qualified.leavingPercentPerYear as number | undefined) ?? 7.4;
      const [low, high] = [Math.min(leaving, other), Math.max(leaving, other)];
      const atLow = projectWorkforce({ ...scenario, qualified: { ...scenario.qualified, leavingPercentPerYear: low } });
      const atHigh = projectWorkforce({ ...scenario, qualified: { ...scenario.qualified, leavingPercentPerYear: high } });
      atHigh.rows.forEach((r, t) => expect(r.shortfall).toBeGreaterThanOrEqual((atLow.rows[t]?.shortfall ?? 0) - 1e-9));
    },
  );
});
