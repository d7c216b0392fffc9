import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { TIERS, calculateTier, safeCalculateTier, type TierAssessment } from '../../src/index.js';
import { calculateTiers, type TierAssessmentColumns } from '../../src/columnar.js';
import { COMPLEXITY_FACTORS, NEEDS, NEED_SEVERITIES, ROSH_LEVELS, UTM_V2_RULES, WOMEN_FACTORS } from '../../src/constants.js';
import { type TierRules } from '../../src/schemas.js';
import { errorOf } from '../helpers.js';

/** The assessments as columns, person i at entry i. */
function columnsOf(people: readonly TierAssessment[]): TierAssessmentColumns {
  const n = people.length;
  const c = {
    rsr: new Float64Array(n),
    roshIndex: new Uint8Array(n),
    mappaLevel: new Uint8Array(n),
    complexityFactors: new Uint16Array(n),
    female: new Uint8Array(n),
    womenFactors: new Uint8Array(n),
    mandateForChange: new Uint8Array(n),
    assessed: new Uint8Array(n),
    needSeverity: new Uint8Array(8 * n),
    ogrs: new Float64Array(n),
    integratedOffenderManagement: new Uint8Array(n),
  };
  people.forEach((a, i) => {
    c.rsr[i] = a.rsr ?? 0;
    c.roshIndex[i] = ROSH_LEVELS.indexOf(a.rosh ?? 'none');
    c.mappaLevel[i] = a.mappaLevel ?? 0;
    c.complexityFactors[i] = (a.complexityFactors ?? []).reduce((m, f) => m | (1 << COMPLEXITY_FACTORS.indexOf(f)), 0);
    c.female[i] = a.female === true ? 1 : 0;
    c.womenFactors[i] = (a.womenFactors ?? []).reduce((m, f) => m | (1 << WOMEN_FACTORS.indexOf(f)), 0);
    c.mandateForChange[i] = a.mandateForChange === false ? 0 : 1;
    c.assessed[i] = a.assessment === undefined ? 0 : 1;
    NEEDS.forEach((need, k) => (c.needSeverity[i * 8 + k] = NEED_SEVERITIES.indexOf(a.assessment?.needs[need] ?? 'none')));
    c.ogrs[i] = a.assessment?.ogrs ?? 0;
    c.integratedOffenderManagement[i] = a.integratedOffenderManagement === true ? 1 : 0;
  });
  return c;
}

describe('calculateTier: worked examples', () => {
  it('B2: the larger of RSR and ROSH, MAPPA, complexity factors; needs and OGRS', () => {
    const result = calculateTier({
      rsr: 4.2,
      rosh: 'high',
      mappaLevel: 1,
      complexityFactors: ['mentalHealth', 'vulnerability'],
      assessment: { needs: { accommodation: 'severe', attitudes: 'standard' }, ogrs: 64 },
    });
    // protect: max(RSR 4.2% -> 10, ROSH high -> 20) = 20; + MAPPA 1 = 5; + 2 factors x 2 = 4: 29 -> B
    expect(result.protect).toEqual({
      level: 'B',
      points: 29,
      parts: { rsr: 10, rosh: 20, riskOfHarm: 20, mappa: 5, complexityFactors: 4, womenFactors: 0 },
    });
    // change: accommodation 1 x severe 2 + attitudes 2 x standard 1 = 4; floor(64 / 10) = 6: 10 -> 2
    expect(result.change).toEqual({
      level: 2,
      basis: 'assessment',
      points: 10,
      parts: { needs: 4, byNeed: { accommodation: 2, attitudes: 2 }, ogrs: 6, integratedOffenderManagement: 0 },
    });
    expect(result.tier).toBe('B2');
  });

  it('A: very high ROSH or MAPPA level 2 alone; fixed change levels without an assessment or a mandate', () => {
    // ROSH very high 150 -> A; no valid assessment -> change 2
    expect(calculateTier({ rosh: 'veryHigh' }).tier).toBe('A2');
    // MAPPA 2 -> 150 -> A; no mandate for change -> 0
    const a0 = calculateTier({ mappaLevel: 2, mandateForChange: false, assessment: { needs: { drugMisuse: 'severe' } } });
    expect(a0.tier).toBe('A0');
    expect(a0.change).toEqual({ level: 0, basis: 'noMandateForChange', points: null, parts: null });
    // nothing registered, no assessment: D2
    expect(calculateTier({}).tier).toBe('D2');
  });

  it('counts additional factors for women only', () => {
    const factors: TierAssessment = { rsr: 2.5, complexityFactors: ['childConcerns', 'streetGangs'], womenFactors: [...WOMEN_FACTORS] };
    // RSR 2.5% -> 0; 2 factors -> 4; women's 3 factors -> 6: 10 -> C
    expect(calculateTier({ ...factors, female: true }).protect.points).toBe(10);
    expect(calculateTier({ ...factors, female: true }).protect.level).toBe('C');
    // the same record for a man: 4 -> D
    expect(calculateTier(factors).protect).toMatchObject({ points: 4, level: 'D', parts: { womenFactors: 0 } });
  });

  it('draws the protect boundaries at 10, 20 and 150', () => {
    // RSR 3% -> 10 (C); 2.99% -> 0 (D); RSR 7% -> 20 (B); 6.99% -> 10 (C)
    expect(calculateTier({ rsr: 3 }).protect.level).toBe('C');
    expect(calculateTier({ rsr: 2.99 }).protect.level).toBe('D');
    expect(calculateTier({ rsr: 7 }).protect.level).toBe('B');
    expect(calculateTier({ rsr: 6.99 }).protect.level).toBe('C');
    // 4 complexity factors = 8 + MAPPA 1 = 5: 13 -> C; 5 factors = 10 -> C; 4 factors = 8 -> D
    expect(calculateTier({ mappaLevel: 1, complexityFactors: COMPLEXITY_FACTORS.slice(0, 4) }).protect.points).toBe(13);
    expect(calculateTier({ complexityFactors: COMPLEXITY_FACTORS.slice(0, 5) }).protect.level).toBe('C');
    expect(calculateTier({ complexityFactors: COMPLEXITY_FACTORS.slice(0, 4) }).protect.level).toBe('D');
    // all 10 factors (20) + ROSH high (20) + MAPPA 1 (5) + women's 6 = 51: still B, short of 150
    expect(calculateTier({ rosh: 'high', mappaLevel: 1, complexityFactors: [...COMPLEXITY_FACTORS], female: true, womenFactors: [...WOMEN_FACTORS] }).protect).toMatchObject({ points: 51, level: 'B' });
    expect(calculateTier({ rosh: 'medium', mappaLevel: 3 }).protect).toMatchObject({ points: 160, level: 'A' });
  });

  it('draws the change boundaries at 10 and 20', () => {
    const severe = Object.fromEntries(NEEDS.map((n) => [n, 'severe'])) as Record<(typeof NEEDS)[number], 'severe'>;
    // every need severe: (6 x 1 + 2 x 2) x 2 = 20 -> 3
    expect(calculateTier({ assessment: { needs: severe } }).change).toMatchObject({ points: 20, level: 3 });
    // thinking & behaviour severe (4) + attitudes severe (4) + OGRS 19% (1) = 9 -> 1; OGRS 20% (2) = 10 -> 2
    const needs = { thinkingAndBehaviour: 'severe', attitudes: 'severe' } as const;
    expect(calculateTier({ assessment: { needs, ogrs: 19 } }).change).toMatchObject({ points: 9, level: 1 });
    expect(calculateTier({ assessment: { needs, ogrs: 20 } }).change).toMatchObject({ points: 10, level: 2 });
    // IOM adds 2: 9 + 2 = 11 -> 2
    expect(calculateTier({ assessment: { needs, ogrs: 19 }, integratedOffenderManagement: true }).change.points).toBe(11);
    // IOM without an assessment changes nothing: 2 by default
    expect(calculateTier({ integratedOffenderManagement: true }).change).toMatchObject({ level: 2, basis: 'noValidAssessment' });
  });
});

describe('calculateTier: every threshold of facts.md', () => {
  const protect = (a: TierAssessment, rules?: TierRules) => {
    const { points, level } = calculateTier(a, rules).protect;
    return [points, level];
  };

  it('protect 150 / 149: A from 150 points', () => {
    // MAPPA level 2 alone: 150 -> A; ROSH very high alone: 150 -> A
    expect(protect({ mappaLevel: 2 })).toEqual([150, 'A']);
    expect(protect({ rosh: 'veryHigh' })).toEqual([150, 'A']);
    // Under the default rules no record scores 149: below 150 the most is ROSH high 20 + MAPPA 1 5
    // + 10 factors x 2 = 20 + women's 3 x 2 = 6, i.e. 51 (B). With MAPPA level 2 worth 149 it is B:
    const mappa149: TierRules = { ...UTM_V2_RULES, mappa: { level1: 5, level2: 149, level3: 150 } };
    expect(protect({ mappaLevel: 2 }, mappa149)).toEqual([149, 'B']);
    expect(protect({ mappaLevel: 3 }, mappa149)).toEqual([150, 'A']);
    const most: TierAssessment = { rosh: 'high', mappaLevel: 1, complexityFactors: [...COMPLEXITY_FACTORS], female: true, womenFactors: [...WOMEN_FACTORS] };
    expect(protect(most)).toEqual([51, 'B']);
  });

  it('protect 20 / 19: B from 20 points', () => {
    // ROSH high: 20 -> B; RSR 7%: 20 -> B
    expect(protect({ rosh: 'high' })).toEqual([20, 'B']);
    expect(protect({ rsr: 7 })).toEqual([20, 'B']);
    // RSR 3% 10 + MAPPA 1 5 + 2 factors 4 = 19 -> C
    expect(protect({ rsr: 3, mappaLevel: 1, complexityFactors: ['mentalHealth', 'terrorism'] })).toEqual([19, 'C']);
  });

  it('protect 10 / 9: C from 10 points', () => {
    // ROSH medium: 10 -> C; 5 complexity factors: 5 x 2 = 10 -> C
    expect(protect({ rosh: 'medium' })).toEqual([10, 'C']);
    expect(protect({ complexityFactors: COMPLEXITY_FACTORS.slice(0, 5) })).toEqual([10, 'C']);
    // MAPPA 1 5 + 2 factors 4 = 9 -> D
    expect(protect({ mappaLevel: 1, complexityFactors: ['adultAtRisk', 'streetGangs'] })).toEqual([9, 'D']);
  });

  it('RSR 7.0 / 6.99 / 3.0 / 2.99: 20, 10, 10 and 0 points', () => {
    const rsrPoints = (rsr: number) => calculateTier({ rsr }).protect.parts.rsr;
    expect([7, 6.99, 3, 2.99].map(rsrPoints)).toEqual([20, 10, 10, 0]);
    // and the levels they give alone: 20 B, 10 C, 10 C, 0 D
    expect([7, 6.99, 3, 2.99].map((rsr) => calculateTier({ rsr }).protect.level)).toEqual(['B', 'C', 'C', 'D']);
    // ROSH and RSR: the larger counts, not the sum: max(RSR 7% 20, ROSH medium 10) = 20
    expect(calculateTier({ rsr: 7, rosh: 'medium' }).protect.parts.riskOfHarm).toBe(20);
  });

  const severe = Object.fromEntries(NEEDS.map((n) => [n, 'severe'])) as Record<(typeof NEEDS)[number], 'severe'>;

  it('change 20 / 19: level 3 from 20 points', () => {
    // every need severe: 6 needs x 1 x 2 = 12 + 2 needs x 2 x 2 = 8: 20 -> 3
    expect(calculateTier({ assessment: { needs: severe } }).change).toMatchObject({ points: 20, level: 3 });
    // accommodation standard instead: 20 - 1 = 19 -> 2
    expect(calculateTier({ assessment: { needs: { ...severe, accommodation: 'standard' } } }).change).toMatchObject({ points: 19, level: 2 });
    // the contributions behind 19: accommodation 1 x 1, attitudes 2 x 2, …
    const parts = calculateTier({ assessment: { needs: { ...severe, accommodation: 'standard' } } }).change.parts;
    expect(parts?.byNeed).toMatchObject({ accommodation: 1, attitudes: 4, thinkingAndBehaviour: 4, drugMisuse: 2 });
  });

  it('change 10 / 9: level 2 from 10 points', () => {
    // thinking & behaviour severe 2 x 2 = 4 + attitudes severe 4 + floor(20 / 10) = 2: 10 -> 2
    const needs = { thinkingAndBehaviour: 'severe', attitudes: 'severe' } as const;
    expect(calculateTier({ assessment: { needs, ogrs: 20 } }).change).toMatchObject({ points: 10, level: 2 });
    // OGRS 19.99%: floor 1, so 9 -> 1
    expect(calculateTier({ assessment: { needs, ogrs: 19.99 } }).change).toMatchObject({ points: 9, level: 1 });
    // IOM adds 2: 9 + 2 = 11 -> 2
    expect(calculateTier({ assessment: { needs, ogrs: 19 }, integratedOffenderManagement: true }).change).toMatchObject({ points: 11, level: 2 });
  });

  it('OGRS in tens: floor(OGRS / 10) change points', () => {
    const ogrsPoints = (ogrs: number) => calculateTier({ assessment: { needs: {}, ogrs } }).change.parts?.ogrs;
    // 0 -> 0, 9.99 -> 0, 10 -> 1, 19.99 -> 1, 20 -> 2, … 90 -> 9, 99.99 -> 9, 100 -> 10
    const scores = [0, 9.99, 10, 19.99, 20, 29.99, 30, 40, 50, 60, 70, 80, 90, 99.99, 100];
    expect(scores.map(ogrsPoints)).toEqual([0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 9, 10]);
    // OGRS alone reaches level 2 only at 100%: 10 points; 99.99% gives 9 -> 1
    expect(calculateTier({ assessment: { needs: {}, ogrs: 100 } }).change.level).toBe(2);
    expect(calculateTier({ assessment: { needs: {}, ogrs: 99.99 } }).change.level).toBe(1);
  });

  it('takes other rules: every threshold and weight is configurable', () => {
    const stricter: TierRules = {
      ...UTM_V2_RULES,
      rsr: { mediumFrom: 2, mediumPoints: 12, highFrom: 6, highPoints: 25 },
      protectLevels: { C: 12, B: 25, A: 150 },
      needWeights: { ...UTM_V2_RULES.needWeights, accommodation: 3 },
      ogrsDivisor: 20,
      changeLevels: { level2: 8, level3: 16 },
    };
    // RSR 6% -> 25 -> B (the defaults: 10 -> C)
    expect(calculateTier({ rsr: 6 }, stricter).protect).toMatchObject({ points: 25, level: 'B' });
    // accommodation severe 3 x 2 = 6 + floor(45 / 20) = 2: 8 -> level 2 (the defaults: 2 + 4 = 6 -> 1)
    expect(calculateTier({ assessment: { needs: { accommodation: 'severe' }, ogrs: 45 } }, stricter).change).toMatchObject({ points: 8, level: 2 });
    expect(calculateTier({ assessment: { needs: { accommodation: 'severe' }, ogrs: 45 } }).change).toMatchObject({ points: 6, level: 1 });
  });
});

const assessmentArbitrary: fc.Arbitrary<TierAssessment> = fc.record(
  {
    rsr: fc.double({ min: 0, max: 100, noNaN: true }),
    rosh: fc.constantFrom(...ROSH_LEVELS),
    mappaLevel: fc.integer({ min: 0, max: 3 }),
    complexityFactors: fc.subarray([...COMPLEXITY_FACTORS]),
    female: fc.boolean(),
    womenFactors: fc.subarray([...WOMEN_FACTORS]),
    mandateForChange: fc.boolean(),
    assessment: fc.record(
      {
        needs: fc.dictionary(fc.constantFrom(...NEEDS), fc.constantFrom(...NEED_SEVERITIES)),
        ogrs: fc.double({ min: 0, max: 100, noNaN: true }),
      },
      { requiredKeys: ['needs'] },
    ),
    integratedOffenderManagement: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('calculateTier: properties', () => {
  test.prop([fc.array(assessmentArbitrary, { maxLength: 40 })])('the columnar path gives the same tiers as the object path', (people) => {
    const tiers = calculateTiers(columnsOf(people));
    expect([...tiers].map((t) => TIERS[t])).toEqual(people.map((p) => calculateTier(p).tier));
  });

  test.prop([assessmentArbitrary, fc.constantFrom(...COMPLEXITY_FACTORS)])('one more complexity factor never lowers the protect level', (a, factor) => {
    const more = { ...a, complexityFactors: [...new Set([...(a.complexityFactors ?? []), factor])] };
    // A = 0 … D = 3 in PROTECT_LEVELS order: a higher risk is a smaller index
    const rank = (x: TierAssessment) => 'ABCD'.indexOf(calculateTier(x).protect.level);
    expect(rank(more)).toBeLessThanOrEqual(rank(a));
    expect(calculateTier(more).protect.points).toBeGreaterThanOrEqual(calculateTier(a).protect.points);
  });

  test.prop([assessmentArbitrary, fc.constantFrom(...NEEDS)])('a more severe need never lowers the change level', (a, need) => {
    const assessment = a.assessment ?? { needs: {} };
    const before = { ...a, mandateForChange: true, assessment };
    const after = { ...before, assessment: { ...assessment, needs: { ...assessment.needs, [need]: 'severe' } } };
    expect(calculateTier(after).change.level).toBeGreaterThanOrEqual(calculateTier(before).change.level);
  });
});

/** Valid rules: points rising with risk, thresholds in order. */
const rulesArbitrary: fc.Arbitrary<TierRules> = fc
  .record({
    rsr: fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 })),
    rosh: fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 4, maxLength: 4 }),
    mappa: fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 3, maxLength: 3 }),
    complexityFactor: fc.integer({ min: 0, max: 999 }),
    womenFactor: fc.integer({ min: 0, max: 999 }),
    protectLevels: fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 3, maxLength: 3 }),
    needWeights: fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 8, maxLength: 8 }),
    ogrsDivisor: fc.integer({ min: 1, max: 100 }),
    integratedOffenderManagement: fc.integer({ min: 0, max: 999 }),
    changeLevels: fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 2, maxLength: 2 }),
  })
  .map((r): TierRules => {
    const up = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const [mediumFrom, highFrom] = up([r.rsr[0], r.rsr[1]]) as [number, number];
    const [mediumPoints, highPoints] = up([r.rsr[2], r.rsr[3]]) as [number, number];
    const [low, medium, high, veryHigh] = up(r.rosh) as [number, number, number, number];
    const [level1, level2, level3] = up(r.mappa) as [number, number, number];
    const [C, B, A] = up(r.protectLevels) as [number, number, number];
    const [l2, l3] = up(r.changeLevels) as [number, number];
    return {
      rsr: { mediumFrom, mediumPoints, highFrom, highPoints },
      rosh: { low, medium, high, veryHigh },
      mappa: { level1, level2, level3 },
      complexityFactor: r.complexityFactor,
      womenFactor: r.womenFactor,
      protectLevels: { C, B, A },
      needWeights: Object.fromEntries(NEEDS.map((need, k) => [need, r.needWeights[k] as number])) as TierRules['needWeights'],
      ogrsDivisor: r.ogrsDivisor,
      integratedOffenderManagement: r.integratedOffenderManagement,
      changeLevels: { level2: l2, level3: l3 },
    };
  });

/** One risk input raised: a higher RSR, ROSH or MAPPA level, one more factor, or registered as a woman. */
const raiseArbitrary: fc.Arbitrary<(a: TierAssessment) => TierAssessment> = fc.oneof(
  fc.double({ min: 0, max: 100, noNaN: true }).map((extra) => (a: TierAssessment) => ({ ...a, rsr: Math.min(100, (a.rsr ?? 0) + extra) })),
  fc.constant((a: TierAssessment) => ({ ...a, rosh: ROSH_LEVELS[Math.min(4, ROSH_LEVELS.indexOf(a.rosh ?? 'none') + 1)] })),
  fc.constant((a: TierAssessment) => ({ ...a, mappaLevel: Math.min(3, (a.mappaLevel ?? 0) + 1) })),
  fc.constantFrom(...COMPLEXITY_FACTORS).map((f) => (a: TierAssessment) => ({ ...a, complexityFactors: [...new Set([...(a.complexityFactors ?? []), f])] })),
  fc.constantFrom(...WOMEN_FACTORS).map((f) => (a: TierAssessment) => ({ ...a, womenFactors: [...new Set([...(a.womenFactors ?? []), f])] })),
  fc.constant((a: TierAssessment) => ({ ...a, female: true })),
);

describe('calculateTier: risk never lowers protection', () => {
  // A = 0 … D = 3 in PROTECT_LEVELS order: a higher risk is a smaller index
  const rank = (a: TierAssessment, rules?: TierRules) => 'ABCD'.indexOf(calculateTier(a, rules).protect.level);

  test.prop([assessmentArbitrary, raiseArbitrary])('raising any risk input never lowers the protect level (default rules)', (a, raise) => {
    const raised = raise(a);
    expect(rank(raised)).toBeLessThanOrEqual(rank(a));
    expect(calculateTier(raised).protect.points).toBeGreaterThanOrEqual(calculateTier(a).protect.points);
  });

  test.prop([assessmentArbitrary, raiseArbitrary, rulesArbitrary])('nor under any valid rules', (a, raise, rules) => {
    expect(rank(raise(a), rules)).toBeLessThanOrEqual(rank(a, rules));
  });

  test.prop([fc.array(assessmentArbitrary, { maxLength: 20 }), rulesArbitrary])('the columnar path follows the same rules', (people, rules) => {
    expect([...calculateTiers(columnsOf(people), rules)].map((t) => TIERS[t])).toEqual(people.map((p) => calculateTier(p, rules).tier));
  });
});

describe('calculateTier: bad input', () => {
  it('refuses wrong values with INVALID_INPUT and the field path', () => {
    const expectations: [unknown, string][] = [
      [{ rosh: 'extreme' }, 'assessment.rosh'],
      [{ rsr: Number.NaN }, 'assessment.rsr'],
      [{ rsr: 101 }, 'assessment.rsr'],
      [{ rsr: '5' }, 'assessment.rsr'],
      [{ mappaLevel: 4 }, 'assessment.mappaLevel'],
      [{ mappaLevel: 1.5 }, 'assessment.mappaLevel'],
      [{ complexityFactors: ['mentalHealth', 'mentalHealth'] }, 'assessment.complexityFactors[1]'],
      [{ complexityFactors: ['astrology'] }, 'assessment.complexityFactors[0]'],
      [{ assessment: { needs: { gambling: 'severe' } } }, 'assessment.assessment.needs'],
      [{ assessment: { needs: { drugMisuse: 'extreme' } } }, 'assessment.assessment.needs.drugMisuse'],
      [{ assessment: { needs: {}, ogrs: -1 } }, 'assessment.assessment.ogrs'],
      [{ colour: 'blue' }, 'assessment'],
      [null, 'assessment'],
    ];
    for (const [input, path] of expectations) {
      const error = errorOf(() => calculateTier(input as never));
      expect([error.code, error.path]).toEqual(['INVALID_INPUT', path]);
    }
  });

  it('refuses rules that are out of range or fall as risk rises, with their path', () => {
    const expectations: [TierRules, string][] = [
      [{ ...UTM_V2_RULES, rosh: { low: 0, medium: 10, high: 5, veryHigh: 150 } }, 'rules.rosh.high'],
      [{ ...UTM_V2_RULES, mappa: { level1: 5, level2: 150, level3: 100 } }, 'rules.mappa.level3'],
      [{ ...UTM_V2_RULES, protectLevels: { C: 10, B: 200, A: 150 } }, 'rules.protectLevels.A'],
      [{ ...UTM_V2_RULES, rsr: { mediumFrom: 7, mediumPoints: 10, highFrom: 3, highPoints: 20 } }, 'rules.rsr.highFrom'],
      [{ ...UTM_V2_RULES, changeLevels: { level2: 20, level3: 10 } }, 'rules.changeLevels.level3'],
      [{ ...UTM_V2_RULES, ogrsDivisor: 0 }, 'rules.ogrsDivisor'],
      [{ ...UTM_V2_RULES, complexityFactor: 2.5 }, 'rules.complexityFactor'],
      [{ ...UTM_V2_RULES, womenFactor: Number.NaN }, 'rules.womenFactor'],
      [{ ...UTM_V2_RULES, needWeights: { ...UTM_V2_RULES.needWeights, attitudes: 1000 } }, 'rules.needWeights.attitudes'],
      [{ ...UTM_V2_RULES, colour: 'blue' } as TierRules, 'rules'],
    ];
    for (const [rules, path] of expectations) {
      const error = errorOf(() => calculateTier({}, rules));
      expect([error.code, error.path]).toEqual(['INVALID_INPUT', path]);
      expect(errorOf(() => calculateTiers(columnsOf([{}]), rules)).path).toBe(path);
    }
  });

  it('has a safe variant for batches', () => {
    const result = safeCalculateTier({ rosh: 'extreme' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.path).toBe('assessment.rosh');
    expect(safeCalculateTier({ rosh: 'veryHigh' })).toMatchObject({ ok: true, value: { tier: 'A2' } });
  });

  it('refuses bad columns: wrong type, wrong length, a value out of range', () => {
    const good = columnsOf([{}, { rosh: 'high' }]);
    expect(errorOf(() => calculateTiers({ ...good, rsr: [0, 0] as never })).path).toBe('assessments.rsr');
    expect(errorOf(() => calculateTiers({ ...good, ogrs: new Float64Array(3) })).path).toBe('assessments.ogrs');
    expect(errorOf(() => calculateTiers({ ...good, needSeverity: new Uint8Array(8) })).path).toBe('assessments.needSeverity');
    expect(errorOf(() => calculateTiers({ ...good, roshIndex: Uint8Array.of(0, 5) })).path).toBe('assessments.roshIndex[1]');
    expect(errorOf(() => calculateTiers({ ...good, rsr: Float64Array.of(0, Number.NaN) })).path).toBe('assessments.rsr[1]');
    expect(errorOf(() => calculateTiers({ ...good, complexityFactors: Uint16Array.of(1024, 0) })).path).toBe('assessments.complexityFactors[0]');
    const severity = new Uint8Array(16);
    severity[9] = 3;
    expect(errorOf(() => calculateTiers({ ...good, needSeverity: severity })).path).toBe('assessments.needSeverity[9]');
    expect(calculateTiers(columnsOf([]))).toHaveLength(0);
  });
});
