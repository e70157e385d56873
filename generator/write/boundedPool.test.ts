import { describe, expect, it } from 'vitest';
import { forEachBounded } from './boundedPool.ts';

const tick = () => new Promise((resolveLater) => setTimeout(resolveLater, 1));

describe('forEachBounded', () => {
  it('runs every item, never more than the limit at once', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await forEachBounded([...Array(50).keys()], 3, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await tick();
      inFlight--;
      done.push(n);
    });
    expect(most).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
  });

  it('resolves at once for no items', async () => {
    await expect(forEachBounded([], 2, () => undefined)).resolves.toBeUndefined();
  });

  it('rejects with the first failure, a synchronous throw included, once the running items settle', async () => {
    let inFlight = 0;
    const failing = forEachBounded([1, 2, 3, 4, 5, 6], 2, async (n) => {
      if (n === 2) throw new Error('two');
      inFlight++;
      await tick();
      inFlight--;
    });
    await expect(failing).rejects.toThrow('two');
    expect(inFlight).toBe(0);
    await expect(forEachBounded([1], 1, () => {
      throw new Error('sync');
    })).rejects.toThrow('sync');
  });

  it('refuses a limit below one', () => {
    expect(() => forEachBounded([1], 0, () => undefined)).toThrow(RangeError);
  });
});
