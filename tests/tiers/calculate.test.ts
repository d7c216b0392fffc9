import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  COMPLEXITY_FACTORS,
  NEEDS,
  NEED_SEVERITIES,
  ROSH_LEVELS,
  TIERS,
  WOMEN_FACTORS,
  calculateTier,
  calculateTiers,
  safeCalculateTier,
  type TierAssessment,
  type TierAssessmentColumns,
} from '../../src/index.js';
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
    expect(result.change).toEqual({ level: 2, basis: 'assessment', points: 10, parts: { needs: 4, ogrs: 6, integratedOffenderManagement: 0 } });
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
