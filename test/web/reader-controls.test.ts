/**
 * Reader controls of the story list: preferences read from the URL and the cookie (table), and the list
 * through the real app in-process, muting an outlet, a word and keeping a language.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import { contentHash } from '../../src/core/ids.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store } from '../../src/storage/store.js';
import {
  prefsCookie,
  prefsFromCookie,
  prefsFromQuery,
  queryHasPrefs,
  type ReaderPrefs,
} from '../../src/web/reader-prefs.js';
import { serverOver, type TestServer } from '../server/harness.js';
import { parse, textOf } from './inert.js';

describe('reader preferences', () => {
  it.each<[Record<string, string | string[]>, ReaderPrefs]>([
    [{}, { mute: [], hide: [] }],
    [
      { mute: 'Loud Daily, Quiet Post', hide: 'football', lang: 'EN' },
      { mute: ['Loud Daily', 'Quiet Post'], hide: ['football'], lang: 'en' },
    ],
    [{ mute: ['A', 'a', ' ', 'B'] }, { mute: ['A', 'B'], hide: [] }],
    [{ lang: 'english' }, { mute: [], hide: [] }],
    [{ lang: '<s>' }, { mute: [], hide: [] }],
    [{ hide: 'x'.repeat(500) }, { mute: [], hide: ['x'.repeat(80)] }],
    [
      { mute: Array.from({ length: 50 }, (_, i) => `o${i}`).join(',') },
      { mute: Array.from({ length: 20 }, (_, i) => `o${i}`), hide: [] },
    ],
    [{ hide: 'a\u0000b' }, { mute: [], hide: ['ab'] }],
  ])('%j → %j', (query, prefs) => {
    expect(prefsFromQuery(query)).toEqual(prefs);
  });

  it('round-trips through the cookie, and forgets an unreadable one', () => {
    const prefs = { mute: ['Loud; Daily=1'], hide: ['ça'], lang: 'fr' };
    const cookie = prefsCookie(prefs).split(';')[0]!;
    expect(prefsFromCookie(`other=1; ${cookie}`)).toEqual(prefs);
    expect(prefsFromCookie('chorus_reader=%E0%A4%A')).toEqual({ mute: [], hide: [] });
    expect(prefsFromCookie(undefined)).toEqual({ mute: [], hide: [] });
    expect(prefsCookie({ mute: [], hide: [] })).toContain('Max-Age=0');
    expect(prefsCookie(prefs)).toMatch(/HttpOnly/);
    expect(queryHasPrefs({ prefs: '1' })).toBe(true);
    expect(queryHasPrefs({ order: 'biggest' })).toBe(false);
  });
});

let dir: string;
let server: TestServer;
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chorus-reader-'));
  store = await openStore({ sqlitePath: join(dir, 'reader.db') });
  const rows: [string, string, string, string, string][] = [
    [
      'ferry',
      'Ferry aground off Tarn Point',
      'Loud Daily',
      'en',
      'The Tarn ferry ran aground off the point at dawn.',
    ],
    [
      'derby',
      'Football derby postponed',
      'Quiet Post',
      'en',
      'The football derby was postponed after heavy rain.',
    ],
    ['tram', 'Le tramway de Vell voté', 'Le Quai', 'fr', 'Le conseil de Vell a voté le tramway hier soir.'],
  ];
  await store.writeBatch({
    stories: rows.map(([id, title]) => ({ id, title })),
    articles: rows.map(([id, title, source, language, text]) => {
      const article = makeArticle({ id: `${id}-1`, title, source, language, text });
      return { article, contentHash: contentHash(text), storyId: id };
    }),
  });
  server = await serverOver(store);
  ({ app } = server);
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const titles = (body: string) =>
  [...parse(body).querySelectorAll('ol.stories h2')].map((h) => textOf(h)).sort();

describe('the story list with reader controls', () => {
  it('shows everything and the controls by default', async () => {
    const res = await app.inject('/');
    expect(titles(res.body)).toHaveLength(3);
    expect(parse(res.body).querySelector('form.reader-controls input[name=mute]')).not.toBeNull();
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('mutes an outlet, a word and keeps a language from the URL, and sets the cookie', async () => {
    const muted = await app.inject('/?mute=Loud+Daily');
    expect(titles(muted.body)).toEqual(['Football derby postponed', 'Le tramway de Vell voté']);
    expect(String(muted.headers['set-cookie'])).toContain('chorus_reader=');
    expect(textOf(parse(muted.body).querySelector('#reader-active'))).toContain('1 story hidden');
    expect(titles((await app.inject('/?hide=FOOTBALL')).body)).toEqual([
      'Ferry aground off Tarn Point',
      'Le tramway de Vell voté',
    ]);
    expect(titles((await app.inject('/?lang=fr')).body)).toEqual(['Le tramway de Vell voté']);
    expect(titles((await app.inject('/search?q=postponed&hide=derby')).body)).toEqual([]);
  });

  it('keeps the controls from the cookie, and the URL clears them', async () => {
    const set = await app.inject('/?mute=Quiet+Post&lang=en');
    const cookie = String(set.headers['set-cookie']).split(';')[0]!;
    const again = await app.inject({ method: 'GET', url: '/', headers: { cookie } });
    expect(titles(again.body)).toEqual(['Ferry aground off Tarn Point']);
    const clearHref = parse(again.body).querySelector('#reader-clear')?.getAttribute('href') ?? '';
    const cleared = await app.inject({ method: 'GET', url: clearHref, headers: { cookie } });
    expect(titles(cleared.body)).toHaveLength(3);
    expect(String(cleared.headers['set-cookie'])).toContain('Max-Age=0');
  });

  it('offers a one-click mute per outlet that keeps the ones already muted', async () => {
    const doc = parse((await app.inject('/?hide=tramway')).body);
    const link = [...doc.querySelectorAll('a.mute')].find((a) => textOf(a) === 'Mute Loud Daily');
    const href = link?.getAttribute('href') ?? '';
    expect(href).toContain('hide=tramway');
    expect(titles((await app.inject(href)).body)).toEqual(['Football derby postponed']);
  });
});
