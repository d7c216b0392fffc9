import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { NEED_AREAS, TIERS, calculateTier } from '../../src/index.js';
import { calculateTiers, type TierAssessmentColumns } from '../../src/columnar.js';
import { NEEDS, NEED_SEVERITIES, OASYS_SECTIONS, UTM_V2_RULES } from '../../src/constants.js';
import { needSeveritiesSchema, type NeedSeverities, type TierRules } from '../../src/schemas.js';
import { errorOf } from '../helpers.js';

/** n people with no risk registered, a mandate for change and a valid assessment, needs in a ten-wide column. */
function tenWide(needs: readonly NeedSeverities[], ogrs = 0): TierAssessmentColumns {
  const n = needs.length;
  const needSeverity = new Uint8Array(10 * n);
  needs.forEach((person, i) => NEED_AREAS.forEach((area, k) => (needSeverity[i * 10 + k] = NEED_SEVERITIES.indexOf(person[area] ?? 'none'))));
  return {
    rsr: new Float64Array(n),
    roshIndex: new Uint8Array(n),
    mappaLevel: new Uint8Array(n),
    complexityFactors: new Uint16Array(n),
    female: new Uint8Array(n),
    womenFactors: new Uint8Array(n),
    mandateForChange: new Uint8Array(n).fill(1),
    assessed: new Uint8Array(n).fill(1),
    needSeverity,
    ogrs: new Float64Array(n).fill(ogrs),
    integratedOffenderManagement: new Uint8Array(n),
  };
}

describe('need areas: the ten OASys sections, one schema', () => {
  it('lists the ten sections 3 to 12, the eight weighed ones among them', () => {
    expect(NEED_AREAS).toHaveLength(10);
    expect(OASYS_SECTIONS.accommodation).toBe(3);
    expect(OASYS_SECTIONS.finance).toBe(5);
    expect(OASYS_SECTIONS.emotionalWellbeing).toBe(10);
    expect(OASYS_SECTIONS.attitudes).toBe(12);
    expect(NEEDS.every((need) => NEED_AREAS.includes(need))).toBe(true);
    expect(NEED_AREAS.filter((area) => !(NEEDS as readonly string[]).includes(area))).toEqual(['finance', 'emotionalWellbeing']);
  });

  it('UTM v2 weighs finance and emotional wellbeing 0, as hmpps-tier does', () => {
    expect(UTM_V2_RULES.needWeights.finance).toBe(0);
    expect(UTM_V2_RULES.needWeights.emotionalWellbeing).toBe(0);
    // finance and emotional wellbeing severe: 0 x 2 + 0 x 2 = 0 change points; they are shown at 0
    const result = calculateTier({ assessment: { needs: { finance: 'severe', emotionalWellbeing: 'severe', accommodation: 'standard' } } });
    expect(result.change).toMatchObject({ points: 1, level: 1, parts: { needs: 1, byNeed: { finance: 0, emotionalWellbeing: 0, accommodation: 1 } } });
  });

  it('rules may weigh them: every severe area with finance 3 and emotional wellbeing 1', () => {
    const rules: TierRules = { ...UTM_V2_RULES, needWeights: { ...UTM_V2_RULES.needWeights, finance: 3, emotionalWellbeing: 1 } };
    const severe = Object.fromEntries(NEED_AREAS.map((a) => [a, 'severe'])) as NeedSeverities;
    // the defaults: 20 (finance, emotional wellbeing 0); these rules: 20 + 3 x 2 + 1 x 2 = 28
    expect(calculateTier({ assessment: { needs: severe } }).change.points).toBe(20);
    expect(calculateTier({ assessment: { needs: severe } }, rules).change.points).toBe(28);
    // the ten-wide column reads the same weights: 28 -> 3, D3 (index 12); defaults 20 -> 3 too
    expect([...calculateTiers(tenWide([severe]), rules)].map((t) => TIERS[t])).toEqual(['D3']);
    const rules2: TierRules = { ...rules, changeLevels: { level2: 10, level3: 25 } };
    // 20 under the defaults' weights < 25 -> 2; 28 -> 3
    expect(TIERS[calculateTiers(tenWide([severe]), { ...UTM_V2_RULES, changeLevels: { level2: 10, level3: 25 } })[0] as number]).toBe('D2');
    expect(TIERS[calculateTiers(tenWide([severe]), rules2)[0] as number]).toBe('D3');
  });

  it('parses needs by the one schema', () => {
    expect(needSeveritiesSchema.parse({ finance: 'standard' })).toEqual({ finance: 'standard' });
    expect(needSeveritiesSchema.safeParse({ gambling: 'severe' }).success).toBe(false);
  });

  it('refuses an unknown area, an unknown severity and a bad weight with the path', () => {
    expect(errorOf(() => calculateTier({ assessment: { needs: { gambling: 'severe' } as never } })).path).toBe('assessment.assessment.needs');
    expect(errorOf(() => calculateTier({ assessment: { needs: { finance: 'extreme' as never } } })).path).toBe('assessment.assessment.needs.finance');
    const bad = { ...UTM_V2_RULES, needWeights: { ...UTM_V2_RULES.needWeights, emotionalWellbeing: -1 } };
    expect(errorOf(() => calculateTier({}, bad)).path).toBe('rules.needWeights.emotionalWellbeing');
    const ten = tenWide([{}, {}]);
    ten.needSeverity[13] = 3;
    expect(errorOf(() => calculateTiers(ten)).path).toBe('assessments.needSeverity[13]');
    expect(errorOf(() => calculateTiers({ ...ten, needSeverity: new Uint8Array(9 * 2) })).path).toBe('assessments.needSeverity');
  });

  const needsArb: fc.Arbitrary<NeedSeverities> = fc.dictionary(fc.constantFrom(...NEED_AREAS), fc.constantFrom(...NEED_SEVERITIES));
  test.prop([fc.array(needsArb, { maxLength: 30 }), fc.integer({ min: 0, max: 100 })])('the ten-wide column gives the object path\'s tiers', (people, ogrs) => {
    const expected = people.map((needs) => calculateTier({ assessment: { needs, ogrs } }).tier);
    expect([...calculateTiers(tenWide(people, ogrs))].map((t) => TIERS[t])).toEqual(expected);
  });
});
