import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { commissionedAgainstNeed, projectVolumes, volumeBands } from '../../src/index.js';
import { type ContractTermsInput } from '../../src/types.js';
import { PRICING, RULES, expectWorkloadError, fixedContract } from './fixtures.js';

/** A one-year fixed-price contract for `referrals` referrals worth `value` pence. */
const contract = (id: string, region: string, pathway: string, referrals: number, value: number): ContractTermsInput => ({
  ...fixedContract(id, value, { region, pathway }),
  years: [{ year: 1, projectedVolume: referrals, bands: [{ band: 1, lowVolume: 0, highVolume: referrals, value }] }],
});

describe('projectVolumes from eligible people', () => {
  it('takes the share from the caseload: eligible people / historical caseload, exactly', () => {
    // 1,234 eligible of 10,000 cases = 12.34%; growth +3%: 10,300 x 0.1234 = 1,271.02 -> 1,271
    const p = projectVolumes({ historicalCaseload: 10_000, eligiblePeople: 1_234, growthBpByYear: [300] });
    expect(p.volumes).toEqual([1_271]);
    expect([p.eligibilityBp, p.eligiblePeople]).toEqual([1_234, 1_234]);
    // 1 of 3 is not a whole number of basis points: 3,333.3 shown as 3,333, the arithmetic exact:
    // 300,000 x 1/3 = 100,000 exactly (3,333 bp would give 99,990)
    const third = projectVolumes({ historicalCaseload: 300_000, eligiblePeople: 100_000, growthBpByYear: [0] });
    expect([third.eligibilityBp, third.volumes[0]]).toEqual([3_333, 100_000]);
    // an assumed share still works, and says it had no count
    expect(projectVolumes({ historicalCaseload: 100, eligibilityBp: 5_000, growthBpByYear: [0] }).eligiblePeople).toBeNull();
    // nobody in the caseload: nobody eligible
    expect(projectVolumes({ historicalCaseload: 0, eligiblePeople: 0, growthBpByYear: [100] }).volumes).toEqual([0]);
  });

  it('takes exactly one of the share and the count; never more eligible than the caseload', () => {
    const ok = { historicalCaseload: 1_000, growthBpByYear: [0] };
    expectWorkloadError(() => projectVolumes(ok), 'INVALID_INPUT', 'input.eligibilityBp');
    expectWorkloadError(() => projectVolumes({ ...ok, eligibilityBp: 100, eligiblePeople: 10 }), 'INVALID_INPUT', 'input.eligiblePeople');
    expectWorkloadError(() => projectVolumes({ ...ok, eligiblePeople: 1_001 }), 'INVALID_INPUT', 'input.eligiblePeople');
    expectWorkloadError(() => projectVolumes({ ...ok, eligiblePeople: -1 }), 'INVALID_INPUT', 'input.eligiblePeople');
    expectWorkloadError(() => projectVolumes({ ...ok, eligiblePeople: 2.5 }), 'INVALID_INPUT', 'input.eligiblePeople');
  });

  test.prop([fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 10_000 }), fc.array(fc.integer({ min: -1_000, max: 1_000 }), { minLength: 1, maxLength: 4 })])(
    'a count equal to a whole-basis-point share gives the same volumes; one more eligible never lowers them',
    (caseload, bp, growthBpByYear) => {
      const historicalCaseload = caseload * 10_000;
      const byShare = projectVolumes({ historicalCaseload, eligibilityBp: bp, growthBpByYear });
      const byCount = projectVolumes({ historicalCaseload, eligiblePeople: caseload * bp, growthBpByYear });
      expect(byCount.volumes).toEqual(byShare.volumes);
      if (caseload * bp < historicalCaseload) {
        const more = projectVolumes({ historicalCaseload, eligiblePeople: caseload * bp + 1, growthBpByYear });
        more.volumes.forEach((v, y) => expect(v).toBeGreaterThanOrEqual(byCount.volumes[y] as number));
      }
    },
  );
});

describe('commissionedAgainstNeed', () => {
  it('worked example: coverage by region and pathway, flags, and the budget cut', () => {
    const contracts = [
      contract('NE-ACC', 'North East', 'accommodation', 300, 15_000_000), // 300 referrals, £150,000
      contract('L-ACC', 'London', 'accommodation', 900, 45_000_000), // 900, £450,000
      contract('L-PWB', 'London', 'personal wellbeing', 500, 10_000_000), // 500, £100,000
      contract('W-PWB', 'Wales', 'personal wellbeing', 50, 1_000_000), // Wales has no eligible row
    ];
    const eligible = [
      { region: 'North East', pathway: 'accommodation', people: 400 },
      { region: 'London', pathway: 'accommodation', people: 1_000 },
      { region: 'London', pathway: 'personal wellbeing', people: 450 },
      { region: 'North East', pathway: 'personal wellbeing', people: 200 }, // nothing commissioned
    ];
    // budget £567,000 for £710,000 of contracts, pro rata: shares of 56,700,000 by value (15 : 45 : 10 : 1):
    // 56,700,000 x 15 / 71 = 11,978,873.2 ; x 45 / 71 = 35,936,619.7 ; x 10 / 71 = 7,985,915.5 ; x 1 / 71 = 798,591.5
    // floors sum to 56,699,998; the 2 pence left go to the largest remainders (.718 and .549):
    // 11,978,873 + 35,936,620 + 7,985,915 + 798,592 = 56,700,000
    const c = commissionedAgainstNeed({ contracts, eligible, minimumCoveragePercent: 80, budget: 56_700_000 });
    expect(c.byRegion.map((r) => [r.region, r.pathway, r.eligible, r.commissioned, r.coverageBp, r.belowMinimum])).toEqual([
      ['North East', 'accommodation', 400, 300, 7_500, true], // 300 / 400 = 75% < 80%
      ['London', 'accommodation', 1_000, 900, 9_000, false], // 90%
      ['London', 'personal wellbeing', 450, 500, 11_111, false], // 111.11%: more than the need
      ['North East', 'personal wellbeing', 200, 0, 0, true], // nothing commissioned for 200 people
      ['Wales', 'personal wellbeing', 0, 50, null, false], // contracts but nobody eligible: returned, not dropped
    ]);
    expect(c.flagged.map((r) => `${r.region} ${r.pathway}`)).toEqual(['North East accommodation', 'North East personal wellbeing']);
    // funded after the cut: 300 x 11,978,873 / 15,000,000 = 239.58 -> 239; 900 x 35,936,620 / 45,000,000 = 718.73 -> 718;
    // 500 x 7,985,915 / 10,000,000 = 399.30 -> 399; 50 x 798,592 / 1,000,000 = 39.93 -> 39
    expect(c.byRegion.map((r) => r.afterBudget?.funded)).toEqual([239, 718, 399, 0, 39]);
    // London accommodation 718 / 1,000 = 71.8% and London PWB 399 / 450 = 88.67%: only the first falls below 80%
    expect(c.fallingBelowMinimum.map((r) => `${r.region} ${r.pathway}`)).toEqual(['London accommodation']);
    // national: accommodation 1,200 commissioned for 1,400 (85.71%) -> 957 (68.36%); PWB 550 for 650 (84.61%) -> 438
    expect(c.byPathway.map((p) => [p.pathway, p.eligible, p.commissioned, p.coverageBp, p.afterBudget?.funded, p.afterBudget?.coverageBp])).toEqual([
      ['accommodation', 1_400, 1_200, 8_571, 957, 6_835],
      ['personal wellbeing', 650, 550, 8_461, 438, 6_738],
    ]);
    expect(c.pathwaysLosingCoverage).toEqual(['accommodation', 'personal wellbeing']);
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });

  it('reads the band at the projected volume, year by year, and no budget means no cut', () => {
    // 400, 420, 441 projected at 4 bands: the band at the projection is 90-100%, so its high volume is the projection
    const banded = volumeBands({ id: 'L', region: 'London', pathway: 'accommodation', vcse: true, projectedVolumes: [400, 420, 441], pricing: PRICING }, RULES);
    const c = commissionedAgainstNeed({ contracts: [banded], eligible: [{ region: 'London', pathway: 'accommodation', people: 500 }], minimumCoveragePercent: 85, year: 3 });
    // year 3: 441 / 500 = 88.2% >= 85%
    expect(c.byRegion[0]).toMatchObject({ commissioned: 441, coverageBp: 8_820, belowMinimum: false, afterBudget: null });
    expect([c.budget, c.pathwaysLosingCoverage, c.fallingBelowMinimum]).toEqual([null, [], []]);
    // year 4 is beyond the contract: nothing commissioned
    expect(commissionedAgainstNeed({ contracts: [banded], eligible: [], minimumCoveragePercent: 0, year: 4 }).byRegion[0]?.commissioned).toBe(0);
  });

  it('refuses coverage thresholds outside 0-100%, repeated pairs, bad contracts', () => {
    const ok = { contracts: [contract('A', 'Wales', 'accommodation', 10, 1_000)], eligible: [{ region: 'Wales', pathway: 'accommodation', people: 10 }], minimumCoveragePercent: 50 };
    expectWorkloadError(() => commissionedAgainstNeed({ ...ok, minimumCoveragePercent: 101 }), 'INVALID_INPUT', 'input.minimumCoveragePercent');
    expectWorkloadError(() => commissionedAgainstNeed({ ...ok, minimumCoveragePercent: -1 }), 'INVALID_INPUT', 'input.minimumCoveragePercent');
    expectWorkloadError(() => commissionedAgainstNeed({ ...ok, minimumCoveragePercent: Number.NaN }), 'INVALID_INPUT', 'input.minimumCoveragePercent');
    expectWorkloadError(() => commissionedAgainstNeed({ ...ok, eligible: [...ok.eligible, ...ok.eligible] }), 'INVALID_INPUT', 'input.eligible[1]');
    expectWorkloadError(() => commissionedAgainstNeed({ ...ok, eligible: [{ region: 'Wales', pathway: 'accommodation', people: -3 }] }), 'INVALID_INPUT', 'input.eligible[0].people');
    expectWorkloadError(() => commissionedAgainstNeed({ ...ok, contracts: [...ok.contracts, ...ok.contracts] }), 'DUPLICATE_ID', 'input.contracts[1].id');
    expectWorkloadError(() => commissionedAgainstNeed({ ...ok, year: 0 }), 'INVALID_INPUT', 'input.year');
    expectWorkloadError(() => commissionedAgainstNeed({ ...ok, budget: -1 }), 'INVALID_INPUT', 'input.budget');
  });

  test.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 3_000 })), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 10_000 })])(
    'national rows total the regions; a budget cut never raises funded volume; flags agree with the ratio',
    (rows, minimumCoveragePercent, budgetBp) => {
      const contracts = rows.map(([referrals, value], i) => contract(`C${i}`, `R${i}`, i % 2 === 0 ? 'accommodation' : 'personal wellbeing', referrals, value));
      const eligible = rows.map(([, , people], i) => ({ region: `R${i}`, pathway: i % 2 === 0 ? 'accommodation' : 'personal wellbeing', people }));
      const total = rows.reduce((s, [, v]) => s + v, 0);
      const c = commissionedAgainstNeed({ contracts, eligible, minimumCoveragePercent, budget: Math.floor((total * budgetBp) / 10_000) });
      for (const p of c.byPathway) {
        const members = c.byRegion.filter((r) => r.pathway === p.pathway);
        expect(p.commissioned).toBe(members.reduce((s, r) => s + r.commissioned, 0));
        expect(p.eligible).toBe(members.reduce((s, r) => s + r.eligible, 0));
      }
      for (const r of [...c.byRegion, ...c.byPathway]) {
        expect(r.afterBudget?.funded).toBeLessThanOrEqual(r.commissioned);
        expect(r.belowMinimum).toBe(r.eligible > 0 && r.commissioned * 100 < minimumCoveragePercent * r.eligible);
        if (r.coverageBp !== null) expect(r.coverageBp).toBe(Math.floor((r.commissioned * 10_000) / r.eligible));
      }
    },
  );
});
