/**
 * Does the PQiP pipeline reproduce the published record before it projects? From 31 March 2021
 * (3,539 FTE Probation Officers in post, 1,186 FTE in PQiP training): first the old assumptions set
 * against the record, then the calibration of what the record does not publish (the share of PQiP
 * completers who take up a PO post, the POs who joined from the CRCs on 26 June 2021), the backtest
 * of the fitted model over 2021–2023 and its out-of-sample check, and then the projection to March
 * 2026 with P5–P95 bands that include the fitted parameters' uncertainty, and the intake it would take
 * to close the gap.
 *
 * Run: node --import tsx examples/pqip-pipeline.ts
 */
import { MARCH_2021_TRAINEES, NATIONAL_CALIBRATION, NATIONAL_FIT, backtestWorkforce, calibrateWorkforce, compareIntakePlans, projectWorkforce, requiredIntake, simulateWorkforce, type WorkforceScenario } from '../src/index.js';
import { type SimulationOptions } from '../src/schemas.js';
import { type WorkforceBacktest } from '../src/types.js';

const fte = (x: number) => Math.round(x).toLocaleString('en-GB');
const percent = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(2)}%`);

function printBacktest(title: string, b: WorkforceBacktest): void {
  console.log(title);
  console.log('  month     projected  published     error  % error');
  for (const r of b.rows) {
    console.log(`  ${r.month}   ${fte(r.projected).padStart(9)}  ${fte(r.observed).padStart(9)}  ${fte(r.error).padStart(8)}  ${percent(r.percentError).padStart(7)}${r.opening ? '  (opening)' : ''}`);
  }
  console.log(`  MAPE ${percent(b.mape)} over ${b.points} published quarters; mean bias ${fte(b.meanBias ?? 0)} FTE\n`);
}

// 1. The old assumptions (3,900 FTE in post, no CRC transfer, every completer a PO, 4,418 required
//    growing 3% a year) against the published PO FTE in post.
const assumed: WorkforceScenario = {
  start: '2021-04',
  months: 60,
  training: { dropOutPercentPerYear: 8 },
  openingTrainees: [...MARCH_2021_TRAINEES],
  qualified: { openingFte: 3900, leavingPercentPerYear: 7.4 },
  intake: { plan: { perYear: 1500, calendarMonths: [1, 7] } },
  demand: { requiredFte: Array.from({ length: 5 }, (_, year) => ({ from: `${2021 + year}-04`, value: 4418 * 1.03 ** year })) },
};
printBacktest('The old assumptions against the record (PO FTE in post, end of month):', backtestWorkforce(assumed, NATIONAL_CALIBRATION.observed));

// 2. Calibrate to the record up to 31 March 2023 only (later quarters are not fitted to).
const started = performance.now();
const fit = calibrateWorkforce(NATIONAL_CALIBRATION.scenario, NATIONAL_CALIBRATION.observed, NATIONAL_CALIBRATION.options);
console.log(`Calibrated to the record to March 2023 in ${(performance.now() - started).toFixed(0)} ms (bounded least squares, ${NATIONAL_CALIBRATION.options.bootstrap?.replicates} bootstrap replicates):`);
for (const p of fit.parameters) {
  console.log(`  ${p.input.padEnd(34)} ${p.value.toFixed(1).padStart(8)}  (bootstrap s.e. ${p.standardError?.toFixed(1)}, P5–P95 ${p.p5?.toFixed(1)} to ${p.p95?.toFixed(1)})`);
}
console.log('');
printBacktest('The fitted model against the record:', fit.backtest);
console.log(`  inputs: ${fit.backtest.inputs.map((i) => `${i.input} (${i.source})`).join(', ')}\n`);

// 3. Out of sample: fit to March 2022 only, then check the four later quarters to March 2023.
const early = calibrateWorkforce(NATIONAL_CALIBRATION.scenario, NATIONAL_CALIBRATION.observed, { ...NATIONAL_CALIBRATION.options, until: '2022-03', bootstrap: { replicates: 0, seed: 1 } });
printBacktest('Out of sample: fitted to March 2022, checked against June 2022 to March 2023:', early.check as WorkforceBacktest);

// 4. Project from the fitted model: the PO shortfall at 31 March of each year, P5–P95 over runs that
//    each take one bootstrap replicate of the fitted parameters (as well as the binomial draws).
const fitted = fit.scenario;
const simulation: SimulationOptions = {
  runs: 2000,
  seed: 2021,
  uncertainty: { parameters: NATIONAL_FIT.samples.map(([qualifierTakeUpPercent, transfersInFte]) => ({ qualifierTakeUpPercent, transfersInFte })) },
};
const expected = projectWorkforce(fitted);
const sim = simulateWorkforce(fitted, simulation);
console.log('PO shortfall at 31 March (FTE): required, in post, shortfall, P5–P95 over 2,000 runs');
expected.rows.forEach((row, t) => {
  if (!row.month.endsWith('-03')) return;
  const [p5, , p95] = sim.months[t]?.shortfall.quantiles ?? [];
  console.log(`  ${row.month.slice(0, 4)}  ${fte(row.required).padStart(6)}  ${fte(row.inPost).padStart(6)}  ${fte(row.shortfall).padStart(6)}  (${fte(p5 ?? 0)} to ${fte(p95 ?? 0)})`);
});
console.log(`  closes (no shortfall from that month to March 2026): ${expected.closesIn ?? 'not by March 2026'}\n`);

// 5. Intake plans from 2023/24 (in place of the 2025/26 plan; the record's cohorts kept), and the least that closes
//    the gap by March 2026.
const plans = [0, 1500, 3000].map((perYear) => ({ name: `${perYear.toLocaleString('en-GB')} a year from 2023`, plan: { perYear, from: '2023-04', calendarMonths: [9, 3] } }));
const comparison = compareIntakePlans(fitted, plans);
for (const p of comparison.plans) console.log(`  ${p.name.padEnd(20)} closes ${p.closesIn ?? 'not by March 2026'}; gap in March 2026 ${fte(p.finalGap)} FTE`);
const least = requiredIntake({ ...fitted, intake: { ...fitted.intake, plan: { perYear: 0, from: '2023-04', calendarMonths: [9, 3] } } }, { closeBy: '2026-03', maxIntakePerYear: 6000 });
console.log(`  ${least.explanation}`);
