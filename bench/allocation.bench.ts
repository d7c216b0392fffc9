/**
 * Allocation at national scale, on seeded input from the caseload generator:
 * - speed: 1,000,000 new cases onto 20,000 practitioners with eligibility, PDU scope and the
 *   50-case ceiling: the columnar core per policy, the validated columnar API, and the whole object
 *   API (targets: least-loaded core < 250 ms, balanced <= 2x least-loaded, object API < 1 s,
 *   peak RSS < 500 MB);
 * - a naive scan (every case compares every practitioner) at 20,000 cases, as a ratio to the core;
 * - balance: each policy's highest capacity in a sample of PDUs minus a lower bound from a linear
 *   programming relaxation (HiGHS): a whole caseload arriving at once onto an empty workforce
 *   (300,000 cases: ceiling slack; 600,000: the ceiling binds for some), and 600,000 new cases on
 *   top of the generated caseload (the ceiling binds hard: some cases cannot be placed).
 */
import loadHighs from 'highs';
import { CASE_STATUSES, CASE_TYPES, GRADES, TIERS, allocateCases, generateCases, generateNationalCaseload, type AllocationCase, type AllocationPolicy, type AllocationPractitioner } from '../src/index.js';
import { allocateColumnar, type AllocationColumns } from '../src/columnar.js';
import { type CoreResult } from '../src/types.js';
import { allocateColumnarUnchecked, coreRulesUnchecked, resolveRulesUnchecked } from '../src/allocation/internal.js';
import { liftAndShiftColumns } from '../src/scenario/transfer.js';
import { measure, printTable } from './harness.js';

const PRACTITIONERS = 20_000;
const CEILING = 50;
const national = generateNationalCaseload({ seed: 2021, practitioners: PRACTITIONERS });
const pdus = national.pdus.length;
const headcount = new Array<number>(pdus).fill(0);
for (const pdu of national.columns.practitioners.pduIndex) headcount[pdu] = (headcount[pdu] as number) + 1;
const incoming = (count: number, seed = 7) => generateCases({ count, seed, pduCount: pdus, pduWeights: headcount });
/** The national organisation holding its generated caseload, and `count` new cases (no preferred officers). */
const problem = (count: number): AllocationColumns => liftAndShiftColumns(national, incoming(count), new Int32Array(count).fill(-1));
/** The same organisation starting empty: the whole caseload arrives at once, as on day one. */
const emptyProblem = (count: number): AllocationColumns => {
  const c = problem(count);
  return { ...c, pointsHundredths: new Float64Array(c.practitionerCount), cases: new Uint32Array(c.practitionerCount), ceilingCases: new Uint32Array(c.practitionerCount) };
};
const rulesFor = (policy: AllocationPolicy) => coreRulesUnchecked(policy, resolveRulesUnchecked({ ceiling: CEILING }));

// ---------------------------------------------------------------------------------------------
// Speed
const million = problem(1_000_000);
const speed = await measure([
  { name: 'core least-loaded: 1,000,000 cases, 20,000 practitioners', fn: () => allocateColumnarUnchecked(million, rulesFor('least-loaded')), iterations: 10, target: '< 250 ms' },
  { name: 'core balanced: same problem', fn: () => allocateColumnarUnchecked(million, rulesFor('balanced')), iterations: 10, target: '<= 2x least-loaded' },
  { name: 'core grade-order: same problem', fn: () => allocateColumnarUnchecked(million, rulesFor('grade-order')), iterations: 10 },
  { name: 'allocateColumnar (validated), balanced', fn: () => allocateColumnar(million, { policy: 'balanced', rules: { ceiling: CEILING } }), iterations: 10 },
]);

const coreRssMb = process.resourceUsage().maxRSS / 1024;

// The whole object API: objects in, validation, allocation, rows out.
const names = national.practitioners;
const pduIds = national.pdus.map((p) => p.id);
const practitionerObjects: AllocationPractitioner[] = names.map((p, i) => ({
  id: p.id,
  grade: p.grade,
  contractedHours: p.contractedHours,
  ...(p.reductions === undefined ? {} : { reductions: p.reductions }),
  pdu: pduIds[national.columns.practitioners.pduIndex[i] as number] as string,
  current: { points: (million.pointsHundredths[i] as number) / 100, cases: million.cases[i] as number, ceilingCases: million.ceilingCases[i] as number },
}));
const draw = incoming(1_000_000);
const caseObjects: AllocationCase[] = Array.from({ length: draw.count }, (_, i) => ({
  id: `N${i}`,
  tier: TIERS[draw.tierIndex[i] as number] as AllocationCase['tier'],
  caseType: CASE_TYPES[draw.caseTypeIndex[i] as number] as AllocationCase['caseType'],
  ...(draw.t2a[i] === 1 ? { t2a: true } : {}),
  ...(draw.statusIndex[i] === 0 ? {} : { status: CASE_STATUSES[draw.statusIndex[i] as number] as AllocationCase['status'] }),
  pdu: pduIds[draw.pduIndex[i] as number] as string,
}));
const objectApi = await measure([
  {
    name: 'allocateCases (object API, validation included), balanced',
    fn: () => allocateCases(practitionerObjects, caseObjects, { asOf: national.asOf, policy: 'balanced', rules: { ceiling: CEILING } }),
    iterations: 3,
    target: '< 1 s',
  },
]);

// Naive scan: each case compares every practitioner, at a size it can finish.
function naiveLeastLoaded(c: AllocationColumns): Int32Array {
  const points = c.pointsHundredths.slice();
  const ceiling = c.ceilingCases.slice();
  const masks = rulesFor('least-loaded').eligibleMask;
  const assigned = new Int32Array(c.caseCount).fill(-1);
  for (let i = 0; i < c.caseCount; i++) {
    let best = -1;
    for (let p = 0; p < c.practitionerCount; p++) {
      if (c.scope[p] !== c.caseScope[i] || (c.available[p] as number) <= 0) continue;
      if ((((masks[c.caseLevel[i] as number] as number) >> (c.grade[p] as number)) & 1) === 0) continue;
      if (c.caseCounts[i] === 1 && (ceiling[p] as number) >= CEILING) continue;
      if (best < 0 || (points[p] as number) / (c.available[p] as number) < (points[best] as number) / (c.available[best] as number)) best = p;
    }
    if (best < 0) continue;
    assigned[i] = best;
    points[best] = (points[best] as number) + (c.caseWeight[i] as number);
    if (c.caseCounts[i] === 1) ceiling[best] = (ceiling[best] as number) + 1;
  }
  return assigned;
}
const small = problem(20_000);
const naive = await measure([
  { name: 'naive scan least-loaded: 20,000 cases', fn: () => naiveLeastLoaded(small), iterations: 3 },
  { name: 'core least-loaded: the same 20,000 cases', fn: () => allocateColumnarUnchecked(small, rulesFor('least-loaded')), iterations: 20 },
]);
const sameChoices = naiveLeastLoaded(small).every((p, i) => p === allocateColumnarUnchecked(small, rulesFor('least-loaded')).assigned[i]);
const ratio = (naive[0]?.medianMs ?? 0) / (naive[1]?.medianMs ?? 1);

const leastLoadedMs = speed[0]?.medianMs ?? 0;
const balancedMs = speed[1]?.medianMs ?? 0;
printTable('Allocation speed (1,000,000 new cases, 20,000 practitioners, 108 PDUs, ceiling 50)', [...speed, ...objectApi, ...naive], [
  ['balanced / least-loaded', `${(balancedMs / leastLoadedMs).toFixed(2)}x`, '', '', '<= 2x'],
  ['naive scan / core, 20,000 cases', `${ratio.toFixed(0)}x slower`, '', '', sameChoices ? 'same choices' : 'CHOICES DIFFER'],
  ['peak RSS up to here: generator, 1M-case columns, the core runs', `${coreRssMb.toFixed(0)} MB`, '', '', '< 500 MB'],
]);

// ---------------------------------------------------------------------------------------------
// Balance against a linear-programming lower bound
// highs ships ESM-style types in a CommonJS-typed package: at run time the default import is the loader.
const highs = await (loadHighs as unknown as typeof loadHighs.default)();
const SAMPLE_PDUS = [0, 18, 36, 54, 72, 90];

/** Lowest achievable highest capacity % in one PDU, placing the same cases fractionally. */
function lowerBound(c: AllocationColumns, result: CoreResult, pdu: number): number {
  const members: number[] = [];
  for (let p = 0; p < c.practitionerCount; p++) if (c.scope[p] === pdu && (c.available[p] as number) > 0) members.push(p);
  const classes = new Map<string, { weight: number; level: number; counts: number; n: number }>();
  for (let i = 0; i < c.caseCount; i++) {
    if (c.caseScope[i] !== pdu || (result.assigned[i] as number) < 0) continue;
    const key = `${c.caseWeight[i]}|${c.caseLevel[i]}|${c.caseCounts[i]}`;
    const k = classes.get(key) ?? { weight: c.caseWeight[i] as number, level: c.caseLevel[i] as number, counts: c.caseCounts[i] as number, n: 0 };
    k.n += 1;
    classes.set(key, k);
  }
  const masks = rulesFor('balanced').eligibleMask;
  const list = [...classes.values()];
  const eligible = (p: number, k: (typeof list)[number]) => (((masks[k.level] as number) >> (c.grade[p] as number)) & 1) === 1;
  const rows: string[] = [];
  list.forEach((k, j) => rows.push(` k${j}: ${members.filter((p) => eligible(p, k)).map((p) => `x${p}_${j}`).join(' + ')} = ${k.n}`));
  for (const p of members) {
    const load = list.map((k, j) => (eligible(p, k) && k.weight > 0 ? ` + ${k.weight} x${p}_${j}` : '')).join('');
    rows.push(` cap${p}: ${load.slice(3) || '0 M'}${load ? '' : ''} - ${c.available[p]} M <= ${-(c.pointsHundredths[p] as number)}`);
    const counted = list.map((k, j) => (eligible(p, k) && k.counts === 1 ? ` + x${p}_${j}` : '')).join('');
    if (counted) rows.push(` ceil${p}: ${counted.slice(3)} <= ${Math.max(0, CEILING - (c.ceilingCases[p] as number))}`);
  }
  const lp = `Minimize\n obj: M\nSubject To\n${rows.join('\n')}\nEnd\n`;
  const solution = highs.solve(lp, { output_flag: false });
  if (solution.Status !== 'Optimal') throw new Error(`PDU ${pdu}: LP ${solution.Status}`);
  return solution.ObjectiveValue;
}

function maxCapacity(c: AllocationColumns, result: CoreResult, pdu: number): number {
  let max = 0;
  for (let p = 0; p < c.practitionerCount; p++) {
    if (c.scope[p] === pdu && (c.available[p] as number) > 0) max = Math.max(max, (result.pointsHundredths[p] as number) / (c.available[p] as number));
  }
  return max;
}

const qualityRows: string[][] = [];
const loads = [
  ['day one from empty, 300,000 cases', emptyProblem(300_000)],
  ['day one from empty, 600,000 cases', emptyProblem(600_000)],
  ['on top of the generated caseload, 600,000 cases', problem(600_000)],
] as const;
for (const [label, c] of loads) {
  for (const policy of ['balanced', 'least-loaded', 'grade-order'] as const) {
    const result = allocateColumnarUnchecked(c, rulesFor(policy));
    const gaps = SAMPLE_PDUS.map((pdu) => maxCapacity(c, result, pdu) - lowerBound(c, result, pdu));
    const placed = result.assigned.reduce((n, p) => n + (p >= 0 ? 1 : 0), 0);
    const atCeiling = result.ceilingCases.reduce((n, k) => n + (k >= CEILING ? 1 : 0), 0);
    qualityRows.push([
      label,
      policy,
      (gaps.reduce((s, g) => s + g, 0) / gaps.length).toFixed(2),
      Math.max(...gaps).toFixed(2),
      `${((placed / c.caseCount) * 100).toFixed(1)}%`,
      atCeiling.toLocaleString('en-GB'),
    ]);
  }
}
console.log('\n### Balance: highest capacity minus the LP lower bound, 6 sampled PDUs (percentage points)\n');
console.log('| load | policy | mean gap | worst gap | cases placed | practitioners at the ceiling |');
console.log('|---|---|---:|---:|---:|---:|');
for (const row of qualityRows) console.log(`| ${row.join(' | ')} |`);
console.log('\nTarget for balanced: mean gap <= 1 point when the ceiling is slack, <= 3 when it binds.');
console.log(`Grades: ${GRADES.join(', ')}; eligibility: A to PO/NQO only, none to SPO; scope: PDU.`);
