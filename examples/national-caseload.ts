/**
 * The national picture a regional director asks for: a synthetic caseload of the unified service
 * (12 regions, 108 PDUs, 9,000 case-holding practitioners, 240,000 cases) calibrated to the figures
 * measured on 21 April 2021 (32.5 cases per FTE Probation Officer, 2% of them above 50), rolled up
 * region by region, its spread of caseloads, what the 2019 CRC picture (two-thirds above 50, 42%
 * above 60) would look like, a month later (who crossed the ceiling), and one person tiered.
 *
 * All data are synthetic (seeded, names like "PDU J-04"); sizes and mixes are illustrative.
 *
 * Run: node --import tsx examples/national-caseload.ts
 */
import { calculateTier, caseloadDistribution, compareCaseloads, compareRollUps, compareWithNational, generateNationalCaseload, rollUp } from '../src/index.js';
import { CRC_2019_PROFILE } from '../src/constants.js';
import { type CalibrationTarget } from '../src/schemas.js';
import { type CalibrationRow } from '../src/types.js';

const fixed = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? 'n/a' : x.toFixed(digits));
const percent = (share: number | null | undefined, digits = 1) => (share === null || share === undefined ? 'n/a' : `${(share * 100).toFixed(digits)}%`);
const thousands = (x: number) => Math.round(x).toLocaleString('en-GB');

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function calibrationTable(rows: readonly CalibrationRow[]): string {
  const value = (r: CalibrationRow, x: number | null) => (r.statistic === 'casesPerFte' ? fixed(x, 2) : percent(x, 2));
  return table(
    ['target', 'asked', 'achieved', 'tolerance', 'met'],
    rows.map((r) => [r.measure, value(r, r.target), value(r, r.achieved), `± ${value(r, r.tolerance)}`, r.met ? 'yes' : 'no']),
  );
}

// 1. The national caseload, calibrated to April 2021 by its targets.
const SOURCE_2021 = 'Government response to the Justice Committee (2021), measured 21 April 2021';
const april2021: CalibrationTarget[] = [
  { measure: 'Cases per FTE Probation Officer', source: SOURCE_2021, grades: ['PO'], statistic: 'casesPerFte', value: 32.5 },
  { measure: 'Probation Officers above 50 cases', source: SOURCE_2021, grades: ['PO'], statistic: 'shareAbove', cases: 50, value: 0.02 },
];
const national = generateNationalCaseload({ seed: 2021, practitioners: 9_000, cases: 240_000, targets: april2021 });
const { generated } = national;
console.log(`${national.name}, assessed on ${national.asOf} with the ${national.weightings.name}`);
console.log(
  `${thousands(generated.caseHoldingPractitioners)} case-holding practitioners and ${thousands(generated.seniorProbationOfficers)} Senior Probation Officers ` +
    `in ${national.teams.length} teams and ${national.pdus.length} PDUs hold ${thousands(generated.cases)} cases.\n`,
);
console.log('What the generator achieved against its targets (unpaid-work-only cases aside for the 50-case count):\n');
console.log(calibrationTable(generated.calibration));

// 2. The roll-up (capacity is always sum of points / sum of available points) and the regional table.
const r = rollUp(national);
const n = r.national;
console.log(
  `\nNationally: ${thousands(n.points)} of ${thousands(n.availablePoints)} available points, ${fixed(n.capacityPercent)}% capacity; ` +
    `${thousands(n.overCapacity)} practitioners (${percent(n.overCapacityShare)}) above 100%, ${thousands(n.red)} (${percent(n.redShare)}) above 110%; ` +
    `${n.overCeiling} hold more than ${r.ceiling} cases.\n`,
);
const againstNational = compareWithNational(r).units;
console.log(
  table(
    ['region', 'staff', 'FTE', 'cases', 'of nation', 'PO cases/FTE', 'capacity', 'vs nation', 'POs > 50', 'above 110%'],
    r.regions.map((region, i) => [
      `${region.id} ${region.name}`,
      thousands(region.practitioners),
      thousands(region.fte),
      thousands(region.cases),
      percent(againstNational[i]?.shareOfCases),
      fixed(region.byGrade.PO.casesPerFte),
      `${fixed(region.capacityPercent)}%`,
      `${(againstNational[i]?.capacityPercent.difference ?? 0) >= 0 ? '+' : ''}${fixed(againstNational[i]?.capacityPercent.difference)} pts`,
      String(region.byGrade.PO.overCeiling),
      percent(region.redShare),
    ]),
  ),
);
console.log('\nMost loaded practitioners nationally:');
for (const x of n.mostLoaded) console.log(`  ${x.name} (${x.grade}, team ${x.teamId}): ${x.ceilingCases} cases, ${fixed(x.points, 0)} of ${x.availablePoints} points, ${fixed(x.capacityPercent)}%`);

// 3. The distribution behind the averages, grade by grade.
const spread = caseloadDistribution(national);
console.log('\nCaseloads (cases toward the ceiling) by grade:\n');
console.log(
  table(
    ['grade', 'staff', 'cases/FTE', 'mean', 'median', 'p90', 'max', '> 50', '> 60', '> 70', '> 80'],
    [{ grade: 'all case-holders', ...spread }, ...spread.byGrade].map((g) => [
      g.grade,
      thousands(g.practitioners),
      fixed(g.casesPerFte),
      fixed(g.meanCaseload),
      fixed(g.quantiles?.median),
      fixed(g.quantiles?.p90),
      String(g.quantiles?.max ?? 'n/a'),
      ...g.above.map((a) => percent(a.share)),
    ]),
  ),
);
const po = spread.byGrade.find((g) => g.grade === 'PO');
if (po !== undefined) {
  console.log("\nProbation Officers' caseloads:");
  const widest = Math.max(...po.histogram.map((b) => b.practitioners));
  for (const bin of po.histogram) {
    console.log(`  ${String(bin.from).padStart(3)}-${String(bin.to).padEnd(3)} ${'#'.repeat(Math.round((bin.practitioners / widest) * 50)).padEnd(50)} ${bin.practitioners}`);
  }
}

// 4. The 2019 CRC picture on the same seed: case-holders calibrated to two-thirds above 50, 42% above 60.
const SOURCE_2019 = 'HM Inspectorate of Probation (2021), CRC staff interviewed in 2019';
const crc = generateNationalCaseload({
  seed: 2021,
  profile: CRC_2019_PROFILE,
  targets: [
    { measure: 'Case-holding staff above 50 cases', source: SOURCE_2019, grades: ['PO', 'PSO'], statistic: 'shareAbove', cases: 50, value: 2 / 3 },
    { measure: 'Case-holding staff above 60 cases', source: SOURCE_2019, grades: ['PO', 'PSO'], statistic: 'shareAbove', cases: 60, value: 0.42 },
  ],
});
console.log(`\nThe 2019 CRC picture (${thousands(crc.generated.caseHoldingPractitioners)} case-holders, as CRC staff described it):\n`);
console.log(calibrationTable(crc.generated.calibration));
const crcSpread = caseloadDistribution(crc, { grades: ['PO', 'PSO'] });
console.log(
  `They would hold ${thousands(crc.generated.cases)} cases (${fixed(crcSpread.casesPerFte)} per FTE, median ${fixed(crcSpread.quantiles?.median)}); ` +
    `above 70: ${percent(crcSpread.above[2]?.share)}, above 80: ${percent(crcSpread.above[3]?.share)} ("significant minorities above 70 and into the 80s").`,
);
const change = compareRollUps(rollUp(crc), r);
console.log(
  `From the CRC picture to April 2021: staff above 50 cases ${percent(change.national.overCeilingShare.before)} -> ${percent(change.national.overCeilingShare.after)}; ` +
    `above 110% ${percent(change.national.redShare.before)} -> ${percent(change.national.redShare.after)}; ` +
    `capacity ${fixed(change.national.capacityPercent.before)}% -> ${fixed(change.national.capacityPercent.after)}%.`,
);

// 5. A month later: the same organisation with caseloads up to 34 cases per FTE PO and 4% above 50.
const nextMonth = generateNationalCaseload({
  seed: 2021,
  practitioners: 9_000,
  cases: 250_000,
  asOf: '2021-07-26',
  targets: [
    { grades: ['PO'], statistic: 'casesPerFte', value: 34 },
    { grades: ['PO'], statistic: 'shareAbove', cases: 50, value: 0.04 },
  ],
});
const month = compareCaseloads(national, nextMonth);
console.log(
  `\nA month later (34 cases per FTE PO): ${month.aboveCeiling.before} -> ${month.aboveCeiling.after} practitioners above ${month.ceiling} cases; ` +
    `${month.crossedAboveCeiling.length} crossed above, ${month.crossedBelowCeiling.length} fell back below; ${month.turnedRed.length} turned red, ${month.leftRed.length} left red.`,
);
for (const x of month.crossedAboveCeiling.slice(0, 3)) {
  console.log(`  ${x.name} (${x.after.grade}, team ${x.after.teamId}): ${x.before.ceilingCases} -> ${x.after.ceilingCases} cases, ${fixed(x.before.capacityPercent)}% -> ${fixed(x.after.capacityPercent)}%`);
}

// 6. One person tiered by the UTM rules, with the arithmetic.
const tiered = calculateTier({
  rsr: 4.2,
  rosh: 'high',
  mappaLevel: 1,
  complexityFactors: ['mentalHealth', 'vulnerability'],
  assessment: { needs: { accommodation: 'severe', attitudes: 'standard' }, ogrs: 64 },
});
const { protect, change: need } = tiered;
console.log(
  `\nTiering one person: protect max(RSR ${protect.parts.rsr}, ROSH ${protect.parts.rosh}) + MAPPA ${protect.parts.mappa} + factors ${protect.parts.complexityFactors} = ` +
    `${protect.points} (${protect.level}); change needs ${need.parts?.needs} + OGRS ${need.parts?.ogrs} = ${need.points} (level ${need.level}): ${tiered.tier}.`,
);
