/**
 * The bundled sample stories are read by `npm start`, the README, the docs and golden tests, so their
 * shape is checked here: story sizes, file sizes, the stream file, and the quirks each story is meant to
 * carry (an edit that loses one should fail here, not silently weaken the tests that rely on it).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import { findDuplicates } from '../../src/core/dedupe/index.js';
import { decodeEntities } from '../../src/core/text/entities.js';
import { buildStream, decodeSample, SAMPLES_DIR as ROOT, sampleStories, type StreamRecord } from './stream-build.js';

const ONE_SOURCE_STORY = 'ashgrove-library-reopens';
const ARTICLE_EXTENSIONS = new Set(['.html', '.txt', '.json']);

const stories = sampleStories();
const files = (story: string) => readdirSync(join(ROOT, story)).sort();
const sampleFiles = stories.flatMap((story) => files(story).map((file) => ({ story, file })));
const bytesOf = (story: string, file: string) => readFileSync(join(ROOT, story, file));

const streamLines = readFileSync(join(ROOT, 'stream.jsonl'), 'utf8').split('\n').filter(Boolean);
const stream = streamLines.map((line) => JSON.parse(line) as StreamRecord);
const byId = new Map(stream.map((r) => [r.id, r]));
const sampleId = (story: string, file: string) => `${story}/${file.slice(0, -extname(file).length)}`;
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A sample file's text as a reader sees it: decoded in its charset, tags dropped, entities decoded. */
function plainContent(story: string, file: string): string {
  const raw = decodeSample(bytesOf(story, file));
  if (file.endsWith('.json')) return squash((JSON.parse(raw) as { text: string }).text);
  if (file.endsWith('.html')) return squash(
      decodeEntities(raw.replace(/<\/?(?:a|b|code|em|i|span|strong|time)\b[^>]*>/g, '').replace(/<[^>]*>/g, ' ')),
    );
  return squash(raw);
}

/** The extra events of stream.jsonl, as the samples README lists them (`- \`slug\`: …`). */
const extraStories = [
  ...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/^- `([a-z0-9-]+)`:/gm),
].map((m) => m[1]!);

describe('sample story folders', () => {
  it('holds at least five stories, one of them the one-source story', () => {
    expect(stories.length).toBeGreaterThanOrEqual(5);
    expect(stories).toContain(ONE_SOURCE_STORY);
  });

  it.each(stories)('%s has 3-5 articles (one for the one-source story), all in article formats', (story) => {
    const names = files(story);
    if (story === ONE_SOURCE_STORY) expect(names).toHaveLength(1);
    else {
      expect(names.length).toBeGreaterThanOrEqual(3);
      expect(names.length).toBeLessThanOrEqual(5);
    }
    for (const name of names) expect(ARTICLE_EXTENSIONS.has(extname(name)), name).toBe(true);
  });

  it.each(sampleFiles)('$story/$file is under 200 KB and has article text', ({ story, file }) => {
    expect(statSync(join(ROOT, story, file)).size).toBeLessThan(200 * 1024);
    const record = byId.get(sampleId(story, file));
    expect(record, 'its stream.jsonl line').toBeDefined();
    // Articles read like news: 200-600 words (the Spanish piece is short but still over 200).
    expect(wordCount(record!.text)).toBeGreaterThanOrEqual(200);
    expect(wordCount(record!.text)).toBeLessThanOrEqual(600);
    // The stream text is plain text taken from the file, so each of its paragraphs is in the file.
    const content = plainContent(story, file);
    for (const paragraph of record!.text.split('\n\n')) expect(content).toContain(squash(paragraph));
  });

  it('has only article files and the README and stream at the top level', () => {
    const top = readdirSync(ROOT).filter((name) => !stories.includes(name));
    expect(top.sort()).toEqual(['README.md', 'stream.jsonl']);
  });
});

describe('samples/stream.jsonl', () => {
  it('is what test/samples/stream-build.ts builds from the folders (rewrite it with --write)', () => {
    expect(streamLines.join('\n') + '\n').toBe(buildStream());
  });

  it('has one JSON object per line with every field a non-empty string', () => {
    expect(stream.length).toBe(streamLines.length);
    for (const r of stream) {
      for (const key of ['id', 'story', 'source', 'title', 'url', 'date', 'text'] as const) {
        expect(typeof r[key], `${r.id} ${key}`).toBe('string');
        expect(r[key].trim(), `${r.id} ${key}`).not.toBe('');
      }
      expect(r.date, r.id).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(r.url, r.id).toMatch(/^https:\/\/[a-z0-9.-]+\.example\//);
    }
  });

  it('carries every sample article exactly once, plus 6-10 extras from the events the README lists', () => {
    const ids = stream.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const samples = sampleFiles.map(({ story, file }) => sampleId(story, file));
    const extras = stream.filter((r) => !samples.includes(r.id));
    expect(extras.length).toBeGreaterThanOrEqual(6);
    expect(extras.length).toBeLessThanOrEqual(10);
    for (const r of stream.filter((r) => samples.includes(r.id))) expect(r.id.split('/')[0]).toBe(r.story);
    for (const r of extras) {
      expect(extraStories, r.id).toContain(r.story);
      expect(stories, r.id).not.toContain(r.story);
    }
    expect(new Set(extras.map((r) => r.story))).toEqual(new Set(extraStories));
  });

  it('names only existing stories', () => {
    for (const r of stream) expect([...stories, ...extraStories], r.id).toContain(r.story);
  });

  it('is shuffled, not grouped by story', () => {
    const runs = stream.filter((r, i) => i === 0 || stream[i - 1]!.story !== r.story).length;
    expect(runs).toBeGreaterThan(stream.length / 2);
  });
});

describe('sample quirks', () => {
  const text = (id: string) => byId.get(id)!.text;

  it('the Millbrook Sentinel page is windows-1252, with curly quotes and é in that charset', () => {
    const bytes = bytesOf('millbrook-plant-fire', 'millbrook-sentinel.html');
    expect(bytes.toString('latin1')).toMatch(/charset=windows-1252/i);
    expect(bytes.includes(0x93) && bytes.includes(0x94) && bytes.includes(0xe9)).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });

  it('the Fenwick Chronicle page carries a script payload, an onerror image and a script tag in its text', () => {
    const html = bytesOf('fenwick-tram-vote', 'fenwick-chronicle.html').toString('utf8');
    expect(html).toContain('<script>window.__xss = 1; alert(1)</script>');
    expect(html).toMatch(/<img [^>]*onerror="window.__xss = 1; alert\(1\)"/);
    expect(text('fenwick-tram-vote/fenwick-chronicle')).toContain("<script>alert('tram')</script>");
  });

  it('the numbers, dates and names that sources disagree on are there', () => {
    expect(text('millbrook-plant-fire/millbrook-sentinel')).toContain('injured 12 people');
    expect(text('millbrook-plant-fire/tarrow-valley-radio')).toMatch(/^Fifteen people were injured/);
    expect(text('harbor-bridge-closure/harbor-gazette')).toContain('before April 4');
    expect(text('harbor-bridge-closure/calder-daily-record')).toContain('on March 28');
    expect(text('fenwick-tram-vote/fenwick-free-press')).toContain('Dana Whitfield');
    expect(text('fenwick-tram-vote/civic-beat')).toContain('Dana Whitford');
    expect(text('fenwick-tram-vote/civic-beat')).not.toContain('Whitfield');
  });

  it('carries one quote in both attribution orders', () => {
    const quote = 'We will not send a single car across that bridge until I am certain it is safe';
    expect(text('harbor-bridge-closure/harbor-gazette')).toContain(`"${quote}," Mayor Lena Ortiz said`);
    expect(text('harbor-bridge-closure/calder-daily-record')).toContain(`Ortiz said: "${quote}."`);
  });

  it('the plain-text formats are all there: headers, a bare date line, no header, a Related tail', () => {
    const raw = (story: string, file: string) => bytesOf(story, file).toString('utf8');
    expect(raw('harbor-bridge-closure', 'northgate-herald.txt')).toMatch(
      /^Title: .+\nBy: .+\nDate: 2026-03-10\nSource: Northgate Herald\nURL: https:\/\/\S+\n\n/,
    );
    expect(raw('millbrook-plant-fire', 'riverside-evening-post.txt')).toMatch(/^date 2026-03-14\n\n/);
    expect(raw('millbrook-plant-fire', 'tarrow-valley-radio.txt')).toMatch(/^Fifteen people were injured/);
    expect(raw('fenwick-tram-vote', 'fenwick-free-press.txt')).toMatch(/\nPhoto: .+\/Fenwick Free Press\n/);
    expect(raw('fenwick-tram-vote', 'fenwick-free-press.txt')).toMatch(/\nRelated:\n.+\n.+\nRead more: .+\n$/);
  });

  it('the Spanish article is Spanish', () => {
    const es = text('isla-morena-ferry-grounding/el-faro-de-isla-morena');
    const words = es.toLowerCase().split(/[^\p{L}]+/u);
    const spanish = words.filter((w) => ['el', 'la', 'los', 'las', 'de', 'que', 'y', 'en', 'del'].includes(w));
    expect(spanish.length / words.length).toBeGreaterThan(0.2);
  });

  it('the only copy among the samples is the Westshore Courier carrying the Northgate Herald wire story', () => {
    for (const story of stories) {
      const records = stream.filter((r) => r.story === story);
      const articles = records.map((r) =>
        makeArticle({ id: r.id, source: r.source, title: r.title, date: r.date, text: r.text }),
      );
      const copies = findDuplicates(articles).map((l) => [records[l.article]!.id, records[l.original]!.id]);
      expect(copies, story).toEqual(
        story === 'harbor-bridge-closure'
          ? [['harbor-bridge-closure/westshore-courier', 'harbor-bridge-closure/northgate-herald']]
          : [],
      );
    }
  });

  it('the copy keeps the wire paragraphs but one, and adds a local one', () => {
    const wire = text('harbor-bridge-closure/northgate-herald').split('\n\n');
    const copy = text('harbor-bridge-closure/westshore-courier').split('\n\n');
    const norm = (p: string) => p.replace(/\s+/g, ' ').replace(/—/g, '-');
    const kept = wire.filter((p) => copy.map(norm).includes(norm(p)));
    expect(kept).toEqual(wire.slice(0, -1));
    expect(copy).toHaveLength(wire.length);
    expect(copy.at(-1)).toMatch(/^In Westshore,/);
  });
});

/**
 * Names of real news organisations (and an agency phrase) that fictional samples must not use. Some
 * invented names contain a real one ("Calder Daily Record" contains "Daily Record"); those are listed
 * as deliberate and removed before the search.
 */
const REAL_OUTLETS = [
  'Reuters',
  'Associated Press',
  '(AP)',
  'AP News',
  'Agence France-Presse',
  'AFP',
  'CNN',
  'New York Times',
  'Washington Post',
  'Wall Street Journal',
  'USA Today',
  'Los Angeles Times',
  'Chicago Tribune',
  'Boston Globe',
  'Miami Herald',
  'San Francisco Chronicle',
  'Detroit Free Press',
  'BBC',
  'The Guardian',
  'The Times',
  'The Observer',
  'Daily Mail',
  'Daily Record',
  'Evening Standard',
  'The Telegraph',
  'Financial Times',
  'The Economist',
  'Bloomberg',
  'Fox News',
  'NBC',
  'CBS',
  'ABC News',
  'NPR',
  'PBS',
  'Sky News',
  'Al Jazeera',
  'Politico',
  'Axios',
  'HuffPost',
  'Huffington Post',
  'El País',
  'El Mundo',
  'Der Spiegel',
  'Le Monde',
  'Getty Images',
];
const INVENTED_NAMES = ['Calder Daily Record'];

function realOutletsIn(content: string): string[] {
  const scrubbed = INVENTED_NAMES.reduce((s, name) => s.split(name).join(' '), content);
  return REAL_OUTLETS.filter((name) => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\p{L}\\d])${escaped}(?![\\p{L}\\d])`, 'u').test(scrubbed);
  });
}

describe('real outlet guard', () => {
  it.each([
    ['Photo: Jane Doe/Harbor Gazette', []],
    ['LONDON (Reuters) - The pier reopened.', ['Reuters']],
    ['PORT CALDER (AP) — The pier reopened.', ['(AP)']],
    ['the Calder Daily Record reported', []],
    ['the Daily Record reported', ['Daily Record']],
    ['as CNN first reported', ['CNN']],
    ['Cnnamon rolls, a BBCode forum, and the times we met', []],
  ])('%s → %j', (content, found) => {
    expect(realOutletsIn(content)).toEqual(found);
  });

  it.each(['README.md', 'stream.jsonl', ...sampleFiles.map(({ story, file }) => `${story}/${file}`)])(
    'samples/%s names no real outlet',
    (path) => {
      const bytes = readFileSync(join(ROOT, path));
      const [story, file] = path.split('/');
      const content = file ? plainContent(story!, file) : bytes.toString('utf8');
      expect(realOutletsIn(content)).toEqual([]);
    },
  );
});
