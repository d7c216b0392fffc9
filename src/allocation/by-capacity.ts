/**
 * The practitioners of each (scope, grade) group in order of their capacity as a batch starts, for
 * `balanced`'s short runs: a scan in this order may stop once no one further on can have a lower
 * capacity after the case than the run already holds. Internal.
 */
import type { Allocation } from './state.js';

/**
 * Most a packed sort key may be (2^53 - 1): a capacity step and an index within the group packed
 * into one exact integer, so that a typed-array sort (no comparator) orders a group.
 */
const EXACT = Number.MAX_SAFE_INTEGER;

/**
 * Each group's practitioners by capacity, sorted the first time a run asks for the group. Capacity
 * only rises during a batch (cases are only added), so the capacity a practitioner had when the
 * group was sorted stays a lower bound of theirs; `floor[k]` is that bound for position k and, the
 * list being sorted by it, for every position after k too.
 */
export class GroupsByCapacity {
  /** Practitioner indexes, each group's in order of capacity (groups as in `Allocation.groupStart`). */
  readonly items: Int32Array;
  /** A lower bound of the capacity of the practitioner at each position and of all after it in its group. */
  readonly floor: Float64Array;
  /** The most points available to anyone in each group. */
  readonly maxAvailable: Float64Array;
  readonly #sorted: Uint8Array;
  readonly #packed: Float64Array;
  readonly #state: Allocation;

  constructor(state: Allocation) {
    const { groupStart, groupItems } = state;
    const groups = groupStart.length - 1;
    let largest = 0;
    for (let g = 0; g < groups; g++) largest = Math.max(largest, (groupStart[g + 1] as number) - (groupStart[g] as number));
    this.#state = state;
    this.items = groupItems.slice();
    this.floor = new Float64Array(groupItems.length);
    this.maxAvailable = new Float64Array(groups);
    this.#sorted = new Uint8Array(groups);
    this.#packed = new Float64Array(largest);
  }

  /**
   * Sorts group g by capacity now, once. Each capacity is cut to one of R steps of the group's range
   * (R as large as the packing allows), packed with its index in the group; the step is its floor.
   */
  sort(g: number): void {
    if (this.#sorted[g] === 1) return;
    this.#sorted[g] = 1;
    const { groupStart, groupItems, points, c } = this.#state;
    const lo = groupStart[g] as number;
    const m = (groupStart[g + 1] as number) - lo;
    let least = Infinity;
    let most = -Infinity;
    let maxAvailable = 0;
    for (let j = 0; j < m; j++) {
      const p = groupItems[lo + j] as number;
      const available = c.available[p] as number;
      const capacity = (points[p] as number) / available;
      if (capacity < least) least = capacity;
      if (capacity > most) most = capacity;
      if (available > maxAvailable) maxAvailable = available;
    }
    this.maxAvailable[g] = maxAvailable;
    const steps = Math.floor(EXACT / m) - 1;
    const scale = most > least ? steps / (most - least) : 0;
    const packed = this.#packed.subarray(0, m);
    for (let j = 0; j < m; j++) {
      const p = groupItems[lo + j] as number;
      const step = Math.min(steps, Math.floor(((points[p] as number) / (c.available[p] as number) - least) * scale));
      packed[j] = step * m + j;
    }
    packed.sort();
    for (let j = 0; j < m; j++) {
      const at = (packed[j] as number) % m;
      this.items[lo + j] = groupItems[lo + at] as number;
      this.floor[lo + j] = scale > 0 ? least + ((packed[j] as number) - at) / m / scale : least;
    }
  }
}
