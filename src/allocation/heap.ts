/**
 * An indexed binary min-heap of practitioner indexes, keyed by a shared `Float64Array`, ties broken by
 * a rank (the practitioners' id order). Indexed: it knows where each item sits, so one item's key can
 * change in place (`update`) or the item can leave (`remove`) in O(log n). Many small heaps may share
 * one `position` array as long as an item sits in at most one of them at a time. Internal.
 */
export class IndexedMinHeap {
  readonly #heap: Int32Array;
  readonly #position: Int32Array;
  readonly #key: Float64Array;
  readonly #rank: Uint32Array;
  #size = 0;

  /**
   * @param key - the key of every item (read live: change it, then call `update`)
   * @param rank - tie-break order of every item (lower first)
   * @param capacity - most items held at once
   * @param position - where each item sits (-1 when absent), shareable between heaps
   */
  constructor(key: Float64Array, rank: Uint32Array, capacity: number, position: Int32Array) {
    this.#key = key;
    this.#rank = rank;
    this.#heap = new Int32Array(capacity);
    this.#position = position;
  }

  get size(): number {
    return this.#size;
  }

  /** The item with the lowest key (lowest rank among equals), or -1 when empty. */
  top(): number {
    return this.#size === 0 ? -1 : (this.#heap[0] as number);
  }

  /** Empties the heap and fills it with the first `count` of `items` (all by default) in O(count). */
  build(items: ArrayLike<number>, count: number = items.length): void {
    this.clear();
    const heap = this.#heap;
    const position = this.#position;
    for (let i = 0; i < count; i++) {
      const item = items[i] as number;
      heap[i] = item;
      position[item] = i;
    }
    this.#size = count;
    for (let i = (count >> 1) - 1; i >= 0; i--) this.#down(i);
  }

  clear(): void {
    const heap = this.#heap;
    const position = this.#position;
    for (let i = 0; i < this.#size; i++) position[heap[i] as number] = -1;
    this.#size = 0;
  }

  push(item: number): void {
    const at = this.#size++;
    this.#heap[at] = item;
    this.#position[item] = at;
    this.#up(at);
  }

  /** Removes and returns the top item (-1 when empty). */
  pop(): number {
    const top = this.top();
    if (top >= 0) this.remove(top);
    return top;
  }

  remove(item: number): void {
    const at = this.#position[item] as number;
    if (at < 0) return;
    const last = this.#heap[--this.#size] as number;
    this.#position[item] = -1;
    if (last === item) return;
    this.#heap[at] = last;
    this.#position[last] = at;
    this.#down(at);
    this.#up(this.#position[last] as number);
  }

  /** Restores order after `item`'s key changed. */
  update(item: number): void {
    const at = this.#position[item] as number;
    if (at < 0) return;
    this.#up(at);
    this.#down(this.#position[item] as number);
  }

  /** Restores order after `item`'s key rose (or stayed): only a sift down, half of `update`'s work. */
  raised(item: number): void {
    const at = this.#position[item] as number;
    if (at >= 0) this.#down(at);
  }

  // The sifts keep the arrays in locals and compare inline (key, then rank): they are the inner loop of
  // every run of `balanced` and of the exchange pass.
  #up(at: number): void {
    const heap = this.#heap;
    const position = this.#position;
    const key = this.#key;
    const rank = this.#rank;
    const item = heap[at] as number;
    const ki = key[item] as number;
    const ri = rank[item] as number;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const other = heap[parent] as number;
      const ko = key[other] as number;
      if (!(ki < ko || (ki === ko && ri < (rank[other] as number)))) break;
      heap[at] = other;
      position[other] = at;
      at = parent;
    }
    heap[at] = item;
    position[item] = at;
  }

  #down(at: number): void {
    const heap = this.#heap;
    const position = this.#position;
    const key = this.#key;
    const rank = this.#rank;
    const item = heap[at] as number;
    const ki = key[item] as number;
    const ri = rank[item] as number;
    const size = this.#size;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      let other = heap[child] as number;
      let ko = key[other] as number;
      const right = child + 1;
      if (right < size) {
        const r = heap[right] as number;
        const kr = key[r] as number;
        if (kr < ko || (kr === ko && (rank[r] as number) < (rank[other] as number))) {
          child = right;
          other = r;
          ko = kr;
        }
      }
      if (!(ko < ki || (ko === ki && (rank[other] as number) < ri))) break;
      heap[at] = other;
      position[other] = at;
      at = child;
    }
    heap[at] = item;
    position[item] = at;
  }
}

/**
 * A binary min-heap of items whose keys sit beside them in heap order (no lookup of a shared key
 * array, no index of positions), ties broken by a rank. Only its top can change: it rises or falls
 * (`replaceTop`) or leaves (`pop`). That is all one long run of `balanced` asks: the lowest takes a
 * case, then either takes a new key or can take no more. Internal.
 *
 * @example
 * ```ts
 * // Items 0..2 with keys 0.5, 0.2, 0.2 and ranks 2, 1, 0: the two 0.2s tie, rank 0 (item 2) first.
 * const heap = new KeyedMinHeap(Uint32Array.of(2, 1, 0), 3);
 * heap.append(0, 0.5);
 * heap.append(1, 0.2);
 * heap.append(2, 0.2);
 * heap.order();
 * heap.top(); // 2
 * heap.replaceTop(0.9); // item 2 now heaviest
 * [heap.pop(), heap.pop(), heap.pop(), heap.pop()]; // [1, 0, 2, -1]
 * ```
 */
export class KeyedMinHeap {
  readonly #item: Int32Array;
  readonly #key: Float64Array;
  readonly #rank: Uint32Array;
  #size = 0;

  /**
   * @param rank - tie-break order of every item (lower first)
   * @param capacity - most items held at once
   */
  constructor(rank: Uint32Array, capacity: number) {
    this.#rank = rank;
    this.#item = new Int32Array(capacity);
    this.#key = new Float64Array(capacity);
  }

  get size(): number {
    return this.#size;
  }

  /** Empties the heap. */
  clear(): void {
    this.#size = 0;
  }

  /** Adds an item out of order: call `order` once all are in, before reading the top. */
  append(item: number, key: number): void {
    const at = this.#size++;
    this.#item[at] = item;
    this.#key[at] = key;
  }

  /** Puts the items appended since the heap was last empty in heap order, in O(size). */
  order(): void {
    for (let at = (this.#size >> 1) - 1; at >= 0; at--) this.#place(at, this.#item[at] as number, this.#key[at] as number);
  }

  /** The item with the lowest key (lowest rank among equals), or -1 when empty. */
  top(): number {
    return this.#size === 0 ? -1 : (this.#item[0] as number);
  }

  /** Gives the top item a new key. */
  replaceTop(key: number): void {
    this.#place(0, this.#item[0] as number, key);
  }

  /** Removes and returns the top item (-1 when empty). */
  pop(): number {
    if (this.#size === 0) return -1;
    const top = this.#item[0] as number;
    const last = --this.#size;
    if (last > 0) this.#place(0, this.#item[last] as number, this.#key[last] as number);
    return top;
  }

  /**
   * Puts `item` with `key` into the hole at `at`, whose subtree is otherwise in order: the hole sinks
   * along the lower children to a leaf and the item climbs back from there (Floyd's), one comparison
   * a level on the way down where a plain sift makes two; a new key is mostly among the highest.
   * The climb stops at `at`, so the heap above it is not touched.
   */
  #place(at: number, item: number, key: number): void {
    const items = this.#item;
    const keys = this.#key;
    const rank = this.#rank;
    const size = this.#size;
    const top = at;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size) {
        const kl = keys[child] as number;
        const kr = keys[right] as number;
        if (kr !== kl) child += Number(kr < kl);
        else if ((rank[items[right] as number] as number) < (rank[items[child] as number] as number)) child = right;
      }
      items[at] = items[child] as number;
      keys[at] = keys[child] as number;
      at = child;
    }
    const r = rank[item] as number;
    while (at > top) {
      const parent = (at - 1) >> 1;
      const kp = keys[parent] as number;
      if (!(key < kp || (key === kp && r < (rank[items[parent] as number] as number)))) break;
      items[at] = items[parent] as number;
      keys[at] = kp;
      at = parent;
    }
    items[at] = item;
    keys[at] = key;
  }
}
