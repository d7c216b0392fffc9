/**
 * The Justice Committee asked how the Ministry modelled "projected volumes and contract values" for
 * the commissioned rehabilitative services (document 004, recommendation 10). This is that method,
 * end to end, on a day-one portfolio: 110 contracts over the 12 regions and the 4 day-one pathways,
 * volumes projected from caseload, priced by intensity, banded when large (fixed price with a volume
 * cap when small), fitted to a budget, then a year of actual referrals monitored and paid.
 *
 * ILLUSTRATIVE FIGURES: real Dynamic Framework prices, volumes and scenario factors are not public.
 * Every caseload, eligibility rate, unit cost, factor and the budget below is made up to show the
 * arithmetic; the random referrals are seeded.
 *
 * Run: node --import tsx examples/dynamic-framework.ts
 */
import {
  NATIONAL_UNIFICATION_SCENARIO,
  RandomStream,
  adjustToBudget,
  dayOnePortfolio,
  formatPounds,
  monthlyEstimates,
  paymentForActual,
  portfolioSummary,
  referralMonitor,
  type ContractTerms,
} from '../src/index.js';

const share = (bp: number) => `${(bp / 100).toFixed(1)}%`;

// 1-2. The day-one portfolio of the bundled national scenario: 110 contracts, two per region and
//      pathway plus one more in the largest regions' lots; volumes projected from an illustrative
//      national caseload of 230,000 with growth and extra demand from more police officers, priced
//      by intensity, banded (four scenarios) when worth £2m or more, fixed price with a cap below;
//      every third contract to a provider that is not a VCSE organisation. The bundled scenario
//      counts the eligible people from its caseload's needs (issue 16); here each pathway's share is
//      assumed instead: 15% accommodation, 18% ETE, 25% personal wellbeing, 8% women's services.
const national = NATIONAL_UNIFICATION_SCENARIO.contracts.portfolio;
const assumedBp = { accommodation: 1_500, 'education, training and employment': 1_800, 'personal wellbeing': 2_500, "women's services": 800 } as const;
const pathways = Object.fromEntries(Object.entries(national.pathways).map(([name, p]) => [name, { ...p, eligibilityBp: assumedBp[name as keyof typeof assumedBp] }])) as typeof national.pathways;
const contracts: ContractTerms[] = dayOnePortfolio({ ...national, nationalCaseload: 230_000, pathways });

const before = portfolioSummary(contracts);
console.log(`Day-one portfolio (ILLUSTRATIVE prices and volumes): ${before.contracts} contracts, ${formatPounds(before.value)} over 3 years`);
console.log(`  guaranteed minimum ${formatPounds(before.guaranteedMinimum)}, most it can pay ${formatPounds(before.maximumValue)}`);
for (const g of before.byKind) console.log(`  ${g.key.padEnd(12)} ${String(g.contracts).padStart(3)} contracts  ${formatPounds(g.value).padStart(16)}`);
for (const g of before.byPathway) console.log(`  ${g.key.padEnd(36)} ${formatPounds(g.value).padStart(16)}  ${share(g.shareBp)}`);
for (const g of before.byProviderType) console.log(`  ${g.key.padEnd(36)} ${formatPounds(g.value).padStart(16)}  ${share(g.shareBp)}`);

const example = contracts.find((c) => c.kind === 'banded' && c.region === 'London') as ContractTerms;
console.log(`\n${example.id} (${example.region}, ${example.pathway}): ${example.reason}`);
for (const b of example.years[0]?.bands ?? []) console.log(`  year 1 band ${b.band}: ${b.lowVolume}-${b.highVolume} referrals, ${formatPounds(b.value)}`);

// 3. Fit to the available budget: pro rata, then with women's services protected at full value.
const budget = 25_000_000_000; // £250m, illustrative
const proRata = adjustToBudget(contracts, budget);
const floors = Object.fromEntries(contracts.filter((c) => c.pathway === "women's services").map((c) => [c.id, c.value]));
const protectedWomen = adjustToBudget(contracts, budget, { method: 'protected-floors', floors });
console.log(`\nBudget ${formatPounds(budget)} against ${formatPounds(proRata.totalBefore)}: after adjustment ${formatPounds(proRata.totalAfter)}`);
const changeOf = (a: typeof proRata, id: string) => a.changes.find((c) => c.id === id);
for (const id of [example.id, Object.keys(floors)[0] as string]) {
  const p = changeOf(proRata, id);
  const f = changeOf(protectedWomen, id);
  console.log(`  ${id}: ${formatPounds(p?.before ?? 0)} -> pro rata ${formatPounds(p?.after ?? 0)}, women's services protected ${formatPounds(f?.after ?? 0)}`);
}
const adjusted = proRata.contracts;

// 4. A year of referrals on one contract, monitored month by month against its estimate.
const rng = new RandomStream(2021);
const live = adjusted.find((c) => c.id === example.id) as ContractTerms;
const estimates = monthlyEstimates(live.years[0]?.projectedVolume ?? 0);
const actuals = estimates.map((e, m) => Math.max(0, Math.round(e * (m < 4 ? 1.0 : 0.78) * (1 + 0.02 * rng.normal()))));
const monitor = referralMonitor(estimates, actuals);
console.log(`\n${live.id}, year 1 referrals against estimate (tolerance ${share(monitor.toleranceBp)}):`);
for (const m of monitor.months) {
  console.log(`  month ${String(m.month).padStart(2)}: ${String(m.actual).padStart(4)} vs ${String(m.estimate).padStart(4)}, cumulative ${String(m.cumulativeVariance).padStart(5)} (${(m.variancePercent ?? 0).toFixed(1)}%) ${m.status}`);
}
console.log(`  first flagged: month ${monitor.firstFlaggedMonth ?? 'none'}; forecast ${monitor.forecastVolume} referrals against ${monitor.yearEstimate}`);
const year1 = actuals.reduce((a, b) => a + b, 0);
console.log(`  ${paymentForActual(live, year1, { year: 1 }).explanation}`);

// 5. Payments below the guaranteed minimum and above the cap, on the same contract.
const bands = live.years[0]?.bands ?? [];
for (const volume of [Math.round((bands[0]?.lowVolume ?? 0) * 0.8), (bands[bands.length - 1]?.highVolume ?? 0) + 150]) {
  console.log(`  at ${volume}: ${paymentForActual(live, volume, { year: 1 }).explanation}`);
}

// 6. Year 1 across the portfolio: every contract's referrals within about 15% of estimate.
let paid = 0;
let estimated = 0;
let topUps = 0;
let unpaid = 0;
for (const c of adjusted) {
  const year = c.years[0];
  if (year === undefined) continue;
  const p = paymentForActual(c, Math.max(0, Math.round(year.projectedVolume * (1 + 0.15 * rng.normal()))), { year: 1 });
  paid += p.payment;
  estimated += p.estimatedValue;
  topUps += p.guaranteedMinimumTopUp;
  unpaid += p.unpaidVolume;
}
console.log(`\nYear 1 across ${adjusted.length} contracts: paid ${formatPounds(paid)} against estimates of ${formatPounds(estimated)}`);
console.log(`  the Ministry's risk: guaranteed-minimum top-ups ${formatPounds(topUps)}; the suppliers' risk: ${unpaid} referrals above caps, unpaid`);
