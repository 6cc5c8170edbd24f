/**
 * Clutter that extraction and crawls leave inside article text: photo captions and credits, "Related:"
 * lines, share/subscribe prompts, cookie, browser and error notices, tweet embeds, web-archive pages.
 * Multi-News keeps all of it inside one line per document, so most of the work is per sentence.
 *
 * Three levels, all driven by boilerplate-rules.json:
 *  - text: entities decoded, clutter lines dropped, clutter phrases without sentence boundaries stripped
 *    ("enlarge this image toggle caption"), in `removeBoilerplate` at ingest;
 *  - sentence: `cleanSentence` strips tweet signatures, tweet links and wire datelines ("Paris (AP) —"), `isBoilerplateSentence` tells clutter
 *    sentences, which `analyzeStory` never offers to the summarizers;
 *  - document: a text that is nothing but clutter (an error, cookie or archive page) is dropped whole,
 *    with a warning that says what it looked like.
 * The patterns are specific on purpose: a news sentence about cookies, Twitter or an error must survive.
 */
import rules from './boilerplate-rules.json' with { type: 'json' };
import { decodeEntities } from './entities.js';
import { splitSentences } from './sentences.js';
import { withoutRepeatedStandfirst } from './standfirst.js';
import { tidySpaces } from './tidy-spaces.js';
import { countWords } from './tokens.js';
import { unwrapTweetTags } from './tweet-tags.js';
import { hasLetterOrDigit } from './letters.js';
import { anyOf } from './any-of.js';
import { requiredTexts } from './required-text.js';
import { mayHoldPageClutter } from './page-gate.js';
import { PieceFinder } from './piece-finder.js';

export interface CleanedText {
  readonly text: string;
  /** The lines and phrases that were removed, for warnings and tests. */
  readonly removed: readonly string[];
  /** Set when the whole text was dropped: `dropped: looks like a cookie notice, not an article`. */
  readonly dropped?: string;
}

/** What a clutter sentence or page is (keys of `categories` in boilerplate-rules.json). */
export type BoilerplateCategory = keyof typeof rules.categories;

interface Rule {
  readonly category: BoilerplateCategory;
  readonly re: RegExp;
}

// The patterns are written in lowercase and run on lowercased text: V8 runs case-insensitive Unicode
// expressions about ten times slower, and this filter sees every sentence of every article.
const compile = (pattern: string, flags = 'u') => new RegExp(pattern, flags);
/**
 * A rule with `endsParagraph` removes a piece that closed a block of its own, such as a tweet's signature:
 * what follows starts a new paragraph, so that the tweet and the article's next sentence stay apart.
 */
const STRIP: StripList = stripList(
  rules.strip.map((r) => ({
    pattern: r.pattern,
    gap: 'endsParagraph' in r && r.endsParagraph ? '\n\n' : ' ',
  })),
  true,
);
const SENTENCE_STRIP: StripList = stripList(
  rules.sentenceStrip.map((r) => ({ pattern: r.pattern, gap: ' ', needs: r.needs })),
  false,
);

interface Strip {
  readonly re: RegExp;
  /** What stands where a piece was removed. */
  readonly gap: string;
  /** A character every match holds: text without it is not searched (these run on every sentence). */
  readonly needs?: string;
  /** Sets of pieces of text a match holds one of each (required-text.ts); empty when none were found. */
  readonly pieces: readonly (readonly string[])[];
  /** `pieces` as places in the list's `finder.pieces` (empty without a finder). */
  readonly places: readonly (readonly number[])[];
}

/**
 * Whether `target` holds what a match of `strip` needs; false means the strip cannot match it. `found`,
 * when given, says which of the list's pieces (`StripList.finder`) a text holds that `target` was cut from.
 */
function mayMatch(strip: Strip, target: string, found: Uint8Array | undefined): boolean {
  if (strip.needs !== undefined && !target.includes(strip.needs)) return false;
  if (found) return strip.places.every((set) => set.some((k) => found[k] === 1));
  return strip.pieces.every((set) => set.some((piece) => target.includes(piece)));
}

interface StripList {
  readonly strips: readonly Strip[];
  /**
   * All the patterns as one expression: a text it does not match has nothing to strip, which one scan
   * tells instead of one per pattern (most texts; the strips were a fifth of reading an article).
   * Undefined when a pattern other than the first refers back to a group: joined, its numbers would shift.
   * Not used when every strip has pieces (`gated`): looking for them is faster still.
   */
  readonly any?: RegExp;
  /** True when every strip has pieces of text it needs, so that `mayMatch` tells which can match. */
  readonly gated: boolean;
  /**
   * Finds every strip's pieces in one scan of a text (when `gated`): about 40 calls of `includes` a
   * text, each reading the whole text when the piece is missing, cost three times as much.
   */
  readonly finder?: PieceFinder;
}

/**
 * `byPieces`: tell by the pieces of text each strip needs (whole texts, where scanning for the joined
 * expression cost most); else by the joined expression and `needs` (sentences, short and many).
 */
function stripList(
  strips: readonly { pattern: string; gap: string; needs?: string }[],
  byPieces: boolean,
): StripList {
  const backReference = /\\[1-9]|\\k</;
  const joinable = strips.every((s, i) => i === 0 || !backReference.test(s.pattern));
  const pieces = strips.map(({ pattern }) => (byPieces ? requiredTexts(pattern) : []));
  const gated = byPieces && strips.every((s, i) => pieces[i]!.length > 0 || s.needs !== undefined);
  const finder = gated ? new PieceFinder(pieces.flat(2)) : undefined;
  const compiled: Strip[] = strips.map(({ pattern, gap, needs }, i) => ({
    re: compile(pattern, 'gu'),
    gap,
    ...(needs !== undefined && { needs }),
    pieces: pieces[i]!,
    // A set holding the empty piece asks nothing of a text (the finder does not look for it).
    places: finder
      ? pieces[i]!.filter((set) => !set.includes('')).map((set) =>
          set.map((piece) => finder.pieces.indexOf(piece)),
        )
      : [],
  }));
  return {
    strips: compiled,
    gated,
    ...(finder && { finder }),
    ...(joinable && !gated && { any: joined(strips.map((s) => s.pattern)) }),
  };
}

/** The patterns as alternatives of one expression, or undefined if they cannot be (a group name twice). */
function joined(patterns: readonly string[]): RegExp | undefined {
  try {
    return compile(patterns.map((p) => `(?:${p})`).join('|'));
  } catch {
    return undefined;
  }
}
const LINES: readonly Rule[] = rules.lines.map((r) => ({
  category: r.category as BoilerplateCategory,
  re: compile(r.pattern),
}));
const SENTENCES: readonly Rule[] = rules.sentences.map((r) => ({
  category: r.category as BoilerplateCategory,
  re: compile(r.pattern),
}));
/**
 * One pass for the common case, a sentence that is not clutter; the category is looked up after a hit.
 * Branches grouped by their opening `\b` or `^` (any-of.ts): the same answers in less than half the time.
 */
const ANY_SENTENCE = anyOf(
  rules.sentences.map((r) => r.pattern),
  'u',
);
const DOCUMENTS = rules.documents.map((r) => ({
  category: r.category as BoilerplateCategory,
  re: compile(r.pattern, 'gu'),
  minHits: r.minHits,
  maxWords: r.maxWords,
}));

const PAGE_CATEGORIES: ReadonlySet<string> = new Set(rules.pageCategories);

/** A page whose readable words are fewer than this, and fewer than its clutter words, is not an article. */
const MIN_ARTICLE_WORDS = 40;
/** …as is a page that is mostly clutter and short. */
const MAX_CLUTTER_SHARE = 0.7;
const SHORT_PAGE_WORDS = 150;
/** A page with a document signal (see boilerplate-rules.json) goes if less than this share is left without it. */
const MIN_REST_SHARE = 0.2;

/**
 * Strips tweet signatures, tweet links and a leading wire dateline from one sentence. A dateline in
 * capitals ("WASHINGTON — ") is looked for only where a paragraph starts (`opensParagraph`), where
 * datelines stand: inside a paragraph, "NASA — The agency…" is an acronym opening a sentence.
 * @example cleanSentence("Go team! pic.twitter.com/x1") → "Go team!"
 */
export function cleanSentence(text: string, opensParagraph = true): string {
  return finishClean(text, stripMatches(text, SENTENCE_STRIP), opensParagraph);
}

/** `cleanSentence` once the sentence strips are applied (`stripped`). */
function finishClean(text: string, stripped: string, opensParagraph: boolean): string {
  let out = stripped;
  const dateline = opensParagraph ? CAPS_DATELINE.exec(out) : null;
  if (dateline) out = out.slice(dateline[0].length);
  return out === text ? text : out.replace(/\s{2,}/g, ' ').trim();
}

/**
 * `boilerplateCategory(text)`, and unless it is clutter `cleanSentence(text, opensParagraph)`: both
 * strip the same pieces first, which is done once when `text` has no spaces to trim.
 */
export function cleanOrClutter(
  text: string,
  opensParagraph: boolean,
): { category: BoilerplateCategory; clean?: undefined } | { category?: undefined; clean: string } {
  const trimmed = text.trim();
  const stripped = stripMatches(trimmed, SENTENCE_STRIP);
  const category = cleanedCategory(finishClean(trimmed, stripped, true).toLowerCase(), text);
  if (category) return { category };
  const clean =
    trimmed === text ? finishClean(text, stripped, opensParagraph) : cleanSentence(text, opensParagraph);
  return { clean };
}

/**
 * A newspaper dateline without an agency, "WASHINGTON — " or "RIO DE JANEIRO, Brazil — ": a place in
 * capitals (the rules above see lowercased text, so this one is case-sensitive), an optional region,
 * then a dash, before a sentence that starts with a capital. An acronym opening a paragraph the same way
 * ("NASA — The agency…") would go too; news text hardly ever does that.
 */
const CAPS_DATELINE =
  /^\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]+){0,3}(?:, \p{Lu}[\p{L}.]+(?: \p{Lu}[\p{L}.]+)?)? ?(?:[—–]|--?) ?(?=[\p{Lu}"“])/u;

/**
 * Removes what `patterns` (lowercase, global) match in the lowercased `text`, from `text` itself, keeping
 * its case. `onRemove` sees each removed piece.
 */
function stripMatches(text: string, patterns: StripList, onRemove?: (piece: string) => void): string {
  let out = text;
  let lower = out.toLowerCase();
  if (patterns.any && !patterns.any.test(lower.length === out.length ? lower : out)) return out;
  // The pieces of the text as it comes. A strip puts a space or a blank line where it cuts, and a piece
  // holds no whitespace (required-text.ts), so what is left holds no piece that the text did not:
  // a piece found here and cut since only lets a strip's expression run for nothing.
  const found =
    patterns.finder && lower.length === out.length ? patterns.finder.findIndexes(lower) : undefined;
  for (const strip of patterns.strips) {
    const { re, gap } = strip;
    // Lowercasing keeps offsets except for a few letters (İ); there, match the text as it is.
    const target = lower.length === out.length ? lower : out;
    if (!mayMatch(strip, target, target === lower ? found : undefined)) continue;
    let result = '';
    let last = 0;
    for (const m of target.matchAll(re)) {
      if (m[0].length === 0) continue;
      onRemove?.(out.slice(m.index, m.index + m[0].length).trim());
      result += out.slice(last, m.index) + gap;
      last = m.index + m[0].length;
    }
    if (last > 0) {
      out = result + out.slice(last);
      lower = out.toLowerCase();
    }
  }
  return out;
}

/** The clutter category of one sentence (tweet signatures and links stripped first), or undefined for news. */
export function boilerplateCategory(text: string): BoilerplateCategory | undefined {
  return cleanedCategory(cleanSentence(text.trim()).toLowerCase(), text);
}

/** `boilerplateCategory` of `text` from its cleaned, lowercased form. */
function cleanedCategory(cleaned: string, text: string): BoilerplateCategory | undefined {
  // Nothing readable left once the embed is gone: the sentence was a tweet signature or link.
  if (!hasLetterOrDigit(cleaned)) return hasLetterOrDigit(text) ? 'social' : undefined;
  if (!ANY_SENTENCE.test(cleaned)) return undefined;
  return SENTENCES.find((r) => r.re.test(cleaned))?.category;
}

/**
 * True for a sentence that is page clutter rather than news: a cookie or error notice, a subscribe prompt,
 * a photo credit, a tweet embed with nothing left once its signature is gone.
 * Example: `isBoilerplateSentence("We use cookies to improve your experience.")` → true.
 */
export function isBoilerplateSentence(text: string): boolean {
  return boilerplateCategory(text) !== undefined;
}

/**
 * A line starting like clutter ("Photo:", "Related:") is dropped whole only when it is this short: a
 * Multi-News article is one line, and "Photo: …" may open 800 words of news.
 */
const MAX_CLUTTER_LINE_WORDS = 30;

/**
 * A line that starts like clutter, without its clutter: nothing for a short line, the rest after its
 * first sentence (the caption or link the label introduces) for a long one.
 */
function withoutClutterStart(line: string, removed: string[]): string | undefined {
  const trimmed = line.trim();
  if (!LINES.some((r) => r.re.test(trimmed.toLowerCase()))) return line;
  if (countWords(trimmed) <= MAX_CLUTTER_LINE_WORDS) {
    removed.push(trimmed);
    return undefined;
  }
  const [first, ...rest] = splitSentences(trimmed);
  if (!first || rest.length === 0) return line;
  removed.push(first.text);
  return rest.map((s) => s.text).join(' ');
}

/** A paragraph of at most this many words can be a prompt (newsletter, contact, tip line) … */
const MAX_PROMPT_PARAGRAPH_WORDS = 60;
/** … and of at least this many: "No." may answer an interview question; `isBoilerplateSentence` says promo. */
const MIN_PROMPT_PARAGRAPH_WORDS = 3;
/** … when clutter sentences hold at least this share of its words. */
const MIN_PROMPT_SHARE = 0.5;

/**
 * Drops paragraphs that are mostly clutter sentences: "Sign up for our daily newsletter…", "Ann Lee may be
 * reached at … Follow her on Twitter @annlee." Analysis already left such sentences out of summaries;
 * here they leave the article text too. A text of one paragraph (Multi-News) is judged by `pageVerdict`.
 * Copyright lines stay: pages differ on whether the notice is part of the article (a wire story's is).
 */
function withoutPromptParagraphs(text: string, removed: string[]): string {
  const paragraphs = text.split(/\n\s*\n/);
  if (paragraphs.length < 2) return text;
  const kept = paragraphs.filter((p) => {
    const words = countWords(p);
    if (words < MIN_PROMPT_PARAGRAPH_WORDS || words > MAX_PROMPT_PARAGRAPH_WORDS) return true;
    let clutter = 0;
    for (const s of splitSentences(p)) {
      const category = boilerplateCategory(s.text);
      if (category && category !== 'legal') clutter += countWords(s.text);
    }
    if (clutter < words * MIN_PROMPT_SHARE) return true;
    removed.push(p.trim());
    return false;
  });
  return kept.length > 0 ? kept.join('\n\n') : text;
}

/** Drops clutter lines and phrases from `text` and tells whether the whole text is clutter. Keeps paragraphs. */
export function removeBoilerplate(text: string): CleanedText {
  const removed: string[] = [];
  let kept = unwrapTweetTags(decodeEntities(text), (tag) => removed.push(tag))
    .split('\n')
    .map((line) => withoutClutterStart(line, removed))
    .filter((line) => line !== undefined)
    .join('\n');
  kept = tidySpaces(stripMatches(kept, STRIP, (piece) => removed.push(piece)));
  kept = withoutPromptParagraphs(kept, removed);
  kept = withoutRepeatedStandfirst(kept, (sentence) => removed.push(sentence));
  const dropped = pageVerdict(kept);
  if (dropped) return { text: '', removed: [...removed, kept], dropped };
  return { text: kept, removed };
}

/** The warning for a text that is nothing but clutter, or undefined for an article. */
function pageVerdict(text: string): string | undefined {
  if (!text || !mayHoldPageClutter(text)) return undefined;
  const sentences = splitSentences(text).map((s) => {
    const category = boilerplateCategory(s.text);
    return {
      lower: s.text.toLowerCase(),
      words: countWords(s.text),
      category: category && PAGE_CATEGORIES.has(category) ? category : undefined,
    };
  });
  const clutter = new Map<BoilerplateCategory, number>();
  let clutterWords = 0;
  let total = 0;
  for (const s of sentences) {
    total += s.words;
    if (!s.category) continue;
    clutter.set(s.category, (clutter.get(s.category) ?? 0) + s.words);
    clutterWords += s.words;
  }
  if (clutterWords === 0) return undefined;
  const readable = total - clutterWords;
  for (const d of DOCUMENTS) {
    if (total > d.maxWords) continue;
    const hits = text.toLowerCase().match(d.re)?.length ?? 0;
    if (hits < d.minHits) continue;
    // Crawls glue such a notice before real articles: the page goes only if little else is left once
    // the sentences that carry the signals are set aside.
    let rest = 0;
    for (const s of sentences) if (!s.category && !s.lower.match(d.re)) rest += s.words;
    if (rest < MIN_ARTICLE_WORDS || rest / total < MIN_REST_SHARE) return describe(d.category);
  }
  const mostlyClutter =
    (readable < MIN_ARTICLE_WORDS && clutterWords > readable) ||
    (clutterWords / total >= MAX_CLUTTER_SHARE && readable < SHORT_PAGE_WORDS);
  if (!mostlyClutter) return undefined;
  const [category] = [...clutter].sort((a, b) => b[1] - a[1])[0]!;
  return describe(category);
}

function describe(category: BoilerplateCategory): string {
  return `dropped: looks like ${rules.categories[category]}, not an article`;
}
