/**
 * The needs analysis at national scale (issue 16: 240,000 people ≤ 200 ms; 1,000,000 ≤ 1 s), on
 * synthetic people drawn here with a seeded RandomStream before timing: 12 regions of 9 PDUs, 60%
 * community / 20% licence / 20% custody, 15% women, each need identified with the published
 * prevalence where there is one (OASys, 31 October 2024: lifestyle 71% community / 89% custody,
 * accommodation 39% / 68%, alcohol 24% / 22%; licence cases drawn at the community figures) and
 * otherwise at the ASSUMED figures of NEED_PREVALENCE, a third of identified needs severe (assumed).
 * Also synthesiseNeeds for 1,000,000 people (needs that agree with each person's change level), and
 * synthesiseCaseloadNeeds for the bundled scenario's people: the generated national caseload (seed
 * 2021, 240,000 cases) and its 60,000 transferring cases.
 */
import { NEED_AREAS, RandomStream, generateCases, generateNationalCaseload, needsAnalysis, synthesiseNeeds, type NeedArea, type PersonNeeds } from '../src/index.js';
import { needsAnalysisColumns, synthesiseCaseloadNeeds, type NeedsColumns } from '../src/columnar.js';
import { NEED_PREVALENCE } from '../src/constants.js';
import { measure, printTable } from './harness.js';

const SEVERE_SHARE = 1 / 3;
const REGIONS = 12;
const PDUS_PER_REGION = 9;

/** `n` synthetic people as columns, seeded. */
function synthesise(n: number, seed: number): NeedsColumns {
  const rng = new RandomStream(seed);
  const regions = Array.from({ length: REGIONS }, (_, r) => `region ${r + 1}`);
  const pdus = Array.from({ length: REGIONS * PDUS_PER_REGION }, (_, p) => ({ name: `PDU ${p + 1}`, region: Math.floor(p / PDUS_PER_REGION) }));
  const pduIndex = new Uint32Array(n);
  const caseTypeIndex = new Uint8Array(n);
  const female = new Uint8Array(n);
  const needSeverity = new Uint8Array(NEED_AREAS.length * n);
  const rates = NEED_AREAS.map((area) => [NEED_PREVALENCE[area].community / 100, NEED_PREVALENCE[area].custody / 100]);
  for (let i = 0; i < n; i++) {
    pduIndex[i] = Math.floor(rng.uniform() * pdus.length);
    const u = rng.uniform();
    const caseType = u < 0.6 ? 0 : u < 0.8 ? 1 : 2;
    caseTypeIndex[i] = caseType;
    female[i] = rng.uniform() < 0.15 ? 1 : 0;
    for (let k = 0; k < NEED_AREAS.length; k++) {
      const rate = (rates[k] as number[])[caseType === 2 ? 1 : 0] as number;
      const v = rng.uniform();
      needSeverity[i * NEED_AREAS.length + k] = v < rate * SEVERE_SHARE ? 2 : v < rate ? 1 : 0;
    }
  }
  return { regions, pdus, pduIndex, caseTypeIndex, female, needSeverity };
}

/** Columns as person objects, for the object API. */
function objectsOf(c: NeedsColumns): PersonNeeds[] {
  const caseTypes = ['community', 'licence', 'custody'] as const;
  return Array.from(c.pduIndex, (p, i) => {
    const pdu = c.pdus[p] as { name: string; region: number };
    const needs: Partial<Record<NeedArea, 'standard' | 'severe'>> = {};
    NEED_AREAS.forEach((area, k) => {
      const s = c.needSeverity[i * NEED_AREAS.length + k];
      if (s !== 0) needs[area] = s === 2 ? 'severe' : 'standard';
    });
    return { region: c.regions[pdu.region] as string, pdu: pdu.name, caseType: caseTypes[c.caseTypeIndex[i] as number] as (typeof caseTypes)[number], female: c.female[i] === 1, needs };
  });
}

const national = synthesise(240_000, 16);
const million = synthesise(1_000_000, 1016);
const people = objectsOf(national);
// change levels 0 5%, 1 30%, 2 45%, 3 20% (illustrative) for synthesiseNeeds
const levelRng = new RandomStream(61);
const changeLevel = Uint8Array.from(million.caseTypeIndex, () => {
  const u = levelRng.uniform();
  return u < 0.05 ? 0 : u < 0.35 ? 1 : u < 0.8 ? 2 : 3;
});

const org = generateNationalCaseload({ seed: 2021 });
const incoming = generateCases({ count: 60_000, seed: 2022, pduCount: org.pdus.length });

const figures = await measure([
  { name: 'needsAnalysisColumns, 240,000 people (12 regions, 108 PDUs)', fn: () => needsAnalysisColumns(national), target: '≤ 200 ms' },
  { name: 'needsAnalysisColumns, 1,000,000 people', fn: () => needsAnalysisColumns(million), iterations: 10, target: '≤ 1 s' },
  { name: 'needsAnalysis (objects, plain check per person), 240,000 people', fn: () => needsAnalysis(people), iterations: 5 },
  { name: 'synthesiseNeeds, 1,000,000 people (4 calibration rounds)', fn: () => synthesiseNeeds({ changeLevel, caseTypeIndex: million.caseTypeIndex, seed: 16 }), iterations: 3 },
  { name: 'synthesiseCaseloadNeeds, national caseload + 60,000 transferring (300,000 people)', fn: () => synthesiseCaseloadNeeds(org, { seed: 2024, incoming }), iterations: 3 },
]);

// the calibration, read back from the analysis of 1,000,000 (community = the community case type only)
const a = needsAnalysisColumns(million);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const calibration = (['lifestyle', 'accommodation', 'alcoholMisuse'] as const).map((area) => {
  const [community, custody] = [a.byCaseType.find((g) => g.key === 'community'), a.byCaseType.find((g) => g.key === 'custody')];
  return [`  ${area}: community / custody`, `${pct(community?.needs[area].proportion ?? 0)} / ${pct(custody?.needs[area].proportion ?? 0)}`, '', '', `${NEED_PREVALENCE[area].community}% / ${NEED_PREVALENCE[area].custody}%`];
});
printTable('Needs analysis (bench/needs.bench.ts)', figures, [['calibration read back (1,000,000 people)', 'observed', '', '', 'published'], ...calibration]);
