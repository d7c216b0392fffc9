/** Whole-number splits by weight (largest remainder), so the parts always sum to the whole. Internal. */

/**
 * Splits `total` into whole parts proportional to `weights`, each at least `minimum`: every part
 * first gets `minimum`, the rest goes by largest remainder (ties to the earlier part). The parts
 * sum to `total` exactly. Callers guarantee `total >= minimum x weights.length` and a positive
 * weight sum.
 */
export function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
  const rest = total - minimum * weights.length;
  let sum = 0;
  for (const w of weights) sum += w;
  const parts = weights.map((w) => minimum + Math.floor((rest * w) / sum));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = weights
    .map((w, i) => ({ i, remainder: (rest * w) / sum - Math.floor((rest * w) / sum) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left -= 1;
  }
  return parts;
}
