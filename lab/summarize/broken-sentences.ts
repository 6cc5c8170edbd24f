/**
 * Broken and context-less sentences in chorus summaries of real Multi-News reports, by kind
 * (docs/readability.md, "Eleventh round"). The kinds are told by rules of this script's own, not by
 * the ones selection uses (readability.ts), so that a selection change cannot move its own yardstick:
 *  - split quote: a quotation mark on the wrong side of a cut (a sentence ending in a mark that opens a
 *    quotation, or starting the run with one that closes it), or a run whose marks do not pair up;
 *  - quote in pieces: a sentence whose own marks do not pair up, though its run's do (a quotation
 *    shown over several summary sentences, each with its citation marker inside the quotation);
 *  - dangling: an opening pronoun or connective ("she", "but") whose sentence before it in its
 *    article is not right before it in the summary, also behind a dateline ("Springfield ( kxyz ) she…");
 *  - continuation: a sentence inside a paragraph opening in lowercase (Multi-News re-capitalised every
 *    sentence start its own splitter saw), without its sentence before it;
 *  - bare quote: a sentence that is one quotation and nothing else, without its sentence before it
 *    (where the speaker is named);
 *  - fragment: an opening subordinator ("after", "because") with no comma: a clause without its main one;
 *  - crawl: page furniture words (photo credits, "topics:", "hat tip", "originally appeared"…);
 *  - fused caption: the three words before a bracketed photo credit in the raw document and the three
 *    after it, all in one summary sentence (the caption ran on into the story);
 *  - cut off: no final punctuation, or a trailing ellipsis, colon or comma.
 * A sentence can be of several kinds; each is counted once per kind.
 *
 *   npx tsx lab/summarize/broken-sentences.ts /work/shared/data/multi-news/validation.jsonl.gz --limit 1000 [--list]
 *
 * It also counts the citation markers the reports print inside an open quotation, as main printed
 * them (one after each sentence) and as the renderers print them now (`markerSlots`): the summary is
 * read as one paragraph, straight marks toggling and curly ones nesting, and markers after the last
 * point where every quotation is closed are not counted (a stray mark leaves nothing to close).
 *
 * `--list` prints each hit's example id, kind and summary position (no text: the data stays out of logs
 * kept in the repository).
 */
import { fileURLToPath } from 'node:url';
import { readJsonLines } from '../json-lines.js';
import { parseArgs } from 'node:util';
import type { AnalyzedStory, Summary } from '../../src/core/model.js';
import { prepareStory } from '../../src/core/prepare-story.js';
import { getSummarizer } from '../../src/core/summarize/registry.js';
import { parseMultiNewsLine } from '../../src/io/multinews.js';
import { markerSlots } from '../../src/web/marker-slots.js';

export const KINDS = [
  'split quote',
  'quote in pieces',
  'dangling',
  'continuation',
  'bare quote',
  'fragment',
  'crawl',
  'fused caption',
  'cut off',
] as const;
export type Kind = (typeof KINDS)[number];

const BACK_WORDS = new Set(
  'he she his her him it its they their them this these those but however also and yet moreover furthermore nevertheless nonetheless instead still besides nor'.split(
    ' ',
  ),
);
const SUBORDINATORS = new Set(
  'after before because although though while when whenever if unless until since whereas'.split(' '),
);
/** A place and perhaps a station or agency in brackets, then perhaps a dash, at a sentence's start. */
const DATELINE =
  /^\p{L}[\p{L}.'’-]*(?:,? \p{L}[\p{L}.'’-]*){0,4} ?(?:\( ?[\p{L}\d.&' -]{1,24} ?\) ?(?:[—–]|--?)?|[—–]|--) ?/u;
const FIRST_WORD = /^[\s"“‘'(—–-]*(\p{L}+)/u;
const CRAWL =
  /\b(?:photo|photograph|getty images|associated press\)|caption|topics:|hat tip|originally appeared|click here|scroll down|app users|sign up|subscribe|follow us|related:|read more)\b/i;
const FINAL = /[.!?…](?:\s*["'”’)\]])*$/;
const TRAILING = /(?:\.\.\.|…|[:,;—–-])(?:\s*["'”’)\]])*$/;
const WHOLE_QUOTE = /^\s*["“][^"“”]+["”]\s*$/;

/** "… the last words of a caption ( photo: a name ) the first words …", in raw text. */
const CREDIT =
  /((?:\S+ ){3})\(\s*(?:photo|photograph|image|file photo)s?\s*(?::|by)\s*[^()]{1,80}\)((?: \S+){3})/giu;

/**
 * Kinds of each sentence of `summary`, in order. `raw` are the story's documents as the data holds
 * them, before any clean-up (for fused captions).
 */
export function classify(doc: AnalyzedStory, summary: Summary, raw: readonly string[] = []): Kind[][] {
  const index = placeSentences(doc, summary);
  const kinds: Kind[][] = summary.sentences.map(() => []);
  const texts = summary.sentences.map((s) => s.text);
  const seams = raw.flatMap((d) => [...d.matchAll(CREDIT)].map((m) => (m[1]! + m[2]!.trim()).toLowerCase()));
  const followsPrev = (k: number): boolean => {
    const a = doc.sentences[index[k - 1] ?? -1];
    const b = doc.sentences[index[k]!];
    return k > 0 && a !== undefined && b !== undefined && a.article === b.article && a.index + 1 === b.index;
  };
  // Runs of summary sentences that follow each other in their article, for quote pairing.
  let runStart = 0;
  for (let k = 0; k <= texts.length; k++) {
    if (k < texts.length && (k === 0 || followsPrev(k))) continue;
    markSplitQuotes(texts.slice(runStart, k)).forEach(
      (bad, j) => bad && kinds[runStart + j]!.push('split quote'),
    );
    runStart = k;
  }
  texts.forEach((text, k) => {
    const add = (kind: Kind) => kinds[k]!.push(kind);
    const s = doc.sentences[index[k]!];
    const alone = !followsPrev(k);
    const first = FIRST_WORD.exec(text)?.[1] ?? '';
    const opensParagraph = !s || s.index === 0 || doc.sentences[index[k]! - 1]?.paragraph !== s.paragraph;
    const afterDateline = opensParagraph ? (FIRST_WORD.exec(text.replace(DATELINE, ''))?.[1] ?? '') : '';
    const backWord = [first, afterDateline].some((w) => BACK_WORDS.has(w.toLowerCase()));
    const person = ['he', 'she', 'his', 'her', 'him'].includes(first.toLowerCase());
    const personNamed =
      person &&
      s !== undefined &&
      index.slice(0, k).some((j) => {
        const t = doc.sentences[j];
        return t !== undefined && t.article === s.article && t.index < s.index;
      });
    if (backWord && alone && !personNamed) add('dangling');
    if (alone && !opensParagraph && /^\p{Ll}+$/u.test(first) && !/^[\s"“‘'(]/.test(text)) add('continuation');
    if (alone && WHOLE_QUOTE.test(text)) add('bare quote');
    if (SUBORDINATORS.has(first.toLowerCase()) && !text.includes(',')) add('fragment');
    if (!kinds[k]!.includes('split quote') && ownMarksUnpaired(text)) add('quote in pieces');
    if (CRAWL.test(text)) add('crawl');
    if (seams.some((seam) => text.toLowerCase().includes(seam))) add('fused caption');
    if (!FINAL.test(text.trimEnd()) || TRAILING.test(text.trimEnd())) add('cut off');
  });
  return kinds;
}

/** For each sentence of the run, whether a quotation mark in it sits on the wrong side of a cut. */
function markSplitQuotes(run: readonly string[]): boolean[] {
  let open = false;
  let curly = 0;
  const bad = run.map((text) => {
    let wrong = false;
    const trimmed = text.trimEnd();
    for (let i = 0; i < trimmed.length; i++) {
      const c = trimmed[i];
      if (c === '"') {
        const opening = !open;
        open = !open;
        // A mark that opens a quotation as the sentence's last character quotes nothing in it.
        if (opening && /^[\s.!?,;:]*$/.test(trimmed.slice(i + 1))) wrong = true;
      } else if (c === '“') curly++;
      else if (c === '”') {
        if (curly === 0) wrong = true;
        curly = Math.max(0, curly - 1);
      }
    }
    return wrong;
  });
  if (open || curly !== 0) return run.map((t, j) => bad[j]! || /["“”]/.test(t));
  return bad;
}

/** Whether the straight marks of `text` are odd or its curly ones do not pair up. */
function ownMarksUnpaired(text: string): boolean {
  const straight = [...text].filter((c) => c === '"').length;
  const opens = [...text].filter((c) => c === '“').length;
  return straight % 2 === 1 || opens !== [...text].filter((c) => c === '”').length;
}

/**
 * How many of the markers printed after the summary sentences `texts` (`markers[k]` after sentence k)
 * stand inside an open quotation that a later mark closes.
 */
export function markersInsideQuotes(texts: readonly string[], markers: readonly number[]): number {
  let straight = false;
  let curly = 0;
  const open: boolean[] = [];
  let settled = 0;
  texts.forEach((text, k) => {
    for (const c of text) {
      if (c === '"') straight = !straight;
      else if (c === '“') curly++;
      else if (c === '”') curly = Math.max(0, curly - 1);
      if (!straight && curly === 0) settled = open.length;
    }
    for (let m = 0; m < (markers[k] ?? 0); m++) open.push(straight || curly > 0);
  });
  if (!straight && curly === 0) settled = open.length;
  return open.slice(0, settled).filter(Boolean).length;
}

/** Each summary sentence's index in `doc`, through its origin citation or its text (−1 when not found). */
function placeSentences(doc: AnalyzedStory, summary: Summary): number[] {
  const byText = new Map<string, number>();
  doc.sentences.forEach((s, i) => {
    if (!byText.has(s.text)) byText.set(s.text, i);
  });
  return summary.sentences.map((sentence) => {
    const origin = sentence.citations.find((c) => c.origin);
    const start = origin ? doc.spans[origin.article]?.[0] : undefined;
    const at = start !== undefined && origin ? start + origin.sentence : -1;
    return doc.sentences[at]?.text === sentence.text ? at : (byText.get(sentence.text) ?? -1);
  });
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { limit: { type: 'string', default: '1000' }, list: { type: 'boolean', default: false } },
  });
  const path = positionals[0];
  if (!path) throw new Error('expected the path of a Multi-News .jsonl.gz file, found none');
  const chorus = getSummarizer('chorus');
  const counts = new Map<Kind, number>(KINDS.map((k) => [k, 0]));
  let sentences = 0;
  let broken = 0;
  let examples = 0;
  const markers = { printed: 0, insideBefore: 0, insideNow: 0 };
  const lines = readJsonLines(path);
  for (const [n, line] of lines.slice(0, Number(values.limit)).entries()) {
    const ex = parseMultiNewsLine(line, n + 1);
    const documents = (JSON.parse(line) as { documents?: unknown }).documents;
    examples++;
    const doc = prepareStory(ex.story).forSummary;
    const summary = chorus.summarize(doc, { words: 250 });
    const kinds = classify(doc, summary, Array.isArray(documents) ? documents.map(String) : []);
    sentences += kinds.length;
    const texts = summary.sentences.map((x) => x.text);
    const now = markerSlots(summary.sentences).map((slots) => slots.length);
    markers.printed += now.reduce((a, b) => a + b, 0);
    markers.insideBefore += markersInsideQuotes(
      texts,
      texts.map(() => 1),
    );
    markers.insideNow += markersInsideQuotes(texts, now);
    kinds.forEach((ks, k) => {
      if (ks.length > 0) broken++;
      for (const kind of ks) {
        counts.set(kind, counts.get(kind)! + 1);
        if (values.list) console.log(`  ${ex.id}\t${kind}\t${k}`);
      }
    });
  }
  console.log(`examples ${examples}  summary sentences ${sentences}  of some kind ${broken}`);
  for (const kind of KINDS) console.log(`${kind.padEnd(13)} ${String(counts.get(kind)).padStart(5)}`);
  console.log(
    `citation markers inside an open quotation: ${markers.insideBefore} of ${sentences} one per sentence, ` +
      `${markers.insideNow} of ${markers.printed} as the reports print them`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
