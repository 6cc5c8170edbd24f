/**
 * PolNeAR (Newell, Margolin & Ruths, LREC 2018) read as direct quotes with their annotated sources: what
 * bench/speakers.ts scores and lab/speakers/train.ts learns from. Gold quotes are the passages in
 * quotation marks of four or more words inside an annotated attribution Content (one annotator per
 * article: the first file by name), each with its attribution's Source. Offsets in the data are code
 * points; they are turned into UTF-16 offsets here. The text is read as the product reads a file: its
 * mis-decoded UTF-8 ("JesÃÂºs") read again (io/mojibake.ts), the annotations' offsets moved with it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blankMarkup } from '../../core/quotes/pair-marks.js';
import { inputOffset, movedOffset, repairMojibake, type TextEdit } from '../../io/mojibake.js';

export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface GoldQuote {
  readonly quote: Span;
  readonly source?: Span;
}

export interface PolnearArticle {
  /** File name without `.txt`. */
  readonly name: string;
  readonly text: string;
  readonly gold: readonly GoldQuote[];
  /** Annotated sources whose head ends in a capitalised word, in text order (the pronoun proxy). */
  readonly named: readonly Span[];
  /** Where the file's text was repaired (mojibake.ts): hand keys hold offsets of the file as it is. */
  readonly repairs: readonly TextEdit[];
}

/** Code-point offset → UTF-16 offset of `text`. */
export function utf16Offsets(text: string): number[] {
  const out: number[] = [];
  let u = 0;
  for (const ch of text) {
    out.push(u);
    u += ch.length;
  }
  out.push(u);
  return out;
}

/** An annotated span: from its first to its last piece, and the pieces (UTF-16 offsets). */
interface Pieces extends Span {
  readonly pieces: readonly (readonly [number, number])[];
}

function readAnnotations(
  path: string,
  raw: string,
  text: string,
  edits: readonly TextEdit[],
): { content: Pieces; source?: Span }[] {
  const map = utf16Offsets(raw).map((u) => movedOffset(edits, u));
  const spans = new Map<string, { type: string; span: Pieces }>();
  const out: { content: Pieces; source?: Span }[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (const line of lines) {
    const [id, body] = line.split('\t');
    if (!id?.startsWith('T') || !body) continue;
    const [type, ...rest] = body.split(' ');
    const ranges = rest
      .join(' ')
      .split(';')
      .map((r) => r.split(' ').map(Number));
    // Pieces are not always listed in text order (a quote's second half first).
    const pieces = ranges.map(([s, e]) => [map[s!]!, map[e!]!] as const).sort((a, b) => a[0] - b[0]);
    const start = pieces[0]![0];
    const end = Math.max(...pieces.map((r) => r[1]));
    spans.set(id, { type: type!, span: { start, end, text: text.slice(start, end), pieces } });
  }
  for (const line of lines) {
    const [id, body] = line.split('\t');
    if (!id?.startsWith('E') || !body) continue;
    const roles = new Map(body.split(' ').map((p) => p.split(':') as [string, string]));
    const source = spans.get(roles.get('Source') ?? '')?.span;
    const sourceSpan = source && verbSourceName(text, source);
    // A content in two pieces is annotated as Content and Content2 (`“…,” he said. “…”`).
    for (const [role, id] of roles) {
      const content = /^Content\d*$/.test(role) ? spans.get(id)?.span : undefined;
      if (content) out.push({ content, ...(sourceSpan && { source: sourceSpan }) });
    }
  }
  return out;
}

/**
 * The content span widened over a quotation mark that sits just outside it: annotators often start a
 * content at the first quoted word, leaving the opening mark out (`“` + `Sheldon and I … support.”`), and
 * the passage would otherwise be lost. A straight mark is taken only where it opens a quote (after a
 * space or at the text's start), so the closing mark of the quote before is never taken for it.
 */
function widened(text: string, c: Span): Span {
  let start = c.start;
  while (start > c.start - 2 && /\s/.test(text[start - 1] ?? '')) start--;
  const mark = text[start - 1];
  const opens = mark === '“' || mark === '‘' || (mark === '"' && /^\s?$/.test(text[start - 2] ?? ''));
  start = opens ? start - 1 : c.start;
  const after = /^\s{0,2}(?:”|[’"](?![\p{L}\p{N}]))/u.exec(text.slice(c.end, c.end + 3));
  const end = after ? c.end + after[0].length : c.end;
  return { start, end, text: text.slice(start, end) };
}

// A source annotated on its verb (`“…” said Ann Kale`, `Kale said in an interview`): a slip of the
// annotator's, 10 quotes of train, every one next to the name it means.
const VERB_SOURCE = /^(?:said|says|told|tells|added|adds|wrote|writes)(?![\p{L}])/u;
const NAME_AFTER = /^[^\S\n]+((?:\p{Lu}[\p{L}.'’-]*[^\S\n]+){0,3}\p{Lu}[\p{L}'’-]+)/u;
const NAME_BEFORE = /((?:\p{Lu}[\p{L}.'’-]*[^\S\n]+){0,3}\p{Lu}[\p{L}'’-]+)[^\S\n]+$/u;

/**
 * The annotated source, or, when it is only a verb of speech, the name written right after the verb
 * (`said Ann Kale`), else right before it (`Kale said`); a verb with no name next to it stays as is.
 */
export function verbSourceName(text: string, source: Span): Span {
  if (!VERB_SOURCE.test(source.text)) return { start: source.start, end: source.end, text: source.text };
  const after = NAME_AFTER.exec(text.slice(source.end, source.end + 80));
  if (after) {
    const start = source.end + after[0].length - after[1]!.length;
    return { start, end: start + after[1]!.length, text: after[1]! };
  }
  const before = NAME_BEFORE.exec(text.slice(Math.max(0, source.start - 80), source.start));
  if (before) {
    const start = source.start - before[0].length;
    return { start, end: start + before[1]!.length, text: before[1]! };
  }
  return { start: source.start, end: source.end, text: source.text };
}

const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * Quote-mark passages of four or more words inside a content span: double marks (curly or straight),
 * then single curly marks (`‘…’`, headlines and British style) outside them; an apostrophe (`don’t`,
 * `the city’s`) neither opens nor closes one. Marks are paired over the whole span, and a passage
 * counts when it overlaps one of the span's pieces (a passage wholly between two pieces is not part
 * of the content).
 */
function quotedParts(text: string, content: Pieces): Span[] {
  const c = widened(text, content);
  const out: Span[] = [];
  // Tags left in the page text (`<tweet author="…">`): their attribute values are in quote marks.
  const body = blankMarkup(text.slice(c.start, c.end));
  const add = (m: RegExpMatchArray) => {
    const start = c.start + m.index! + 1;
    const end = start + m[1]!.length;
    if (words(m[1]!) < 4 || out.some((o) => o.start - 1 < end && start < o.end + 1)) return;
    if (!content.pieces.some(([s, e]) => s <= end && start <= e)) return;
    out.push({ start, end, text: m[1]! });
  };
  // A mistyped mark (`”get close…”`, `“the best in the world“`) is read by where it stands. Marks pair
  // within a paragraph (a line): a quote left open at its end goes on in the next one, which reopens it.
  for (const m of body.matchAll(/(?:[“"]|”(?=\p{L}))([^“”"\n]+)(?:[”"]|“(?![\p{L}\p{N}])|$)/gmu)) add(m);
  for (const m of body.matchAll(/(?<![\p{L}\p{N}])‘((?:[^‘’“”"\n]|’(?=\p{L}))+)’(?!\p{L})/gu)) add(m);
  return out.sort((a, b) => a.start - b.start);
}

/** The articles of one split (`train`, `dev`) that have an annotation file, sorted by name. */
export function readPolnear(dir: string, split: string): PolnearArticle[] {
  const base = join(dir, split);
  if (!existsSync(join(base, 'text')))
    throw new Error(`expected a PolNeAR folder with ${split}/text, found ${dir}`);
  const files = readdirSync(join(base, 'text'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const annFiles = readdirSync(join(base, 'attributions')).sort();
  const out: PolnearArticle[] = [];
  for (const f of files) {
    const name = f.replace(/\.txt$/, '');
    const ann = annFiles.find((a) => a.startsWith(`${name}_`));
    if (!ann) continue;
    const raw = readFileSync(join(base, 'text', f), 'utf8');
    const { text, edits } = repairMojibake(raw);
    const annotations = readAnnotations(join(base, 'attributions', ann), raw, text, edits);
    const named = annotations
      .map((a) => a.source)
      .filter((x): x is Span => !!x && /^\p{Lu}/u.test(sourceHead(x.text).split(/\s+/).at(-1) ?? ''))
      .sort((x, y) => x.start - y.start);
    const gold: GoldQuote[] = [];
    for (const a of annotations)
      for (const q of quotedParts(text, a.content)) {
        if (gold.some((g) => g.quote.start === q.start)) continue;
        gold.push({ quote: q, ...(a.source && { source: a.source }) });
      }
    out.push({ name, text, gold, named, repairs: edits });
  }
  return out;
}

const surname = (s: string) =>
  (s.match(/\p{Lu}[\p{L}\p{M}'’-]*/gu) ?? [])
    .map((w) => w.replace(/['’]s$/, ''))
    .filter((w) => !/^(The|A|An|Sen|Mr|Mrs|Ms|Dr|Gov|Rep|Jr|Sr|II|III|IV)$/.test(w))
    .at(-1);

/**
 * The source's head: before an apposition, a relative clause or an affiliation ("Jeff Weaver, Sanders'
 * campaign manager"); but a description followed by a name in apposition is that name ("her senior
 * policy adviser, Jake Sullivan," → "Jake Sullivan"): the annotated source names the person.
 */
export const sourceHead = (src: string) => {
  const head = src
    .split(/,|\s\(|\s(?:who|of|at|for|from|in)\s/)[0]!
    .trim()
    .replace(/['’]s?$/, '');
  if (/^\p{Lu}/u.test(head.split(/\s+/).at(-1) ?? '')) return head;
  const named = /^[^,]+,\s+((?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]+)\s*(?:,|$)/u.exec(src.trim());
  return named ? named[1]! : head;
};
const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '');
/** Curly and straight apostrophes are one letter to the scorer ("D’Souza" is "D'Souza"). */
const apostrophes = (s: string) => s.replace(/’/g, "'");

/** Is `speaker` the gold source `gold` (a name, a description, or alternatives separated by `|`)? */
export function sameSpeaker(speaker: string, gold: string): boolean {
  if (/’/.test(speaker + gold)) return sameSpeaker(apostrophes(speaker), apostrophes(gold));
  if (gold.includes('|')) return gold.split('|').some((g) => sameSpeaker(speaker, g));
  // A first name alone ("Melanie"): the speaker's name must contain it.
  if (/^\p{Lu}[\p{L}'’-]+$/u.test(gold) && speaker.split(/\s+/).includes(gold)) return true;
  const g = surname(gold);
  // A name, or a name after adjectives ("A flabbergasted Noah", "an angry Hollande").
  const adjectivesAndName =
    /^(?:(?:[Tt]he|[Aa]n?)\s+)?(?:\p{Ll}[\p{L}-]*\s+){1,3}\p{Lu}[\p{L}\p{M}'’-]+$/u.test(gold) &&
    !/\s(?:of|at|for|from|in|with|to|and|or)\s/.test(gold);
  if (g && (/^\p{Lu}/u.test(gold.replace(/^(the|a|an)\s+/i, '')) || adjectivesAndName)) {
    // A transcript writes its speakers in capitals ("PENCE:"): the same surname as "Mike Pence".
    const s = surname(speaker);
    return s !== undefined && s.toLowerCase() === g.toLowerCase();
  }
  const a = norm(speaker);
  const b = norm(gold);
  return a === b || (a.length > 3 && (b.includes(a) || a.includes(b)));
}

/** A source that is a pronoun ("he", "who"): its referent is elsewhere. */
export const isPronounSource = (head: string) => /^(he|she|they|we|i|it|who)$/i.test(head);

/** A source that names no one by name (a pronoun or a description such as "the senator"). */
export const isDescribedSource = (head: string) =>
  isPronounSource(head) || !/^\p{Lu}/u.test(head.split(/\s+/).at(-1) ?? '');

/** One row of a hand key: its `file:start:end` key, the name, and the block of the file it is in. */
export interface SpeakerKeyRow {
  readonly at: string;
  readonly name: string;
  /**
   * Which block of the file holds it: a comment after rows opens the next block (each round adds its
   * rows under a comment saying which articles it read), so rows read in different rounds can be
   * scored apart.
   */
  readonly block: number;
}

/**
 * The rows of a hand key of pronoun and described sources (bench/data/polnear-SPLIT-speakers.tsv):
 * lines of file name, source start and end in code points, and the name the source refers to
 * (alternatives separated by `|`). Lines starting with `#` are comments. No key file: no rows.
 */
export function readSpeakerKeyRows(path: string): SpeakerKeyRow[] {
  const rows: SpeakerKeyRow[] = [];
  if (!existsSync(path)) return rows;
  let block = 0;
  let inRows = false;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('#')) {
      if (inRows) block++;
      inRows = false;
      continue;
    }
    const [file, s, e, name] = line.split('\t');
    if (!file || !s || !e || !name) continue;
    rows.push({ at: `${file}:${s}:${e}`, name, block });
    inRows = true;
  }
  return rows;
}

/** A hand key (readSpeakerKeyRows) as a map, keyed `file:start:end`. No key file: an empty map. */
export function readSpeakerKey(path: string): Map<string, string> {
  return new Map(readSpeakerKeyRows(path).map((r) => [r.at, r.name]));
}

/**
 * The key of a source span of `article` (UTF-16 offsets), as readSpeakerKey stores it: code points of
 * the file as written (a repaired run is all BMP characters, before and after, so the code points
 * move as the UTF-16 units do).
 */
export function speakerKeyOf(article: PolnearArticle, source: Span): string {
  const cp = (u: number) => [...article.text.slice(0, u)].length + inputOffset(article.repairs, u) - u;
  return `${article.name}:${cp(source.start)}:${cp(source.end)}`;
}
