import { describe, expect, it } from 'vitest';
import * as constants from '../src/constants.js';
import * as root from '../src/index.js';
import { deepFreeze } from '../src/freeze.js';

/** Paths inside `value` that are objects not frozen (schemas and functions are not data: skipped). */
function unfrozen(value: unknown, path: string, seen = new Set<unknown>()): string[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const here = Object.isFrozen(value) ? [] : [path];
  return [...here, ...Object.entries(value).flatMap(([key, inner]) => unfrozen(inner, `${path}.${key}`, seen))];
}

/** The exported data constants (root and the constants subpath): objects and arrays, not classes, functions or zod schemas. */
const exported = Object.entries({ ...root, ...constants }).filter(([name, value]) => typeof value === 'object' && value !== null && !name.endsWith('Schema'));

describe('exported constants', () => {
  it('are deeply frozen, so no caller can change a later default result', () => {
    expect(exported.length).toBeGreaterThan(40);
    expect(exported.filter(([name, value]) => unfrozen(value, name).length > 0).map(([name]) => name)).toEqual([]);
  });

  it('refuse writes: DEFAULT_WEIGHTINGS.tierPoints.community.A3 = 999 and GRADES.push throw in strict mode', () => {
    expect(() => {
      (root.DEFAULT_WEIGHTINGS.tierPoints.community as Record<string, number>).A3 = 999;
    }).toThrow(TypeError);
    expect(() => (root.GRADES as unknown as string[]).push('XX')).toThrow(TypeError);
    expect(root.DEFAULT_WEIGHTINGS.tierPoints.community.A3).not.toBe(999);
    const byId = constants.REDUCTION_REASON_BY_ID as Map<string, unknown>;
    expect(() => byId.set('x', {})).toThrow(TypeError);
    expect(() => byId.clear()).toThrow(TypeError);
    expect(byId.size).toBe(constants.REDUCTION_REASONS.length);
  });
});

describe('deepFreeze', () => {
  it('freezes every level and refuses typed arrays', () => {
    const value = deepFreeze({ a: [{ b: 1 }], c: { d: [2] } });
    expect(unfrozen(value, 'value')).toEqual([]);
    expect(() => deepFreeze({ column: new Uint32Array(2) })).toThrow(TypeError);
  });
});
