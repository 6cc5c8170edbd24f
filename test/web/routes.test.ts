/**
 * The pages through the real app in-process (`buildApp` + `inject`) over a real SQLite file, seeded
 * through the real ingest service with the fictional articles of fixtures.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open-store.js';
import { serverOver, type TestServer } from '../server/harness.js';
import { storyArticles } from './fixtures.js';
import { activeContent, parse, textOf } from './inert.js';

let dir: string;
let server: TestServer;
let app: FastifyInstance;
let storyId: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chorus-web-'));
  server = await serverOver(await openStore({ sqlitePath: join(dir, 'web.db') }), { token: 'secret' });
  ({ app } = server);
  const { service } = server;
  const result = await service.ingest(storyArticles());
  storyId = result.stories[0]!;
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('web routes', () => {
  it('serves the list, the story and the side-by-side view as HTML under the strict CSP', async () => {
    for (const url of [
      '/',
      '/?order=biggest&offset=0',
      `/stories/${storyId}`,
      `/stories/${storyId}/sources?a=1&b=3`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(String(res.headers['content-security-policy']), url).toContain("script-src 'self'");
      expect(activeContent(res.body), url).toEqual({ scripts: [], handlers: [], badLinks: [], foreign: [] });
    }
    const story = parse((await get(`/stories/${storyId}`)).body);
    expect(story.querySelectorAll('li.source').length).toBe(3);
    for (const a of story.querySelectorAll('sup.cite a'))
      expect(story.getElementById(a.getAttribute('href')!.slice(1))).not.toBeNull();
  });

  it('searches, and answers an empty query without asking the store', async () => {
    const found = parse((await get('/search?q=footbridge')).body);
    expect(found.querySelectorAll('ol.stories li').length).toBe(1);
    const none = parse((await get('/search?q=zeppelin')).body);
    expect(textOf(none.querySelector('.empty'))).toBe('No story matches “zeppelin”.');
    const empty = parse((await get('/search?q=%20')).body);
    expect(textOf(empty.querySelector('.empty'))).toContain('Type some words');
  });

  it('answers search words full-text engines treat as syntax, and pages past the end', async () => {
    for (const q of ['%22', '*', 'a%20OR%20NOT', '%3Cscript%3E(', 'foot*bridge"'])
      expect((await get(`/search?q=${q}`)).statusCode, q).toBe(200);
    const past = parse((await get('/?offset=5000')).body);
    expect(textOf(past.querySelector('.empty'))).toContain('Nothing on this page (1 story in all).');
  });

  it('takes odd paging and order values as the defaults', async () => {
    const res = await get('/?order=<script>&offset=-5');
    expect(res.statusCode).toBe(200);
    expect(textOf(parse(res.body).querySelector('.toggle a[aria-current]'))).toBe('Newest first');
  });

  it.each([
    ['/stories/nope', 404, 'Not found'],
    ['/stories/nope/sources?a=1&b=2', 404, 'Not found'],
    ['/no/such/page', 404, 'Not found'],
  ])('%s answers %i with an HTML page', async (url, status, heading) => {
    const res = await get(url);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('text/html');
    expect(textOf(parse(res.body).querySelector('h1'))).toBe(heading);
  });

  it.each([['a=1&b=1'], ['a=0&b=2'], ['a=1&b=9'], ['a=x&b=2']])(
    'sources?%s is refused with a 400 page',
    async (q) => {
      const res = await get(`/stories/${storyId}/sources?${q}`);
      expect(res.statusCode).toBe(400);
      expect(textOf(parse(res.body).querySelector('main'))).toContain(
        'Choose two different sources numbered 1 to 3',
      );
    },
  );

  it('asks for the token on the upload page when the server has one', async () => {
    const doc = parse((await get('/upload')).body);
    expect(doc.querySelector('#upload-token')).not.toBeNull();
    expect(doc.querySelector('#upload-form')?.getAttribute('data-api')).toBe('/api/upload');
  });

  it('serves the stylesheet, the script and the icon', async () => {
    const css = await get('/static/chorus.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toContain('.summary');
    const js = await get('/static/chorus.js');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).not.toContain('innerHTML');
    expect((await get('/static/chorus.svg')).headers['content-type']).toBe('image/svg+xml');
    expect((await get('/favicon.ico')).statusCode).toBe(301);
  });
});
