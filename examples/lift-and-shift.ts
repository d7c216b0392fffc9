/**
 * Lift and shift, 26 June 2021: a PDU receives a transferring CRC caseload on day one. Staff who
 * moved with their cases keep them where they can (continuity); the rest are placed by the
 * balanced policy within the PDU, under the 50-case ceiling and a 110% capacity limit.
 * Synthetic data throughout (a seeded draw from the default case mix); not a real PDU.
 *
 * Run: node --import tsx examples/lift-and-shift.ts
 */
import {
  CASE_STATUSES,
  CASE_TYPES,
  RandomStream,
  TIERS,
  allocateCases,
  generateCases,
  type AllocationCase,
  type AllocationPractitioner,
  type AllocationResult,
} from '../src/index.js';

const asOf = '2021-06-26';
const pdu = 'PDU X-01 (synthetic)';

// The PDU's staff: NPS officers already holding cases, and CRC staff transferring in with theirs.
const staff: AllocationPractitioner[] = [
  { id: 'nps-po-1', grade: 'PO', contractedHours: 37, pdu, current: { points: 1650, cases: 31 } },
  { id: 'nps-po-2', grade: 'PO', contractedHours: 37, pdu, current: { points: 1420, cases: 27 } },
  { id: 'nps-po-3', grade: 'PO', contractedHours: 22.5, pdu, current: { points: 700, cases: 14 } },
  { id: 'nps-pso-1', grade: 'PSO', contractedHours: 37, pdu, current: { points: 1300, cases: 38 } },
  { id: 'nps-pqip-1', grade: 'PQiP', contractedHours: 37, pdu, reductions: [{ reason: 'pqip6To12Months' }], current: { points: 450, cases: 9 } },
  { id: 'nps-nqo-1', grade: 'NQO', contractedHours: 37, pdu, reductions: [{ reason: 'newlyQualifiedOfficer' }], current: { points: 1100, cases: 20 } },
  { id: 'crc-po-1', grade: 'PO', contractedHours: 37, pdu },
  { id: 'crc-pso-1', grade: 'PSO', contractedHours: 37, pdu },
  { id: 'crc-pso-2', grade: 'PSO', contractedHours: 30, pdu },
  { id: 'spo-1', grade: 'SPO', contractedHours: 37, pdu },
];

// 200 transferring cases from the default mix; CRC staff held about 40% of them before the move.
const draw = generateCases({ count: 200, seed: 2606, pduCount: 1 });
const crcStaff = ['crc-po-1', 'crc-pso-1', 'crc-pso-2'];
const rng = new RandomStream(26);
const cases: AllocationCase[] = Array.from({ length: draw.count }, (_, i) => {
  const previous = rng.uniform() < 0.4 ? crcStaff[rng.integer(0, crcStaff.length - 1)] : undefined;
  return {
    id: `CRC-${String(i + 1).padStart(4, '0')}`,
    tier: TIERS[draw.tierIndex[i] as number] as AllocationCase['tier'],
    caseType: CASE_TYPES[draw.caseTypeIndex[i] as number] as AllocationCase['caseType'],
    ...(draw.t2a[i] === 1 ? { t2a: true } : {}),
    ...(draw.statusIndex[i] === 0 ? {} : { status: CASE_STATUSES[draw.statusIndex[i] as number] as AllocationCase['status'] }),
    pdu,
    ...(previous === undefined ? {} : { preferredPractitionerId: previous }),
  };
});

const result = allocateCases(staff, cases, { asOf, policy: 'balanced', rules: { ceiling: 50, capacityLimit: 110 } });

function table(r: AllocationResult): void {
  console.log('practitioner  grade  available  before   after  cases before -> after  (toward 50)  added');
  for (const p of r.practitioners) {
    console.log(
      `${p.id.padEnd(12)}  ${p.grade.padEnd(5)}  ${String(p.available).padStart(9)}  ${p.capacityBefore.toFixed(1).padStart(5)}%  ${p.capacityAfter.toFixed(1).padStart(5)}%  ${String(p.casesBefore).padStart(12)} -> ${String(p.casesAfter).padEnd(5)}  (${String(p.ceilingCasesAfter).padStart(2)})          ${p.casesAdded}`,
    );
  }
}

console.log(`${pdu}: ${cases.length} transferring cases onto ${staff.length} staff on ${asOf}\n`);
table(result);
const c = result.summary.capacity;
if (c) console.log(`\nCapacity after: highest ${c.max.toFixed(1)}%, lowest ${c.min.toFixed(1)}%, sum over sum ${c.sumOverSum.toFixed(1)}% (the floor no allocation can beat)`);

console.log('\nWho got what (first ten placements):');
for (const p of result.placed.slice(0, 10)) {
  console.log(`  ${p.caseId} (${p.points} points) -> ${p.practitionerId.padEnd(10)} ${p.reason.padEnd(10)} ${p.capacityBefore.toFixed(1)}% -> ${p.capacityAfter.toFixed(1)}%`);
}
console.log(`\nPlaced ${result.summary.placed} of ${result.summary.cases}: ${result.summary.byReason.continuity} kept their officer (continuity), ${result.summary.byReason.balanced} placed by the balanced policy.`);
console.log(`Not placed: ${result.summary.unplaced}`);
const reasons = new Map<string, string[]>();
for (const u of result.unplaced) reasons.set(u.reason, [...(reasons.get(u.reason) ?? []), u.caseId]);
for (const [reason, ids] of reasons) {
  const message = result.unplaced.find((u) => u.reason === reason)?.message ?? '';
  console.log(`  ${reason} (${ids.length}): ${message}; e.g. ${ids.slice(0, 3).join(', ')}`);
}
