/**
 * Fetching against a real local HTTP server: the guard, limits, redirects, conditional requests,
 * retries and per-host politeness.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isChorusError } from '../../src/core/errors.js';
import { checkUrl, isPrivateAddress } from '../../src/feeds/fetch-guard.js';
import { fetchUrl } from '../../src/feeds/fetch-url.js';
import { PoliteFetcher } from '../../src/feeds/polite-fetcher.js';
import { startServer, type LocalServer } from './local-server.js';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isChorusError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('fetch guard', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['93.184.216.34', false],
    ['8.8.8.8', false],
    ['2001:4860:4860::8888', false],
    ['not-an-ip', true],
  ])('%s is private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it.each([
    ['file:///etc/passwd', /forbidden|file:/],
    ['ftp://example.org/x', /ftp:/],
    ['http://user:pw@example.org/', /credentials/],
    ['http://[::1]:80/', /private, loopback/],
    ['nonsense', /expected an http or https URL/],
  ])('refuses %s before connecting', (url, pattern) => {
    expect(() => checkUrl(url, { allowPrivate: false })).toThrow(pattern);
  });

  it.each([
    ['http://localhost:8080/feed.xml', false, /loopback/],
    ['http://LOCALHOST./feed.xml', false, /loopback/],
    ['http://news.localhost/feed.xml', false, /loopback/],
    ['http://localhost:8080/feed.xml', true, null],
    ['http://10.1.2.3/feed.xml', true, null],
    ['http://169.254.169.254/latest/meta-data/', true, /link-local/],
    ['http://169.254.169.254/latest/meta-data/', false, /link-local/],
    ['http://[fe80::1]/', true, /link-local/],
    ['http://[::ffff:169.254.169.254]/', true, /link-local/],
    ['http://metadata.google.internal/computeMetadata/v1/', true, /metadata/],
  ])('checkUrl %s with allowPrivate %s: %s', (url, allowPrivate, pattern) => {
    if (pattern) expect(() => checkUrl(url, { allowPrivate })).toThrow(pattern);
    else expect(() => checkUrl(url, { allowPrivate })).not.toThrow();
  });
});

describe('fetchUrl on a local server', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startServer({
      '/feed.xml': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
        res.writeHead(200, {
          'content-type': 'application/rss+xml',
          etag: '"v1"',
          'last-modified': 'Tue, 08 Apr 2031 09:00:00 GMT',
        });
        res.end('<rss version="2.0"><channel><title>T</title></channel></rss>');
      },
      '/big': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('x'.repeat(5000));
      },
      '/gzip-bomb': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        res.end(gzipSync(Buffer.alloc(10_000_000)));
      },
      '/slow': () => undefined, // never answers
      '/loop': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
      '/moved': (_req, res) => res.writeHead(301, { location: '/feed.xml' }).end(),
    });
  });
  afterAll(() => server.close());

  it('refuses 127.0.0.1 and localhost unless private addresses are allowed', async () => {
    expect(await codeOf(fetchUrl(`${server.base}/feed.xml`))).toMatch(
      /^forbidden: refused to fetch 127\.0\.0\.1/,
    );
    const viaName = server.base.replace('127.0.0.1', 'localhost');
    expect(await codeOf(fetchUrl(`${viaName}/feed.xml`))).toMatch(
      /^forbidden: refused to fetch localhost: it resolves to/,
    );
    expect(server.log.length).toBe(0);
    const ok = await fetchUrl(`${server.base}/feed.xml`, { allowPrivate: true });
    expect(ok).toMatchObject({ status: 200, notModified: false, etag: '"v1"' });
    expect(ok.body.toString()).toContain('<rss');
  });

  it('sends conditional headers and reports 304 as not modified', async () => {
    const res = await fetchUrl(`${server.base}/feed.xml`, { allowPrivate: true, etag: '"v1"' });
    expect(res).toMatchObject({ status: 304, notModified: true });
    expect(res.body.length).toBe(0);
  });

  it('stops at the size limit, also after decompression', async () => {
    expect(await codeOf(fetchUrl(`${server.base}/big`, { allowPrivate: true, maxBytes: 1000 }))).toMatch(
      /^too-large/,
    );
    expect(
      await codeOf(fetchUrl(`${server.base}/gzip-bomb`, { allowPrivate: true, maxBytes: 100_000 })),
    ).toMatch(/^too-large/);
  });

  it('times out', async () => {
    const started = Date.now();
    expect(await codeOf(fetchUrl(`${server.base}/slow`, { allowPrivate: true, timeoutMs: 300 }))).toMatch(
      /^fetch-failed: timed out after 300 ms/,
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('follows redirects up to a limit', async () => {
    const res = await fetchUrl(`${server.base}/moved`, { allowPrivate: true });
    expect(res).toMatchObject({ status: 200, url: `${server.base}/feed.xml` });
    expect(await codeOf(fetchUrl(`${server.base}/loop`, { allowPrivate: true, maxRedirects: 3 }))).toMatch(
      /at most 3 redirects/,
    );
  });
});

describe('PoliteFetcher', () => {
  let server: LocalServer;
  let flaky = 0;
  beforeAll(async () => {
    server = await startServer({
      '/flaky': (_req, res) => {
        flaky++;
        if (flaky < 3) res.writeHead(503, { 'retry-after': '0' }).end();
        else res.writeHead(200).end('ok');
      },
      '/down': (_req, res) => res.writeHead(500).end(),
      '/a': (_req, res) => res.writeHead(200).end('a'),
    });
  });
  afterAll(() => server.close());

  it('retries transient failures with backoff and returns the success', async () => {
    const fetcher = new PoliteFetcher({ allowPrivate: true, hostDelayMs: 0, backoffMs: 10, retries: 3 });
    const res = await fetcher.fetch(`${server.base}/flaky`);
    expect(res.status).toBe(200);
    expect(flaky).toBe(3);
  });

  it('gives up after the retries and returns the last status', async () => {
    const fetcher = new PoliteFetcher({ allowPrivate: true, hostDelayMs: 0, backoffMs: 10, retries: 2 });
    expect((await fetcher.fetch(`${server.base}/down`)).status).toBe(500);
    expect(server.log.filter((r) => r.path === '/down').length).toBe(3);
  });

  it('spaces requests to one host by the politeness delay, even when made at once', async () => {
    const fetcher = new PoliteFetcher({ allowPrivate: true, hostDelayMs: 150 });
    const before = server.log.length;
    await Promise.all([1, 2, 3].map(() => fetcher.fetch(`${server.base}/a`)));
    const times = server.log.slice(before).map((r) => r.at);
    expect(times.length).toBe(3);
    // Two gaps of 150 ms at least; arrival times jitter on a busy machine, so allow 50 ms over the span.
    expect((times[2] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(250);
  });

  it('does not retry a refusal', async () => {
    const fetcher = new PoliteFetcher({ hostDelayMs: 0, backoffMs: 10 });
    expect(await codeOf(fetcher.fetch(`${server.base}/a`))).toMatch(/^forbidden/);
  });
});
