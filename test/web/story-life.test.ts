/**
 * A story's life through the real app in-process: first seen and last updated, "new since" on the page
 * and in the API, the Atom feeds (read back by our own feed reader), and permalinks of merged stories.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import { contentHash } from '../../src/core/ids.js';
import { parseFeed } from '../../src/feeds/parse-feed.js';
import { movedUrl } from '../../src/server/moved-url.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store } from '../../src/storage/store.js';
import { serverOver, type TestServer } from '../server/harness.js';
import { storyArticles } from './fixtures.js';
import { activeContent, parse, textOf } from './inert.js';

let dir: string;
let server: TestServer;
let store: Store;
let app: FastifyInstance;
let storyId: string;
let between: string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chorus-life-'));
  server = await serverOver(await openStore({ sqlitePath: join(dir, 'life.db') }));
  ({ store, app } = server);
  const { service } = server;
  const [first, hostile, third] = storyArticles();
  storyId = (await service.ingest([first!, hostile!])).stories[0]!;
  await sleep(30);
  between = new Date().toISOString();
  await sleep(30);
  const later = await service.ingest([third!]);
  expect(later.stories[0]).toBe(storyId);
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('a story page', () => {
  it('says when the story was first seen and last updated, with its Atom feed', async () => {
    const doc = parse((await get(`/stories/${storyId}`)).body);
    expect(doc.querySelector('#first-seen')?.getAttribute('datetime')).toMatch(/^\d{4}-/);
    expect(doc.querySelector('#last-updated')?.getAttribute('datetime')).toMatch(/^\d{4}-/);
    expect(doc.querySelector(`a[href="/stories/${storyId}.atom"]`)).not.toBeNull();
    expect(doc.querySelectorAll('.new').length).toBe(0);
  });

  it('marks what entered since a time, and nothing for a time after the last change', async () => {
    const res = await get(`/stories/${storyId}?since=${encodeURIComponent(between)}`);
    expect(res.statusCode).toBe(200);
    const doc = parse(res.body);
    const api = (await get(`/api/stories/${storyId}?since=${encodeURIComponent(between)}`)).json();
    const marked = doc.querySelectorAll('mark.sentence.new').length + doc.querySelectorAll('li.new').length;
    expect(api.life.newSentences.length + api.life.newFacts.length).toBe(marked);
    expect(marked).toBeGreaterThan(0);
    expect(textOf(doc.querySelector('#new-since'))).toMatch(/new since/);
    // Every new sentence is cited, and was first seen after `since`.
    for (const s of api.life.newSentences) {
      expect(s.sentence.citations.length).toBeGreaterThan(0);
      expect(Date.parse(s.firstSeenAt)).toBeGreaterThan(Date.parse(between));
    }
    expect(activeContent(res.body)).toEqual({ scripts: [], handlers: [], badLinks: [], foreign: [] });

    const future = (await get(`/stories/${storyId}?since=2999-01-01`)).body;
    expect(textOf(parse(future).querySelector('#new-since'))).toContain('Nothing new since');
    const everything = (await get(`/api/stories/${storyId}?since=2000-01-01T00:00`)).json();
    expect(everything.life.newSentences.length).toBe(everything.report.summary.sentences.length);
  });

  it('refuses a since that is not a time, on the page and in the API', async () => {
    expect((await get(`/stories/${storyId}?since=yesterday`)).statusCode).toBe(400);
    const api = await get(`/api/stories/${storyId}?since=%3Cscript%3E`);
    expect(api.statusCode).toBe(400);
    expect(api.json().error.message).toContain('ISO');
  });
});

describe('Atom feeds', () => {
  it('lists new and updated stories, read back by our own feed reader', async () => {
    const res = await get('/stories.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/atom+xml');
    const feed = parseFeed(res.body, '/stories.atom');
    expect(feed.kind).toBe('atom');
    const entry = feed.items.find((i) => i.link?.endsWith(`/stories/${storyId}`));
    expect(entry?.id).toBe(`http://localhost:80/stories/${storyId}`);
    expect(entry?.date).toMatch(/^\d{4}-/);
    expect(res.body).not.toContain('<script');
  });

  it('gives a story its summary sentences and facts, dated when they appeared', async () => {
    const feed = parseFeed((await get(`/stories/${storyId}.atom`)).body);
    const api = (await get(`/api/stories/${storyId}`)).json();
    const texts = feed.items.map((i) => i.title);
    for (const s of api.report.summary.sentences) expect(texts).toContain(s.text);
    expect(new Set(feed.items.map((i) => i.id)).size).toBe(feed.items.length);
    // Hostile text is escaped into the content, never markup of the feed.
    expect(feed.items.every((i) => !i.html?.includes('<script>window'))).toBe(true);
    expect((await get('/stories/nope.atom')).statusCode).toBe(404);
  });

  it('follows a saved search, and asks for words', async () => {
    const feed = parseFeed((await get('/search.atom?q=footbridge')).body);
    expect(feed.items.some((i) => i.link?.endsWith(`/stories/${storyId}`))).toBe(true);
    expect(parseFeed((await get('/search.atom?q=zebraquagga')).body).items).toEqual([]);
    expect((await get('/search.atom')).statusCode).toBe(400);
  });
});

describe('permalinks', () => {
  it('send a merged story to the story it joined', async () => {
    const a = makeArticle({
      id: 'merge-a',
      source: 'Tarn Courier',
      text: 'The tarn dam spillway opened at dawn.',
    });
    const b = makeArticle({
      id: 'merge-b',
      source: 'Tarn Radio',
      text: 'Engineers opened the dam spillway early.',
    });
    await store.writeBatch({
      stories: [{ id: 'st-keep' }, { id: 'st-gone' }],
      articles: [
        { article: a, contentHash: contentHash(a.text), storyId: 'st-keep' },
        { article: b, contentHash: contentHash(b.text), storyId: 'st-gone' },
      ],
    });
    await store.writeBatch({ stories: [], articles: [], merges: [{ from: 'st-gone', into: 'st-keep' }] });
    for (const [from, to] of [
      ['/stories/st-gone', '/stories/st-keep'],
      ['/stories/st-gone?since=2031-01-01', '/stories/st-keep?since=2031-01-01'],
      ['/stories/st-gone.atom', '/stories/st-keep.atom'],
      ['/stories/st-gone/sources?a=1&b=2', '/stories/st-keep/sources?a=1&b=2'],
      ['/api/stories/st-gone', '/api/stories/st-keep'],
    ]) {
      const res = await get(from!);
      expect(res.statusCode, from).toBe(301);
      expect(res.headers.location, from).toBe(to);
    }
    expect((await get('/stories/never-was')).statusCode).toBe(404);
  });

  it.each([
    ['/stories/b', 'a', '/stories/a'],
    ['/stories/s/sources?a=1', 'x', '/stories/x/sources?a=1'],
    ['/api/stories/b?since=2031', 'a b', '/api/stories/a%20b?since=2031'],
    ['/stories/b.atom', 'a', '/stories/a.atom'],
  ])('movedUrl(%s, %s) → %s', (url, into, expected) => {
    expect(movedUrl(url, into)).toBe(expected);
  });
});
