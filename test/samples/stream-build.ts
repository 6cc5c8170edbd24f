/**
 * Builds samples/stream.jsonl: every sample article as plain text, one JSON object per line, plus the
 * extra articles of stream-extras.ts, in a seeded shuffle. The samples test compares the committed file
 * with this output, so the stream cannot drift from the folders; after editing a sample, rewrite it with
 *
 *   npx tsx test/samples/stream-build.ts --write
 *
 * The text is taken with plain rules written for these pages (paragraphs of the article element, minus
 * by-lines, captions, share bars and link lists), not with src/io, so the stream stays a hand-checked
 * reference rather than a copy of whatever the reader extracts today.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { mulberry32 } from '../../src/eval/datasets/sample.js';
import { parseDocument } from '../../src/io/dom.js';
import { EXTRAS } from './stream-extras.js';

export const SAMPLES_DIR = fileURLToPath(new URL('../../samples/', import.meta.url));

export interface StreamRecord {
  readonly id: string;
  /** Gold story: a sample folder name, or an extra event. */
  readonly story: string;
  readonly source: string;
  readonly title: string;
  readonly url: string;
  readonly date: string;
  readonly text: string;
}

type Fields = Omit<StreamRecord, 'id' | 'story'>;

/** What the two header-less Millbrook texts do not say about themselves, given as a feed would give it. */
const FEED_FIELDS: Readonly<Record<string, Partial<Fields>>> = {
  'millbrook-plant-fire/riverside-evening-post': {
    source: 'Riverside Evening Post',
    url: 'https://riversideeveningpost.example/2026/03/14/millbrook-recycling-plant-fire',
  },
  'millbrook-plant-fire/tarrow-valley-radio': {
    title: 'Fifteen injured in Millbrook recycling plant fire, hospital says',
    source: 'Tarrow Valley Radio',
    url: 'https://tarrowvalleyradio.example/news/millbrook-plant-fire-fifteen-injured',
    date: '2026-03-14',
  },
};

const NOT_BODY_CLASS = /byline|dateline|kicker|posted|^date$|firma|meta|eyebrow|dek|standfirst|tags/;
const NOT_BODY_INSIDE =
  'figure, aside, nav, header, footer, [class^="share"], [class*=" share"], .story-share, .newsletter, ' +
  '.newsletter-promo, .related, .read-more, .more-stories, .more-on-this, .subscribe-box, .donate-box, ' +
  '.compartir, .relacionadas, .paywall-note, .entry-footer';

/**
 * Decodes a sample page in the charset its head declares (one sample is windows-1252 on purpose).
 * iconv-lite, because Node 20's TextDecoder reads windows-1252 as Latin-1 (0x92 stays U+0092, not ’).
 */
export function decodeSample(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const charset = /charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  return iconv.decode(Buffer.from(bytes), charset);
}

function fromHtml(bytes: Uint8Array): Partial<Fields> {
  const document = parseDocument(decodeSample(bytes));
  const meta = (property: string) =>
    document.querySelector(`meta[property="${property}"]`)?.getAttribute('content') ?? undefined;
  const root = document.querySelector('article') ?? document.querySelector('[itemprop="articleBody"]');
  const paragraphs = [...(root?.querySelectorAll('p') ?? [])]
    .filter((p) => !NOT_BODY_CLASS.test(p.className) && !p.querySelector('img') && !p.closest(NOT_BODY_INSIDE))
    .map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((t) => t.length > 0);
  return {
    title: meta('og:title'),
    source: meta('og:site_name'),
    url: meta('og:url'),
    date: meta('article:published_time'),
    text: paragraphs.join('\n\n'),
  };
}

const HEADER = /^(title|by|date|source|url):\s*(.*)$/i;

/** Header lines (or a bare `date YYYY-MM-DD` line) until the first other line; the rest is the text. */
function fromText(raw: string): Partial<Fields> {
  const lines = raw.split('\n');
  const header: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const field = HEADER.exec(line);
    const bareDate = /^date (\d{4}-\d{2}-\d{2})$/.exec(line);
    if (field) header[field[1]!.toLowerCase()] = field[2]!;
    else if (bareDate) header.date = bareDate[1]!;
    else break;
  }
  let text = lines.slice(i).join('\n').trim();
  // The bare-date text opens with its headline and by-line as paragraphs, the way such files come.
  if (Object.keys(header).length === 1 && header.date) {
    const [headline, , ...rest] = text.split('\n\n');
    header.title = headline ?? '';
    text = rest.join('\n\n');
  }
  return { title: header.title, source: header.source, url: header.url, date: isoDate(header.date), text };
}

/** A header date as `YYYY-MM-DD` when it is spelled out ("March 10, 2026"); ISO dates are kept. */
function isoDate(value: string | undefined): string | undefined {
  if (!value || /^\d{4}-\d{2}-\d{2}/.test(value)) return value;
  const date = new Date(Date.parse(value));
  if (Number.isNaN(date.getTime())) throw new Error(`a sample header date that is not a date: ${value}`);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function fromJson(raw: string): Partial<Fields> {
  const record = JSON.parse(raw) as Partial<Fields>;
  return { title: record.title, source: record.source, url: record.url, date: record.date, text: record.text };
}

/** The sample story folders, sorted. */
export function sampleStories(root = SAMPLES_DIR): string[] {
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort();
}

/** Every sample article as a stream record, folder by folder, file by file. */
export function sampleRecords(root = SAMPLES_DIR): StreamRecord[] {
  return sampleStories(root).flatMap((story) =>
    readdirSync(join(root, story))
      .sort()
      .map((file) => {
        const id = `${story}/${file.slice(0, -extname(file).length)}`;
        const bytes = readFileSync(join(root, story, file));
        const read =
          extname(file) === '.html'
            ? fromHtml(bytes)
            : extname(file) === '.json'
              ? fromJson(bytes.toString('utf8'))
              : fromText(bytes.toString('utf8'));
        const fields = { ...read, ...FEED_FIELDS[id] };
        const missing = (['title', 'source', 'url', 'date', 'text'] as const).filter((k) => !fields[k]);
        if (missing.length > 0) throw new Error(`samples/${story}/${file}: no ${missing.join(', ')} found`);
        return { id, story, ...(fields as Fields) };
      }),
  );
}

/** The stream file's content: samples and extras, shuffled with a fixed seed. */
export function buildStream(root = SAMPLES_DIR): string {
  const records: StreamRecord[] = [
    ...sampleRecords(root),
    ...EXTRAS.map((e, i) => ({ id: `extra/${e.story}-${(i % 2) + 1}`, ...e })),
  ];
  const random = mulberry32(2026);
  for (let i = records.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [records[i], records[j]] = [records[j]!, records[i]!];
  }
  return records
    .map((r) =>
      JSON.stringify({ id: r.id, story: r.story, source: r.source, title: r.title, url: r.url, date: r.date, text: r.text }),
    )
    .join('\n')
    .concat('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--write')) {
  writeFileSync(join(SAMPLES_DIR, 'stream.jsonl'), buildStream());
  console.log('wrote samples/stream.jsonl');
}
