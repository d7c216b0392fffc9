import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NATIONAL_SENSITIVITY, runScenario, sensitivity, type Scenario, type SensitivityParameter } from '../../src/index.js';
import { errorOf } from '../helpers.js';
import { smallScenario } from './fixtures.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Pins taken before sensitivity learned to rerun only the sections an input affects: the same
 * results, to the last digit, as rerunning the whole scenario for every value.
 */
describe('sensitivity gives the results of whole reruns (pinned)', () => {
  it('the small scenario report is byte-identical to its pin', () => {
    expect(sha256(JSON.stringify(runScenario(smallScenario())))).toBe('ea17b068ea88d7ea05a28ebaa57280d79f3c9a6b5eb0f9a218d434e477b96ebd');
  });

  it('the bundled parameters against the vacancy carried', () => {
    const result = sensitivity(smallScenario(), NATIONAL_SENSITIVITY.parameters, NATIONAL_SENSITIVITY.metric);
    expect(result.baseOutput).toBe(6539.386250890524);
    expect(result.rows.map((r) => [r.parameter, r.base, r.lowOutput, r.highOutput])).toEqual([
      ['pipeline.workforce.demand.casesPerFte', 32.5, 14008.604688418069, 1815.9180726931977],
      ['pipeline.workforce.qualified.openingFte', 3900, 8135.796756612158, 5026.446526592779],
      ['pipeline.workforce.qualified.leavingPercentPerYear', 7.4, 6104.353154687138, 7107.175453091853],
      ['pipeline.workforce.training.dropOutPercentPerYear', 8, 6402.691198051512, 6742.425600950856],
      ['pipeline.workforce.intake.plan.perYear', 1500, 6539.386250890524, 6539.386250890524],
    ]);
  });

  it('the bundled parameters against figures of the sections they do not affect, and the closing month', () => {
    const pins = {
      capacityAfterTransfer: '2dc863ede7ec746f495cf17b2e4a533c13234ebdd9907becf4f15cd4dde4f55a',
      expectedYearOnePayment: 'b61563893dcd04aa1a0835514a31a1a4aef549d9cd487c4ed458f1cdf8ee0881',
      monthsToClose: '22186244679513a9f553e2b64356928f56b2c737e0e98da83551d00d10108520',
    } as const;
    for (const [metric, pin] of Object.entries(pins) as [keyof typeof pins, string][]) {
      expect(sha256(JSON.stringify(sensitivity(smallScenario(), NATIONAL_SENSITIVITY.parameters, metric)))).toBe(pin);
    }
  });

  it('inputs of the organisation, the transfer and the seed against the practitioners over the ceiling', () => {
    const parameters: SensitivityParameter[] = [
      { path: 'transfer.cases', low: 2000, high: 4000 },
      { path: 'organisation.practitioners', low: 500, high: 700 },
      { path: 'transfer.rules.ceiling', low: 45, high: 55 },
      { path: 'seed', low: 1, high: 2 },
    ];
    const result = sensitivity(smallScenario(), parameters, 'practitionersOverCeilingAfter');
    expect(result.rows.map((r) => [r.parameter, r.lowOutput, r.highOutput])).toEqual([
      ['transfer.rules.ceiling', 16, 1],
      ['organisation.practitioners', 4, 5],
      ['transfer.cases', 4, 4],
      ['seed', 4, 4],
    ]);
    expect(sha256(JSON.stringify(result))).toBe('d2459875f78a53ec09af27d1d5b96e366425cd425668b4e92eec519cb9f009f1');
  });

  it('inputs of the contracts against the expected year-one payment', () => {
    const parameters: SensitivityParameter[] = [
      { path: 'contracts.actuals.spreadPercent', low: 5, high: 30 },
      { path: 'contracts.budget', low: 20_000_000_000, high: 30_000_000_000 },
      { path: 'contracts.portfolio.nationalCaseload', low: 200_000, high: 260_000 },
    ];
    const result = sensitivity(smallScenario(), parameters, 'expectedYearOnePayment');
    expect(sha256(JSON.stringify(result))).toBe('a2862301512979213c730662742e9d748ba1a4ee2cf7b1d997479e5f61949ced');
  });
});

describe('sensitivity parameter paths', () => {
  it('refuses a path through a prototype and writes nothing there (issue #13)', () => {
    const length = Array.prototype.length;
    for (const path of ['sources.__proto__.length', 'constructor.prototype.x', '__proto__.seed', 'pipeline.constructor.length']) {
      const error = errorOf(() => sensitivity(smallScenario(), [{ path, low: 1, high: 2 } as unknown as SensitivityParameter], 'monthsToClose'));
      expect(error.path).toBe('parameters[0].path');
    }
    expect(Array.prototype.length).toBe(length);
    expect(Object.prototype).not.toHaveProperty('x');
  });

  it('refuses a value the input does not allow, naming the scenario field', () => {
    const error = errorOf(() => sensitivity(smallScenario(), [{ path: 'transfer.continuityPercent', low: -5, high: 50 }], 'transferPlacedPercent'));
    expect(error.path).toBe('scenario.transfer.continuityPercent');
  });

  it('leaves the scenario given unchanged', () => {
    const scenario: Scenario = smallScenario();
    const before = JSON.stringify(scenario);
    sensitivity(scenario, [{ path: 'pipeline.workforce.qualified.openingFte', low: 3000, high: 4000 }], 'finalShortfall');
    expect(JSON.stringify(scenario)).toBe(before);
  });
});
