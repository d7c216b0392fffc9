/** Escapes the standing bad-input suite found (tests/bad-input), each pinned by a test that failed before its fix. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PO_FTE_IN_POST, RandomStream, WorkloadError, monthlyValues, rateSteps, weightingsFromTimings } from '../src/index.js';
import { BinomialRate } from '../src/random.js';
import { parseInput } from '../src/validate.js';

const codeAndPath = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof WorkloadError) return [error.code, error.path];
    throw error;
  }
  return undefined;
};

describe('bad-input escapes', () => {
  it('a whole unnamed input that is wrong has the path "input", not ""', () => {
    expect(codeAndPath(() => parseInput(z.number(), 'x'))).toEqual(['INVALID_INPUT', 'input']);
    expect(codeAndPath(() => weightingsFromTimings(5 as never))).toEqual(['INVALID_INPUT', 'input']);
  });

  it("weightingsFromTimings checks effectiveFrom as a date, at the caller's field", () => {
    const activities = [{ tier: 'C2', caseType: 'community', name: 'appointment', minutes: 60, perMonth: 4 }] as const;
    expect(codeAndPath(() => weightingsFromTimings({ activities: [...activities], effectiveFrom: 'soon' }))).toEqual(['INVALID_INPUT', 'effectiveFrom']);
  });

  it('a shared BinomialRate of -0 draws 0 successes (it threw a RangeError sizing tables from 1 / -0)', () => {
    expect(new RandomStream(2).binomial(100, new BinomialRate(-0, { shared: true }))).toBe(0);
  });

  it('monthlyValues and rateSteps validate their series (they threw TypeErrors)', () => {
    expect(codeAndPath(() => monthlyValues(null as never))).toEqual(['INVALID_INPUT', 'values']);
    expect(codeAndPath(() => monthlyValues([...PO_FTE_IN_POST, undefined] as never))?.[1]).toMatch(/^values\[\d+\]$/);
    expect(codeAndPath(() => rateSteps([{ ...PO_FTE_IN_POST[0], date: 5 }] as never, '2021-04'))).toEqual(['INVALID_INPUT', 'values[0].date']);
    expect(codeAndPath(() => rateSteps(PO_FTE_IN_POST, 'April'))).toEqual(['INVALID_INPUT', 'start']);
    expect(codeAndPath(() => monthlyValues([PO_FTE_IN_POST[1], PO_FTE_IN_POST[0]] as never))).toEqual(['INVALID_INPUT', 'values[1].date']);
  });
});
