/**
 * Forward workload at national scale: the synthetic national caseload (240,000 cases over 9,000
 * case-holding practitioners, `generateNationalCaseload`, seed 2021) with seeded synthetic dates
 * (community orders ending within 2 years; licences begun within the last year and ending within
 * the next; custody released within 18 months with 6 to 24 months of licence, 10% with a PED; 15%
 * exempt from reset; reset from the start day so it bites), and about 4,600 new cases a week
 * (42.6 per PDU across 12 tier and case type cells). Targets (issue #15): a 52-week deterministic
 * projection <= 300 ms; a 1,000-run Monte Carlo at team level <= 3 s.
 */
import { CASE_TYPES, RandomStream, generateNationalCaseload, type Tier } from '../src/index.js';
import { forwardMonteCarloColumns, projectWorkloadColumns } from '../src/columnar.js';
import { NO_DAY } from '../src/constants.js';
import { type WeeklyDemand } from '../src/schemas.js';
import { dayOf } from '../src/forward/internal.js';
import { measure, printTable } from './harness.js';

const organisation = generateNationalCaseload({ seed: 2021 });
const n = organisation.columns.cases.tierIndex.length;
const start = dayOf(organisation.asOf);
const rng = new RandomStream(15);
const dates = { releaseDay: new Int32Array(n).fill(NO_DAY), endDay: new Int32Array(n).fill(NO_DAY), paroleDay: new Int32Array(n).fill(NO_DAY), resetExempt: new Uint8Array(n) };
const COMMUNITY = CASE_TYPES.indexOf('community');
const LICENCE = CASE_TYPES.indexOf('licence');
for (let i = 0; i < n; i++) {
  const type = organisation.columns.cases.caseTypeIndex[i];
  if (type === COMMUNITY) {
    dates.endDay[i] = start + rng.integer(1, 730);
  } else if (type === LICENCE) {
    dates.releaseDay[i] = start - rng.integer(0, 365);
    dates.endDay[i] = start + rng.integer(1, 365);
  } else {
    dates.releaseDay[i] = start + rng.integer(1, 540);
    dates.endDay[i] = (dates.releaseDay[i] as number) + rng.integer(180, 730);
    if (rng.uniform() < 0.1) dates.paroleDay[i] = (dates.releaseDay[i] as number) - rng.integer(0, 60);
  }
  dates.resetExempt[i] = rng.uniform() < 0.15 ? 1 : 0;
}
const CELLS: readonly [Tier, (typeof CASE_TYPES)[number], number][] = [
  ['A2', 'licence', 0.02], ['B2', 'community', 0.08], ['B1', 'custody', 0.06], ['B2', 'licence', 0.06],
  ['C3', 'community', 0.1], ['C2', 'community', 0.14], ['C1', 'community', 0.12], ['C2', 'custody', 0.06],
  ['C1', 'licence', 0.08], ['D2', 'community', 0.1], ['D1', 'community', 0.1], ['D0', 'community', 0.08],
];
const demand: WeeklyDemand[] = organisation.pdus.flatMap((pdu) => CELLS.map(([tier, caseType, share]) => ({ pduId: pdu.id, tier, caseType, perWeek: 42.6 * share, durationWeeks: 52 })));
const input = { organisation, dates, demand };
const options = { asOf: organisation.asOf, weeks: 52, probationReset: { from: organisation.asOf } };
const weekly = demand.reduce((s, d) => s + d.perWeek, 0);

const figures = await measure([
  { name: '52 weeks, 240,000 cases, 9,000 practitioners, no demand', fn: () => projectWorkloadColumns({ organisation, dates }, options), iterations: 5, target: '<= 300 ms' },
  { name: `52 weeks, + ${weekly.toFixed(0)} new cases a week allocated (balanced)`, fn: () => projectWorkloadColumns(input, options), iterations: 5, target: '<= 300 ms' },
  { name: `52 weeks, + ${weekly.toFixed(0)} new cases a week allocated (least-loaded)`, fn: () => projectWorkloadColumns(input, { ...options, policy: 'least-loaded' }), iterations: 5 },
  { name: `52 weeks, + ${weekly.toFixed(0)} new cases a week pooled by team`, fn: () => projectWorkloadColumns(input, { ...options, demandMode: 'pool' }), iterations: 5 },
  {
    name: 'Monte Carlo, 1,000 runs, team level (Poisson demand, 5% early release, recall 0.2%/week)',
    fn: () => forwardMonteCarloColumns(input, { ...options, runs: 1000, seed: 1, earlyRelease: { rate: 0.05, weeks: 2 }, recallWeeklyRate: 0.002 }),
    // Three runs, so that the median on a shared box is not one draw of the load.
    iterations: 3,
    target: '<= 3 s',
  },
]);
printTable('Forward workload', figures);
