import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { WorkloadError, pipelineMarkovModel, projectWorkforce } from '../../src/index.js';
import { type PqipTraining } from '../../src/schemas.js';

const trainingArbitrary = fc
  .record({
    dropOutPercentPerYear: fc.double({ min: 0, max: 60, noNaN: true }),
    shortRouteMonths: fc.integer({ min: 1, max: 24 }),
    extra: fc.integer({ min: 0, max: 12 }),
    shortRoutePercent: fc.double({ min: 0, max: 100, noNaN: true }),
    newlyQualifiedMonths: fc.integer({ min: 0, max: 12 }),
    startLagMonths: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ extra, ...t }): PqipTraining => ({ ...t, longRouteMonths: t.shortRouteMonths + extra }));

describe('pipelineMarkovModel', () => {
  it('gives the closed forms for one 15-month route after the start month', () => {
    // 10% a year drop-out over the start month (the default start lag) and 15 months of the route:
    // 0.9^(16/12) = 0.86894 qualify, all after exactly 16 months in training.
    const m = pipelineMarkovModel({ training: { dropOutPercentPerYear: 10, shortRoutePercent: 100 }, leavingPercentPerYear: 7.4, intakePerYear: 600 });
    expect(m.probabilityQualifies).toBeCloseTo(0.9 ** (16 / 12), 12);
    expect(m.expectedMonthsToQualify).toBeCloseTo(16, 9);
    // Months in training: sum over k = 0..15 of (monthly survival)^k = (1 - s^16) / (1 - s), s = 0.9^(1/12).
    const s = 0.9 ** (1 / 12);
    expect(m.expectedMonthsInTraining).toBeCloseTo((1 - s ** 16) / (1 - s), 9);
    // Steady state: 50 a month x 0.86894 qualify = 43.45 a month, in post 43.45 / 0.006386 = 6,803.5; leavers balance qualifiers.
    expect(m.steadyState?.qualifyingPerMonth).toBeCloseTo(50 * 0.9 ** (16 / 12), 9);
    expect(m.steadyState?.inPost).toBeCloseTo((50 * 0.9 ** (16 / 12)) / (1 - 0.926 ** (1 / 12)), 6);
    expect(m.steadyState?.leaversPerMonth).toBeCloseTo(m.steadyState?.qualifyingPerMonth ?? 0, 9);
    // With no start lag the route is 15 months: 0.9^(15/12) = 0.87660.
    const noLag = pipelineMarkovModel({ training: { dropOutPercentPerYear: 10, shortRoutePercent: 100, startLagMonths: 0 }, intakePerYear: 600 });
    expect(noLag.probabilityQualifies).toBeCloseTo(0.9 ** (15 / 12), 12);
    expect(noLag.expectedMonthsToQualify).toBeCloseTo(15, 9);
  });

  it('mixes the routes: expected months to qualify lie between 16 and 22', () => {
    const m = pipelineMarkovModel({ training: { dropOutPercentPerYear: 10 }, intakePerYear: 1500 });
    // Half on each route, each a month longer in training for the start lag:
    // (0.5 x 0.9^(16/12) x 16 + 0.5 x 0.9^(22/12) x 22) / (0.5 x 0.9^(16/12) + 0.5 x 0.9^(22/12)).
    const [a, b] = [0.9 ** (16 / 12), 0.9 ** (22 / 12)];
    expect(m.probabilityQualifies).toBeCloseTo((a + b) / 2, 12);
    expect(m.expectedMonthsToQualify).toBeCloseTo((16 * a + 22 * b) / (a + b), 9);
  });

  it('has no steady state when nobody leaves, and no months to qualify when everyone drops out', () => {
    expect(pipelineMarkovModel({ training: { dropOutPercentPerYear: 10 }, leavingPercentPerYear: 0, intakePerYear: 100 }).steadyState).toBeNull();
    const all = pipelineMarkovModel({ training: { dropOutPercentPerYear: 100 }, intakePerYear: 100 });
    expect(all.probabilityQualifies).toBe(0);
    expect(all.expectedMonthsToQualify).toBeNull();
    expect(all.expectedMonthsInTraining).toBe(1);
  });

  test.prop([trainingArbitrary], { numRuns: 40 })('agrees with the projection of one cohort', (training) => {
    const m = pipelineMarkovModel({ training, intakePerYear: 0 });
    const p = projectWorkforce({
      start: '2021-04',
      months: (training.longRouteMonths ?? 21) + (training.startLagMonths ?? 1) + 1,
      training,
      qualified: { openingFte: 0, leavingPercentPerYear: 0 },
      intake: { cohorts: [{ month: '2021-04', fte: 1 }] },
      demand: { requiredFte: 0 },
    });
    expect(p.totals.qualified).toBeCloseTo(m.probabilityQualifies, 12);
    // Months started in training: the first, then one more for every month-end still in training.
    expect(1 + p.rows.reduce((sum, r) => sum + r.inTraining, 0)).toBeCloseTo(m.expectedMonthsInTraining, 9);
    if (m.expectedMonthsToQualify !== null && p.totals.qualified > 1e-9) {
      const months = p.rows.reduce((sum, r, t) => sum + r.qualifying * (t + 1), 0) / p.totals.qualified;
      expect(months).toBeCloseTo(m.expectedMonthsToQualify, 6);
    }
  });

  test.prop([trainingArbitrary, fc.double({ min: 15, max: 60, noNaN: true })], { numRuns: 15 })(
    'is where the projection settles under a constant monthly intake',
    (training, leaving) => {
      const m = pipelineMarkovModel({ training, leavingPercentPerYear: leaving, intakePerYear: 1200 });
      const p = projectWorkforce({
        start: '2021-04',
        months: 1200,
        training,
        qualified: { openingFte: 0, leavingPercentPerYear: leaving },
        intake: { plan: { perYear: 1200, calendarMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] } },
        demand: { requiredFte: 0 },
      });
      const last = p.rows[p.rows.length - 1];
      const steady = m.steadyState;
      expect(steady).not.toBeNull();
      if (last === undefined || steady === null) return;
      const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-6 * (1 + Math.abs(b)));
      close(last.inPost, steady.inPost);
      close(last.inTraining, steady.inTraining);
      last.inTrainingByStage.forEach((fte, stage) => close(fte, steady.inTrainingByStage[stage] ?? 0));
      close(last.newlyQualified, steady.newlyQualified);
      close(last.effectiveFte, steady.effectiveFte);
      close(last.qualifying, steady.qualifyingPerMonth);
      close(last.dropOuts, steady.dropOutsPerMonth);
      close(last.leavers, steady.leaversPerMonth);
    },
  );

  it('refuses a negative intake and a rate over 100%, naming the field', () => {
    for (const [input, path] of [
      [{ training: { dropOutPercentPerYear: 10 }, intakePerYear: -1 }, 'input.intakePerYear'],
      [{ training: { dropOutPercentPerYear: 110 }, intakePerYear: 100 }, 'input.training.dropOutPercentPerYear'],
      [{ training: { dropOutPercentPerYear: 10 }, leavingPercentPerYear: -0.5, intakePerYear: 100 }, 'input.leavingPercentPerYear'],
    ] as const) {
      let caught: unknown;
      try {
        pipelineMarkovModel(input);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(WorkloadError);
      expect((caught as WorkloadError).path).toBe(path);
    }
  });
});
