/**
 * Trainee pipeline: a deterministic 10-year monthly projection (target: median under 1 ms) and a
 * Monte Carlo of 10,000 runs x 120 months (under 500 ms), from the March 2021 position with 1,000
 * trainees a year; the calibration on the national record (under 2 s) and the Monte Carlo of the
 * calibrated national model with its fitted parameter sets; with the Markov model, the intake search
 * and a three-plan comparison for scale.
 */
import {
  MARCH_2021_TRAINEES,
  NATIONAL_CALIBRATION,
  NATIONAL_FIT,
  calibrateWorkforce,
  compareIntakePlans,
  pipelineMarkovModel,
  projectWorkforce,
  requiredIntake,
  simulateWorkforce,
  type WorkforceScenario,
} from '../src/index.js';
import { measure, printTable } from './harness.js';

const scenario: WorkforceScenario = {
  start: '2021-04',
  months: 120,
  training: { dropOutPercentPerYear: 10 },
  openingTrainees: [...MARCH_2021_TRAINEES],
  qualified: { openingFte: 3900 },
  intake: { plan: { perYear: 1000, from: '2021-07' } },
  demand: { requiredFte: Array.from({ length: 10 }, (_, year) => ({ from: `${2021 + year}-04`, value: 4418 * 1.03 ** year })) },
};
const uncertainty = {
  dropOutPercentPerYear: { low: 5, high: 20 },
  leavingPercentPerYear: { low: 7.4, high: 7.8 },
  demandPercent: { low: 95, high: 105 },
};
const national = { ...NATIONAL_CALIBRATION.scenario, months: 120 };
const fitted = { parameters: NATIONAL_FIT.samples.map(([qualifierTakeUpPercent, transfersInFte]) => ({ qualifierTakeUpPercent, transfersInFte })) };
const plans = [600, 1000, 1500].map((perYear) => ({ name: `${perYear} a year`, plan: { perYear, from: '2021-07' } }));

const figures = await measure([
  { name: 'projectWorkforce: 120 months', fn: () => projectWorkforce(scenario), iterations: 500, target: '< 1 ms' },
  { name: 'simulateWorkforce: 10,000 runs x 120 months', fn: () => simulateWorkforce(scenario, { runs: 10_000, seed: 2021 }), iterations: 10, target: '< 500 ms' },
  { name: 'simulateWorkforce: 10,000 x 120, uncertain rates and demand', fn: () => simulateWorkforce(scenario, { runs: 10_000, seed: 2021, uncertainty }), iterations: 10 },
  {
    name: 'calibrateWorkforce: national record to March 2023, 2 parameters, 100 bootstrap replicates',
    fn: () => calibrateWorkforce(NATIONAL_CALIBRATION.scenario, NATIONAL_CALIBRATION.observed, NATIONAL_CALIBRATION.options),
    iterations: 5,
    target: '< 2 s',
  },
  { name: 'simulateWorkforce: national calibrated, 10,000 x 120, fitted parameter sets', fn: () => simulateWorkforce(national, { runs: 10_000, seed: 2021, uncertainty: fitted }), iterations: 10, target: '< 500 ms' },
  { name: 'pipelineMarkovModel: 46 states', fn: () => pipelineMarkovModel({ training: { dropOutPercentPerYear: 10 }, intakePerYear: 1000 }), iterations: 50 },
  { name: 'requiredIntake: by March 2024, expectation', fn: () => requiredIntake(scenario, { closeBy: '2024-03' }), iterations: 50 },
  {
    name: 'requiredIntake: by March 2024, 90% of 1,000 runs',
    fn: () => requiredIntake(scenario, { closeBy: '2024-03', probabilityPercent: 90, simulation: { runs: 1000, seed: 2021, uncertainty } }),
    iterations: 5,
  },
  { name: 'compareIntakePlans: 3 plans, 1,000 runs each', fn: () => compareIntakePlans(scenario, plans, { simulation: { runs: 1000, seed: 2021 } }), iterations: 5 },
]);
// On a shared machine wall time includes waiting for a CPU; the process's own CPU time per call shows the work.
const cpuRuns = 5;
const cpuStart = process.cpuUsage();
for (let i = 0; i < cpuRuns; i++) simulateWorkforce(scenario, { runs: 10_000, seed: 2021 });
const cpu = process.cpuUsage(cpuStart);
printTable('Trainee pipeline', figures, [
  ['simulateWorkforce: 10,000 x 120, process CPU time per call (ms)', ((cpu.user + cpu.system) / 1000 / cpuRuns).toFixed(2), '', String(cpuRuns)],
]);
