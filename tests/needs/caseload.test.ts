import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { NEED_AREAS, TIERS, generateNationalCaseload } from '../../src/index.js';
import { calculateTiers, needsAnalysisColumns, synthesiseCaseloadNeeds, type TierAssessmentColumns } from '../../src/columnar.js';
import { DEFAULT_FEMALE_PERCENT, NEED_PREVALENCE } from '../../src/constants.js';
import { expectWorkloadError } from '../contracts/fixtures.js';

const hash = (values: ArrayLike<number>) => createHash('sha256').update(Uint8Array.from(values as ArrayLike<number>)).digest('hex');

/** The tier the calculation gives each person when nobody has a risk registered (protect D): the change level is theirs alone. */
function changeTiers(changeLevel: Uint8Array, needSeverity: Uint8Array, ogrs: Float64Array): string[] {
  const n = changeLevel.length;
  const columns: TierAssessmentColumns = {
    rsr: new Float64Array(n), roshIndex: new Uint8Array(n), mappaLevel: new Uint8Array(n), complexityFactors: new Uint16Array(n),
    female: new Uint8Array(n), womenFactors: new Uint8Array(n), mandateForChange: changeLevel.map((l) => (l > 0 ? 1 : 0)),
    assessed: new Uint8Array(n).fill(1), needSeverity, ogrs, integratedOffenderManagement: new Uint8Array(n),
  };
  return [...calculateTiers(columns)].map((t) => TIERS[t] as string);
}

describe('synthesiseCaseloadNeeds: needs for a generated caseload and its transferring cases', () => {
  const org = generateNationalCaseload({ seed: 16, practitioners: 750, pduCount: 12 }); // 20,000 cases
  const incoming = { pduIndex: Uint32Array.of(0, 11, 5), tierIndex: Uint8Array.of(0, 15, 32), caseTypeIndex: Uint8Array.of(2, 0, 1) };
  const before = hash(org.columns.cases.tierIndex);
  const s = synthesiseCaseloadNeeds(org, { seed: 3, incoming });

  it('one person a case, the transferring ones last, in the PDU each case is in', () => {
    const cases = org.generated.cases;
    expect(s.people.pduIndex.length).toBe(cases + 3);
    expect(s.incoming).toBe(3);
    expect([...s.people.pduIndex.slice(cases)]).toEqual([0, 11, 5]);
    // a held case's PDU is its practitioner's
    const p = org.columns.cases.practitionerIndex[123] as number;
    expect(s.people.pduIndex[123]).toBe(org.columns.practitioners.pduIndex[p]);
    expect(s.people.regions).toEqual(org.regions.map((r) => r.name));
    // A3 is change level 3, D0 is 0; untiered is drawn with no level (0)
    expect([...s.changeLevel.slice(cases)]).toEqual([3, 0, 0]);
    expect(s.people.needSeverity.length).toBe(NEED_AREAS.length * (cases + 3));
  });

  it("every person's needs and OGRS give the change level of their case's tier", () => {
    const tiers = changeTiers(s.changeLevel, s.people.needSeverity, s.ogrs);
    for (let i = 0; i < tiers.length; i++) if (tiers[i] !== `D${s.changeLevel[i]}`) throw new Error(`person ${i}: ${tiers[i]} for change level ${s.changeLevel[i]}`);
    // and the levels are the tiers' digits: case 0's tier
    const tier = TIERS[org.columns.cases.tierIndex[0] as number] as string;
    expect(s.changeLevel[0]).toBe(tier === 'untiered' ? 0 : Number(tier[1]));
  });

  it('reproduces the prevalence targets within 2.5 percentage points and women within 1 point (20,003 people)', () => {
    for (const area of NEED_AREAS) {
      const p = s.prevalence[area];
      expect(p.community.target).toBe(NEED_PREVALENCE[area].community);
      expect(Math.abs(p.community.achieved - p.community.target), `${area} community`).toBeLessThanOrEqual(2.5);
      expect(Math.abs(p.custody.achieved - p.custody.target), `${area} custody`).toBeLessThanOrEqual(2.5);
    }
    expect(s.women.targetPercent).toBe(DEFAULT_FEMALE_PERCENT.value);
    expect(Math.abs(s.women.achievedPercent - 15)).toBeLessThanOrEqual(1);
    const a = needsAnalysisColumns(s.people);
    expect(a.people).toBe(org.generated.cases + 3);
    expect(a.bySex.find((g) => g.key === 'female')?.people).toBe(s.people.female.reduce((n, f) => n + f, 0));
  });

  it('same seed, same people; another seed, other needs; the caseload is not touched', () => {
    const again = synthesiseCaseloadNeeds(org, { seed: 3, incoming });
    expect(hash(again.people.needSeverity)).toBe(hash(s.people.needSeverity));
    expect(hash(again.people.female)).toBe(hash(s.people.female));
    expect(again.ogrs).toEqual(s.ogrs);
    expect(hash(synthesiseCaseloadNeeds(org, { seed: 4, incoming }).people.needSeverity)).not.toBe(hash(s.people.needSeverity));
    expect(hash(org.columns.cases.tierIndex)).toBe(before);
  });

  test.prop([fc.integer({ min: 0, max: 100 }), fc.integer()], { numRuns: 10 })('women are drawn at the share asked, from their own stream', (femalePercent, seed) => {
    const small = generateNationalCaseload({ seed: 2, practitioners: 24, pduCount: 12 });
    const r = synthesiseCaseloadNeeds(small, { seed, femalePercent });
    const women = r.people.female.reduce((n, f) => n + f, 0);
    if (femalePercent === 0) expect(women).toBe(0);
    if (femalePercent === 100) expect(women).toBe(r.people.female.length);
    // the needs do not depend on the share of women
    expect(hash(r.people.needSeverity)).toBe(hash(synthesiseCaseloadNeeds(small, { seed, femalePercent: 50 }).people.needSeverity));
  });

  it('refuses bad input with the path', () => {
    const small = generateNationalCaseload({ seed: 2, practitioners: 24, pduCount: 12 });
    const ok = { pduIndex: Uint32Array.of(0), tierIndex: Uint8Array.of(0), caseTypeIndex: Uint8Array.of(0) };
    expectWorkloadError(() => synthesiseCaseloadNeeds(small, { seed: 1, incoming: { ...ok, pduIndex: Uint32Array.of(12) } }), 'INVALID_INPUT', 'options.incoming.pduIndex[0]');
    expectWorkloadError(() => synthesiseCaseloadNeeds(small, { seed: 1, incoming: { ...ok, tierIndex: Uint8Array.of(33) } }), 'INVALID_INPUT', 'options.incoming.tierIndex[0]');
    expectWorkloadError(() => synthesiseCaseloadNeeds(small, { seed: 1, incoming: { ...ok, caseTypeIndex: Uint8Array.of(3) } }), 'INVALID_INPUT', 'options.incoming.caseTypeIndex[0]');
    expectWorkloadError(() => synthesiseCaseloadNeeds(small, { seed: 1, incoming: { ...ok, tierIndex: Uint8Array.of(0, 1) } }), 'INVALID_INPUT', 'options.incoming.tierIndex');
    expectWorkloadError(() => synthesiseCaseloadNeeds(small, { seed: 1, femalePercent: 101 }), 'INVALID_INPUT', 'options.femalePercent');
    expectWorkloadError(() => synthesiseCaseloadNeeds(small, { seed: 1, prevalence: { gambling: { community: 1, custody: 1 } } as never }), 'INVALID_INPUT', 'options.prevalence');
    expectWorkloadError(() => synthesiseCaseloadNeeds(small, { seed: 1.5 }), 'INVALID_INPUT', 'options.seed');
    const tierIndex = small.columns.cases.tierIndex.slice();
    tierIndex[7] = 40;
    expectWorkloadError(() => synthesiseCaseloadNeeds({ ...small, columns: { ...small.columns, cases: { ...small.columns.cases, tierIndex } } }, { seed: 1 }), 'INVALID_INPUT', 'caseload.columns.cases.tierIndex[7]');
    expectWorkloadError(() => synthesiseCaseloadNeeds({} as never, { seed: 1 }), 'INVALID_INPUT', 'caseload.name');
  });
});
