import { describe, expect, it } from 'vitest';
import { HeapPolicy, LEAN_HEAP_GROWING_PERCENT, LEAN_HEAP_MIN_BYTES } from './heapPolicy.ts';

describe('HeapPolicy', () => {
  it('sets the lean growth for a large spec and puts V8 back when the last run holding it ends', () => {
    const flags: string[] = [];
    const setFlags = (f: string) => flags.push(f);
    const [a, b, small] = [new HeapPolicy(setFlags), new HeapPolicy(setFlags), new HeapPolicy(setFlags)];
    small.fit(LEAN_HEAP_MIN_BYTES - 1);
    expect(flags).toEqual([]);
    a.fit(LEAN_HEAP_MIN_BYTES);
    a.fit(LEAN_HEAP_MIN_BYTES * 2); // once per run
    b.fit(LEAN_HEAP_MIN_BYTES * 3);
    expect(flags).toEqual([`--heap-growing-percent=${LEAN_HEAP_GROWING_PERCENT}`]);
    a.release();
    a.release();
    small.release();
    expect(flags).toHaveLength(1);
    b.release();
    expect(flags).toEqual([`--heap-growing-percent=${LEAN_HEAP_GROWING_PERCENT}`, '--heap-growing-percent=0']);
  });
});
