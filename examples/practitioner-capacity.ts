/**
 * One Probation Officer's week, explained line by line: the points of every case, the reports,
 * what inactive cases keep, the points available after a reduction, capacity and the 50-case ceiling.
 *
 * Run: node --import tsx examples/practitioner-capacity.ts
 */
import { assessPractitioner, type Case } from '../src/index.js';

const practitioner = {
  id: 'po-example',
  grade: 'PO' as const,
  contractedHours: 37,
  reductions: [{ reason: 'courtDuty', hours: 1.8 }],
};

const cases: Case[] = [
  { id: 'C001', tier: 'A3', caseType: 'licence' },
  { id: 'C002', tier: 'B2', caseType: 'community' },
  { id: 'C003', tier: 'B1', caseType: 'custody' },
  { id: 'C004', tier: 'C2', caseType: 'community', t2a: true },
  { id: 'C005', tier: 'C1', caseType: 'licence', status: 'activeWarrant' },
  { id: 'C006', tier: 'D1', caseType: 'community', status: 'unpaidWorkOnly' },
  { id: 'C007', tier: 'untiered', caseType: 'community' },
  ...Array.from({ length: 25 }, (_, i): Case => ({ id: `C${String(i + 8).padStart(3, '0')}`, tier: 'C2', caseType: 'community' })),
];

const a = assessPractitioner(practitioner, { cases, reports: { standardDelivery: 1, fastDelivery: 2 } }, { asOf: '2021-06-26' });

console.log(`Practitioner ${a.id} (${a.grade}), assessed on 26 June 2021 with the UTM 2021 default weightings\n`);
console.log('Cases (first seven shown one by one):');
for (const c of a.points.cases.slice(0, 7)) {
  const kept = c.retainedPercent === 100 ? '' : ` x ${c.retainedPercent}% kept (${c.status})`;
  console.log(`  ${c.id}  ${c.tier.padEnd(8)} ${c.caseType.padEnd(9)}${c.t2a ? ' T2A' : '    '}  ${String(c.cellPoints).padStart(3)} points${kept} = ${c.points}`);
}
const rest = a.points.cases.slice(7);
console.log(`  ...and ${rest.length} x C2 community at 63 = ${rest.reduce((s, c) => s + c.points, 0)}`);
console.log(`Reports: ${a.points.reports.standardDelivery} standard x 138 + ${a.points.reports.fastDelivery} fast x 65 = ${a.points.reports.points}`);
console.log(`Inactive cases give back ${a.points.retentionDeduction} points`);
console.log(`Total workload: ${a.points.total} points\n`);

const av = a.available;
console.log(`Available: ${av.nominalTarget} x (${av.contractedHours} - ${av.reductionHours}) / ${av.defaultHours} = ${((av.nominalTarget * av.effectiveHours) / av.defaultHours).toFixed(2)}, truncated to ${av.points}`);
console.log(`Capacity: ${a.points.total} / ${av.points} = ${a.capacityPercent.toFixed(1)}% (${a.status}); ${a.remainingPoints} points remaining`);
console.log(`Cases: ${a.caseCount}, of which ${a.ceilingCaseCount} count toward the ceiling of ${a.ceiling} (unpaid-work-only excluded): ${a.overCeiling ? 'OVER' : 'within'} the ceiling`);
