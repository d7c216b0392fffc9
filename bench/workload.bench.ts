/**
 * Workload core: the columnar path summing points for 1,000,000 cases over 20,000 practitioners
 * (target: median under 50 ms), and the object API for one practitioner for scale.
 */
import { RandomStream, TIERS, assessPractitioner } from '../src/index.js';
import { columnarPoints } from '../src/columnar.js';
import { SAMPLE_TEAM } from '../src/constants.js';
import { measure, printTable } from './harness.js';

const CASES = 1_000_000;
const PRACTITIONERS = 20_000;
const rng = new RandomStream(2021);
const practitionerIndex = Uint32Array.from({ length: CASES }, () => rng.integer(0, PRACTITIONERS - 1));
const tierIndex = Uint8Array.from({ length: CASES }, () => rng.integer(0, TIERS.length - 1));
const caseTypeIndex = Uint8Array.from({ length: CASES }, () => rng.integer(0, 2));
const t2a = Uint8Array.from({ length: CASES }, () => (rng.uniform() < 0.1 ? 1 : 0));
const statusIndex = Uint8Array.from({ length: CASES }, () => (rng.uniform() < 0.9 ? 0 : rng.integer(1, 3)));
const caseload = { practitionerCount: PRACTITIONERS, practitionerIndex, tierIndex, caseTypeIndex, t2a, statusIndex };
const member = SAMPLE_TEAM.members[0];
if (member === undefined) throw new Error('sample team is empty');

const figures = await measure([
  { name: 'columnarPoints: 1,000,000 cases, 20,000 practitioners', fn: () => columnarPoints(caseload), iterations: 30, target: '< 50 ms' },
  { name: 'assessPractitioner: one PO, 33 cases (object API)', fn: () => assessPractitioner(member.practitioner, member.caseload, { asOf: SAMPLE_TEAM.asOf }), iterations: 2000 },
]);
printTable('Workload core', figures);
