/**
 * Backtest and calibration: worked examples, recovering known parameters from the model's own data
 * plus noise, conservation with transfers in, the refusals, and the national record (fit to March
 * 2023; the out-of-sample check fits to March 2022 and checks March 2023).
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { NATIONAL_CALIBRATION, NATIONAL_FIT, RandomStream, backtestWorkforce, calibrateWorkforce, projectWorkforce, simulateWorkforce, type WorkforceScenario } from '../../src/index.js';
import { type CalibrationOptions, type ObservedSeries } from '../../src/schemas.js';
import { errorOf } from '../helpers.js';
import { scenarioArbitrary } from './scenarios.js';

/** A small pipeline with a transfer in June 2021 and trainees qualifying from September 2021. */
function truth(takeUp: number, transfer: number): WorkforceScenario {
  return {
    start: '2021-04',
    months: 24,
    training: { dropOutPercentPerYear: 5, qualifierTakeUpPercent: takeUp },
    openingTrainees: [{ month: '2020-07', fte: 443 }, { month: '2021-01', fte: 564 }],
    qualified: { openingFte: 3539, leavingPercentPerYear: 7.4, transfersIn: [{ month: '2021-06', fte: transfer }] },
    intake: { cohorts: [{ month: '2021-09', fte: 759 }, { month: '2022-03', fte: 759 }] },
    demand: { requiredFte: 5000 },
  };
}

const QUARTERS = ['2021-06', '2021-09', '2021-12', '2022-03', '2022-06', '2022-09', '2022-12', '2023-03'];
const TWO: CalibrationOptions['parameters'] = [
  { name: 'qualifierTakeUpPercent', low: 0, high: 100 },
  { name: 'transfersInFte', low: 0, high: 3000 },
];

/** The model's own in-post at each quarter, plus seeded normal noise of `sd` FTE. */
function generated(scenario: WorkforceScenario, sd: number, seed: number): ObservedSeries {
  const rng = new RandomStream(seed);
  const p = projectWorkforce(scenario);
  return QUARTERS.map((month) => ({ month, fte: Math.max(0, (p.rows.find((r) => r.month === month)?.inPost as number) + sd * rng.normal()) }));
}

describe('backtestWorkforce', () => {
  it('sets the projection against the observed months: a stock of 1,000 leaving at 7.4% a year', () => {
    const b = backtestWorkforce(
      { start: '2021-04', months: 12, training: { dropOutPercentPerYear: 0 }, qualified: { openingFte: 1000 }, demand: { requiredFte: 1000 } },
      [{ month: '2021-03', fte: 1000 }, { month: '2022-03', fte: 900 }],
      [{ input: 'qualified.openingFte', source: 'record' }],
    );
    // Opening shown, not counted. March 2022: 1,000 x (1 - 0.074) = 926 against 900: error 26, 2.889%.
    expect(b.rows[0]).toMatchObject({ month: '2021-03', projected: 1000, error: 0, opening: true });
    expect(b.rows[1]?.projected).toBeCloseTo(926, 9);
    expect(b.rows[1]?.percentError).toBeCloseTo((100 * 26) / 900, 9);
    expect(b.points).toBe(1);
    expect(b.mape).toBeCloseTo(2.8889, 4);
    expect(b.meanBias).toBeCloseTo(26, 9);
    expect(b.inputs).toEqual([{ input: 'qualified.openingFte', source: 'record', reference: '' }]);
  });

  it('applies a one-off transfer in at the end of its month, and take-up to those completing', () => {
    const base = truth(50, 800);
    const p = projectWorkforce(base);
    const june = p.rows.find((r) => r.month === '2021-06');
    expect(june?.transferIn).toBe(800);
    // July 2020 cohort: 443 in training at the start; July 2020 is its start month (the default start lag), so it
    // completes the 15-month route at the end of October 2021, after 7 months of drop-out (0.95^(7/12) = 0.97052):
    // half on the short route complete then: 443 x 0.5 x 0.97052 = 214.97; half of them take up a post (107.49).
    expect(p.rows.find((r) => r.month === '2021-09')?.qualifying).toBe(0);
    const october = p.rows.find((r) => r.month === '2021-10');
    const completing = 443 * 0.5 * 0.95 ** (7 / 12);
    expect(october?.qualifying).toBeCloseTo(completing * 0.5, 6);
    expect(october?.notTakingUp).toBeCloseTo(completing * 0.5, 6);
  });
});

describe('calibrateWorkforce', () => {
  it('recovers the parameters of noiseless model data exactly', () => {
    const c = calibrateWorkforce(truth(50, 1000), generated(truth(60, 800), 0, 1), { parameters: TWO, bootstrap: { replicates: 0, seed: 1 } });
    expect(c.parameters[0]?.value).toBeCloseTo(60, 3);
    expect(c.parameters[1]?.value).toBeCloseTo(800, 1);
    expect(c.sumOfSquares).toBeLessThan(1e-3);
    expect(c.parameters[0]?.standardError).toBeNull();
  });

  // Tolerance: with noise of 10 FTE a quarter over 8 quarters, take-up within 6 points and the transfer within 60 FTE.
  test.prop([fc.double({ min: 20, max: 90, noNaN: true }), fc.double({ min: 300, max: 1500, noNaN: true }), fc.integer({ min: 1, max: 1000 })], { numRuns: 15 })(
    'calibrates model data plus noise back to the known parameters',
    (takeUp, transfer, seed) => {
      const c = calibrateWorkforce(truth(50, 1000), generated(truth(takeUp, transfer), 10, seed), { parameters: TWO, bootstrap: { replicates: 0, seed: 1 } });
      expect(Math.abs((c.parameters[0]?.value as number) - takeUp)).toBeLessThan(6);
      expect(Math.abs((c.parameters[1]?.value as number) - transfer)).toBeLessThan(60);
    },
  );

  it('gives a bootstrap spread that covers the truth and is the same for the same seed', () => {
    const observed = generated(truth(60, 800), 20, 7);
    const options = { parameters: TWO, bootstrap: { replicates: 60, seed: 5 } };
    const c = calibrateWorkforce(truth(50, 1000), observed, options);
    const takeUp = c.parameters[0];
    expect(takeUp?.standardError).toBeGreaterThan(0);
    expect((takeUp?.p5 as number) <= (takeUp?.value as number) && (takeUp?.value as number) <= (takeUp?.p95 as number)).toBe(true);
    expect(c.samples).toHaveLength(60);
    expect(c.residuals.map((r) => r.month)).toEqual(QUARTERS);
    expect(JSON.stringify(calibrateWorkforce(truth(50, 1000), observed, options))).toBe(JSON.stringify(c));
  });

  it('refuses with INFEASIBLE, naming the parameter, when the window cannot identify it', () => {
    // A transfer in December 2022 cannot move in-post figures observed only to June 2022.
    const late = { ...truth(50, 800), qualified: { openingFte: 3539, transfersIn: [{ month: '2022-12', fte: 800 }] } };
    const error = errorOf(() => calibrateWorkforce(late, generated(truth(50, 800), 0, 1), { parameters: TWO, until: '2022-06', bootstrap: { replicates: 0, seed: 1 } }));
    expect(error.code).toBe('INFEASIBLE');
    expect(error.path).toBe('options.parameters[1].name');
    expect(error.message).toContain('transfersInFte');
  });

  it('refuses bad input naming the field', () => {
    const s = truth(50, 800);
    const observed = generated(s, 0, 1);
    const cases: [() => unknown, string][] = [
      [() => calibrateWorkforce(s, [{ month: '2021-09', fte: 4000 }, { month: '2021-06', fte: 4000 }], { parameters: TWO }), 'observed[1].month'],
      [() => calibrateWorkforce(s, [{ month: '2021-09', fte: 4000 }, { month: '2021-09', fte: 4100 }], { parameters: TWO }), 'observed[1].month'],
      [() => calibrateWorkforce(s, [{ month: '2021-09', fte: -1 }], { parameters: TWO }), 'observed[0].fte'],
      [() => calibrateWorkforce(s, [], { parameters: TWO }), 'observed'],
      [() => calibrateWorkforce(s, observed, { parameters: TWO, until: '2021-06' }), 'options.until'],
      [() => calibrateWorkforce(s, [{ month: '2021-09', fte: 4000 }], { parameters: TWO }), 'observed'],
      [() => calibrateWorkforce(s, [{ month: '2024-09', fte: 4000 }], { parameters: TWO }), 'observed[0].month'],
      [() => calibrateWorkforce({ ...s, qualified: { openingFte: 3539, transfersIn: [{ month: '2023-06', fte: 800 }] } }, observed, { parameters: TWO }), 'scenario.qualified.transfersIn[0].month'],
      [() => calibrateWorkforce({ ...s, qualified: { openingFte: 3539 } }, observed, { parameters: TWO }), 'options.parameters[1].name'],
      [() => calibrateWorkforce(s, observed, { parameters: [...TWO, { name: 'transfersInFte', low: 0, high: 10 }] }), 'options.parameters[2].name'],
      [() => backtestWorkforce(s, [{ month: '2021-09', fte: Number.NaN }]), 'observed[0].fte'],
      [() => simulateWorkforce({ ...s, qualified: { openingFte: 3539 } }, { runs: 10, seed: 1, uncertainty: { parameters: [{ transfersInFte: 800 }] } }), 'options.uncertainty.parameters[0].transfersInFte'],
    ];
    for (const [call, path] of cases) {
      const error = errorOf(call);
      expect(error.path, path).toBe(path);
      expect(['INVALID_INPUT', 'INFEASIBLE']).toContain(error.code);
    }
  });
});

describe('stock conservation with transfers in and take-up', () => {
  test.prop([scenarioArbitrary, fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 2000, noNaN: true }), fc.nat(), fc.double({ min: 0, max: 20, noNaN: true })], { numRuns: 100 })(
    'every FTE in is in a stock at the end or left by a named flow; no stock is negative',
    (scenario, takeUp, transfer, at, other) => {
      const month = `2021-${String(4 + (at % Math.min(9, scenario.months))).padStart(2, '0')}`;
      const s: WorkforceScenario = {
        ...scenario,
        training: { ...scenario.training, qualifierTakeUpPercent: takeUp },
        qualified: { ...scenario.qualified, transfersIn: [{ month, fte: transfer }], otherOutflowPercentPerYear: other },
      };
      const p = projectWorkforce(s);
      const last = p.rows[p.rows.length - 1];
      const t = p.totals;
      const inflow = p.opening.inTraining + p.opening.inPost + t.intake + t.transferIn + t.otherInflow;
      const outflow = (last?.inTraining ?? 0) + (last?.inPost ?? 0) + t.droppedOut + t.notTakingUp + t.leavers + t.otherOutflow;
      expect(t.transferIn).toBeCloseTo(transfer, 9);
      expect(outflow).toBeCloseTo(inflow, 9 - Math.ceil(Math.log10(1 + inflow)));
      for (const r of p.rows) for (const v of [r.inTraining, r.inPost, r.newlyQualified, r.effectiveFte, r.notTakingUp, r.leavers]) expect(v).toBeGreaterThanOrEqual(0);
    },
  );
});

describe('the national record', () => {
  it('fits to March 2023 the values the bundled scenario carries, and reproduces 2021-2023', () => {
    const c = calibrateWorkforce(NATIONAL_CALIBRATION.scenario, NATIONAL_CALIBRATION.observed, NATIONAL_CALIBRATION.options);
    const round = (x: number) => Math.round(x * 100) / 100;
    expect(c.parameters.map((p) => round(p.value))).toEqual([NATIONAL_FIT.qualifierTakeUpPercent, NATIONAL_FIT.transfersInFte]);
    expect(c.samples.map((p) => [round(p.qualifierTakeUpPercent as number), round(p.transfersInFte as number)])).toEqual(NATIONAL_FIT.samples);
    // Measured: MAPE 1.05% over the 7 published quarters September 2021 to March 2023 (the issue asks for 2% at most);
    // errors +83, -57, +3, -95, -11, +57, +20 FTE. Without the start lag it was 2.12%.
    expect(c.backtest.points).toBe(7);
    expect(c.backtest.mape).toBeCloseTo(1.05, 2);
    expect(c.backtest.mape).toBeLessThanOrEqual(2);
    expect(Math.abs(c.backtest.meanBias as number)).toBeLessThan(5);
    expect(c.check).toBeNull();
    expect(c.backtest.inputs.filter((i) => i.source === 'fitted').map((i) => i.input)).toEqual(['training.qualifierTakeUpPercent', 'qualified.transfersIn']);
  });

  it('the record fits a start lag of 1 month and refuses none: refitted with each lag to March 2023', () => {
    const fitWith = (startLagMonths: number) => {
      const scenario = { ...NATIONAL_CALIBRATION.scenario, training: { ...NATIONAL_CALIBRATION.scenario.training, startLagMonths } };
      return calibrateWorkforce(scenario, NATIONAL_CALIBRATION.observed, { ...NATIONAL_CALIBRATION.options, bootstrap: { replicates: 0, seed: 1 } });
    };
    const [none, one, two] = [0, 1, 2].map(fitWith) as [ReturnType<typeof calibrateWorkforce>, ReturnType<typeof calibrateWorkforce>, ReturnType<typeof calibrateWorkforce>];
    // Measured sums of squares: 87,902 FTE² with no lag, 22,983 with 1 month, 20,030 with 2 (MAPE 2.12%, 1.05%, 1.07%).
    expect(one.sumOfSquares).toBeLessThan(none.sumOfSquares / 3);
    expect(one.backtest.mape as number).toBeLessThan(two.backtest.mape as number);
    expect(two.sumOfSquares).toBeGreaterThan(0.8 * one.sumOfSquares);
  });

  it('out of sample: fitted to March 2022, checks March 2023 within 8% (measured: 7.7% high)', () => {
    // To March 2022 only the July 2020 short-route half has qualified (October 2021), so three quarters fit the
    // take-up poorly (68%, against 40% to March 2023) and the model runs high by 2023.
    const c = calibrateWorkforce(NATIONAL_CALIBRATION.scenario, NATIONAL_CALIBRATION.observed, { ...NATIONAL_CALIBRATION.options, until: '2022-03', bootstrap: { replicates: 0, seed: 1 } });
    const march = c.check?.rows.find((r) => r.month === '2023-03');
    expect(march?.observed).toBe(4413);
    expect(march?.percentError as number).toBeCloseTo(7.7, 1);
    expect(Math.abs(march?.percentError as number)).toBeLessThan(8);
    expect(c.backtest.rows.every((r) => r.month <= '2022-03')).toBe(true);
  });

  it('the Monte Carlo widens with the fitted parameters uncertainty, and stays deterministic', () => {
    const scenario = NATIONAL_CALIBRATION.scenario;
    const parameters = NATIONAL_FIT.samples.map(([qualifierTakeUpPercent, transfersInFte]) => ({ qualifierTakeUpPercent, transfersInFte }));
    const without = simulateWorkforce(scenario, { runs: 400, seed: 3 });
    const withFit = simulateWorkforce(scenario, { runs: 400, seed: 3, uncertainty: { parameters } });
    const width = (sim: typeof without) => {
      const q = sim.months.find((m) => m.month === '2023-03')?.inPost.quantiles ?? [];
      return (q[2] as number) - (q[0] as number);
    };
    // Measured: P5-P95 of 146 FTE in March 2023 with the fitted sets, 102 without.
    expect(width(withFit)).toBeGreaterThan(1.3 * width(without));
    expect(JSON.stringify(simulateWorkforce(scenario, { runs: 400, seed: 3, uncertainty: { parameters } }))).toBe(JSON.stringify(withFit));
  });
});

describe('dated series', () => {
  it('interpolates the requirement between dated values and grows it after the last', () => {
    const p = projectWorkforce({
      start: '2021-04',
      months: 36,
      training: { dropOutPercentPerYear: 0 },
      qualified: { openingFte: 0 },
      demand: { requiredFte: { at: [{ month: '2021-03', value: 4057 }, { month: '2023-03', value: 6158 }], growthPercentPerYear: 2 } },
    });
    const at = (month: string) => p.rows.find((r) => r.month === month)?.required;
    // March 2022 is half way: 4,057 + 2,101 / 2 = 5,107.5. March 2024: 6,158 x 1.02 = 6,281.16.
    expect(at('2022-03')).toBeCloseTo(5107.5, 9);
    expect(at('2023-03')).toBeCloseTo(6158, 9);
    expect(at('2024-03')).toBeCloseTo(6281.16, 6);
  });
});
