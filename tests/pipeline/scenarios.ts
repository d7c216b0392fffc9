/** Scenarios shared by the pipeline tests: the March 2021 position, and arbitrary valid scenarios. */
import { fc } from '@fast-check/vitest';
import type { WorkforceScenario } from '../../src/index.js';
import { MARCH_2021_TRAINEES } from '../../src/index.js';

/**
 * 31 March 2021 (documents): 518 FTE short, 1,186 FTE in PQiP training (457 started July 2020, 600
 * January 2021; the other 129 assumed to have started January 2020 on the long route). Assumed: 3,900
 * FTE in post (so 4,418 required), 10% a year drop-out, flat demand.
 */
export const MARCH_2021: WorkforceScenario = {
  start: '2021-04',
  months: 36,
  training: { dropOutPercentPerYear: 10 },
  openingTrainees: [...MARCH_2021_TRAINEES],
  qualified: { openingFte: 3900 },
  intake: { plan: { perYear: 600, from: '2021-07' } },
  demand: { requiredFte: 4418 },
};

/** `YYYY-MM` of a month number (year * 12 + month - 1). */
export function monthOf(n: number): string {
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

const START = 2021 * 12 + 3; // April 2021

/** Arbitrary valid scenarios: any training regime, opening trainees, cohorts, a plan, flows and demand. */
export const scenarioArbitrary: fc.Arbitrary<WorkforceScenario> = fc
  .record({
    months: fc.integer({ min: 1, max: 48 }),
    dropOut: fc.double({ min: 0, max: 100, noNaN: true }),
    leaving: fc.double({ min: 0, max: 100, noNaN: true }),
    shortRouteMonths: fc.integer({ min: 1, max: 18 }),
    extraLongMonths: fc.integer({ min: 0, max: 9 }),
    shortRoutePercent: fc.double({ min: 0, max: 100, noNaN: true }),
    newlyQualifiedMonths: fc.integer({ min: 0, max: 12 }),
    stageReductionPercent: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 }),
    opening: fc.array(fc.record({ trained: fc.nat(), fte: fc.double({ min: 0, max: 800, noNaN: true }) }), { maxLength: 3 }),
    cohorts: fc.array(fc.record({ t: fc.nat(), fte: fc.double({ min: 0, max: 800, noNaN: true }) }), { maxLength: 4 }),
    plan: fc.option(fc.record({ perYear: fc.double({ min: 0, max: 2000, noNaN: true }), calendarMonths: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }) }), { nil: undefined }),
    openingFte: fc.double({ min: 0, max: 6000, noNaN: true }),
    otherInflow: fc.double({ min: 0, max: 30, noNaN: true }),
    otherOutflow: fc.double({ min: 0, max: 30, noNaN: true }),
    required: fc.double({ min: 0, max: 8000, noNaN: true }),
    gapMeasure: fc.constantFrom('inPost' as const, 'effective' as const),
  })
  .map((a): WorkforceScenario => {
    const longRouteMonths = a.shortRouteMonths + a.extraLongMonths;
    // Opening cohorts must not have completed a route they are on: train them for fewer months than the short route.
    const opening =
      a.shortRouteMonths < 2 ? [] : a.opening.map((o) => ({ trained: 1 + (o.trained % (a.shortRouteMonths - 1)), fte: o.fte })).sort((x, y) => y.trained - x.trained);
    return {
      start: monthOf(START),
      months: a.months,
      training: {
        dropOutPercentPerYear: a.dropOut,
        shortRouteMonths: a.shortRouteMonths,
        longRouteMonths,
        shortRoutePercent: a.shortRoutePercent,
        newlyQualifiedMonths: a.newlyQualifiedMonths,
        stageReductionPercent: a.stageReductionPercent,
      },
      openingTrainees: opening.map((o) => ({ month: monthOf(START - o.trained), fte: o.fte })),
      qualified: {
        openingFte: a.openingFte,
        leavingPercentPerYear: a.leaving,
        otherInflowFtePerMonth: a.otherInflow,
        otherOutflowFtePerMonth: a.otherOutflow,
      },
      intake: {
        cohorts: a.cohorts.map((c) => ({ t: c.t % a.months, fte: c.fte })).sort((x, y) => x.t - y.t).map((c) => ({ month: monthOf(START + c.t), fte: c.fte })),
        ...(a.plan === undefined ? {} : { plan: a.plan }),
      },
      demand: { requiredFte: a.required },
      gapMeasure: a.gapMeasure,
    };
  });
