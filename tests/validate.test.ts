import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { attempt, describeValue, formatPath, parseInput } from '../src/validate.js';
import { errorOf } from './helpers.js';

describe('parseInput', () => {
  it('names the first bad field under the argument name and lists every problem found', () => {
    const schema = z.strictObject({ hours: z.number().min(0), cases: z.array(z.number().int()) });
    const error = errorOf(() => parseInput(schema, { hours: -1, cases: [1, 0.5, 2.5] }, 'practitioner'));
    expect(error.path).toBe('practitioner.hours');
    expect(error.message).toMatch(/^3 problems: practitioner\.hours: .*; practitioner\.cases\[1\]: .*; practitioner\.cases\[2\]: /);
    expect(error.issues).toHaveLength(3);
  });

  it('lists 20 problems at most, then counts the rest', () => {
    const error = errorOf(() => parseInput(z.array(z.number()), Array.from({ length: 25 }, () => 'x'), 'weights'));
    expect(error.message.startsWith('25 problems: weights[0]: ')).toBe(true);
    expect(error.message).toContain('weights[19]: ');
    expect(error.message).not.toContain('weights[20]: ');
    expect(error.message.endsWith('; and 5 more')).toBe(true);
  });

  it('keeps a one-problem message as it was', () => {
    expect(errorOf(() => parseInput(z.number().min(0), -1, 'contractedHours')).message).toMatch(/^contractedHours: /);
  });

  it('refuses a schema or name that is not one, and circular or deep input does not crash it', () => {
    expect(errorOf(() => parseInput(null as unknown as z.ZodNumber, 1)).path).toBe('schema');
    expect(errorOf(() => parseInput(z.number(), 1, 7 as unknown as string)).path).toBe('name');
    const circular: Record<string, unknown> = { hours: 'x' };
    circular.self = circular;
    expect(errorOf(() => parseInput(z.object({ hours: z.number() }), circular, 'p')).path).toBe('p.hours');
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { next: deep };
    expect(errorOf(() => parseInput(z.object({ hours: z.number() }), deep, 'p')).path).toBe('p.hours');
  });
});

describe('formatPath, attempt and describeValue', () => {
  it('formats paths and refuses what is not one', () => {
    expect(formatPath(['practitioners', 3, 'contractedHours'])).toBe('practitioners[3].contractedHours');
    expect(errorOf(() => formatPath(null as unknown as PropertyKey[])).path).toBe('path');
  });

  it('attempt refuses what is not a function, and re-throws errors that are not WorkloadErrors', () => {
    expect(errorOf(() => attempt(null as unknown as () => number)).path).toBe('fn');
    expect(attempt(() => 3)).toEqual({ ok: true, value: 3 });
    expect(() =>
      attempt(() => {
        throw new TypeError('a bug');
      }),
    ).toThrow(TypeError);
  });

  it('describes any value briefly and safely', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect([describeValue(-0), describeValue(0), describeValue(10n), describeValue(circular), describeValue([1]), describeValue(Symbol('s'))]).toEqual([
      '-0',
      '0',
      '10n',
      'an object',
      'an array',
      'symbol',
    ]);
    expect(describeValue('x'.repeat(100))).toBe(JSON.stringify(`${'x'.repeat(40)}…`));
  });
});

describe('typed arrays where lists are expected', () => {
  it('are refused at their path, not with a TypeError from freezing', () => {
    const schema = z.strictObject({ volumes: z.array(z.number()).readonly() });
    const error = errorOf(() => parseInput(schema, { volumes: Uint32Array.of(1, 2) }, 'contract'));
    expect([error.code, error.path]).toEqual(['INVALID_INPUT', 'contract.volumes']);
    expect(error.message).toBe('contract.volumes: expected a plain array, got a typed array');
  });
});

describe('-0', () => {
  it('is refused at its path, since min(0) lets it through and it would be echoed back', () => {
    const schema = z.strictObject({ hours: z.number().min(0), column: z.instanceof(Float64Array) });
    expect(errorOf(() => parseInput(schema, { hours: -0, column: Float64Array.of(1) }, 'p')).message).toBe('p.hours: expected 0, not -0');
    expect(errorOf(() => parseInput(schema, { hours: 0, column: Float64Array.of(1, -0) }, 'p')).path).toBe('p.column[1]');
    expect(parseInput(schema, { hours: 0, column: Float64Array.of(0) }, 'p').hours).toBe(0);
  });
});
