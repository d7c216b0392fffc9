import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { NATIONAL_UNIFICATION_SCENARIO, PROBATION_REGIONS, dayOnePortfolio, runScenario, validateScenario, volumeBands, type Scenario } from '../../src/index.js';
import { PRICING, RULES, expectWorkloadError } from '../contracts/fixtures.js';
import { smallScenario } from '../scenario/fixtures.js';

const PORTFOLIO = NATIONAL_UNIFICATION_SCENARIO.contracts.portfolio;
const everyRegion = (people: number) => PROBATION_REGIONS.map((r) => ({ region: r.name, people }));

describe('the day-one portfolio from eligible people', () => {
  it('worked example: a lot of two and a lot of three, split by largest remainder', () => {
    // Wales (a lot of two): 20,000 people, 10,000 a contract; 8,001 eligible for accommodation: 4,001 and 4,000.
    // London women's services (a lot of three): 20,000 -> 6,667, 6,667, 6,666; 1,501 eligible -> 501, 500, 500.
    const eligible = [{ region: 'Wales', pathway: 'accommodation', people: 8_001 }, { region: 'London', pathway: "women's services", people: 1_501 }];
    const c = dayOnePortfolio(PORTFOLIO, { people: everyRegion(20_000), eligible });
    const lot = (region: string, pathway: string) => c.filter((x) => x.region === region && x.pathway === pathway);
    // D-1-1, year 1: 10,000 x 1.015 = 10,150 + police 40 bp of 10,000 = 40 -> 10,190 x 4,001 / 10,000 = 4,077.02 -> 4,077
    // year 2: 10,150 x 1.01 = 10,251.5 + 80 = 10,331.5 x 0.4001 = 4,133.63 -> 4,134
    // year 3: 10,251.5 x 1.005 = 10,302.76 + 120 = 10,422.76 x 0.4001 = 4,170.15 -> 4,170
    // D-1-2: 10,190 x 0.4 = 4,076; 10,331.5 x 0.4 = 4,132.6 -> 4,133; 10,422.76 x 0.4 = 4,169.1 -> 4,169
    expect(lot('Wales', 'accommodation').map((x) => [x.id, x.years.map((y) => y.projectedVolume)])).toEqual([
      ['D-1-1', [4_077, 4_134, 4_170]],
      ['D-1-2', [4_076, 4_133, 4_169]],
    ]);
    // J-4-1: 6,667 x 1.015 = 6,767.0 + round(26.7) = 27 -> 6,794.0 x 501 / 6,667 = 510.55 -> 511
    expect(lot('London', "women's services").map((x) => x.years[0]?.projectedVolume)).toEqual([511, 510, 510]);
    // nobody eligible elsewhere: nothing projected
    expect(lot('Wales', 'personal wellbeing').every((x) => x.years.every((y) => y.projectedVolume === 0))).toBe(true);
    expect(c).toHaveLength(110);
  });

  test.prop([fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 2_000 }), fc.constantFrom(...PROBATION_REGIONS.map((r) => r.name))], { numRuns: 25 })(
    'more people eligible never lowers a contract\'s volumes, nor its value unless it crosses the band threshold into banding',
    (eligiblePeople, more, region) => {
      const people = everyRegion(20_000);
      const at = (n: number) => dayOnePortfolio(PORTFOLIO, { people, eligible: [{ region, pathway: 'accommodation', people: n }] }).filter((c) => c.region === region && c.pathway === 'accommodation');
      const [before, after] = [at(eligiblePeople), at(Math.min(20_000, eligiblePeople + more))];
      before.forEach((b, k) => {
        const a = after[k] as (typeof after)[number];
        b.years.forEach((y, j) => expect(a.years[j]?.projectedVolume).toBeGreaterThanOrEqual(y.projectedVolume));
        if (a.kind === b.kind) expect(a.value).toBeGreaterThanOrEqual(b.value);
        else expect([b.kind, a.kind]).toEqual(['fixed-price', 'banded']);
      });
    },
  );

  it('the exception: crossing the band threshold can lower a value (806 referrals £549,940, 807 £500,340)', () => {
    // fixed price below £500,000 at projection pays up to the 110% cap: 806 x 1.1 = 886.6 -> 887 x £620 = £549,940;
    // 807 x £620 = £500,340 reaches the threshold, so the contract is banded at the projection: £500,340.
    const value = (v: number) => volumeBands({ id: 'x', region: 'Wales', pathway: 'accommodation', vcse: true, projectedVolumes: [v], pricing: PRICING }, RULES);
    expect([value(806).kind, value(806).value]).toEqual(['fixed-price', 54_994_000]);
    expect([value(807).kind, value(807).value]).toEqual(['banded', 50_034_000]);
  });

  it('refuses a need that does not fit: a region twice or missing, more eligible than people, an unknown region', () => {
    const people = everyRegion(100);
    expectWorkloadError(() => dayOnePortfolio(PORTFOLIO, { people: [...people, { region: 'Wales', people: 1 }], eligible: [] }), 'INVALID_INPUT', 'need.people[12].region');
    expectWorkloadError(() => dayOnePortfolio(PORTFOLIO, { people: people.slice(1), eligible: [] }), 'INVALID_INPUT', 'need.people');
    expectWorkloadError(() => dayOnePortfolio(PORTFOLIO, { people, eligible: [{ region: 'Wales', pathway: 'accommodation', people: 101 }] }), 'INVALID_INPUT', 'need.eligible[0].people');
    expectWorkloadError(() => dayOnePortfolio(PORTFOLIO, { people, eligible: [{ region: 'Atlantis', pathway: 'accommodation', people: 1 }] }), 'INVALID_INPUT', 'need.eligible[0].region');
    expectWorkloadError(() => dayOnePortfolio(PORTFOLIO, { people, eligible: [{ region: 'Wales', pathway: 'accommodation', people: -1 }] }), 'INVALID_INPUT', 'need.eligible[0].people');
    // without a need, the portfolio must give the assumed share and the caseload
    expectWorkloadError(() => dayOnePortfolio(PORTFOLIO), 'INVALID_INPUT', 'portfolio.nationalCaseload');
    expectWorkloadError(() => dayOnePortfolio({ ...PORTFOLIO, nationalCaseload: 230_000 }, { people, eligible: [] }), 'INVALID_INPUT', 'portfolio.nationalCaseload');
  });
});

describe('the national scenario: contract volumes from the needs of its caseload', () => {
  const report = runScenario(smallScenario(), { simulate: false });
  const needs = report.needs;

  it('analyses every case and every transferring case; totals over regions are the nation', () => {
    expect(needs).not.toBeNull();
    if (needs === null) return;
    const cases = report.caseload.national.cases;
    expect(needs.people).toBe(cases + 3_000);
    expect(needs.transferring).toBe(3_000);
    const a = needs.analysis;
    expect(a.byRegion.reduce((s, g) => s + g.people, 0)).toBe(a.people);
    for (const e of a.eligible) {
      expect(e.people).toBeLessThanOrEqual(a.people);
      expect(a.eligibleByRegion.filter((r) => r.pathway === e.pathway).reduce((s, r) => s + r.people, 0)).toBe(e.people);
    }
    for (const r of a.eligibleByRegion) expect(r.people).toBeLessThanOrEqual(a.byRegion.find((g) => g.key === r.region)?.people ?? 0);
    // the coverage's eligible are the analysis's, pathway by pathway; the commissioned are the contracts' year-1 band tops
    for (const p of needs.coverage.byPathway) expect(p.eligible).toBe(a.eligible.find((e) => e.pathway === p.pathway)?.people);
    expect(needs.coverage.byRegion).toHaveLength(48);
    expect(needs.notCommissioned.map((e) => e.pathway)).toEqual(['finance, benefit and debt', 'dependency and recovery']);
  });

  it('more women (a need of their own pathway) never lowers the women\'s services volume or value', () => {
    const base = smallScenario();
    const more: Scenario = { ...base, needs: { ...base.needs, minimumCoveragePercent: 80, femalePercent: 25 } };
    const women = (r: ReturnType<typeof runScenario>) => r.needs?.coverage.byPathway.find((p) => p.pathway === "women's services");
    const after = runScenario(more, { simulate: false });
    expect(women(after)?.eligible).toBeGreaterThan(women(report)?.eligible ?? Infinity);
    expect(women(after)?.commissioned).toBeGreaterThan(women(report)?.commissioned ?? Infinity);
    const value = (r: ReturnType<typeof runScenario>) => r.contracts.summary.byPathway.find((g) => g.key === "women's services")?.value ?? 0;
    expect(value(after)).toBeGreaterThan(value(report));
  });

  it('the bundled scenario marks every assumed need input in its sources, with its range', () => {
    const sources = NATIONAL_UNIFICATION_SCENARIO.sources;
    for (const area of ['finance', 'relationships', 'drugMisuse', 'emotionalWellbeing', 'thinkingAndBehaviour', 'attitudes', 'educationTrainingEmployability']) {
      expect(sources.find((s) => s.input === `needs.prevalence.${area}`)).toMatchObject({ source: 'assumption', reference: expect.stringMatching(/range of \d+–\d+%/) as unknown });
    }
    for (const area of ['lifestyle', 'accommodation', 'alcoholMisuse']) expect(sources.find((s) => s.input === `needs.prevalence.${area}`)?.source).toBe('document');
    expect(sources.find((s) => s.input === 'needs.femalePercent')?.source).toBe('assumption');
  });

  it('refuses a scenario whose needs are bad, with the path', () => {
    const s = smallScenario();
    const needs = s.needs as NonNullable<Scenario['needs']>;
    const withNeeds = (change: object) => ({ ...s, needs: { ...needs, ...change } });
    expectWorkloadError(() => validateScenario(withNeeds({ minimumCoveragePercent: 120 })), 'INVALID_INPUT', 'scenario.needs.minimumCoveragePercent');
    expectWorkloadError(() => validateScenario(withNeeds({ minimumCoveragePercent: -1 })), 'INVALID_INPUT', 'scenario.needs.minimumCoveragePercent');
    expectWorkloadError(() => validateScenario(withNeeds({ femalePercent: 101 })), 'INVALID_INPUT', 'scenario.needs.femalePercent');
    expectWorkloadError(() => validateScenario(withNeeds({ prevalence: { gambling: { community: 10, custody: 10 } } })), 'INVALID_INPUT', 'scenario.needs.prevalence');
    const crosswalk = { basis: 'derived', pathways: ['accommodation'], needs: { accommodation: ['housing'] } };
    expectWorkloadError(() => validateScenario(withNeeds({ crosswalk })), 'INVALID_INPUT', 'scenario.needs.crosswalk.needs.accommodation[0]');
    // needs and an assumed share together: which would the volumes come from?
    const pathways = { ...s.contracts.portfolio.pathways, accommodation: { ...s.contracts.portfolio.pathways.accommodation, eligibilityBp: 1_500 } };
    expectWorkloadError(() => validateScenario({ ...s, contracts: { ...s.contracts, portfolio: { ...s.contracts.portfolio, pathways } } }), 'INVALID_INPUT', 'scenario.contracts.portfolio.pathways.accommodation.eligibilityBp');
    expectWorkloadError(() => validateScenario({ ...s, needs: undefined }), 'INVALID_INPUT', 'scenario.contracts.portfolio.nationalCaseload');
  });
});
