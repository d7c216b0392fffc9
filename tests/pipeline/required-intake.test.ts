import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { projectWorkforce, requiredIntake, simulateWorkforce, type WorkforceScenario } from '../../src/index.js';
import { type RequiredIntakeOptions } from '../../src/schemas.js';
import { errorOf } from '../helpers.js';
import { MARCH_2021 } from './scenarios.js';


/** Demand rising 6% a year each April from 4,418: the gap needs new intake to close. */
const GROWING: WorkforceScenario = {
  ...MARCH_2021,
  months: 48,
  demand: {
    requiredFte: [
      { from: '2021-04', value: 4418 },
      { from: '2022-04', value: 4418 * 1.06 },
      { from: '2023-04', value: 4418 * 1.06 ** 2 },
      { from: '2024-04', value: 4418 * 1.06 ** 3 },
    ],
  },
};

/** Whether the projection under `perYear` has no gap from `closeBy` to the end (the one meaning of "closes"). */
function closesBy(scenario: WorkforceScenario, perYear: number, closeBy: string): boolean {
  const p = projectWorkforce({ ...scenario, intake: { ...scenario.intake, plan: { ...scenario.intake?.plan, perYear } } });
  return p.rows.filter((r) => r.month >= closeBy).every((r) => r.shortfall === 0);
}

describe('requiredIntake', () => {
  it('finds the least whole intake a year that closes the gap by the month, in expectation', () => {
    const r = requiredIntake(GROWING, { closeBy: '2024-03' });
    expect(r.feasible).toBe(true);
    if (!r.feasible) return;
    expect(r.perYear).toBeGreaterThan(0);
    expect(closesBy(GROWING, r.perYear, '2024-03')).toBe(true);
    expect(closesBy(GROWING, r.perYear - 1, '2024-03')).toBe(false);
    expect(r.closesIn !== null && r.closesIn <= '2024-03').toBe(true);
    expect(r.plan).toMatchObject({ perYear: r.perYear, from: '2021-07', calendarMonths: [1, 7] });
    expect(r.probabilityClosedBy).toBeNull();
    expect(r.explanation).toContain(`${r.perYear.toLocaleString('en-GB')} trainees a year`);
  });

  it('answers 0 only when the gap stays closed to the end: a gap closed for a few months and reopened by leavers needs intake', () => {
    // With no new intake the January 2021 long-route half qualifies in October 2022 (its start month, the
    // default start lag, and 21 months of the route) and the gap is closed in October and November 2022;
    // leavers (about 28 a month) reopen it in December (3 short), so closing by October 2022 (to the end,
    // March 2024) needs intake. Cut the horizon at November 2022 and 0 is enough.
    const reopened = requiredIntake(MARCH_2021, { closeBy: '2022-10' });
    expect(reopened.feasible && reopened.perYear).toBeGreaterThan(0);
    expect(requiredIntake({ ...MARCH_2021, months: 20 }, { closeBy: '2022-10' })).toMatchObject({ feasible: true, perYear: 0, traineePlaces: 0, closesIn: '2022-10' });
    const later = requiredIntake(MARCH_2021, { closeBy: '2023-03' });
    expect(later.feasible && later.perYear).toBeGreaterThan(0);
  });

  it('says so when no intake within the maximum can close it in time', () => {
    // Trainees starting after March 2021 cannot qualify within 12 months (routes take 15 and 21).
    const r = requiredIntake(GROWING, { closeBy: '2022-03', maxIntakePerYear: 1500 });
    expect(r.feasible).toBe(false);
    if (r.feasible) return;
    expect(r.maxIntakePerYear).toBe(1500);
    // At the maximum the gap closes for good only later (closing is judged to the end of the horizon).
    expect(r.atMaximum.closesIn === null || r.atMaximum.closesIn > '2022-03').toBe(true);
    expect(r.explanation).toBe('No intake up to 1,500 a year closes the gap by 2022-03 in expectation.');
  });

  it('asks for more intake to be 90% sure than to close it in expectation', () => {
    const simulation = { runs: 300, seed: 11 };
    const expected = requiredIntake(GROWING, { closeBy: '2024-09' });
    const sure = requiredIntake(GROWING, { closeBy: '2024-09', probabilityPercent: 90, simulation });
    expect(expected.feasible && sure.feasible).toBe(true);
    if (!expected.feasible || !sure.feasible) return;
    expect(sure.perYear).toBeGreaterThanOrEqual(expected.perYear);
    expect(sure.probabilityClosedBy).toBeGreaterThanOrEqual(0.9);
    // One fewer a year falls short in the same seeded runs: fewer than 90% closed for good by September 2024.
    const below = simulateWorkforce({ ...GROWING, intake: { plan: { ...sure.plan, perYear: sure.perYear - 1 } } }, simulation);
    expect(below.months.find((m) => m.month === '2024-09')?.probabilityClosedBy).toBeLessThan(0.9);
  });

  test.prop([fc.integer({ min: 4000, max: 6000 }), fc.constantFrom('2023-09', '2024-03', '2024-09')], { numRuns: 15 })(
    'never asks for less when more is required',
    (required, closeBy) => {
      const at = (fte: number) => requiredIntake({ ...MARCH_2021, months: 48, demand: { requiredFte: fte } }, { closeBy, maxIntakePerYear: 3000 });
      const [low, high] = [at(required), at(required + 200)];
      if (high.feasible) expect(low.feasible && low.perYear <= high.perYear).toBe(true);
    },
  );

  it('refuses a month outside the projection and a probability without a simulation', () => {
    for (const [options, path] of [
      [{ closeBy: '2021-03' }, 'options.closeBy'],
      [{ closeBy: '2025-04' }, 'options.closeBy'],
      [{ closeBy: '2024-3' }, 'options.closeBy'],
      [{ closeBy: '2024-03', maxIntakePerYear: -5 }, 'options.maxIntakePerYear'],
      [{ closeBy: '2024-03', probabilityPercent: 90 }, 'options.simulation'],
      [{ closeBy: '2024-03', probabilityPercent: 0, simulation: { runs: 10, seed: 1 } }, 'options.probabilityPercent'],
      [{ closeBy: '2024-03', simulation: { runs: 10, seed: 1 } }, 'options.probabilityPercent'],
    ] as const) {
      const error = errorOf(() => requiredIntake(GROWING, options as RequiredIntakeOptions));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.path).toBe(path);
    }
  });
});
