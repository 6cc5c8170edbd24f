/**
 * The feeds page and the feed API through the real app in-process: add, pause, resume, poll and remove
 * by plain form posts; hostile addresses refused by the fetch guard; cross-site and token-less posts
 * refused; the API's pause/resume and the schedule it reports.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { readUploadedFile } from '../../src/server/read-upload.js';
import { SERVER_DEFAULTS } from '../../src/server/server-config.js';
import { IngestService } from '../../src/service/ingest-service.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store } from '../../src/storage/store.js';
import { activeContent, parse, textOf } from './inert.js';

let dir: string;
let store: Store;
let open: FastifyInstance;
let locked: FastifyInstance;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chorus-feeds-page-'));
  store = await openStore({ sqlitePath: join(dir, 'feeds.db') });
  const service = await IngestService.open(store);
  const deps = { store, service, readUpload: readUploadedFile };
  const config = { ...SERVER_DEFAULTS, logLevel: 'silent', pollEveryMs: 600_000 };
  open = await buildApp({ ...deps, config }, { logger: false, pageCache: false });
  locked = await buildApp(
    { ...deps, config: { ...config, token: 'secret' } },
    { logger: false, pageCache: false },
  );
});

afterAll(async () => {
  await open?.close();
  await locked?.close();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

const form = (app: FastifyInstance, url: string, fields: Record<string, string>, headers = {}) =>
  app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
    payload: new URLSearchParams(fields).toString(),
  });

describe('the feeds page', () => {
  it('says there are no feeds, with the add form', async () => {
    const res = await open.inject('/feeds');
    expect(res.statusCode).toBe(200);
    const doc = parse(res.body);
    expect(doc.querySelector('#no-feeds')).not.toBeNull();
    expect(doc.querySelector('form#add-feed[method=post][action="/feeds"]')).not.toBeNull();
    expect(doc.querySelector('nav a[href="/feeds"]')).not.toBeNull();
  });

  it('adds a feed, pauses, resumes and removes it, redirecting back each time', async () => {
    const added = await form(open, '/feeds', {
      url: ' https://harbor.example/feed.xml ',
      title: 'Harbor <b>Gazette</b>',
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/feeds?done=added');
    let page = parse((await open.inject('/feeds?done=added')).body);
    expect(textOf(page.querySelector('#feeds-notice'))).toContain('Feed added');
    const item = page.querySelector('li.feed');
    const id = item?.getAttribute('data-feed-id') ?? '';
    expect(textOf(item?.querySelector('h2'))).toBe('Harbor <b>Gazette</b>');
    expect(textOf(item?.querySelector('.feed-articles'))).toBe('0');
    expect(textOf(item?.querySelector('.feed-last-poll'))).toBe('never');
    expect(activeContent((await open.inject('/feeds')).body).scripts).toEqual([]);

    expect((await form(open, `/feeds/${id}/pause`, {})).headers.location).toBe('/feeds?done=paused');
    page = parse((await open.inject('/feeds')).body);
    expect(textOf(page.querySelector('.feed-state'))).toContain('paused');
    expect(textOf(page.querySelector('.feed-next-poll'))).toBe('not while paused');
    expect(page.querySelector(`form[action="/feeds/${id}/resume"]`)).not.toBeNull();
    const api = (await open.inject('/api/feeds')).json().items[0];
    expect(api).toMatchObject({ id, paused: true, articleCount: 0 });
    expect(api.nextPollAt).toBeUndefined();

    expect((await form(open, `/feeds/${id}/resume`, {})).headers.location).toBe('/feeds?done=resumed');
    expect((await open.inject('/api/feeds')).json().items[0]).toMatchObject({ paused: false });
    expect((await open.inject('/api/feeds')).json().items[0].nextPollAt).toEqual(expect.any(String));

    expect((await form(open, `/feeds/${id}/remove`, {})).headers.location).toBe('/feeds?done=removed');
    expect((await open.inject('/api/feeds')).json().items).toEqual([]);
    const gone = await form(open, `/feeds/${id}/pause`, {});
    expect(gone.statusCode).toBe(404);
    expect(textOf(parse(gone.body).querySelector('#feeds-problem'))).toContain('expected a feed with id');
  });

  it.each([
    ['http://127.0.0.1:9/feed.xml', 403],
    ['http://localhost/feed.xml', 403],
    ['http://169.254.169.254/latest/meta-data', 403],
    ['file:///etc/passwd', 403],
    ['javascript:alert(1)', 403],
    ['not a url', 400],
    ['', 400],
  ])('refuses %s with the reason, keeping what was typed', async (url, status) => {
    const res = await form(open, '/feeds', { url, title: 'Kept' });
    expect(res.statusCode).toBe(status);
    const doc = parse(res.body);
    expect(textOf(doc.querySelector('#feeds-problem')).length).toBeGreaterThan(10);
    expect(doc.querySelector('#feed-title')?.getAttribute('value')).toBe('Kept');
    expect((await open.inject('/api/feeds')).json().items).toEqual([]);
  });

  it('refuses a post sent by another site', async () => {
    const res = await form(
      open,
      '/feeds',
      { url: 'https://a.example/feed' },
      { origin: 'https://evil.example' },
    );
    expect(res.statusCode).toBe(403);
    expect((await open.inject('/api/feeds')).json().items).toEqual([]);
  });

  it('on a server with a token, asks for it in every form and refuses posts without it', async () => {
    const page = parse((await locked.inject('/feeds')).body);
    expect(page.querySelector('#add-feed input[name=token][type=password]')).not.toBeNull();
    const refused = await form(locked, '/feeds', { url: 'https://a.example/feed' });
    expect(refused.statusCode).toBe(403);
    expect(textOf(parse(refused.body).querySelector('#feeds-problem'))).toContain('access token');
    const wrong = await form(locked, '/feeds', { url: 'https://a.example/feed', token: 'guess' });
    expect(wrong.statusCode).toBe(403);
    const ok = await form(locked, '/feeds', { url: 'https://a.example/feed', token: 'secret' });
    expect(ok.statusCode).toBe(303);
    const id = (await locked.inject('/api/feeds')).json().items[0].id;
    const listed = parse((await locked.inject('/feeds')).body);
    expect(listed.querySelector(`form[action="/feeds/${id}/pause"] input[name=token]`)).not.toBeNull();
    await form(locked, `/feeds/${id}/remove`, { token: 'secret' });
  });

  it('pauses and resumes through the API, with the token', async () => {
    const added = await open.inject({
      method: 'POST',
      url: '/api/feeds',
      payload: { url: 'https://b.example/rss' },
    });
    expect(added.statusCode).toBe(201);
    const { id } = added.json();
    expect(added.json()).toMatchObject({ paused: false, articleCount: 0 });
    const noToken = await locked.inject({ method: 'POST', url: `/api/feeds/${id}/pause` });
    expect(noToken.statusCode).toBe(401);
    const paused = await locked.inject({
      method: 'POST',
      url: `/api/feeds/${id}/pause`,
      headers: { authorization: 'Bearer secret' },
    });
    expect(paused.statusCode).toBe(200);
    expect(paused.json()).toMatchObject({ id, paused: true, pausedAt: expect.any(String) });
    const again = (await open.inject({ method: 'POST', url: `/api/feeds/${id}/pause` })).json();
    expect(again.pausedAt).toBe(paused.json().pausedAt);
    expect((await open.inject({ method: 'POST', url: `/api/feeds/${id}/resume` })).json().paused).toBe(false);
    expect((await open.inject({ method: 'POST', url: '/api/feeds/nope/pause' })).statusCode).toBe(404);
    const doc = (await open.inject('/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/feeds/{id}/pause', '/api/feeds/{id}/resume']),
    );
  });
});
