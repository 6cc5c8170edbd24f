/**
 * The train quotes whose right speaker is no candidate at all, by cause: what the person and
 * candidate rules miss, before the chooser has any say. Only quotes with a trustworthy label
 * (train.ts) count, and the articles of the key's last block are left out: that block is kept unread
 * for judging (docs/speakers.md, "Ninth round").
 *
 *   npx tsx lab/speakers/missing.ts POLNEAR_DIR [--key FILE] [--list CAUSE] [--all-blocks]
 *
 * Causes, read from the text around the target's name (first match wins):
 *  - `not a person`: the target is a description or a thing ("the email", "a spokesman");
 *  - `only in quotes`: the name is a person mention, but only inside quotation marks;
 *  - `other name`: a mention covers the name, but the candidate it gives names someone else
 *    (a surname taken for another person's full name);
 *  - `first name alone`: the surname is nowhere near, the first name is (a person named in full
 *    before, then by first name);
 *  - `far`: the name is in the article but not within the candidates' window;
 *  - `not in text`: the target's surname is not in the article (a byline, a garbled name);
 *  - `missed: <what stands before it>`: the name is near but no mention covers it; what stands
 *    right before the capitalised run holding it says why (a party word, a title abbreviation, a
 *    lowercase descriptor, a sentence start, a role the lists lack…).
 * `--list CAUSE` prints each quote of a cause with the words before the name (the data stays out of
 * the repository: this prints to the terminal only).
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { personIndex } from '../../src/core/entities/person-spans.js';
import { capitalizedRuns } from '../../src/core/entities/capitalized-runs.js';
import { readPolnear, readSpeakerKey, readSpeakerKeyRows } from '../../src/eval/datasets/polnear.js';
import { readKeySections, speakerExamples, type SpeakerExample } from './examples.js';
import { KEY_PATH, trustworthy } from './train.js';

const WINDOW_BEFORE = 2000;
const WINDOW_AFTER = 400;
const PARTY =
  /^(?:democrat|democratic|republican|gop|independent|libertarian|socialist|conservative|liberal|labour|tory)$/i;

export interface Missing {
  readonly file: string;
  readonly at: number;
  readonly target: string;
  readonly cause: string;
  /** The words before the name and the name's run, for --list. */
  readonly context: string;
}

/** The words of a target name, alternatives split, titles and lowercase words dropped. */
function nameWords(target: string): string[][] {
  return target.split('|').map((t) => t.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Why the right speaker of `e` (in `text`) is no candidate. */
export function missingCause(e: SpeakerExample, text: string): Omit<Missing, 'file' | 'at' | 'target'> {
  const target = e.target ?? '';
  const names = nameWords(target).filter((w) => w.length > 0);
  if (names.length === 0) return { cause: 'not a person', context: '' };
  const people = personIndex(text);
  const from = Math.max(0, e.at - WINDOW_BEFORE);
  const to = Math.min(text.length, e.at + WINDOW_AFTER);
  let firstAlone = false;
  let far = false;
  for (const words of names) {
    const surname = words.at(-1)!;
    const re = new RegExp(`(?<![\\p{L}])${escape(surname)}(?![\\p{L}])`, 'gu');
    const hits = [...text.matchAll(re)].map((m) => m.index);
    const near = hits.filter((i) => i >= from && i < to);
    if (near.length === 0) {
      if (hits.length > 0) far = true;
      const first = words.length > 1 ? words[0]! : undefined;
      if (first && new RegExp(`(?<![\\p{L}])${escape(first)}(?![\\p{L}])`, 'u').test(text.slice(from, to)))
        firstAlone = true;
      continue;
    }
    const covered = near.filter((i) => people.mentions.some((m) => m.start <= i && i < m.end));
    if (covered.length > 0) {
      const outsideQuote = covered.some((i) => !insideQuote(text, i));
      return { cause: outsideQuote ? 'other name' : 'only in quotes', context: around(text, covered[0]!) };
    }
    // The name is near and no mention covers it: what stands before its run.
    const i = near.findLast((x) => x < e.at) ?? near[0]!;
    return { cause: `missed: ${beforeRun(text, i)}`, context: around(text, i) };
  }
  if (firstAlone) return { cause: 'first name alone', context: '' };
  return { cause: far ? 'far' : 'not in text', context: '' };
}

function insideQuote(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, text.lastIndexOf('\n', at)), at);
  const open = (before.match(/[“"]/g) ?? []).length;
  const close = (before.match(/”/g) ?? []).length;
  return /“/.test(before) ? open > close : open % 2 === 1;
}

function around(text: string, at: number): string {
  return text.slice(Math.max(0, at - 60), at + 30).replace(/\s+/g, ' ');
}

/** A coarse reading of what stands before the capitalised run holding offset `at`. */
function beforeRun(text: string, at: number): string {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const line = text.slice(lineStart, text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at));
  const run = capitalizedRuns(line).find((r) => {
    const s = lineStart + r.start;
    return s <= at && at < s + r.words.join(' ').length + 20;
  });
  const words = run?.words ?? [];
  const firstWord = words[0] ?? '';
  if (run?.initial && words.length === 1) return 'surname alone opening a sentence';
  if (run?.initial && words.length > 1 && PARTY.test(firstWord)) return 'party word in the run';
  if (words.some((w) => PARTY.test(w)) && words.length > 2) return 'party word in the run';
  if (words.some((w) => /^\p{Lu}$/u.test(w))) return 'middle initial';
  if (words.length === 1) return run?.initial ? 'surname alone opening a sentence' : 'surname alone';
  if (run?.initial) return 'run opening a sentence';
  if (run && /^\p{Ll}/u.test(run.before)) return 'lowercase word before';
  return 'other';
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      key: { type: 'string' },
      list: { type: 'string' },
      'all-blocks': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.error(
      'usage: npx tsx lab/speakers/missing.ts POLNEAR_DIR [--key FILE] [--list CAUSE] [--all-blocks]',
    );
    process.exit(values.help ? 0 : 2);
  }
  const keyPath = values.key ?? KEY_PATH;
  const rows = readSpeakerKeyRows(keyPath);
  const last = Math.max(0, ...rows.map((r) => r.block));
  // The articles of the key's last block: kept unread.
  const unread = new Set(
    values['all-blocks'] ? [] : rows.filter((r) => r.block === last).map((r) => r.at.split(':')[0]!),
  );
  const articles = readPolnear(positionals[0]!, 'train');
  const examples = speakerExamples(articles, readSpeakerKey(keyPath), readKeySections(keyPath));
  const texts = new Map(articles.map((a) => [a.name, a.text]));
  const counted = examples.filter((e) => trustworthy(e) && !unread.has(e.file));
  const out: (Missing & { kind: string; cue: string })[] = [];
  for (const e of counted) {
    if (e.right.length > 0) continue;
    const m = missingCause(e, texts.get(e.file)!);
    out.push({ file: e.file, at: e.at, target: e.target ?? '', kind: e.kind, cue: e.cue, ...m });
  }
  if (values.list) {
    for (const x of out.filter((m) => m.cause === values.list))
      console.log(`${x.file}\t${x.at}\t${x.kind}/${x.cue}\t${x.target}\t${x.context}`);
    return;
  }
  console.log(
    `trustworthy train quotes read: ${counted.length} (${unread.size} articles of key block ${last} left out); no right candidate: ${out.length}`,
  );
  const cells = new Map<string, number[]>();
  for (const x of out) {
    const c = cells.get(x.cause) ?? [0, 0, 0];
    c[x.kind === 'named' ? 0 : x.kind === 'pronoun' ? 1 : 2]!++;
    cells.set(x.cause, c);
  }
  console.log('cause: named / pronoun / described sources');
  for (const [cause, c] of [...cells].sort(
    (a, b) => b[1].reduce((s, x) => s + x) - a[1].reduce((s, x) => s + x),
  ))
    console.log(`${cause}: ${c.join(' / ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
