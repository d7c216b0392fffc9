/**
 * The national picture a regional director asks for: a synthetic caseload of the unified service
 * (12 regions, 108 PDUs, 15,000 practitioners), rolled up region by region; how it compares with
 * the published figures of April 2021 and with the CRC picture of 2019; one practitioner drilled
 * into; one person tiered; and where 10,000 new cases would land.
 *
 * All data are synthetic (seeded, names like "PDU J-04"); sizes and mixes are illustrative.
 *
 * Run: node --import tsx examples/national-caseload.ts
 */
import {
  CRC_2019_PROFILE,
  UNIFIED_2021_PROFILE,
  assessPractitioner,
  calculateTier,
  calibrationOf,
  capacityPercent,
  caseloadDistribution,
  caseloadOf,
  columnarPoints,
  compareRollUps,
  generateCases,
  generateNationalCaseload,
  rollUpCaseload,
  type CalibrationRow,
} from '../src/index.js';

const fixed = (x: number | null, digits = 1) => (x === null ? 'n/a' : x.toFixed(digits));
const percent = (share: number | null) => (share === null ? 'n/a' : `${(share * 100).toFixed(1)}%`);
const thousands = (x: number) => Math.round(x).toLocaleString('en-GB');

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function calibrationTable(rows: readonly CalibrationRow[]): string {
  return table(
    ['published figure', 'published', 'modelled'],
    rows.map((r) => [r.measure, r.statistic === 'casesPerFte' ? fixed(r.published) : percent(r.published), r.statistic === 'casesPerFte' ? fixed(r.modelled) : percent(r.modelled)]),
  );
}

// 1. The national caseload and its roll-up (capacity is always sum of points / sum of available).
const national = generateNationalCaseload({ seed: 2021 });
const rollUp = rollUpCaseload(national);
const n = rollUp.national;
console.log(`${national.name}, assessed on ${national.asOf} with the ${national.weightings.name}\n`);
console.log(
  `${thousands(n.practitioners)} practitioners (${thousands(n.fte)} FTE with case capacity) in ${rollUp.teams.length} teams and ${rollUp.pdus.length} PDUs hold ` +
    `${thousands(n.cases)} cases: ${thousands(n.points)} of ${thousands(n.availablePoints)} available points, ${fixed(n.capacityPercent)}% capacity.`,
);
console.log(`${thousands(n.overCapacity)} practitioners are above 100%, ${thousands(n.red)} above 110%; ${n.overCeiling} hold more than ${rollUp.ceiling} cases.\n`);

console.log(
  table(
    ['region', 'staff', 'FTE', 'cases', 'PO cases/FTE', 'capacity', 'POs > 50', 'above 110%'],
    rollUp.regions.map((r) => [
      `${r.id} ${r.name}`,
      thousands(r.practitioners),
      thousands(r.fte),
      thousands(r.cases),
      fixed(r.byGrade.PO.casesPerFte),
      `${fixed(r.capacityPercent)}%`,
      String(r.byGrade.PO.overCeiling),
      String(r.red),
    ]),
  ),
);

// 2. Against the published figures of 21 April 2021.
console.log('\nCalibration against April 2021 (unpaid-work-only cases aside, as the 50-case baseline):\n');
console.log(calibrationTable(calibrationOf(national, UNIFIED_2021_PROFILE.calibration)));

const po = caseloadDistribution(national, { grades: ['PO'] });
console.log(`\nProbation Officers' caseloads: median ${po.quantiles?.median}, 90th percentile ${po.quantiles?.p90}, largest ${po.quantiles?.max}`);
const widest = Math.max(...po.histogram.map((b) => b.practitioners));
for (const bin of po.histogram) {
  console.log(`  ${String(bin.from).padStart(3)}-${String(bin.to).padEnd(3)} ${'#'.repeat(Math.round((bin.practitioners / widest) * 50))} ${bin.practitioners}`);
}

// 3. The 2019 CRC picture on the same organisation, and what unification changed.
const crc = generateNationalCaseload({ seed: 2021, profile: CRC_2019_PROFILE });
console.log('\nThe 2019 CRC picture (same seed, CRC profile):\n');
console.log(calibrationTable(calibrationOf(crc, CRC_2019_PROFILE.calibration)));
const crcSpread = caseloadDistribution(crc, { grades: ['PO', 'PSO'] });
console.log(`Above 70 cases: ${percent(crcSpread.above[2]?.share ?? null)}; above 80: ${percent(crcSpread.above[3]?.share ?? null)} ("significant minorities above 70 and into the 80s").`);
const change = compareRollUps(rollUpCaseload(crc), rollUp);
console.log(
  `From the CRC picture to the unified one: share of all staff above 50 cases ${percent(change.national.overCeilingShare.before)} -> ` +
    `${percent(change.national.overCeilingShare.after)}; capacity ${fixed(change.national.capacityPercent.before)}% -> ${fixed(change.national.capacityPercent.after)}%.`,
);

// 4. Drill down: the fullest PDU in London, and its fullest practitioner.
const londonPdus = rollUp.pdus.filter((d) => d.parentId === 'J');
const fullest = londonPdus.reduce((a, b) => (b.capacityPercent > a.capacityPercent ? b : a));
console.log(`\nFullest London PDU: ${fullest.name} at ${fixed(fullest.capacityPercent)}% (${fullest.practitioners} staff, ${rollUp.teams.filter((t) => t.parentId === fullest.id).length} teams).`);
const pduIndex = national.pdus.findIndex((d) => d.id === fullest.id);
const { pduIndex: pduOf, availablePoints, standardDeliveryReports, fastDeliveryReports } = national.columns.practitioners;
const casePoints = columnarPoints(national.columns.cases).points;
const { reportPoints } = national.weightings;
const load = (i: number) =>
  ((casePoints[i] as number) + (standardDeliveryReports[i] as number) * reportPoints.standardDelivery + (fastDeliveryReports[i] as number) * reportPoints.fastDelivery) /
  (availablePoints[i] as number);
let busiest = -1;
for (let i = 0; i < national.practitioners.length; i++) {
  if (pduOf[i] === pduIndex && availablePoints[i] !== 0 && (busiest < 0 || load(i) > load(busiest))) busiest = i;
}
const who = national.practitioners[busiest];
if (who !== undefined) {
  const { teamId, ...practitioner } = who;
  const a = assessPractitioner(practitioner, caseloadOf(national, busiest), { asOf: national.asOf });
  console.log(
    `Its fullest practitioner: ${who.name} (${a.grade}, ${teamId}), ${a.caseCount} cases, ${fixed(a.points.total, 0)} of ${a.available.points} points: ` +
      `${fixed(a.capacityPercent)}% (${a.status}).`,
  );
}

// 5. One person tiered by the UTM rules.
const tiered = calculateTier({
  rsr: 4.2,
  rosh: 'high',
  mappaLevel: 1,
  complexityFactors: ['mentalHealth', 'vulnerability'],
  assessment: { needs: { accommodation: 'severe', attitudes: 'standard' }, ogrs: 64 },
});
console.log(
  `\nTiering one person: protect ${tiered.protect.points} points (${tiered.protect.level}), change ${tiered.change.points} points (level ${tiered.change.level}): ${tiered.tier}.`,
);

// 6. 10,000 new cases arriving in proportion to each PDU's headcount: which PDUs have room?
const headcount = national.pdus.map((_, d) => rollUp.pdus[d]?.practitioners ?? 0);
const incoming = generateCases({ count: 10_000, seed: 26, pduCount: national.pdus.length, pduWeights: headcount });
// Points of the new work per PDU: the PDU stands in for the practitioner in columnarPoints.
const { tierIndex, caseTypeIndex, t2a, statusIndex } = incoming;
const newPoints = columnarPoints({ practitionerCount: national.pdus.length, practitionerIndex: incoming.pduIndex, tierIndex, caseTypeIndex, t2a, statusIndex }).points;
const after = rollUp.pdus.map((d, i) => ({ d, capacity: capacityPercent(d.points + (newPoints[i] as number), d.availablePoints) }));
after.sort((x, y) => x.capacity - y.capacity || x.d.id.localeCompare(y.d.id));
console.log(`\n10,000 new cases (${thousands(newPoints.reduce((s, x) => s + x, 0))} points) spread by headcount: PDUs with most and least room after them`);
console.log(
  table(
    ['PDU', 'before', 'after'],
    [...after.slice(0, 3), ...after.slice(-3)].map(({ d, capacity }) => [d.name, `${fixed(d.capacityPercent)}%`, `${fixed(capacity)}%`]),
  ),
);
