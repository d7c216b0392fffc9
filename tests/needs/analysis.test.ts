import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { z } from 'zod';
import { CASE_TYPES, DEFAULT_CROSSWALK, NEED_AREAS, WorkloadError, needsAnalysis, priceContract, projectVolumes, volumeBands, wilsonInterval, type NeedArea, type NeedsAnalysis, type PersonNeeds } from '../../src/index.js';
import { needsAnalysisColumns, type NeedsColumns } from '../../src/columnar.js';
import { COMMISSIONED_PATHWAYS, NEED_SEVERITIES } from '../../src/constants.js';
import { personNeedsSchema } from '../../src/schemas.js';
import { PRICING, RULES, expectWorkloadError } from '../contracts/fixtures.js';

/**
 * The five-person caseload of the worked example:
 * 1 North East, Durham, community, man: accommodation severe, lifestyle standard, drugs standard
 * 2 North East, Durham, community, woman: alcohol standard, emotional wellbeing severe
 * 3 North East, Tyneside, custody, man: lifestyle severe, thinking and behaviour standard
 * 4 Wales, Cardiff, licence, woman: attitudes standard (no commissioned pathway)
 * 5 Wales, Cardiff, community, man: no needs
 */
const FIVE: readonly PersonNeeds[] = [
  { region: 'North East', pdu: 'Durham', caseType: 'community', female: false, needs: { accommodation: 'severe', lifestyle: 'standard', drugMisuse: 'standard' } },
  { region: 'North East', pdu: 'Durham', caseType: 'community', female: true, needs: { alcoholMisuse: 'standard', emotionalWellbeing: 'severe' } },
  { region: 'North East', pdu: 'Tyneside', caseType: 'custody', female: false, needs: { lifestyle: 'severe', thinkingAndBehaviour: 'standard' } },
  { region: 'Wales', pdu: 'Cardiff', caseType: 'licence', female: true, needs: { attitudes: 'standard' } },
  { region: 'Wales', pdu: 'Cardiff', caseType: 'community', female: false, needs: {} },
];

const counts = (a: NeedsAnalysis['national']) => Object.fromEntries(NEED_AREAS.map((area) => [area, a.needs[area].people]));
const eligibleOf = (a: NeedsAnalysis, region?: string) =>
  Object.fromEntries((region === undefined ? a.eligible : a.eligibleByRegion.filter((e) => e.region === region)).map((e) => [e.pathway, e.people]));

describe('needsAnalysis: the five-person worked example', () => {
  const a = needsAnalysis(FIVE);

  it('prevalence nationally, by region, case type and sex', () => {
    // national, of 5: accommodation 1 (p1), lifestyle 2 (p1, p3), drugs 1 (p1), alcohol 1 (p2), emotional 1 (p2),
    // thinking 1 (p3), attitudes 1 (p4); ETE, finance, relationships 0. People with any need: p1-p4 = 4.
    expect(a.people).toBe(5);
    expect(counts(a.national)).toEqual({
      accommodation: 1, educationTrainingEmployability: 0, finance: 0, relationships: 0, lifestyle: 2,
      drugMisuse: 1, alcoholMisuse: 1, emotionalWellbeing: 1, thinkingAndBehaviour: 1, attitudes: 1,
    });
    expect(a.national.withAnyNeed).toBe(4);
    // lifestyle 2 / 5 = 0.4, one of them severe (p3); Wilson 95%: [0.1176, 0.7693] (see wilsonInterval)
    expect(a.national.needs.lifestyle).toMatchObject({ people: 2, severe: 1, proportion: 0.4 });
    expect(a.national.needs.lifestyle.lower).toBeCloseTo(0.1176, 4);
    expect(a.national.needs.lifestyle.upper).toBeCloseTo(0.7693, 4);
    // North East, 3 people: lifestyle 2 / 3; Wales, 2 people: attitudes 1 / 2
    expect(a.byRegion.map((g) => [g.key, g.people])).toEqual([['North East', 3], ['Wales', 2]]);
    expect(a.byRegion[0]?.needs.lifestyle.proportion).toBeCloseTo(2 / 3, 12);
    expect(a.byRegion[1]?.needs.attitudes.proportion).toBe(0.5);
    // PDUs: Durham 2 (p1, p2), Tyneside 1 (p3), Cardiff 2 (p4, p5)
    expect(a.byPdu.map((g) => [g.key, g.region, g.people])).toEqual([['Durham', 'North East', 2], ['Tyneside', 'North East', 1], ['Cardiff', 'Wales', 2]]);
    // case types: community p1, p2, p5 (3); licence p4 (1); custody p3 (1): custody lifestyle 1 / 1
    expect(a.byCaseType.map((g) => [g.key, g.people])).toEqual([['community', 3], ['licence', 1], ['custody', 1]]);
    expect(a.byCaseType[2]?.needs.lifestyle).toMatchObject({ people: 1, proportion: 1, upper: 1 });
    // sex: men p1, p3, p5 (3): lifestyle 2 / 3; women p2, p4 (2): alcohol, emotional, attitudes 1 / 2 each
    expect(a.bySex.map((g) => [g.key, g.people])).toEqual([['male', 3], ['female', 2]]);
    expect(a.bySex[1]?.needs.emotionalWellbeing).toMatchObject({ people: 1, severe: 1, proportion: 0.5 });
  });

  it('co-occurrence: people with both needs', () => {
    const at = (x: NeedArea, y: NeedArea) => a.coOccurrence[NEED_AREAS.indexOf(x)]?.[NEED_AREAS.indexOf(y)];
    // lifestyle with accommodation (p1), with drugs (p1), with thinking (p3); alcohol with emotional (p2)
    expect([at('lifestyle', 'accommodation'), at('accommodation', 'lifestyle'), at('lifestyle', 'drugMisuse'), at('lifestyle', 'thinkingAndBehaviour'), at('alcoholMisuse', 'emotionalWellbeing')]).toEqual([1, 1, 1, 1, 1]);
    // the diagonal is prevalence: lifestyle 2; never together: accommodation and alcohol
    expect([at('lifestyle', 'lifestyle'), at('accommodation', 'alcoholMisuse'), at('attitudes', 'lifestyle')]).toEqual([2, 0, 0]);
  });

  it('people eligible per pathway under the derived crosswalk', () => {
    // accommodation: p1; ETE: none; personal wellbeing (lifestyle, relationships, emotional): p1, p2, p3;
    // women's services (a woman with a mapped need): p2 (p4's attitudes maps to nothing); finance: none;
    // dependency and recovery (drugs, alcohol): p1, p2. For none: p4 (attitudes only) and p5.
    expect(a.crosswalk.basis).toBe('derived');
    expect(eligibleOf(a)).toEqual({
      accommodation: 1, 'education, training and employment': 0, 'personal wellbeing': 3, "women's services": 1,
      'finance, benefit and debt': 0, 'dependency and recovery': 2,
    });
    expect(a.eligibleForNone).toBe(2);
    // all of it in the North East; Wales has nobody eligible
    expect(eligibleOf(a, 'North East')).toEqual(eligibleOf(a));
    expect(Object.values(eligibleOf(a, 'Wales'))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('only severe needs, under a stricter crosswalk', () => {
    const severe = needsAnalysis(FIVE, { crosswalk: { ...DEFAULT_CROSSWALK, minimumSeverity: 'severe' } });
    // severe: accommodation p1; emotional p2; lifestyle p3. PWB p2, p3 = 2; women's p2 = 1; D&R none; for none p4, p5
    expect(eligibleOf(severe)).toMatchObject({ accommodation: 1, 'personal wellbeing': 2, "women's services": 1, 'dependency and recovery': 0 });
    expect(severe.eligibleForNone).toBe(2);
  });

  it('volumes and value from the eligible people, not an assumed share', () => {
    // dependency and recovery: 2 of the 5 (share 2 / 5 exactly); growth +25%, then +20%:
    // year 1: 5 x 1.25 = 6.25 x 2/5 = 2.5 -> 3 (half-up); year 2: 6.25 x 1.2 = 7.5 x 2/5 = 3 -> 3
    const dr = projectVolumes({ historicalCaseload: 5, eligiblePeople: eligibleOf(a)['dependency and recovery'] ?? 0, growthBpByYear: [2_500, 2_000] });
    expect(dr.volumes).toEqual([3, 3]);
    expect([dr.eligibilityBp, dr.eligiblePeople]).toEqual([4_000, 2]);
    // personal wellbeing: 3 of 5: 6.25 x 3/5 = 3.75 -> 4; 7.5 x 3/5 = 4.5 -> 5
    const pwb = projectVolumes({ historicalCaseload: 5, eligiblePeople: eligibleOf(a)['personal wellbeing'] ?? 0, growthBpByYear: [2_500, 2_000] });
    expect(pwb.volumes).toEqual([4, 5]);
    // at £620 a referral (fixtures' PRICING): 4 x 620 = £2,480 + 5 x 620 = £3,100: £5,580
    expect(priceContract(pwb.volumes, PRICING).totalValue).toBe(558_000);
  });

  it('the columnar path gives the same analysis, and the same input the same output', () => {
    expect(needsAnalysisColumns(columnsOf(FIVE))).toEqual(a);
    expect(JSON.stringify(needsAnalysis(FIVE))).toBe(JSON.stringify(a));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
});

/** People as columns, regions and PDUs in the order first seen (as the object path builds them). */
function columnsOf(people: readonly PersonNeeds[]): NeedsColumns {
  const regions: string[] = [];
  const pdus: { name: string; region: number }[] = [];
  const pduIndex = new Uint32Array(people.length);
  people.forEach((p, i) => {
    if (!regions.includes(p.region)) regions.push(p.region);
    const region = regions.indexOf(p.region);
    let k = pdus.findIndex((d) => d.name === p.pdu && d.region === region);
    if (k < 0) k = pdus.push({ name: p.pdu, region }) - 1;
    pduIndex[i] = k;
  });
  return {
    regions,
    pdus,
    pduIndex,
    caseTypeIndex: Uint8Array.from(people, (p) => CASE_TYPES.indexOf(p.caseType)),
    female: Uint8Array.from(people, (p) => (p.female ? 1 : 0)),
    needSeverity: Uint8Array.from(people.flatMap((p) => NEED_AREAS.map((area) => NEED_SEVERITIES.indexOf(p.needs[area] ?? 'none')))),
  };
}

const personArb: fc.Arbitrary<PersonNeeds> = fc.record({
  region: fc.constantFrom('North East', 'Wales', 'London'),
  pdu: fc.constantFrom('P1', 'P2', 'P3'),
  caseType: fc.constantFrom(...CASE_TYPES),
  female: fc.boolean(),
  needs: fc.dictionary(fc.constantFrom(...NEED_AREAS), fc.constantFrom(...NEED_SEVERITIES)),
});
const caseloadArb = fc.array(personArb, { minLength: 1, maxLength: 60 });

/** Pathways a person is eligible for under the default crosswalk, worked out directly. */
function pathwaysOf(p: PersonNeeds): Set<string> {
  const out = new Set<string>();
  for (const area of NEED_AREAS) {
    if ((p.needs[area] ?? 'none') === 'none') continue;
    for (const pathway of DEFAULT_CROSSWALK.needs[area]) out.add(pathway);
  }
  if (p.female && out.size > 0) out.add("women's services");
  return out;
}

describe('needsAnalysis: properties', () => {
  test.prop([caseloadArb])('pathway counts never exceed people; each is the people eligible, counted directly', (people) => {
    const a = needsAnalysis(people);
    for (const e of a.eligible) {
      expect(e.people).toBeLessThanOrEqual(a.people);
      expect(e.people).toBe(people.filter((p) => pathwaysOf(p).has(e.pathway)).length);
    }
    for (const e of a.eligibleByRegion) expect(e.people).toBeLessThanOrEqual(people.filter((p) => p.region === e.region).length);
    expect(a.eligibleForNone).toBe(people.filter((p) => pathwaysOf(p).size === 0).length);
  });

  test.prop([caseloadArb])('totals over regions, PDUs, case types and sexes equal the nation, and the nation counts every person', (people) => {
    const a = needsAnalysis(people);
    for (const groups of [a.byRegion, a.byPdu, a.byCaseType, a.bySex]) {
      expect(groups.reduce((s, g) => s + g.people, 0)).toBe(a.people);
      for (const area of NEED_AREAS) {
        expect(groups.reduce((s, g) => s + g.needs[area].people, 0)).toBe(a.national.needs[area].people);
        expect(groups.reduce((s, g) => s + g.needs[area].severe, 0)).toBe(a.national.needs[area].severe);
      }
    }
    for (const area of NEED_AREAS) expect(a.national.needs[area].people).toBe(people.filter((p) => (p.needs[area] ?? 'none') !== 'none').length);
    for (const e of a.eligible) expect(a.eligibleByRegion.filter((r) => r.pathway === e.pathway).reduce((s, r) => s + r.people, 0)).toBe(e.people);
  });

  test.prop([caseloadArb, fc.nat(), fc.constantFrom(...NEED_AREAS), fc.constantFrom('standard' as const, 'severe' as const)])(
    "raising a need's prevalence never lowers its pathway's volume or the value of its contracts",
    (people, which, area, severity) => {
      const i = which % people.length;
      const person = people[i] as PersonNeeds;
      if ((person.needs[area] ?? 'none') !== 'none') return;
      const raised = people.map((p, k) => (k === i ? { ...p, needs: { ...p.needs, [area]: severity } } : p));
      const [before, after] = [needsAnalysis(people), needsAnalysis(raised)];
      for (const pathway of COMMISSIONED_PATHWAYS) {
        const [b, c] = [eligibleOf(before)[pathway] ?? 0, eligibleOf(after)[pathway] ?? 0];
        expect(c).toBeGreaterThanOrEqual(b);
        const project = (eligiblePeople: number) => projectVolumes({ historicalCaseload: people.length, eligiblePeople, growthBpByYear: [300, -200, 150] }).volumes;
        const [vb, va] = [project(b), project(c)];
        vb.forEach((v, y) => expect(va[y]).toBeGreaterThanOrEqual(v));
        expect(priceContract(va, PRICING).totalValue).toBeGreaterThanOrEqual(priceContract(vb, PRICING).totalValue);
        const band = (volumes: readonly number[]) => volumeBands({ id: 'x', region: 'North East', pathway, vcse: true, projectedVolumes: volumes, pricing: PRICING }, { ...RULES, bandThreshold: 0 }).value;
        expect(band(va)).toBeGreaterThanOrEqual(band(vb));
      }
      expect(after.national.needs[area].proportion).toBeGreaterThan(before.national.needs[area].proportion);
    },
  );

  test.prop([caseloadArb])('every interval contains its proportion and lies in [0, 1]', (people) => {
    const a = needsAnalysis(people);
    for (const g of [a.national, ...a.byRegion, ...a.byPdu, ...a.byCaseType, ...a.bySex]) {
      for (const area of NEED_AREAS) {
        const { proportion, lower, upper, people: withNeed } = g.needs[area];
        expect(proportion).toBe(withNeed / g.people);
        expect(0 <= lower && lower <= proportion && proportion <= upper && upper <= 1).toBe(true);
      }
    }
  });

  test.prop([fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true })])('Wilson intervals contain the observed proportion and lie in [0, 1]', (trials, share) => {
    const successes = Math.floor(share * trials);
    const w = wilsonInterval(successes, trials);
    expect(w.proportion).toBe(successes / trials);
    expect(0 <= w.lower && w.lower <= w.proportion && w.proportion <= w.upper && w.upper <= 1).toBe(true);
    expect(Object.is(w.lower, -0)).toBe(false);
    // a score interval is strictly inside [0, 1] except at 0 or all
    if (successes > 0) expect(w.lower).toBeGreaterThan(0);
    if (successes < trials) expect(w.upper).toBeLessThan(1);
  });
});

describe('needsAnalysis: bad input', () => {
  const good = FIVE[0] as PersonNeeds;
  it('refuses unknown need areas and severities with the path', () => {
    expectWorkloadError(() => needsAnalysis([{ ...good, needs: { gambling: 'severe' } as never }]), 'INVALID_INPUT', 'people[0].needs');
    expectWorkloadError(() => needsAnalysis([good, { ...good, needs: { finance: 'extreme' as never } }]), 'INVALID_INPUT', 'people[1].needs.finance');
    expectWorkloadError(() => needsAnalysis([{ ...good, caseType: 'remand' as never }]), 'INVALID_INPUT', 'people[0].caseType');
    expectWorkloadError(() => needsAnalysis([{ ...good, region: '' }]), 'INVALID_INPUT', 'people[0].region');
    expectWorkloadError(() => needsAnalysis([]), 'INVALID_INPUT', 'people');
    expectWorkloadError(() => needsAnalysis(null as never), 'INVALID_INPUT', 'people');
  });

  it('refuses a crosswalk to an unknown pathway, a pathway twice, a bad basis', () => {
    const crosswalk = (change: object) => ({ crosswalk: { ...DEFAULT_CROSSWALK, ...change } as never });
    expectWorkloadError(() => needsAnalysis(FIVE, crosswalk({ needs: { accommodation: ['housing'] } })), 'INVALID_INPUT', 'options.crosswalk.needs.accommodation[0]');
    expectWorkloadError(() => needsAnalysis(FIVE, crosswalk({ needs: { gambling: ['accommodation'] } })), 'INVALID_INPUT', 'options.crosswalk.needs');
    expectWorkloadError(() => needsAnalysis(FIVE, crosswalk({ womenPathway: 'women' })), 'INVALID_INPUT', 'options.crosswalk.womenPathway');
    expectWorkloadError(() => needsAnalysis(FIVE, crosswalk({ pathways: ['accommodation', 'accommodation'], needs: {} })), 'INVALID_INPUT', 'options.crosswalk.pathways[1]');
    expectWorkloadError(() => needsAnalysis(FIVE, crosswalk({ basis: 'official' })), 'INVALID_INPUT', 'options.crosswalk.basis');
    expectWorkloadError(() => needsAnalysis(FIVE, crosswalk({ minimumSeverity: 'none' })), 'INVALID_INPUT', 'options.crosswalk.minimumSeverity');
  });

  it('refuses bad columns: type, length, a value out of range, a PDU outside the regions', () => {
    const c = columnsOf(FIVE);
    expectWorkloadError(() => needsAnalysisColumns({ ...c, pduIndex: [0, 0, 1, 2, 2] as never }), 'INVALID_INPUT', 'people.pduIndex');
    expectWorkloadError(() => needsAnalysisColumns({ ...c, female: new Uint8Array(4) }), 'INVALID_INPUT', 'people.female');
    expectWorkloadError(() => needsAnalysisColumns({ ...c, needSeverity: new Uint8Array(40) }), 'INVALID_INPUT', 'people.needSeverity');
    const severity = c.needSeverity.slice();
    severity[17] = 3;
    expectWorkloadError(() => needsAnalysisColumns({ ...c, needSeverity: severity }), 'INVALID_INPUT', 'people.needSeverity[17]');
    expectWorkloadError(() => needsAnalysisColumns({ ...c, pduIndex: Uint32Array.of(0, 0, 1, 3, 2) }), 'INVALID_INPUT', 'people.pduIndex[3]');
    expectWorkloadError(() => needsAnalysisColumns({ ...c, caseTypeIndex: Uint8Array.of(0, 0, 2, 1, 3) }), 'INVALID_INPUT', 'people.caseTypeIndex[4]');
    expectWorkloadError(() => needsAnalysisColumns({ ...c, female: Uint8Array.of(0, 2, 0, 1, 0) }), 'INVALID_INPUT', 'people.female[1]');
    expectWorkloadError(() => needsAnalysisColumns({ ...c, pdus: [...c.pdus.slice(0, 2), { name: 'Cardiff', region: 2 }] }), 'INVALID_INPUT', 'people.pdus[2].region');
    expectWorkloadError(() => needsAnalysisColumns({ ...c, pdus: [...c.pdus, { name: 'Durham', region: 0 }] }), 'INVALID_INPUT', 'people.pdus[3]');
    expectWorkloadError(() => needsAnalysisColumns({ ...c, regions: ['Wales', 'Wales'] }), 'INVALID_INPUT', 'people.regions[1]');
  });

  it('refuses a Wilson interval of more successes than trials, or none', () => {
    expectWorkloadError(() => wilsonInterval(6, 5), 'INVALID_INPUT', 'successes');
    expectWorkloadError(() => wilsonInterval(0, 0), 'INVALID_INPUT', 'trials');
    expectWorkloadError(() => wilsonInterval(1.5, 5), 'INVALID_INPUT', 'successes');
  });
});

describe('needsAnalysis: the plain check beside zod', () => {
  /** A person, or something near one that may or may not be valid. */
  const nearPerson = fc.oneof(
    personArb,
    personArb.map((p) => ({ ...p, extra: 1 })),
    personArb.map((p) => ({ ...p, region: '' })),
    personArb.map((p) => ({ ...p, female: 'yes' })),
    personArb.map((p) => ({ ...p, caseType: 'remand' })),
    personArb.map((p) => ({ ...p, needs: { ...p.needs, gambling: 'severe' } })),
    personArb.map((p) => ({ ...p, needs: { ...p.needs, finance: 'extreme' } })),
    personArb.map((p) => Object.assign(Object.create(null) as object, p)),
    personArb.map(({ pdu: _, ...p }) => p),
  );
  test.prop([fc.array(nearPerson, { minLength: 0, maxLength: 8 })])('accepts what the schema accepts, with the same analysis; refuses what it refuses, at the same path', (people) => {
    const zod = z.array(personNeedsSchema).min(1).safeParse(people);
    let error: unknown = null;
    let result: NeedsAnalysis | null = null;
    try {
      result = needsAnalysis(people as PersonNeeds[]);
    } catch (e) {
      error = e;
    }
    expect(error === null).toBe(zod.success);
    if (zod.success) expect(result).toEqual(needsAnalysis(zod.data.map((p) => ({ ...p }))));
    else expect((error as WorkloadError).path).toMatch(/^people/);
  });
});
