/**
 * When does the Probation Officer shortfall close? From 31 March 2021 (518 FTE short, 1,186 FTE in
 * PQiP training), compare intakes of 600, 1,000 and 1,500 trainees a year, with P5–P95 bands, and
 * find the intake that closes the gap by March 2024.
 *
 * Run: node --import tsx examples/pqip-pipeline.ts
 */
import { MARCH_2021_TRAINEES, compareIntakePlans, projectWorkforce, requiredIntake, type SimulationOptions, type WorkforceScenario } from '../src/index.js';

// From the documents (Probation Changes Bulletin 8, November 2020; government response to the Justice
// Committee, 2021; HMPPS workforce statistics):
//   518 FTE short and 1,186 FTE in PQiP training at 31 March 2021; 457 trainees started in July 2020 and
//   about 600 in January 2021; PQiP takes 15 or 21 months; intakes usually in January and July; 600 a year
//   historically, 1,000 in 2020/21, 1,500 targeted for 2021/22 ("the maximum the business can manage");
//   POs leave at 7.4% a year (7.8% a year later); protected caseloads 80/60/40% in training, 20% as NQO.
// Assumptions (not published):
//   3,900 FTE POs in post at 31 March 2021, so 4,418 required; demand rising 3% a year each April (more
//   police officers, court backlogs); the other 129 trainees started January 2020 on the 21-month route;
//   half of each intake on the 15-month route; 10% a year leave training (range 5–20%); leaving 7.4–7.8%;
//   demand within ±5% of the forecast; new plans start in July 2021.
const required = Array.from({ length: 10 }, (_, year) => ({ from: `${2021 + year}-04`, value: 4418 * 1.03 ** year }));
const scenario: WorkforceScenario = {
  start: '2021-04',
  months: 120,
  training: { dropOutPercentPerYear: 10 },
  openingTrainees: [...MARCH_2021_TRAINEES],
  qualified: { openingFte: 3900, leavingPercentPerYear: 7.4 },
  demand: { requiredFte: required },
};
const simulation: SimulationOptions = {
  runs: 1000,
  seed: 2021,
  uncertainty: {
    dropOutPercentPerYear: { low: 5, high: 20 },
    leavingPercentPerYear: { low: 7.4, high: 7.8 },
    demandPercent: { low: 95, high: 105 },
  },
};

const opening = projectWorkforce(scenario);
const firstRow = opening.rows[0];
console.log('Probation Officers, 31 March 2021');
console.log(`  in post ${opening.opening.inPost} FTE, required ${firstRow?.required} FTE: ${(firstRow?.required ?? 0) - opening.opening.inPost} short`);
console.log(`  in PQiP training ${opening.opening.inTraining} FTE (by stage: ${opening.opening.inTrainingByStage.join(', ')})`);
console.log(`  effective FTE after protected caseloads ${opening.opening.effectiveFte.toFixed(0)}\n`);

const plans = [600, 1000, 1500].map((perYear) => ({ name: `${perYear.toLocaleString('en-GB')} a year`, plan: { perYear, from: '2021-07' } }));
const comparison = compareIntakePlans(scenario, plans, { simulation });
const month = (m: string | null | undefined) => m ?? 'not by 2031';
console.log('Intake plan      closes (expected)  P5           P50          P95          chance by 2031  trainee places  gap March 2031');
for (const p of comparison.plans) {
  const [p5, p50, p95] = p.simulated?.closesIn ?? [];
  console.log(
    [
      p.name.padEnd(16),
      month(p.closesIn).padEnd(18),
      month(p5).padEnd(12),
      month(p50).padEnd(12),
      month(p95).padEnd(12),
      `${Math.round(100 * (p.simulated?.probabilityClosesWithin ?? 0))}%`.padStart(14),
      p.traineePlaces.toLocaleString('en-GB').padStart(15),
      p.finalGap.toFixed(0).padStart(15),
    ].join(' '),
  );
}
console.log('("closes": no gap from that month to March 2031; P5–P95 over 1,000 runs with uncertain rates and demand)\n');

const expectation = requiredIntake(scenario, { closeBy: '2024-03' });
const ninety = requiredIntake(scenario, { closeBy: '2024-03', probabilityPercent: 90, simulation });
for (const answer of [expectation, ninety]) {
  console.log(answer.explanation);
  if (answer.feasible) console.log(`  ${answer.traineePlaces.toLocaleString('en-GB')} trainee places from April 2021 to March 2024`);
}
console.log('(No gap in March 2024 itself; demand keeps rising, so staying closed later needs more.)');
