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
  DAY_ONE_PATHWAYS,
  PROBATION_REGIONS,
  RandomStream,
  adjustToBudget,
  formatPounds,
  monthlyEstimates,
  paymentForActual,
  portfolioSummary,
  projectVolumes,
  referralMonitor,
  volumeBands,
  type BandingRules,
  type ContractTerms,
  type Pricing,
} from '../src/index.js';

const CONTRACTS = 110;
const NATIONAL_CASELOAD = 230_000; // illustrative cases a year across England and Wales
const share = (bp: number) => `${(bp / 100).toFixed(1)}%`;

/** Illustrative eligibility (basis points of caseload) and prices (pence per referral) by pathway. */
const PATHWAYS: Readonly<Record<(typeof DAY_ONE_PATHWAYS)[number], { eligibilityBp: number; pricing: Pricing }>> = {
  accommodation: {
    eligibilityBp: 1_500,
    pricing: { unitCosts: { low: 25_000, medium: 60_000, high: 120_000 }, intensityMixBp: { low: 5_000, medium: 3_500, high: 1_500 } },
  },
  'education, training and employment': {
    eligibilityBp: 1_800,
    pricing: { unitCosts: { low: 20_000, medium: 45_000, high: 90_000 }, intensityMixBp: { low: 5_500, medium: 3_000, high: 1_500 } },
  },
  'personal wellbeing': {
    eligibilityBp: 2_500,
    pricing: { unitCosts: { low: 30_000, medium: 70_000, high: 140_000 }, intensityMixBp: { low: 5_000, medium: 3_500, high: 1_500 } },
  },
  "women's services": {
    eligibilityBp: 800,
    pricing: { unitCosts: { low: 40_000, medium: 90_000, high: 180_000 }, intensityMixBp: { low: 3_000, medium: 4_500, high: 2_500 } },
  },
};

/** Four illustrative scenarios on the projected volume; bands only for contracts worth £2m or more. */
const RULES: BandingRules = {
  scenarios: [
    { lowBp: 7_000, highBp: 8_500 },
    { lowBp: 8_500, highBp: 10_000 },
    { lowBp: 10_000, highBp: 11_500 },
    { lowBp: 11_500, highBp: 13_000 },
  ],
  bandThreshold: 200_000_000,
  volumeCapBp: 11_000,
};

// 1. Lots: 12 regions x 4 pathways = 48; two contracts a lot (local areas), one more in the 14 lots
//    of the largest regions, 110 in all.
const lots = PROBATION_REGIONS.flatMap((region) => DAY_ONE_PATHWAYS.map((pathway) => ({ region, pathway })));
const bySize = [...lots.keys()].sort((a, b) => (lots[b]?.region.syntheticWeight ?? 0) - (lots[a]?.region.syntheticWeight ?? 0) || a - b);
const perLot = lots.map((_, i) => (bySize.indexOf(i) < CONTRACTS - 2 * lots.length ? 3 : 2));

// 2. Volumes, prices and terms for each contract; every third contract goes to a provider that is
//    not a VCSE organisation (the Ministry reported about two-thirds of value going to VCSEs).
let awarded = 0;
const contracts: ContractTerms[] = lots.flatMap(({ region, pathway }, lot) => {
  const count = perLot[lot] as number;
  const caseload = Math.round((NATIONAL_CASELOAD * region.syntheticWeight) / 100 / count);
  const { eligibilityBp, pricing } = PATHWAYS[pathway];
  return Array.from({ length: count }, (_, k) => {
    const projection = projectVolumes({
      historicalCaseload: caseload,
      eligibilityBp,
      growthBpByYear: [150, 100, 50],
      extraDemand: [{ name: 'more police officers', casesByYear: [0.004, 0.008, 0.012].map((f) => Math.round(caseload * f)) }],
    });
    const id = `${region.id}-${DAY_ONE_PATHWAYS.indexOf(pathway) + 1}-${k + 1}`;
    return volumeBands({ id, region: region.name, pathway, vcse: awarded++ % 3 !== 2, projectedVolumes: projection.volumes, pricing }, RULES);
  });
});

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
