import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { PROBATION_REGIONS, RandomStream } from '../../src/index.js';
import { drawStructure, pad, split } from '../../src/caseload/synthetic-structure.js';

describe('split (largest remainder on weights, each part at least a minimum)', () => {
  it('works by hand', () => {
    // 10 x 1/4 = 2.5, 2.5, 10 x 2/4 = 5: whole parts 2, 2, 5; the one left goes to the earlier of the tied remainders.
    expect(split(10, [1, 1, 2])).toEqual([3, 2, 5]);
    // 3 each first, then the other 10 - 6 = 4 by weight 0 : 1.
    expect(split(10, [0, 1], 3)).toEqual([3, 7]);
    expect(pad(7, 3)).toBe('007');
  });

  test.prop([fc.integer({ min: 0, max: 10_000 }), fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 5 })])(
    'parts sum to the total and none is below the minimum',
    (extra, weights, minimum) => {
      const total = extra + minimum * weights.length;
      const parts = split(total, weights, minimum);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(parts.every((part) => Number.isInteger(part) && part >= minimum)).toBe(true);
    },
  );
});

describe('drawStructure (the first phase: PDUs, case-holders per PDU, teams)', () => {
  it('13 PDUs: one per region and the thirteenth in London, the largest region', () => {
    // 13 - 12 = 1 PDU shared by weights 6, 9, 10, 6, 11, 8, 7, 7, 9, 14, 8, 7 (sum 102): no whole part, largest remainder London (14/102).
    const s = drawStructure(13, 13, 10, new RandomStream(1));
    expect(s.pdus.map((d) => d.id)).toEqual(['A-01', 'B-01', 'C-01', 'D-01', 'E-01', 'F-01', 'G-01', 'H-01', 'I-01', 'J-01', 'J-02', 'K-01', 'L-01']);
    expect(s.pdus[10]).toEqual({ id: 'J-02', name: 'PDU J-02', regionId: 'J' });
    // 13 case-holders, at least one per PDU: one each, so one team of one per PDU.
    expect(s.teamCaseHolders).toEqual(new Array(13).fill(1));
    expect(s.teams.map((t) => t.id)).toEqual(s.pdus.map((d) => `${d.id}-01`));
    expect(s.teams[0]).toEqual({ id: 'A-01-01', name: 'Team A-01-01', pduId: 'A-01' });
    expect(s.teamPdu).toEqual([...s.pdus.keys()]);
  });

  it('splits a PDU of 25 case-holders into round(25 / 10) = 2 teams of 13 and 12', () => {
    // 12 PDUs, 12 x 25 = 300 case-holders; with every PDU the same size only the log-normal factors differ, so check the sums.
    const s = drawStructure(12, 300, 10, new RandomStream(3));
    s.pdus.forEach((pdu, d) => {
      const sizes = s.teamCaseHolders.filter((_, t) => s.teamPdu[t] === d);
      const holders = sizes.reduce((a, b) => a + b, 0);
      expect(sizes).toHaveLength(Math.max(1, Math.round(holders / 10)));
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(s.teams.filter((t) => t.pduId === pdu.id)).toHaveLength(sizes.length);
    });
    expect(s.teamCaseHolders.reduce((a, b) => a + b, 0)).toBe(300);
  });

  test.prop([fc.integer({ min: 12, max: 150 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 40 }), fc.integer()], { numRuns: 50 })(
    'conserves the case-holders, gives every region and PDU at least one, and is the same for a seed',
    (pduCount, extra, teamSize, seed) => {
      const caseHolders = pduCount + extra;
      const s = drawStructure(pduCount, caseHolders, teamSize, new RandomStream(seed));
      expect(s.pdus).toHaveLength(pduCount);
      expect(new Set(s.pdus.map((d) => d.regionId)).size).toBe(PROBATION_REGIONS.length);
      expect(s.teamCaseHolders.reduce((a, b) => a + b, 0)).toBe(caseHolders);
      const perPdu = new Array<number>(pduCount).fill(0);
      s.teamPdu.forEach((d, t) => (perPdu[d] = (perPdu[d] as number) + (s.teamCaseHolders[t] as number)));
      expect(perPdu.every((n) => n >= 1)).toBe(true);
      expect(new Set(s.teams.map((t) => t.id)).size).toBe(s.teams.length);
      expect(drawStructure(pduCount, caseHolders, teamSize, new RandomStream(seed))).toEqual(s);
    },
  );
});
