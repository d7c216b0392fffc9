/** Annual rates as people state them, and the monthly probabilities the projection applies. */
import { z } from 'zod';

/** Zod schema of an annual rate in percent, 0–100 (7.4 = 7.4% a year). */
export const annualRatePercentSchema = z
  .number()
  .min(0, 'expected a rate of 0% or more')
  .max(100, 'expected a rate of at most 100%');

/**
 * The monthly probability equivalent to an annual rate: 1 - (1 - annual)^(1/12), so that twelve
 * months at the monthly rate remove exactly the annual share.
 */
export function monthlyRate(annualPercent: number): number {
  return -Math.expm1(Math.log1p(-annualPercent / 100) / 12);
}
