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
 *  - cut off: no final punctuation, or a trailing ellipsis, colon or comma;
 *  - unnamed person: "he" or "she" outside a quotation, opening the sentence, after a short opening
 *    phrase ("For two years, he…") or after a quotation ("…," she said), with no capitalised word
 *    before it outside the quotation, and the sentence before it in its article not right before it
 *    in the summary (an earlier sentence of the article may name someone else: "officials said…");
 *  - refers back: "those" or "these" before a lowercase word ("blamed for those delays"), "that" opening
 *    the sentence or following a short opening phrase ("Now, that pier…"), or "it" or "they" after
 *    one opening word or a short opening phrase ("Now it runs…"), without the sentence before it;
 *  - subheading: a question with no quotation mark in it, a line whose words are all capitalised but
 *    for short function words ("Crane Street, Dock Road and the Mole"), or a paragraph of one sentence of
 *    at most five words without a quotation mark ("Anglers return.").
 * A sentence can be of several kinds; each is counted once per kind.
 *
 *   npx tsx lab/summarize/broken-sentences.ts /work/shared/data/multi-news/validation.jsonl.gz --limit 1000 [--list]
 *   npx tsx lab/summarize/broken-sentences.ts /work/shared/data/duc2003 /work/shared/data/tac2011-multiling-english
 *
 * With a DUC 2003 and a TAC 2011 folder it reads the 70 cased clusters of the eleventh round's audit
 * (`cased-clusters.ts`) and builds each report as `chorus summarize` does (default budget).
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
import { buildStoryReport } from '../../src/core/pipeline.js';
import { prepareStory } from '../../src/core/prepare-story.js';
import { getSummarizer } from '../../src/core/summarize/registry.js';
import { parseMultiNewsLine } from '../../src/io/multinews.js';
import { markerSlots } from '../../src/web/marker-slots.js';
import { readCasedClusters } from './cased-clusters.js';

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
  'unnamed person',
  'refers back',
  'subheading',
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
/** Quoted stretches (straight or curly), blanked out before looking for pronouns and names. */
const QUOTED = /"[^"]*"|“[^”]*”/g;
const PERSON_AT = /^(?:[^,]{0,40}, )?(he|she)\b|["”]\s*(he|she)\s/iu;
const CAPITAL_AFTER_START = /\s\p{Lu}/u;
const DEMONSTRATIVE =
  /\b(?:those|these) (?!(?:who|whom|whose|of|in|at|on|with|from|for|are|were|days|that|which)\b)\p{Ll}|^(?:[^,"“”]{0,40}, )?that(?:'s|’s)?\b|^(?:\p{L}+|[^,"“”]{1,40},) (?:it|they)\b/iu;
const MINOR = new Set('a an and as at by for from in of on or the to with vs'.split(' '));
const LETTER_WORD = /\p{L}[\p{L}'’.-]*/gu;

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
    const unquoted = text.replace(QUOTED, (q) => (q.length > 2 ? '" "' : q));
    const pronoun = PERSON_AT.exec(unquoted);
    const word = pronoun?.[1] ?? pronoun?.[2] ?? '';
    const at = pronoun ? pronoun.index + pronoun[0].lastIndexOf(word) : 0;
    if (pronoun && alone && !CAPITAL_AFTER_START.test(unquoted.slice(0, at))) add('unnamed person');
    if (alone && DEMONSTRATIVE.test(unquoted)) add('refers back');
    if (subheading(doc, index[k]!, text)) add('subheading');
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

/** A question outside quotations, a title-cased line, or a short paragraph of its own. */
function subheading(doc: AnalyzedStory, i: number, text: string): boolean {
  const quoted = /["“”]/.test(text);
  if (!quoted && /\?\W*$/.test(text.trim())) return true;
  const words = text.match(LETTER_WORD) ?? [];
  const lower = words.filter((w) => !/^\p{Lu}/u.test(w) && !MINOR.has(w));
  if (!quoted && words.length >= 2 && lower.length === 0 && words.some((w) => /\p{Ll}/u.test(w))) return true;
  const s = doc.sentences[i];
  if (!s || quoted || words.length > 5) return false;
  const own = (n: number) =>
    doc.sentences[n]?.article === s.article && doc.sentences[n]?.paragraph === s.paragraph;
  return !own(i - 1) && !own(i + 1);
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

interface Report {
  readonly id: string;
  readonly doc: AnalyzedStory;
  readonly summary: Summary;
  /** The documents as the data holds them (Multi-News), for fused captions. */
  readonly raw: readonly string[];
}

/** The first `limit` Multi-News reports of `path`, summarized at 250 words as the evaluation does. */
function* multiNewsReports(path: string, limit: number): Generator<Report> {
  const chorus = getSummarizer('chorus');
  for (const [n, line] of readJsonLines(path).slice(0, limit).entries()) {
    const ex = parseMultiNewsLine(line, n + 1);
    const documents = (JSON.parse(line) as { documents?: unknown }).documents;
    const doc = prepareStory(ex.story).forSummary;
    const summary = chorus.summarize(doc, { words: 250 });
    yield { id: ex.id, doc, summary, raw: Array.isArray(documents) ? documents.map(String) : [] };
  }
}

/** The 70 cased clusters, each report built as `chorus summarize` builds it. */
function* clusterReports(duc: string, tac: string): Generator<Report> {
  for (const story of readCasedClusters(duc, tac)) {
    const report = buildStoryReport(story);
    yield { id: story.id, doc: prepareStory(story).forSummary, summary: report.summary, raw: [] };
  }
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { limit: { type: 'string', default: '1000' }, list: { type: 'boolean', default: false } },
  });
  const [path, tac] = positionals;
  if (!path)
    throw new Error('expected a Multi-News .jsonl.gz file or DUC 2003 and TAC 2011 folders, found none');
  const reports = tac ? clusterReports(path, tac) : multiNewsReports(path, Number(values.limit));
  const counts = new Map<Kind, number>(KINDS.map((k) => [k, 0]));
  let sentences = 0;
  let broken = 0;
  let examples = 0;
  const markers = { printed: 0, insideBefore: 0, insideNow: 0 };
  for (const { id, doc, summary, raw } of reports) {
    examples++;
    const kinds = classify(doc, summary, raw);
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
        if (values.list) console.log(`  ${id}\t${kind}\t${k}`);
      }
    });
  }
  console.log(`examples ${examples}  summary sentences ${sentences}  of some kind ${broken}`);
  for (const kind of KINDS) console.log(`${kind.padEnd(14)} ${String(counts.get(kind)).padStart(5)}`);
  console.log(
    `citation markers inside an open quotation: ${markers.insideBefore} of ${sentences} one per sentence, ` +
      `${markers.insideNow} of ${markers.printed} as the reports print them`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
