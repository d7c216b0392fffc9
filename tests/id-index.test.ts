import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { IdIndex } from '../src/id-index.js';
import { errorOf } from './helpers.js';

/** FNV-1a as the index hashes (32 bits). */
function fnv1a(text: string): number {
  let hash = 2166136261;
  for (let j = 0; j < text.length; j++) hash = Math.imul(hash ^ text.charCodeAt(j), 16777619);
  return hash >>> 0;
}

/**
 * `count` distinct ids whose FNV-1a hashes share their low 16 bits, so that they crowd one or two
 * home slots of any table up to 2^17 slots. The low 16 bits of FNV-1a depend only on the low 16 bits
 * of its state and of each character, so the last character can be solved for: with P = 16777619
 * (403 mod 2^16) and state s before it, low16(((s ^ c) * P)) = 0 when c = low16(s) (as 0 * P^-1 = 0).
 */
function collidingIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const prefix = `case-${i}-`;
    const before = fnv1a(prefix);
    return prefix + String.fromCharCode(before & 0xffff);
  });
}

describe('IdIndex', () => {
  it('finds every id and refuses a duplicate with the path of the second', () => {
    const index = new IdIndex(['po-1', 'pso-1', 'spo-1'], 'practitioners');
    expect([index.get('po-1'), index.get('pso-1'), index.get('spo-1'), index.get('nobody')]).toEqual([0, 1, 2, -1]);
    const error = errorOf(() => new IdIndex(['a', 'b', 'a'], 'cases'));
    expect([error.code, error.path]).toEqual(['DUPLICATE_ID', 'cases[2].id']);
  });

  it('is not made quadratic by ids crafted to share one hash (it falls back to a Map)', () => {
    const ids = collidingIds(65_536);
    expect(new Set(ids.map((id) => fnv1a(id) & 0xffff)).size).toBe(1);
    const started = performance.now();
    const index = new IdIndex(ids, 'cases');
    for (let i = 0; i < ids.length; i += 97) expect(index.get(ids[i] as string)).toBe(i);
    expect(index.get('case-x')).toBe(-1);
    // A hang guard, not a benchmark: linear probing over one cluster of 65,536 took about 30 s.
    expect(performance.now() - started).toBeLessThan(5_000);
    const error = errorOf(() => new IdIndex([...ids, ids[5] as string], 'cases'));
    expect([error.code, error.path]).toEqual(['DUPLICATE_ID', 'cases[65536].id']);
  });

  it('refuses what is not a list of string ids', () => {
    expect(errorOf(() => new IdIndex(null as unknown as string[], 'cases')).path).toBe('cases');
    expect(errorOf(() => new IdIndex(['a', 7 as unknown as string], 'cases')).path).toBe('cases[1].id');
    expect(errorOf(() => new IdIndex([], null as unknown as string)).path).toBe('path');
  });

  test.prop([fc.uniqueArray(fc.string(), { maxLength: 300 })])('gives each unique id its position', (ids) => {
    const index = new IdIndex(ids, 'ids');
    ids.forEach((id, i) => expect(index.get(id)).toBe(i));
  });
});
