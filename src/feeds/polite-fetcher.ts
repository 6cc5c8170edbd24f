/**
 * Fetching many URLs without hammering anyone: requests to one host are spaced by a politeness delay
 * (whatever the caller's concurrency), and transient failures (network errors, timeouts, 429 and 5xx)
 * are retried with exponential backoff, honouring Retry-After up to a cap.
 */
import { isChorusError } from '../core/errors.js';
import { fetchUrl, FETCH_DEFAULTS, type FetchOptions, type FetchResult } from './fetch-url.js';

export interface PoliteOptions extends FetchOptions {
  /** Least time between two requests to the same host. */
  readonly hostDelayMs: number;
  /** Attempts after the first for transient failures. */
  readonly retries: number;
  /** First backoff; doubles each retry. */
  readonly backoffMs: number;
  /** Longest single wait, Retry-After included. */
  readonly maxBackoffMs: number;
}

export const POLITE_DEFAULTS: PoliteOptions = Object.freeze({
  ...FETCH_DEFAULTS,
  hostDelayMs: 1000,
  retries: 2,
  backoffMs: 500,
  maxBackoffMs: 30_000,
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function transientStatus(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

export class PoliteFetcher {
  readonly options: PoliteOptions;
  /** Per host, the earliest time the next request may start (slots are handed out in call order). */
  private readonly next = new Map<string, number>();

  constructor(options: Partial<PoliteOptions> = {}) {
    this.options = { ...POLITE_DEFAULTS, ...options };
  }

  /** Waits for the host's next free slot. */
  private async slot(host: string): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, at + this.options.hostDelayMs);
    if (at > now) await sleep(at - now);
  }

  /**
   * Fetches with politeness and retries; the last transient failure is returned (status) or thrown (error).
   * @example await new PoliteFetcher({ hostDelayMs: 2000 }).fetch(url, { etag })
   */
  async fetch(url: string, extra: Partial<FetchOptions> = {}): Promise<FetchResult> {
    const options = { ...this.options, ...extra };
    let host: string;
    try {
      host = new URL(url).host.toLowerCase();
    } catch {
      host = url;
    }
    for (let attempt = 0; ; attempt++) {
      await this.slot(host);
      let wait = Math.min(this.options.maxBackoffMs, this.options.backoffMs * 2 ** attempt);
      try {
        const result = await fetchUrl(url, options);
        if (!transientStatus(result.status) || attempt >= this.options.retries) return result;
        if (result.retryAfterMs !== undefined)
          wait = Math.min(this.options.maxBackoffMs, result.retryAfterMs);
      } catch (error) {
        // Refusals and size limits will not change on a retry; only network trouble might.
        if (!isChorusError(error) || error.code !== 'fetch-failed' || attempt >= this.options.retries)
          throw error;
      }
      await sleep(wait);
    }
  }
}
