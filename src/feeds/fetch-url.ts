/**
 * Fetching one URL the careful way: through the fetch guard, with a total timeout, a byte limit on the
 * body (after decompression, so a gzip bomb stops at the limit too), a bounded number of redirects, and
 * conditional headers so that an unchanged feed costs a 304 and no body.
 */
import http from 'node:http';
import https from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { ChorusError } from '../core/errors.js';
import { checkUrl, guardedLookup } from './fetch-guard.js';

export interface FetchOptions {
  /** Whole request, from connect to the last byte. */
  readonly timeoutMs: number;
  /** Largest body accepted, in bytes after decompression. */
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly allowPrivate: boolean;
  readonly userAgent: string;
  /** Conditional request: the ETag and Last-Modified of the copy we have. */
  readonly etag?: string;
  readonly lastModified?: string;
  /** Accept header (feeds and pages ask for different things). */
  readonly accept?: string;
}

export const FETCH_DEFAULTS: FetchOptions = Object.freeze({
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  allowPrivate: false,
  userAgent: 'Chorus/0.1 (+news summarizer; polite feed reader)',
});

export interface FetchResult {
  /** URL after redirects. */
  readonly url: string;
  readonly status: number;
  /** True for 304 Not Modified: `body` is empty and the stored copy is current. */
  readonly notModified: boolean;
  readonly contentType?: string;
  readonly etag?: string;
  readonly lastModified?: string;
  /** Retry-After in milliseconds, when the server sent one. */
  readonly retryAfterMs?: number;
  readonly body: Buffer;
}

function header(res: http.IncomingMessage, name: string): string | undefined {
  const value = res.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function retryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

function decoded(res: http.IncomingMessage): Readable {
  const encoding = (header(res, 'content-encoding') ?? '').toLowerCase().trim();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(createGunzip());
  if (encoding === 'deflate') return res.pipe(createInflate());
  if (encoding === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

function once(
  url: URL,
  options: FetchOptions,
  deadline: number,
): Promise<{ res: http.IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const remaining = Math.max(1, deadline - Date.now());
    const client = url.protocol === 'https:' ? https : http;
    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      accept: options.accept ?? '*/*',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(error);
    };
    const req = client.request(url, { method: 'GET', headers, lookup: guardedLookup(options) }, (res) => {
      const status = res.statusCode ?? 0;
      if (status === 304 || (status >= 300 && status < 400) || status >= 400) {
        // Bodies of redirects and errors are not needed; drain them without buffering.
        res.resume();
        settled = true;
        clearTimeout(timer);
        resolve({ res, body: Buffer.alloc(0) });
        return;
      }
      const declared = Number(header(res, 'content-length'));
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        fail(
          new ChorusError(
            'too-large',
            `expected at most ${options.maxBytes} bytes from ${url.href}, found ${declared} declared`,
          ),
        );
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const stream = decoded(res);
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          stream.destroy();
          fail(
            new ChorusError(
              'too-large',
              `expected at most ${options.maxBytes} bytes from ${url.href}, found more`,
            ),
          );
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (error) =>
        fail(new ChorusError('fetch-failed', `cannot read ${url.href}: ${error.message}`, { cause: error })),
      );
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ res, body: Buffer.concat(chunks) });
      });
    });
    const timer = setTimeout(
      () =>
        fail(new ChorusError('fetch-failed', `timed out after ${options.timeoutMs} ms fetching ${url.href}`)),
      remaining,
    );
    req.on('error', (error) =>
      fail(
        error instanceof ChorusError
          ? error
          : new ChorusError('fetch-failed', `cannot fetch ${url.href}: ${error.message}`, { cause: error }),
      ),
    );
    req.end();
  });
}

/**
 * Fetches `url`. HTTP errors come back as results (status ≥ 400) so callers can decide to retry;
 * refusals, timeouts, oversize bodies and network failures throw ChorusError.
 * @example const page = await fetchUrl('https://example.org/feed.xml', { etag: stored.etag })
 */
export async function fetchUrl(url: string, options: Partial<FetchOptions> = {}): Promise<FetchResult> {
  const o = { ...FETCH_DEFAULTS, ...options };
  const deadline = Date.now() + o.timeoutMs;
  let current = checkUrl(url, o);
  for (let hop = 0; ; hop++) {
    const { res, body } = await once(current, o, deadline);
    const status = res.statusCode ?? 0;
    const location = header(res, 'location');
    if (status >= 300 && status < 400 && status !== 304 && location) {
      if (hop >= o.maxRedirects) {
        throw new ChorusError(
          'fetch-failed',
          `expected at most ${o.maxRedirects} redirects from ${url}, found more`,
        );
      }
      current = checkUrl(new URL(location, current).href, o);
      continue;
    }
    const contentType = header(res, 'content-type');
    const etag = header(res, 'etag');
    const lastModified = header(res, 'last-modified');
    const retryAfterMs = retryAfter(header(res, 'retry-after'));
    return {
      url: current.href,
      status,
      notModified: status === 304,
      ...(contentType && { contentType }),
      ...(etag && { etag }),
      ...(lastModified && { lastModified }),
      ...(retryAfterMs !== undefined && { retryAfterMs }),
      body,
    };
  }
}
