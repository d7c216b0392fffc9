/**
 * A valid input for every runtime entry point of the library: the seed the bad-input suite
 * mutates. Keyed by a unique name; `covers` is the export it calls (an export without a seed
 * fails the suite's coverage test). Small inputs, so that a hundred mutations run in a second.
 */
import { z } from 'zod';
import { IO_SEEDS } from './io-seeds.js';
import * as L from './library.js';

/** One entry point's valid seed. */
export interface Seed {
  /** The export it calls. */
  readonly covers: string;
  /** Fresh valid arguments (mutations change a copy). */
  readonly args: () => unknown[];
  /** Calls the entry point with (possibly mutated) arguments. */
  readonly call: (args: unknown[]) => unknown;
  /** Mutations to try (default 100): fewer for the heavy ones. */
  readonly runs?: number;
}

type Fn = (...args: never[]) => unknown;
/** A seed calling the export `name` with `args`. */
function fn(name: keyof typeof L, args: () => unknown[], runs?: number): Seed {
  const f = L[name] as unknown as Fn;
  return { covers: name, args, call: (a) => (f as (...x: unknown[]) => unknown)(...a), ...(runs === undefined ? {} : { runs }) };
}

const small = { seed: 1, practitioners: 40, pduCount: 12, cases: 1_000 };
const smallNational = () => L.generateNationalCaseload(small);
const org = () => ({
  name: 'Sample organisation (synthetic)',
  regions: [{ id: 'A', name: 'North East' }],
  pdus: [{ id: 'A-01', name: 'PDU A-01', regionId: 'A' }],
  teams: [{ id: 'A-01-01', name: 'Team A-01-01', pduId: 'A-01' }],
  practitioners: [
    { id: 'p1', grade: 'PO', contractedHours: 37, teamId: 'A-01-01', caseload: { cases: [{ tier: 'B2', caseType: 'licence' }] } },
    { id: 'p2', grade: 'PSO', contractedHours: 18.5, teamId: 'A-01-01', caseload: { cases: [{ tier: 'D1', caseType: 'community' }] } },
  ],
});
const pricing = () => ({ unitCosts: { low: 50_000, medium: 50_000, high: 50_000 }, intensityMixBp: { low: 10_000, medium: 0, high: 0 } });
const contract = () => ({ id: 'J-ACC-1', region: 'London', pathway: 'accommodation', vcse: true, projectedVolumes: [1000], pricing: pricing() });
const banding = () => ({
  scenarios: [
    { lowBp: 7000, highBp: 8500 },
    { lowBp: 8500, highBp: 10_000 },
    { lowBp: 10_000, highBp: 11_500 },
    { lowBp: 11_500, highBp: 13_000 },
  ],
  bandThreshold: 10_000_000,
});
const terms = () => L.volumeBands(contract() as L.ContractInput, banding() as L.BandingRules);
const fixedPrice = (id: string, value: number) => ({
  id,
  region: 'London',
  pathway: 'accommodation',
  vcse: true,
  kind: 'fixed-price',
  years: [{ year: 1, projectedVolume: 10, bands: [{ band: 1, lowVolume: 0, highVolume: 10, value }] }],
});
const workforce = () => ({
  start: '2021-04',
  months: 24,
  training: { dropOutPercentPerYear: 10 },
  openingTrainees: [{ month: '2021-01', fte: 600 }],
  qualified: { openingFte: 3900 },
  demand: { requiredFte: 4418 },
});
const practitioners = () => [
  { id: 'po-1', grade: 'PO', contractedHours: 37, current: { points: 1500, cases: 25 } },
  { id: 'pso-1', grade: 'PSO', contractedHours: 37, current: { points: 500, cases: 10 } },
];
const newCases = () => [
  { id: 'N1', tier: 'A2', caseType: 'licence' },
  { id: 'N2', tier: 'C2', caseType: 'community' },
];
const columnarProblem = () => ({
  practitionerCount: 2,
  available: Float64Array.of(1000, 1000),
  pointsHundredths: Float64Array.of(50_000, 20_000),
  cases: Uint32Array.of(0, 0),
  ceilingCases: Uint32Array.of(0, 0),
  grade: Uint8Array.of(0, 0),
  scope: Uint32Array.of(0, 0),
  rank: Uint32Array.of(0, 1),
  caseCount: 1,
  caseWeight: Float64Array.of(6300),
  caseLevel: Uint8Array.of(2),
  caseCounts: Uint8Array.of(1),
  caseScope: Uint32Array.of(0),
  casePreferred: Int32Array.of(-1),
  scopeCount: 1,
});
const tierColumns = () => ({
  rsr: Float64Array.of(0, 0),
  roshIndex: Uint8Array.of(4, 0),
  mappaLevel: Uint8Array.of(0, 0),
  complexityFactors: Uint16Array.of(0, 0),
  female: Uint8Array.of(0, 0),
  womenFactors: Uint8Array.of(0, 0),
  mandateForChange: Uint8Array.of(1, 0),
  assessed: Uint8Array.of(0, 0),
  needSeverity: new Uint8Array(16),
  ogrs: Float64Array.of(0, 0),
  integratedOffenderManagement: Uint8Array.of(0, 0),
});
const smallScenario = () => ({
  ...L.NATIONAL_UNIFICATION_SCENARIO,
  organisation: { pduCount: 12, practitioners: 60, cases: 1_500 },
  transfer: { ...L.NATIONAL_UNIFICATION_SCENARIO.transfer, cases: 200 },
  pipeline: { ...L.NATIONAL_UNIFICATION_SCENARIO.pipeline, simulation: { runs: 20 } },
  contracts: { ...L.NATIONAL_UNIFICATION_SCENARIO.contracts, actuals: { runs: 20, spreadPercent: 15 } },
});

const forwardOrganisation = () => ({
  name: 'Example (synthetic)',
  regions: [{ id: 'A', name: 'North East' }],
  pdus: [{ id: 'A-01', name: 'PDU A-01', regionId: 'A' }],
  teams: [{ id: 'A-01-01', name: 'Team A-01-01', pduId: 'A-01' }],
  practitioners: [{ id: 'po1', grade: 'PO', contractedHours: 37, teamId: 'A-01-01' }],
});
const datedCases = () => [
  { id: 'c1', practitionerId: 'po1', tier: 'B1', caseType: 'custody', sentenceDate: '2021-01-04', releaseDate: '2021-07-11', licenceEndDate: '2022-01-10' },
  { id: 'c2', practitionerId: 'po1', tier: 'C2', caseType: 'community', sentenceDate: '2021-03-01', expectedEndDate: '2021-09-04' },
];
const noDates = () => {
  const org = smallNational();
  const n = org.columns.cases.tierIndex.length;
  const none = new Int32Array(n).fill(L.NO_DAY);
  return { organisation: org, dates: { releaseDay: none, endDay: none, paroleDay: none, resetExempt: new Uint8Array(n) } };
};
const backtestPlan = () => ({ start: '2021-04', months: 24, training: { dropOutPercentPerYear: 5, qualifierTakeUpPercent: 60 }, openingTrainees: [{ month: '2020-07', fte: 400 }], qualified: { openingFte: 3500, transfersIn: [{ month: '2021-06', fte: 800 }] }, demand: { requiredFte: 5000 } });
const observedSeries = () => [
  { month: '2021-09', fte: 4300 },
  { month: '2022-03', fte: 4350 },
  { month: '2022-09', fte: 4400 },
  { month: '2023-03', fte: 4420 },
];
const coverageContract = (id: string, region: string, referrals: number, value: number) => ({
  id,
  region,
  pathway: 'accommodation',
  vcse: true,
  kind: 'fixed-price',
  years: [{ year: 1, projectedVolume: referrals, bands: [{ band: 1, lowVolume: 0, highVolume: referrals, value }] }],
});

/** Every seed, by a unique name. */
export const SEEDS: Readonly<Record<string, Seed>> = {
  // Root helpers
  WorkloadError: { covers: 'WorkloadError', args: () => ['INVALID_INPUT', 'x: wrong', { path: 'x' }], call: (a) => new L.WorkloadError(...(a as [L.WorkloadErrorCode, string])) },
  attempt: fn('attempt', () => [() => L.parseTier('a3')]),
  formatPath: fn('formatPath', () => [['practitioners', 3, 'contractedHours']]),
  parseInput: fn('parseInput', () => [z.number().min(0), 37, 'contractedHours']),
  RandomStream: { covers: 'RandomStream', args: () => [42], call: (a) => new L.RandomStream(a[0] as number).uniform() },
  'RandomStream.streams': { covers: 'RandomStream', args: () => [7, 3], call: (a) => L.RandomStream.streams(a[0] as number, a[1] as number).length },
  'RandomStream#integer': { covers: 'RandomStream', args: () => [1, 6], call: (a) => new L.RandomStream(1).integer(a[0] as number, a[1] as number) },
  'RandomStream#binomial': { covers: 'RandomStream', args: () => [1000, 0.074], call: (a) => new L.RandomStream(1).binomial(a[0] as number, a[1] as number) },
  'RandomStream#thinned': { covers: 'RandomStream', args: () => [228.5, 0.0064], call: (a) => new L.RandomStream(1).thinned(a[0] as number, a[1] as number) },
  'RandomStream#weightedIndex': { covers: 'RandomStream', args: () => [[1, 2, 3]], call: (a) => new L.RandomStream(1).weightedIndex(a[0] as number[]) },
  'RandomStream#binomialSampler': { covers: 'RandomStream', args: () => [0.0064, 4418], call: (a) => new L.RandomStream(1).binomialSampler(a[0] as number)(a[1] as number) },
  'RandomStream#thinningSampler': { covers: 'RandomStream', args: () => [0.0064, 228.5], call: (a) => new L.RandomStream(1).thinningSampler(a[0] as number)(a[1] as number) },
  BinomialRate: { covers: 'BinomialRate', args: () => [0.0064, { shared: true }], call: (a) => new L.RandomStream(2).binomial(100, new L.BinomialRate(a[0] as number, a[1] as { shared: boolean })) },
  IdIndex: { covers: 'IdIndex', args: () => [['po-1', 'pso-1'], 'practitioners'], call: (a) => new L.IdIndex(a[0] as string[], a[1] as string).get('pso-1') },
  // Money
  basisPoints: fn('basisPoints', () => [1250]),
  multiplyByRate: fn('multiplyByRate', () => [1001, { value: 1, scale: 4 }, 'up']),
  allocatePence: fn('allocatePence', () => [100, [1, 1, 1]]),
  formatPounds: fn('formatPounds', () => [-305]),
  parsePounds: fn('parsePounds', () => ['£1,234.56']),
  // Tiers
  parseTier: fn('parseTier', () => ['b2s']),
  tierIndex: fn('tierIndex', () => ['A3']),
  baseTier: fn('baseTier', () => ['C1S']),
  protectLevelOf: fn('protectLevelOf', () => ['B3S']),
  changeLevelOf: fn('changeLevelOf', () => ['D3']),
  tierRank: fn('tierRank', () => ['A3']),
  compareTiers: fn('compareTiers', () => ['A3', 'D0']),
  calculateTier: fn('calculateTier', () => [
    { rsr: 4.2, rosh: 'high', mappaLevel: 1, complexityFactors: ['mentalHealth', 'vulnerability'], assessment: { needs: { accommodation: 'severe', attitudes: 'standard' }, ogrs: 64 } },
  ]),
  safeCalculateTier: fn('safeCalculateTier', () => [{ rosh: 'veryHigh' }]),
  calculateTiers: fn('calculateTiers', () => [tierColumns()]),
  // Weightings
  parseWeightings: fn('parseWeightings', () => [{ ...L.DEFAULT_WEIGHTINGS, name: 'Local 2022' }]),
  weightingsInForce: fn('weightingsInForce', () => [[L.DEFAULT_WEIGHTINGS, { ...L.DEFAULT_WEIGHTINGS, name: 'refresh', effectiveFrom: '2022-04-01' }], '2022-05-01']),
  weightingsFromTimings: fn('weightingsFromTimings', () => [{ activities: [{ tier: 'C2', caseType: 'community', name: 'appointment', minutes: 60, perMonth: 4 }] }]),
  timingsImpliedBy: fn('timingsImpliedBy', () => [L.DEFAULT_WEIGHTINGS], 30),
  compareWeightings: fn('compareWeightings', () => [L.DEFAULT_WEIGHTINGS, { ...L.DEFAULT_WEIGHTINGS, name: 'refresh' }], 30),
  // One practitioner
  workloadPoints: fn('workloadPoints', () => [{ cases: [{ tier: 'C2', caseType: 'community' }, { tier: 'B1', caseType: 'licence' }], reports: { standardDelivery: 1 } }]),
  availablePoints: fn('availablePoints', () => [{ id: 'po1', grade: 'PO', contractedHours: 37, reductions: [{ reason: 'courtDuty', hours: 1.8 }] }, { asOf: '2021-06-26' }]),
  fte: fn('fte', () => [{ id: 'pso', grade: 'PSO', contractedHours: 18.5 }]),
  capacityPercent: fn('capacityPercent', () => [1632, 2176]),
  combinedCapacityPercent: fn('combinedCapacityPercent', () => [[{ total: 1000, available: 500 }, { total: 500, available: 1000 }]]),
  capacityStatus: fn('capacityStatus', () => [2277, 2070]),
  assessPractitioner: fn('assessPractitioner', () => [
    { id: 'po1', grade: 'PO', contractedHours: 37 },
    { cases: [{ tier: 'A3', caseType: 'licence' }, { tier: 'D0', caseType: 'community', status: 'unpaidWorkOnly' }] },
    { asOf: '2021-06-26' },
  ]),
  isExcessiveWorkload: fn('isExcessiveWorkload', () => [[112, 115, 111, 120]]),
  pointsLookup: fn('pointsLookup', () => [L.DEFAULT_WEIGHTINGS], 30),
  pointsLookupIndex: fn('pointsLookupIndex', () => [0, 1, 0, 0]),
  columnarPoints: fn('columnarPoints', () => [
    { practitionerCount: 2, practitionerIndex: Uint32Array.of(0, 0, 1), tierIndex: Uint8Array.of(0, 9, 32), caseTypeIndex: Uint8Array.of(1, 0, 0) },
  ]),
  // Caseload across the organisation
  organisationCaseload: fn('organisationCaseload', () => [org(), { asOf: '2021-06-26' }]),
  generateNationalCaseload: fn('generateNationalCaseload', () => [small], 30),
  generateCases: fn('generateCases', () => [{ count: 200, seed: 7, pduCount: 12 }]),
  rollUp: fn('rollUp', () => [smallNational()], 30),
  caseloadDistribution: fn('caseloadDistribution', () => [smallNational(), { grades: ['PO'] }], 30),
  measureCalibration: fn('measureCalibration', () => [smallNational(), L.UNIFIED_2021_PROFILE.calibration], 30),
  practitionerCaseload: fn('practitionerCaseload', () => [smallNational(), 5], 30),
  compareRollUps: fn('compareRollUps', () => [L.rollUp(smallNational()), L.rollUp(L.generateNationalCaseload({ ...small, seed: 2 }))], 30),
  compareCaseloads: fn('compareCaseloads', () => [smallNational(), L.generateNationalCaseload({ ...small, asOf: '2021-07-26' })], 30),
  compareWithNational: fn('compareWithNational', () => [L.rollUp(smallNational())], 30),
  // Allocation
  allocationImpact: fn('allocationImpact', () => [
    { id: 'po-1', grade: 'PO', contractedHours: 37, current: { points: 500, cases: 20 } },
    { id: 'N1', tier: 'A1', caseType: 'custody' },
    { asOf: '2021-06-26' },
  ]),
  rankCandidates: fn('rankCandidates', () => [practitioners(), { id: 'N1', tier: 'A3', caseType: 'licence' }, { asOf: '2021-06-26' }]),
  allocateCases: fn('allocateCases', () => [practitioners(), newCases(), { asOf: '2021-06-26' }]),
  allocateColumnar: fn('allocateColumnar', () => [columnarProblem(), { policy: 'least-loaded' }]),
  rebalanceCaseload: fn('rebalanceCaseload', () => [
    [
      {
        id: 'po-1', grade: 'PO', contractedHours: 18.5,
        caseload: { cases: [{ id: 'H1', tier: 'A2', caseType: 'community', allocatedOn: '2021-05-01', moveCost: 2 }, { id: 'H2', tier: 'C2', caseType: 'community' }] },
      },
      { id: 'po-2', grade: 'PO', contractedHours: 37, availability: 'away', caseload: { cases: [{ id: 'H3', tier: 'D1', caseType: 'community' }] } },
      { id: 'pso-1', grade: 'PSO', contractedHours: 37, current: { points: 300, cases: 8, allocatedLast7Days: 1 } },
    ],
    { asOf: '2021-06-26', target: 60, cost: 'stated', relieve: ['po-1'], rules: { tieBreak: 'recent-allocations' } },
  ]),
  // Contracts
  volumeBands: fn('volumeBands', () => [contract(), banding()]),
  adjustToBudget: fn('adjustToBudget', () => [[fixedPrice('a', 60_000), fixedPrice('b', 30_000), fixedPrice('c', 10_000)], 90_000]),
  monthlyEstimates: fn('monthlyEstimates', () => [1000]),
  referralMonitor: fn('referralMonitor', () => [[100, 100, 100], [90, 85]]),
  paymentForActual: fn('paymentForActual', () => [terms(), 600]),
  paymentRisk: fn('paymentRisk', () => [terms(), [800, 900, 1000, 1200]]),
  portfolioSummary: fn('portfolioSummary', () => [[fixedPrice('a', 40_000), fixedPrice('b', 20_000)]]),
  priceContract: fn('priceContract', () => [[100, 120], { unitCosts: { low: 40_000, medium: 80_000, high: 150_000 }, intensityMixBp: { low: 5000, medium: 3000, high: 2000 } }]),
  simulateYearOneReferrals: fn('simulateYearOneReferrals', () => [[terms(), { ...terms(), id: 'J-ACC-2' }], { runs: 20, spreadPercent: 15, seed: 1 }], 40),
  projectVolumes: fn('projectVolumes', () => [{ historicalCaseload: 10_000, eligibilityBp: 1_000, growthBpByYear: [200, 100], extraDemand: [{ name: 'more police officers', casesByYear: [50, 150] }] }]),
  // Pipeline
  projectWorkforce: fn('projectWorkforce', () => [workforce()]),
  simulateWorkforce: fn('simulateWorkforce', () => [workforce(), { runs: 50, seed: 2021 }], 40),
  requiredIntake: fn('requiredIntake', () => [workforce(), { closeBy: '2022-12', probabilityPercent: 80, simulation: { runs: 20, seed: 1 } }], 20),
  compareIntakePlans: fn('compareIntakePlans', () => [workforce(), [{ name: '600 a year', plan: { perYear: 600 } }], { simulation: { runs: 20, seed: 1 } }], 20),
  pipelineMarkovModel: fn('pipelineMarkovModel', () => [{ training: { dropOutPercentPerYear: 10, shortRoutePercent: 100 }, leavingPercentPerYear: 7.4, intakePerYear: 600 }]),
  backtestWorkforce: fn('backtestWorkforce', () => [backtestPlan(), observedSeries()]),
  calibrateWorkforce: fn('calibrateWorkforce', () => [backtestPlan(), observedSeries(), { parameters: [{ name: 'qualifierTakeUpPercent', low: 0, high: 100 }], bootstrap: { replicates: 0, seed: 1 } }], 30),
  monthlyValues: fn('monthlyValues', () => [L.PO_FTE_IN_POST, { from: '2021-03-31', until: '2022-03-31' }]),
  rateSteps: fn('rateSteps', () => [L.PO_LEAVING_PERCENT, '2021-04']),
  // Needs
  needsAnalysis: fn('needsAnalysis', () => [
    [
      { region: 'Wales', pdu: 'Cardiff', caseType: 'community', female: true, needs: { accommodation: 'severe' } },
      { region: 'Wales', pdu: 'Cardiff', caseType: 'custody', female: false, needs: { attitudes: 'standard' } },
    ],
  ]),
  needsAnalysisColumns: fn('needsAnalysisColumns', () => [
    { regions: ['London'], pdus: [{ name: 'Camden', region: 0 }], pduIndex: Uint32Array.of(0, 0), caseTypeIndex: Uint8Array.of(0, 1), female: Uint8Array.of(0, 1), needSeverity: new Uint8Array(20) },
  ]),
  synthesiseNeeds: fn('synthesiseNeeds', () => [{ changeLevel: Uint8Array.of(3, 1, 2), caseTypeIndex: Uint8Array.of(2, 0, 1), seed: 7 }]),
  synthesiseCaseloadNeeds: fn('synthesiseCaseloadNeeds', () => [
    smallNational(),
    { seed: 3, femalePercent: 20, incoming: { pduIndex: Uint32Array.of(0, 11), tierIndex: Uint8Array.of(0, 32), caseTypeIndex: Uint8Array.of(2, 0) } },
  ], 30),
  wilsonInterval: fn('wilsonInterval', () => [2, 5]),
  commissionedAgainstNeed: fn('commissionedAgainstNeed', () => [
    {
      contracts: [coverageContract('W', 'Wales', 300, 15_000_000), coverageContract('L', 'London', 900, 45_000_000)],
      eligible: [
        { region: 'Wales', pathway: 'accommodation', people: 400 },
        { region: 'London', pathway: 'accommodation', people: 1_000 },
      ],
      minimumCoveragePercent: 80,
      budget: 48_000_000,
    },
  ]),
  // Forward
  projectWorkload: fn('projectWorkload', () => [{ organisation: forwardOrganisation(), cases: datedCases() }, { asOf: '2021-06-26', weeks: 12 }]),
  projectWorkloadColumns: fn('projectWorkloadColumns', () => [noDates(), { asOf: '2021-06-26', weeks: 8 }], 30),
  estimateWeeklyDemand: fn('estimateWeeklyDemand', () => [
    [
      { pduId: 'A-01', tier: 'C2', caseType: 'community', allocatedDate: '2021-06-01', endDate: '2021-11-30' },
      { pduId: 'A-01', tier: 'B1', caseType: 'custody', t2a: true, allocatedDate: '2021-06-20' },
    ],
    { asOf: '2021-06-26', weeks: 4 },
  ]),
  caseHandover: fn('caseHandover', () => [{ id: 'c1', practitionerId: 'po1', tier: 'B2', caseType: 'custody', sentenceDate: '2022-03-01', paroleEligibilityDate: '2025-03-01' }, { asOf: '2023-06-01' }]),
  forwardMonteCarlo: fn('forwardMonteCarlo', () => [
    { organisation: forwardOrganisation(), cases: datedCases(), demand: [{ pduId: 'A-01', tier: 'C2', caseType: 'community', perWeek: 1 }] },
    { asOf: '2021-06-26', weeks: 8, runs: 20, seed: 7 },
  ], 40),
  forwardMonteCarloColumns: fn('forwardMonteCarloColumns', () => [noDates(), { asOf: '2021-06-26', weeks: 4, runs: 5, seed: 1 }], 20),
  // Scenarios
  validateScenario: fn('validateScenario', () => [smallScenario()], 40),
  runScenario: fn('runScenario', () => [smallScenario()], 10),
  compareScenarios: fn('compareScenarios', () => [L.runScenario(smallScenario() as L.Scenario), L.runScenario({ ...smallScenario(), seed: 2 } as L.Scenario)], 10),
  dayOnePortfolio: fn('dayOnePortfolio', () => [
    L.NATIONAL_UNIFICATION_SCENARIO.contracts.portfolio,
    { people: L.PROBATION_REGIONS.map((r) => ({ region: r.name, people: 1_000 })), eligible: [{ region: 'Wales', pathway: 'accommodation', people: 400 }] },
  ], 30),
  liftAndShift: fn('liftAndShift', () => [smallNational(), { cases: 200, continuityPercent: 40 }, 1], 30),
  applicableParameters: fn('applicableParameters', () => [smallScenario(), L.NATIONAL_SENSITIVITY.parameters]),
  sensitivity: fn('sensitivity', () => [smallScenario(), L.NATIONAL_SENSITIVITY.parameters.slice(0, 1), 'monthsToClose'], 5),
  // The file readers and writers of probation-workload/io
  ...IO_SEEDS,
};
