/**
 * The practitioners of each (scope, grade) group in order of their capacity, for
 * `balanced`'s short runs: a scan in this order may stop once no one further on can have a lower
 * capacity after the case than the run already holds. Internal.
 */
import type { Allocation } from './state.js';

/**
 * Each group's practitioners by capacity, ordered the first time a run asks for the group. Capacity
 * only rises during a batch (cases are only added), so the capacity a practitioner had then stays a
 * lower bound of theirs; `floor[k]` is such a bound for position k and, floors only rising along the
 * list, for every position after k too. A counting sort into steps is enough: it costs less than a
 * full sort (in the forward projection's weekly batches a full sort of every group cost as much as
 * the scans it saved) and stops the scans nearly as soon (1.97 million practitioners looked at over
 * the 52 weeks, against 1.68 million with a full sort and 4.85 million with none).
 */
export class GroupsByCapacity {
  /** Practitioner indexes, each group's in order of capacity (groups as in `Allocation.groupStart`). */
  readonly items: Int32Array;
  /** A lower bound of the capacity of the practitioner at each position and of all after it in its group. */
  readonly floor: Float64Array;
  /** The most points available to anyone in each group. */
  readonly maxAvailable: Float64Array;
  readonly #sorted: Uint8Array;
  /** Scratch: each member's capacity and step, and how many members each step holds (then where each starts). */
  readonly #capacity: Float64Array;
  readonly #step: Int32Array;
  readonly #count: Int32Array;
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
    this.#capacity = new Float64Array(largest);
    this.#step = new Int32Array(largest);
    this.#count = new Int32Array(largest + 1);
  }

  /**
   * Orders group g by capacity now, once: a counting sort into as many equal steps of the group's
   * range of capacity as it has members (no comparisons, linear in its size). Members within a step
   * stay in group order; the step's lower edge is their floor, and steps only rise along the list.
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
    const capacities = this.#capacity;
    for (let j = 0; j < m; j++) {
      const p = groupItems[lo + j] as number;
      const available = c.available[p] as number;
      const capacity = (points[p] as number) / available;
      capacities[j] = capacity;
      if (capacity < least) least = capacity;
      if (capacity > most) most = capacity;
      if (available > maxAvailable) maxAvailable = available;
    }
    this.maxAvailable[g] = maxAvailable;
    const scale = most > least ? (m - 1) / (most - least) : 0;
    const step = this.#step;
    const count = this.#count.fill(0, 0, m + 1);
    for (let j = 0; j < m; j++) {
      const at = Math.min(m - 1, Math.floor(((capacities[j] as number) - least) * scale));
      step[j] = at;
      count[at + 1] = (count[at + 1] as number) + 1;
    }
    for (let k = 0; k < m; k++) count[k + 1] = (count[k + 1] as number) + (count[k] as number);
    for (let j = 0; j < m; j++) {
      const at = step[j] as number;
      const k = lo + (count[at] as number);
      count[at] = (count[at] as number) + 1;
      this.items[k] = groupItems[lo + j] as number;
      this.floor[k] = scale > 0 ? least + at / scale : least;
    }
  }
}
