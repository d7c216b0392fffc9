import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { IndexedMinHeap, KeyedMinHeap } from '../../src/allocation/heap.js';

/** The reference: the items held, sorted by (key, rank) as the heap orders them. */
function sortedTop(held: Set<number>, key: Float64Array, rank: Uint32Array): number {
  const items = [...held].sort((a, b) => (key[a] as number) - (key[b] as number) || (rank[a] as number) - (rank[b] as number));
  return items[0] ?? -1;
}

describe('IndexedMinHeap', () => {
  it('orders by key, then by rank among equal keys (worked example)', () => {
    // Items 0..3 with keys 0.5, 0.2, 0.2, 0.9 and ranks 3, 2, 1, 0: the two 0.2s tie, rank 1 (item 2) first.
    const key = Float64Array.of(0.5, 0.2, 0.2, 0.9);
    const rank = Uint32Array.of(3, 2, 1, 0);
    const heap = new IndexedMinHeap(key, rank, 4, new Int32Array(4).fill(-1));
    heap.build([0, 1, 2, 3]);
    expect([heap.pop(), heap.pop(), heap.pop(), heap.pop(), heap.pop()]).toEqual([2, 1, 0, 3, -1]);
  });

  it('moves an item when its key changes, and forgets a removed one', () => {
    const key = Float64Array.of(1, 2, 3);
    const position = new Int32Array(3).fill(-1);
    const heap = new IndexedMinHeap(key, Uint32Array.of(0, 1, 2), 3, position);
    heap.build([0, 1, 2]);
    key[0] = 5; // item 0 now heaviest: 1 (key 2) on top
    heap.update(0);
    expect(heap.top()).toBe(1);
    heap.remove(1);
    expect([heap.size, heap.top(), position[1]]).toEqual([2, 2, -1]);
    heap.remove(1); // absent: nothing happens
    expect(heap.size).toBe(2);
  });

  const operation = fc.oneof(
    fc.record({ op: fc.constant('push' as const), item: fc.nat(15) }),
    fc.record({ op: fc.constant('pop' as const) }),
    fc.record({ op: fc.constant('remove' as const), item: fc.nat(15) }),
    fc.record({ op: fc.constant('update' as const), item: fc.nat(15), key: fc.integer({ min: 0, max: 6 }) }),
    fc.record({ op: fc.constant('raise' as const), item: fc.nat(15), by: fc.integer({ min: 0, max: 3 }) }),
    fc.record({ op: fc.constant('build' as const), items: fc.uniqueArray(fc.nat(15), { maxLength: 16 }) }),
  );

  test.prop([fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 16, maxLength: 16 }), fc.array(operation, { maxLength: 120 })])(
    'has the top of a sorted array after every operation (keys with many ties)',
    (keys, operations) => {
      const key = Float64Array.from(keys);
      // Ranks: the items reversed, so rank order is not item order.
      const rank = Uint32Array.from({ length: 16 }, (_, i) => 15 - i);
      const heap = new IndexedMinHeap(key, rank, 16, new Int32Array(16).fill(-1));
      const held = new Set<number>();
      for (const o of operations) {
        if (o.op === 'push' && !held.has(o.item)) {
          heap.push(o.item);
          held.add(o.item);
        } else if (o.op === 'pop') {
          const expected = sortedTop(held, key, rank);
          expect(heap.pop()).toBe(expected);
          held.delete(expected);
        } else if (o.op === 'remove') {
          heap.remove(o.item);
          held.delete(o.item);
        } else if (o.op === 'update') {
          key[o.item] = o.key;
          heap.update(o.item);
        } else if (o.op === 'raise') {
          // `raised` promises order only for a key that rose or stayed.
          key[o.item] = (key[o.item] as number) + o.by;
          heap.raised(o.item);
        } else if (o.op === 'build') {
          heap.build(o.items);
          held.clear();
          for (const item of o.items) held.add(item);
        }
        expect(heap.size).toBe(held.size);
        expect(heap.top()).toBe(sortedTop(held, key, rank));
      }
    },
  );
});

describe('KeyedMinHeap', () => {
  it('orders by key, then by rank among equal keys, and moves the top when its key changes (worked example)', () => {
    // Items 0..3 with keys 0.5, 0.2, 0.2, 0.9 and ranks 3, 2, 1, 0: the two 0.2s tie, rank 1 (item 2) first.
    const heap = new KeyedMinHeap(Uint32Array.of(3, 2, 1, 0), 4);
    [0.5, 0.2, 0.2, 0.9].forEach((key, item) => heap.append(item, key));
    heap.order();
    expect(heap.top()).toBe(2);
    heap.replaceTop(0.9); // item 2 ties item 3 at 0.9 and comes after it (rank 1 against 0)
    expect([heap.pop(), heap.pop(), heap.pop(), heap.pop(), heap.pop()]).toEqual([1, 0, 3, 2, -1]);
    expect(heap.size).toBe(0);
  });

  const operation = fc.oneof(
    fc.record({ op: fc.constant('pop' as const) }),
    fc.record({ op: fc.constant('replace' as const), key: fc.integer({ min: 0, max: 6 }) }),
    fc.record({ op: fc.constant('build' as const), items: fc.uniqueArray(fc.nat(15), { maxLength: 16 }), keys: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 16, maxLength: 16 }) }),
  );

  test.prop([fc.array(operation, { maxLength: 120 })])('has the top of a sorted array after every operation (keys with many ties, rising or falling)', (operations) => {
    // Ranks: the items reversed, so rank order is not item order.
    const rank = Uint32Array.from({ length: 16 }, (_, i) => 15 - i);
    const key = new Float64Array(16);
    const heap = new KeyedMinHeap(rank, 16);
    const held = new Set<number>();
    for (const o of operations) {
      if (o.op === 'pop') {
        const expected = sortedTop(held, key, rank);
        expect(heap.pop()).toBe(expected);
        held.delete(expected);
      } else if (o.op === 'replace' && held.size > 0) {
        key[heap.top()] = o.key;
        heap.replaceTop(o.key);
      } else if (o.op === 'build') {
        heap.clear();
        held.clear();
        for (const item of o.items) {
          key[item] = o.keys[item] as number;
          heap.append(item, key[item] as number);
          held.add(item);
        }
        heap.order();
      }
      expect(heap.size).toBe(held.size);
      expect(heap.top()).toBe(sortedTop(held, key, rank));
    }
  });
});
