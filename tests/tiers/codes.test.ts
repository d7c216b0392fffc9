import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { TIERS, WorkloadError, baseTier, changeLevelOf, compareTiers, parseTier, protectLevelOf, tierRank, type Tier } from '../../src/index.js';
import { tierIndex } from '../../src/columnar.js';
import { UTM_TIERS } from '../../src/constants.js';
import { errorOf } from '../helpers.js';

describe('tier codes', () => {
  it('lists 16 UTM tiers, 16 S tiers and untiered, in a fixed index order', () => {
    expect(UTM_TIERS).toHaveLength(16);
    expect(TIERS).toHaveLength(33);
    expect(tierIndex('A3')).toBe(0);
    expect(tierIndex('D0')).toBe(15);
    expect(tierIndex('A3S')).toBe(16);
    expect(tierIndex('untiered')).toBe(32);
  });

  it('parses codes as people type them', () => {
    expect(parseTier('a3')).toBe('A3');
    expect(parseTier(' b2s ')).toBe('B2S');
    expect(parseTier('Untiered')).toBe('untiered');
  });

  it('refuses unknown codes with UNKNOWN_TIER, naming the valid ones', () => {
    for (const bad of ['E1', 'A4', '', 'A3SS', 7, null]) {
      let caught: unknown;
      try {
        parseTier(bad, 'cases[2].tier');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(WorkloadError);
      const error = caught as WorkloadError;
      expect(error.code).toBe('UNKNOWN_TIER');
      expect(error.path).toBe('cases[2].tier');
      expect(error.message).toContain('A3, A2, A1, A0');
      expect(error.message).toContain('untiered');
    }
  });

  it('splits a tier into protect and change levels', () => {
    expect(protectLevelOf('B3S')).toBe('B');
    expect(changeLevelOf('D0')).toBe(0);
    expect(baseTier('C1S')).toBe('C1');
    expect(protectLevelOf('untiered')).toBeUndefined();
  });

  it('orders D0 lowest to A3 highest, untiered below all, S after its UTM tier', () => {
    expect(tierRank('untiered')).toBe(0);
    expect(tierRank('D0')).toBe(1);
    expect(tierRank('C3')).toBe(8);
    expect(tierRank('A3')).toBe(16);
    expect(['A3', 'D0', 'B1', 'B1S', 'untiered'].sort((a, b) => compareTiers(parseTier(a), parseTier(b)))).toEqual([
      'untiered',
      'D0',
      'B1',
      'B1S',
      'A3',
    ]);
  });

  test.prop([fc.constantFrom(...TIERS), fc.constantFrom(...TIERS)])('compareTiers is antisymmetric and consistent with rank', (a, b) => {
    expect(Math.sign(compareTiers(a, b)) + Math.sign(compareTiers(b, a))).toBe(0);
    if (tierRank(a) < tierRank(b)) expect(compareTiers(a, b)).toBeLessThan(0);
  });

  test.prop([fc.constantFrom(...TIERS)])('parseTier round-trips every code, in any case', (tier) => {
    expect(parseTier(tier)).toBe(tier);
    expect(parseTier(tier.toLowerCase())).toBe(tier);
  });
});

describe('tier helpers refuse what is not an exact tier code', () => {
  it('gives UNKNOWN_TIER, not undefined, NaN, a made-up rank or a TypeError', () => {
    // Before: tierIndex('E1') was undefined, changeLevelOf('Ax') NaN, tierRank('Z9') 17, baseTier(5) a TypeError.
    for (const call of [
      () => tierIndex('E1' as Tier),
      () => changeLevelOf('Ax' as Tier),
      () => tierRank('Z9' as Tier),
      () => baseTier(5 as unknown as Tier),
      () => protectLevelOf('a3' as Tier),
      () => compareTiers('A3', 'nope' as Tier),
    ]) {
      const error = errorOf(call);
      expect([error.code, error.path]).toEqual(['UNKNOWN_TIER', 'tier']);
    }
  });

  it('describes a bigint or circular input without throwing from JSON.stringify', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(errorOf(() => parseTier(10n)).message).toContain('unknown tier 10n');
    expect(errorOf(() => parseTier(circular)).message).toContain('unknown tier an object');
  });
});
