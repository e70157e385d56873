export interface RetryPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  /** Server-suggested waits at or above this are ignored in favour of backoff. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/** 408, 409, 429 and 5xx are transient; `x-should-retry` lets the server override that. */
export function shouldRetryResponse(status: number, headers: Headers): boolean {
  const hint = headers.get('x-should-retry');
  if (hint === 'true') return true;
  if (hint === 'false') return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Milliseconds the server asked us to wait, or undefined if it did not say (usably). */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Number(ms);
  const after = headers.get('retry-after');
  if (after === null || after.trim() === '') return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Delay before retry number `retryIndex` (0-based): the server's hint when it
 * is below the cap, else exponential backoff with jitter in [0.75, 1].
 */
export function retryDelayMs(
  retryIndex: number,
  headers: Headers | undefined,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): number {
  const hinted = retryAfterMs(headers);
  if (hinted !== undefined && hinted >= 0 && hinted < policy.maxRetryAfterMs) return hinted;
  const base = Math.min(policy.initialDelayMs * 2 ** retryIndex, policy.maxDelayMs);
  return base * (1 - random() * 0.25);
}

/**
 * The wait before retry number `retryIndex`, bounded by `limitMs` (the per-attempt time
 * limit), so a call never takes longer than (2 × maxRetries + 1) × timeoutMs. Undefined
 * means "do not retry": the server asked for a longer wait than that, and an earlier
 * attempt would only be refused again.
 */
export function retryDelayWithin(
  retryIndex: number,
  headers: Headers | undefined,
  policy: RetryPolicy,
  limitMs: number,
): number | undefined {
  const hinted = retryAfterMs(headers);
  if (hinted !== undefined && hinted > limitMs) return undefined;
  return Math.min(retryDelayMs(retryIndex, headers, policy), limitMs);
}

/** setTimeout as a promise; rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
