import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { NEED_AREAS, RandomStream, TIERS, synthesiseNeeds } from '../../src/index.js';
import { calculateTiers, type TierAssessmentColumns } from '../../src/columnar.js';
import { NEED_PREVALENCE } from '../../src/constants.js';
import { expectWorkloadError } from '../contracts/fixtures.js';

/** People with no risk registered (protect D), a mandate when their change level is above 0, an assessment, and the synthetic needs. */
function columnsOf(changeLevel: Uint8Array, needSeverity: Uint8Array, ogrs: Float64Array): TierAssessmentColumns {
  const n = changeLevel.length;
  return {
    rsr: new Float64Array(n), roshIndex: new Uint8Array(n), mappaLevel: new Uint8Array(n), complexityFactors: new Uint16Array(n),
    female: new Uint8Array(n), womenFactors: new Uint8Array(n), mandateForChange: changeLevel.map((l) => (l > 0 ? 1 : 0)),
    assessed: new Uint8Array(n).fill(1), needSeverity, ogrs, integratedOffenderManagement: new Uint8Array(n),
  };
}

describe('synthesiseNeeds', () => {
  test.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 200 }), fc.integer(), fc.integer({ min: 0, max: 100 })])(
    "every person's needs give the change level their tier says, and the same seed gives the same needs",
    (people, seed, severePercent) => {
      const changeLevel = Uint8Array.from(people, ([l]) => l);
      const caseTypeIndex = Uint8Array.from(people, ([, c]) => c);
      const s = synthesiseNeeds({ changeLevel, caseTypeIndex, seed, severePercent });
      // protect D with no risk; the change level from the tier calculation: D3 ... D0
      expect([...calculateTiers(columnsOf(changeLevel, s.needSeverity, s.ogrs))].map((t) => TIERS[t])).toEqual(people.map(([l]) => `D${l}`));
      expect(s.ogrs.every((g) => Number.isInteger(g) && g >= 0 && g <= 100)).toBe(true);
      expect(synthesiseNeeds({ changeLevel, caseTypeIndex, seed, severePercent })).toEqual(s);
    },
  );

  it('meets the prevalence targets within 2.5 percentage points for 20,000 people of a realistic tier mix', () => {
    // change levels 0 5%, 1 30%, 2 45%, 3 20%; 60% community, 20% licence, 20% custody (about 4,000 people)
    const rng = new RandomStream(3);
    const n = 20_000;
    const changeLevel = Uint8Array.from({ length: n }, () => { const u = rng.uniform(); return u < 0.05 ? 0 : u < 0.35 ? 1 : u < 0.8 ? 2 : 3; });
    const caseTypeIndex = Uint8Array.from({ length: n }, () => { const u = rng.uniform(); return u < 0.6 ? 0 : u < 0.8 ? 1 : 2; });
    const s = synthesiseNeeds({ changeLevel, caseTypeIndex, seed: 5 });
    for (const area of NEED_AREAS) {
      expect(s.prevalence[area].community.target).toBe(NEED_PREVALENCE[area].community);
      expect(Math.abs(s.prevalence[area].community.achieved - NEED_PREVALENCE[area].community)).toBeLessThanOrEqual(2.5);
      expect(Math.abs(s.prevalence[area].custody.achieved - NEED_PREVALENCE[area].custody)).toBeLessThanOrEqual(2.5);
    }
    // without recalibration the change levels pull prevalence further off: the rounds are doing the work
    const once = synthesiseNeeds({ changeLevel, caseTypeIndex, seed: 5, calibrationRounds: 0 });
    const worst = (x: typeof s) => Math.max(...NEED_AREAS.flatMap((a) => [Math.abs(x.prevalence[a].community.achieved - x.prevalence[a].community.target), Math.abs(x.prevalence[a].custody.achieved - x.prevalence[a].custody.target)]));
    expect(worst(once)).toBeGreaterThan(worst(s));
  });

  it('refuses bad input with the path', () => {
    const ok = { changeLevel: Uint8Array.of(1, 2), caseTypeIndex: Uint8Array.of(0, 2), seed: 1 };
    expectWorkloadError(() => synthesiseNeeds({ ...ok, changeLevel: Uint8Array.of(1, 4) }), 'INVALID_INPUT', 'input.changeLevel[1]');
    expectWorkloadError(() => synthesiseNeeds({ ...ok, caseTypeIndex: Uint8Array.of(3, 0) }), 'INVALID_INPUT', 'input.caseTypeIndex[0]');
    expectWorkloadError(() => synthesiseNeeds({ ...ok, caseTypeIndex: Uint8Array.of(0) }), 'INVALID_INPUT', 'input.caseTypeIndex');
    expectWorkloadError(() => synthesiseNeeds({ ...ok, prevalence: { gambling: { community: 1, custody: 1 } } as never }), 'INVALID_INPUT', 'input.prevalence');
    expectWorkloadError(() => synthesiseNeeds({ ...ok, prevalence: { finance: { community: 101, custody: 1 } } }), 'INVALID_INPUT', 'input.prevalence.finance.community');
    expectWorkloadError(() => synthesiseNeeds({ ...ok, severePercent: -1 }), 'INVALID_INPUT', 'input.severePercent');
    expectWorkloadError(() => synthesiseNeeds({ ...ok, seed: 1.5 }), 'INVALID_INPUT', 'input.seed');
  });
});
