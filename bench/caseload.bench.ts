/**
 * Caseload across the organisation: rolling the default national caseload (9,000 case-holders,
 * 240,000 cases) up to team, PDU, region and nation (target: median under 100 ms), generating a
 * calibrated national caseload of 1,000,000 cases (under 2 s), and tiering 1,000,000 people on the
 * columnar core (under 1 s), with the default generation, new-case draws and the validated object
 * path for scale.
 */
import { RandomStream, calculateTier, caseloadDistribution, generateCases, generateNationalCaseload, rollUp, type TierAssessment } from '../src/index.js';
import { calculateTiers, type TierAssessmentColumns } from '../src/columnar.js';
import { COMPLEXITY_FACTORS, NEEDS, ROSH_LEVELS, WOMEN_FACTORS } from '../src/constants.js';
import { measure, printTable } from './harness.js';

const PEOPLE = 1_000_000;
const OBJECT_PEOPLE = 100_000;

/** Synthetic risk and need of `n` people, as columns. */
function assessments(n: number, seed: number): TierAssessmentColumns {
  const rng = new RandomStream(seed);
  const draw = <T extends Uint8Array | Uint16Array | Float64Array>(column: T, f: () => number): T => {
    for (let i = 0; i < column.length; i++) column[i] = f();
    return column;
  };
  return {
    rsr: draw(new Float64Array(n), () => rng.uniform() * 12),
    roshIndex: draw(new Uint8Array(n), () => rng.weightedIndex([20, 30, 35, 13, 2])),
    mappaLevel: draw(new Uint8Array(n), () => rng.weightedIndex([90, 7, 2, 1])),
    complexityFactors: draw(new Uint16Array(n), () => rng.integer(0, 1023) & rng.integer(0, 1023) & rng.integer(0, 1023)),
    female: draw(new Uint8Array(n), () => (rng.uniform() < 0.1 ? 1 : 0)),
    womenFactors: draw(new Uint8Array(n), () => rng.integer(0, 7)),
    mandateForChange: draw(new Uint8Array(n), () => (rng.uniform() < 0.9 ? 1 : 0)),
    assessed: draw(new Uint8Array(n), () => (rng.uniform() < 0.8 ? 1 : 0)),
    needSeverity: draw(new Uint8Array(8 * n), () => rng.weightedIndex([50, 35, 15])),
    ogrs: draw(new Float64Array(n), () => rng.integer(0, 99)),
    integratedOffenderManagement: draw(new Uint8Array(n), () => (rng.uniform() < 0.05 ? 1 : 0)),
  };
}

/** The same people as objects, for the validated path. */
function asObjects(c: TierAssessmentColumns, n: number): TierAssessment[] {
  return Array.from({ length: n }, (_, i): TierAssessment => ({
    rsr: c.rsr[i] as number,
    rosh: ROSH_LEVELS[c.roshIndex[i] as number],
    mappaLevel: c.mappaLevel[i] as number,
    complexityFactors: COMPLEXITY_FACTORS.filter((_, k) => ((c.complexityFactors[i] as number) >> k) & 1),
    female: c.female[i] === 1,
    womenFactors: WOMEN_FACTORS.filter((_, k) => ((c.womenFactors[i] as number) >> k) & 1),
    mandateForChange: c.mandateForChange[i] === 1,
    ...(c.assessed[i] === 1
      ? { assessment: { needs: Object.fromEntries(NEEDS.map((need, k) => [need, (['none', 'standard', 'severe'] as const)[c.needSeverity[i * 8 + k] as number]])), ogrs: c.ogrs[i] as number } }
      : {}),
    integratedOffenderManagement: c.integratedOffenderManagement[i] === 1,
  }));
}

const national = generateNationalCaseload({ seed: 2021 });
const million = generateNationalCaseload({ seed: 2021, cases: 1_000_000 });
const people = assessments(PEOPLE, 7);
const objects = asObjects(people, OBJECT_PEOPLE);

const figures = await measure([
  { name: 'rollUp: default national caseload, 4 levels', fn: () => rollUp(national), iterations: 30, target: '< 100 ms' },
  { name: 'generateNationalCaseload: 1,000,000 cases, calibrated', fn: () => generateNationalCaseload({ seed: 2021, cases: 1_000_000 }), iterations: 5, target: '< 2 s' },
  { name: 'calculateTiers: 1,000,000 people (columnar core)', fn: () => calculateTiers(people), iterations: 10, target: '< 1 s' },
  { name: 'generateNationalCaseload: default, calibrated', fn: () => generateNationalCaseload({ seed: 2021 }), iterations: 10 },
  { name: 'rollUp: 1,000,000-case national caseload, 4 levels', fn: () => rollUp(million), iterations: 10 },
  { name: 'caseloadDistribution: national, by grade', fn: () => caseloadDistribution(national), iterations: 30 },
  { name: 'generateCases: 1,000,000 new cases, 108 PDUs', fn: () => generateCases({ count: 1_000_000, seed: 7, pduCount: 108 }), iterations: 10 },
  { name: 'calculateTier: 100,000 people, one validated call each', fn: () => objects.forEach((a) => calculateTier(a)), iterations: 3 },
]);
printTable('Caseload across the organisation', figures, [
  ['default national caseload', `${national.generated.caseHoldingPractitioners} case-holders + ${national.generated.seniorProbationOfficers} SPOs`, `${national.generated.cases} cases`, `${national.teams.length} teams`],
  ['1,000,000-case caseload', `${million.generated.caseHoldingPractitioners} case-holders + ${million.generated.seniorProbationOfficers} SPOs`, `${million.generated.cases} cases`, `${million.teams.length} teams`],
]);
