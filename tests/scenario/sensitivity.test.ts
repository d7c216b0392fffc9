import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NATIONAL_SENSITIVITY, runScenario, sensitivity, type Scenario } from '../../src/index.js';
import { type SensitivityParameter } from '../../src/schemas.js';
import { errorOf } from '../helpers.js';
import { smallScenario } from './fixtures.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Pins of whole-rerun results, first taken before sensitivity learned to rerun only the sections an
 * input affects, and taken again when the pipeline moved onto the published record (#11 changed the
 * scenario; that every section rerun equals a whole run is checked input by input in parameters.test.ts),
 * and again when the contract volumes came from the caseload's needs (#16: the report, the year-one
 * payment and the contract inputs' pins; the pipeline and transfer pins did not move).
 */
describe('sensitivity gives the results of whole reruns (pinned)', () => {
  // retaken in issue 14: the caseload histogram's bands close on the right (41-50, 51-60), and the payment explanations say where the volume stands
  it('the small scenario report is byte-identical to its pin', () => {
    expect(sha256(JSON.stringify(runScenario(smallScenario())))).toBe('decf446b6ee7fcdd33b730764dce3b7d5e30cbac8a98bda5a4c333b7039533e5');
  });

  it('the bundled parameters against the vacancy carried', () => {
    const result = sensitivity(smallScenario(), NATIONAL_SENSITIVITY.parameters, NATIONAL_SENSITIVITY.metric);
    expect(result.baseOutput).toBe(80214.5826827799);
    expect(result.rows.map((r) => [r.parameter, r.base, r.lowOutput, r.highOutput])).toEqual([
      ['pipeline.workforce.training.qualifierTakeUpPercent', 40.03, 99471.66317088733, 53591.94790623984],
      ['pipeline.workforce.qualified.transfersIn.0.fte', 961.81, 94740.15384055268, 74697.04723173914],
      ['pipeline.workforce.demand.requiredFte.growthPercentPerYear', 2, 73308.70376856404, 87262.44159826435],
      ['pipeline.workforce.qualified.leavingPercentPerYear.3.value', 7.5, 75850.07728438872, 84507.31845882292],
      ['pipeline.workforce.training.dropOutPercentPerYear', 5, 78098.90663652401, 83672.61418715323],
    ]);
  });

  it('the bundled parameters against figures of the sections they do not affect, and the closing month', () => {
    const pins = {
      capacityAfterTransfer: 'c9e1dd9c7ee3311cf5e688780e691088f53efe189db4fd1f2677bc92d8b1b9a8',
      expectedYearOnePayment: 'aff428250f6fe2b178735a1613b8dca47a3485346da7c30547e66fa351dc602a',
      monthsToClose: 'e9fb0589e3c48730570a7b94ae29efe7dc8a7a9657db4985bd89bfa00438e56e',
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
      { path: 'needs.femalePercent', low: 12, high: 18 },
    ];
    const result = sensitivity(smallScenario(), parameters, 'expectedYearOnePayment');
    expect(sha256(JSON.stringify(result))).toBe('b721baa15338784eb6caffc5d30e93b46c66dd25524cb471b52bce0b4042c618');
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
