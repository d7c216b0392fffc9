import { describe, expect, it } from 'vitest';
import { projectWorkforce, type WorkforceScenario } from '../../src/index.js';
import { workforceScenarioSchema } from '../../src/schemas.js';
import { errorOf } from '../helpers.js';
import { MARCH_2021 } from './scenarios.js';

/** The error `projectWorkforce` refuses a scenario with. */
const refusal = (scenario: unknown) => errorOf(() => projectWorkforce(scenario as WorkforceScenario));

const base = MARCH_2021;

describe('workforce scenario validation', () => {
  it('fills the published defaults: PQiP 15/21 months, 80/60/40% by six months, NQO 20% for 9 months, 7.4% leaving, a start lag of 1 month', () => {
    const s = workforceScenarioSchema.parse({ start: '2021-04', months: 12, training: { dropOutPercentPerYear: 10 }, qualified: { openingFte: 1 }, demand: { requiredFte: 1 } });
    expect(s.training).toEqual({
      dropOutPercentPerYear: 10,
      shortRouteMonths: 15,
      longRouteMonths: 21,
      shortRoutePercent: 50,
      stageMonths: 6,
      stageReductionPercent: [80, 60, 40],
      newlyQualifiedMonths: 9,
      newlyQualifiedReductionPercent: 20,
      startLagMonths: 1,
    });
    expect(s.qualified.leavingPercentPerYear).toBe(7.4);
    expect(s.gapMeasure).toBe('inPost');
  });

  it.each([
    ['a negative drop-out rate', { ...base, training: { dropOutPercentPerYear: -1 } }, 'scenario.training.dropOutPercentPerYear', 'expected a rate of 0% or more'],
    ['a leaving rate over 100%', { ...base, qualified: { openingFte: 3900, leavingPercentPerYear: 140 } }, 'scenario.qualified.leavingPercentPerYear', 'expected a rate of at most 100%'],
    ['a NaN rate', { ...base, training: { dropOutPercentPerYear: Number.NaN } }, 'scenario.training.dropOutPercentPerYear', ''],
    ['a start lag in part months', { ...base, training: { dropOutPercentPerYear: 10, startLagMonths: 0.5 } }, 'scenario.training.startLagMonths', 'expected whole months'],
    ['a negative start lag', { ...base, training: { dropOutPercentPerYear: 10, startLagMonths: -1 } }, 'scenario.training.startLagMonths', 'expected 0 months or more'],
    ['a start lag over a year', { ...base, training: { dropOutPercentPerYear: 10, startLagMonths: 13 } }, 'scenario.training.startLagMonths', 'expected at most 12 months'],
    ['intake before the start month', { ...base, intake: { cohorts: [{ month: '2021-03', fte: 100 }] } }, 'scenario.intake.cohorts[0].month', 'intake before the start month (2021-04)'],
    ['a plan before the start month', { ...base, intake: { plan: { perYear: 600, from: '2020-07' } } }, 'scenario.intake.plan.from', 'intake before the start month'],
    [
      'intake months out of order',
      { ...base, intake: { cohorts: [{ month: '2022-01', fte: 1 }, { month: '2021-07', fte: 1 }] } },
      'scenario.intake.cohorts[1].month',
      'months out of order',
    ],
    [
      'demand steps out of order',
      { ...base, demand: { requiredFte: [{ from: '2021-04', value: 1 }, { from: '2022-04', value: 2 }, { from: '2022-01', value: 3 }] } },
      'scenario.demand.requiredFte[2].from',
      'months out of order',
    ],
    ['a plan ending before it starts', { ...base, intake: { plan: { perYear: 600, from: '2022-01', until: '2021-12' } } }, 'scenario.intake.plan.until', 'months out of order'],
    ['demand starting after the start', { ...base, demand: { requiredFte: [{ from: '2021-05', value: 1 }] } }, 'scenario.demand.requiredFte[0].from', 'at or before the start'],
    ['intake after the projection', { ...base, intake: { cohorts: [{ month: '2024-04', fte: 1 }] } }, 'scenario.intake.cohorts[0].month', 'up to the last projected month (2024-03)'],
    ['an opening cohort not yet started', { ...base, openingTrainees: [{ month: '2021-04', fte: 1 }] }, 'scenario.openingTrainees[0].month', 'before the start'],
    ['an opening cohort that would have qualified', { ...base, openingTrainees: [{ month: '2019-12', fte: 1 }] }, 'scenario.openingTrainees[0].month', 'would have qualified on the 15-month route'],
    ['a month that does not exist', { ...base, start: '2021-13' }, 'scenario.start', 'expected a month as YYYY-MM'],
    ['no months', { ...base, months: 0 }, 'scenario.months', 'expected at least 1 month'],
    ['a century and more', { ...base, months: 1201 }, 'scenario.months', 'expected at most 1200 months'],
    ['a negative cohort', { ...base, openingTrainees: [{ month: '2021-01', fte: -5 }] }, 'scenario.openingTrainees[0].fte', 'expected FTE of 0 or more'],
    ['a huge stock', { ...base, qualified: { openingFte: 1e12 } }, 'scenario.qualified.openingFte', 'expected FTE of at most 1,000,000'],
    ['a long route shorter than the short', { ...base, training: { dropOutPercentPerYear: 10, longRouteMonths: 12 } }, 'scenario.training.longRouteMonths', 'at least as long as the short route'],
    ['two bases of demand', { ...base, demand: { requiredFte: 1, cases: 10, casesPerFte: 50 } }, 'scenario.demand.cases', 'exactly one of requiredFte, cases or points'],
    ['cases without cases per FTE', { ...base, demand: { cases: 143_585 } }, 'scenario.demand.casesPerFte', 'expected casesPerFte with cases'],
    ['a points target with cases', { ...base, demand: { cases: 10, casesPerFte: 50, targetPercent: 100 } }, 'scenario.demand.targetPercent', 'applies only to points'],
    ['a calendar month twice', { ...base, intake: { plan: { perYear: 600, calendarMonths: [1, 1] } } }, 'scenario.intake.plan.calendarMonths', 'expected each calendar month once'],
    ['an unknown field', { ...base, vacancies: 518 }, 'scenario', ''],
    ['not an object', 'March 2021', 'scenario', ''],
  ])('refuses %s with the path', (_, scenario, path, message) => {
    const error = refusal(scenario);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.path).toBe(path);
    expect(error.message).toContain(message);
  });

  it('accepts an opening cohort past the short route when all of it is on the long route', () => {
    const p = projectWorkforce({ ...base, openingTrainees: [{ month: '2019-12', fte: 100, shortRoutePercent: 0 }] });
    expect(p.opening.inTraining).toBe(100);
  });
});
