// How far V8 lets the heap grow between full collections, for large specs. By default the heap
// may grow to several times what is live before V8 collects; on Microsoft Graph v1.0 (20 MB)
// that put the peak at 905 MB, 45× the spec's size, for about 280 MB actually live. A fixed
// growth of 50% collects sooner: the peak fell to 680-760 MB for the same work (550-610 MB
// with rendered files flattened, render.ts), for about the same time.
// V8 reads this flag each time it sets the next collection's limit, so it can be set for one
// run and put back afterwards. Small specs keep V8's default: their heaps never get large.
// Nor do specs of 32 MB or more whose modules a worker thread parses (pipeline.ts; which way is
// known only after ir, and a smaller spec is fitted before that): their syntax trees are not in
// this heap, and on Graph beta (47 MB) V8's default peaked at 1.35-1.45 GB (30-32× its size)
// while collecting several seconds of CPU less.
import { setFlagsFromString } from 'node:v8';

/** Specs at least this large (bytes) get the lean heap. */
export const LEAN_HEAP_MIN_BYTES = 8 * 1024 * 1024;
/** Each full collection lets the heap grow by this percentage of what survived it. */
export const LEAN_HEAP_GROWING_PERCENT = 50;

/** Runs holding the lean heap (runs of a multi-client config may overlap). */
let holders = 0;

/** One run's hold on the heap policy: `fit` once the spec's size is known, `release` when the run ends. */
export class HeapPolicy {
  private holding = false;

  /** `setFlags` is for tests. */
  constructor(private readonly setFlags: (flags: string) => void = setFlagsFromString) {}

  fit(specBytes: number): void {
    if (this.holding || specBytes < LEAN_HEAP_MIN_BYTES) return;
    this.holding = true;
    if (holders++ === 0) this.setFlags(`--heap-growing-percent=${LEAN_HEAP_GROWING_PERCENT}`);
  }

  release(): void {
    if (!this.holding) return;
    this.holding = false;
    if (--holders === 0) this.setFlags('--heap-growing-percent=0'); // 0: V8 chooses again
  }
}
