/**
 * Agreed and unique facts. A fact is a sentence; the articles carrying it are those holding a sentence
 * that matches it (see sentence-matches.ts). Sentences are taken greedily, best corroborated first, and
 * each taken sentence covers its matches, so one fact told by five outlets is listed once, not five times.
 *
 * Corroboration is counted over independent reports (independence.ts): a fact carried only by an
 * article and its syndicated copy is not "agreed". The copy's index is still listed in `articles` —
 * readers may want to see where the words appeared — but sorting and the two-source threshold use the
 * independent count alone.
 */
import type { AnalyzedStory, Fact } from '../model.js';
import { standAloneText, type PeopleIn } from '../match/index.js';
import {
  endsComplete,
  hasBalancedQuotes,
  hasFinalPunctuation,
  pointsBack,
} from '../summarize/readability.js';
import { CUE_VERBS } from '../quotes/speaker-cue.js';
import { independentCount } from './independence.js';
import type { SentenceMatch } from './sentence-matches.js';

export interface FactOptions {
  /** Most agreed facts listed. */
  readonly maxAgreed: number;
  /** Most unique facts listed per article. */
  readonly maxUniquePerArticle: number;
  /**
   * Fewest distinct content stems a sentence needs to be a fact: with two stems, one shared word already
   * gives a cosine of 0.5, so short fragments ("Police said.") would "agree" by chance.
   */
  readonly minStems: number;
}

export interface FactLists {
  readonly agreed: Fact[];
  readonly unique: { article: number; facts: Fact[] }[];
}

/**
 * Whether `items` holds at least `min` distinct values: `new Set(items).size >= min`, without building a
 * set per sentence (it cost 3 % of a report) and stopping at the `min`th.
 */
function hasDistinct(items: readonly string[], min: number): boolean {
  if (min <= 0) return true;
  if (items.length < min) return false;
  const seen: string[] = [];
  for (const x of items) {
    if (seen.includes(x)) continue;
    seen.push(x);
    if (seen.length >= min) return true;
  }
  return false;
}

/**
 * Agreed facts (two or more independent reports) and, per article, what only that report carries;
 * `people` (the persons each sentence names) lets a fact opening with "she" name her.
 */
export function collectFacts(
  doc: AnalyzedStory,
  matches: readonly (readonly SentenceMatch[])[],
  roots: readonly number[],
  options: FactOptions,
  people: PeopleIn = () => [],
): FactLists {
  const n = doc.sentences.length;
  const support = doc.sentences.map((s, i) =>
    independentCount([s.article, ...matches[i]!.map((m) => m.article)], roots),
  );
  const eligible = doc.sentences.map((s) => hasDistinct(s.stems, options.minStems) && !headingLike(s.text));
  // Best corroborated first; then more carrying articles (copies included); then reading order, which
  // makes the earliest article's wording (usually the original, not its copy) the one shown.
  const order = [...Array(n).keys()]
    .filter((i) => eligible[i])
    .sort((x, y) => support[y]! - support[x]! || matches[y]!.length - matches[x]!.length || x - y);
  const covered = new Uint8Array(n);
  const taken: number[] = [];
  for (const i of order) {
    if (covered[i]) continue;
    covered[i] = 1;
    for (const m of matches[i]!) covered[m.sentence] = 1;
    taken.push(i);
  }
  // Shown in words that stand alone: the taken sentence, else a match not opening with a pronoun,
  // else the taken sentence with "she"/"he" resolved; its article is listed first.
  // A sentence cut off mid-phrase (Multi-News truncates pages; a heading has no stop) or holding half
  // a quotation (the splitter cut the quotation in two: `Courts held up these plans, " said …`) is
  // shown only when no sentence carrying the fact reads whole, and is never a fact of one source.
  // Read once per sentence: a fact's members are sorted by it, and a lone sentence is tested again.
  const wholeness = new Int8Array(n); // 0 not read yet, 1 complete, -1 not
  const complete = (k: number) => {
    if (wholeness[k] === 0) {
      const text = doc.sentences[k]!.text;
      wholeness[k] = endsComplete(text) && hasBalancedQuotes(text) ? 1 : -1;
    }
    return wholeness[k] === 1;
  };
  const fact = (i: number): Fact => {
    const members = [i, ...matches[i]!.map((m) => m.sentence)];
    const ordered = [...members.filter(complete), ...members.filter((k) => !complete(k))];
    const shown = standAloneText(doc, ordered, people);
    const first = doc.sentences[shown.sentence]!.article;
    const all = [doc.sentences[i]!.article, ...matches[i]!.map((m) => m.article)];
    return { text: shown.text, articles: [first, ...all.filter((a) => a !== first)] };
  };

  // An agreed fact no wording of which stands alone ("They were working for…", "It will parcel
  // out…") tells a reader that sources agree on something unnamed: the next one is shown instead.
  const agreed = firstStandingAlone(
    taken
      .filter((i) => support[i]! >= 2)
      .sort(
        (x, y) => support[y]! - support[x]! || doc.sentences[x]!.index - doc.sentences[y]!.index || x - y,
      ),
    fact,
    options.maxAgreed,
    false,
  );

  // With one independent report there is nothing to compare against: everything would be "unique".
  if (independentCount(roots.keys(), roots) < 2) return { agreed, unique: [] };
  const novelty = novelStemCounts(doc, roots);
  const perArticle = new Map<number, number[]>();
  for (const i of taken) {
    if (support[i] !== 1 || novelty[i] === 0 || !complete(i)) continue;
    const a = doc.sentences[i]!.article;
    const list = perArticle.get(a) ?? [];
    list.push(i);
    perArticle.set(a, list);
  }
  const unique = [...perArticle.entries()]
    .sort(([a], [b]) => a - b)
    .map(([article, list]) => ({
      article,
      facts: firstStandingAlone(
        list.sort((x, y) => novelty[y]! - novelty[x]! || x - y),
        fact,
        options.maxUniquePerArticle,
      ),
    }))
    .filter((u) => u.facts.length > 0);
  return { agreed, unique };
}

// "Last month, it expelled…": a pronoun as the subject right after a short opening phrase.
const LATE_PRONOUN = /^[^,"“”]{1,40}, (?:it|they|he|she)\b/i;
const OPENING_QUOTE = /^\s*["“‘']/;
// "…," she said, "…," he warned: words whose speaker the fact does not name (the opening "She
// said…" is resolved). Every verb the speaker rules read as a cue counts, not a shorter list of our own.
const SAID_BY_PRONOUN = new RegExp(`[,"”]\\s*(?:he|she|they)\\s+(?:${CUE_VERBS})(?![\\p{L}])`, 'iu');
// Words that only join a sentence to the one before; what follows them may still stand alone.
const CONNECTIVE =
  /^(?:but|however|and|yet|still|also|instead|moreover|furthermore|nevertheless|nonetheless|besides),?\s+/i;
// "It is unlikely that…", "It has been reported that…": an "it" that points to nothing before.
const EXPLETIVE_IT =
  /^it(?: is| was|'s| has been| had been| seems| seemed| appears| appeared| remains| will be| would be)(?: not)? (?:\w+ly )?(?:possible|impossible|likely|unlikely|clear|unclear|known|unknown|reported|believed|expected|understood|true|important|necessary|difficult|hard|easy|too early|time)\b/i;
const OPENS_CAPITAL = /^\p{Lu}/u;
// "This weekend…", "These days…": a demonstrative naming a time, not something said before.
const THIS_TIME =
  /^(?:this|these) (?:week|weekend|month|year|morning|afternoon|evening|season|spring|summer|fall|autumn|winter|days)\b/i;

/**
 * Whether a fact of one source reads without the sentence before it: it does not open with a word
 * pointing back ("It started out as a desk…", "They are now examining…", an unresolved "He"), nor make
 * an unnamed "it", "they", "he" or "she" the subject after a short opening phrase, nor give its words
 * to an unnamed speaker ("…, she said", which left a claim without its source). A quotation's first
 * word is the speaker's ("\"It's a crazy law,\" said…"), a connective before a name joins nothing a
 * reader needs ("But Gregg Smith, a strategist, said…"), and "It is unlikely that…" or "This weekend…"
 * point nowhere. On cased newswire (DUC 2003) about one fact of one source in thirteen failed this; the
 * article has others to show instead. An agreed fact has none to spare: there `connectiveBeforeName`
 * false lets any connective pass ("But victims are rarely killed.", told by four wires).
 */
export function standsAlone(text: string, connectiveBeforeName = true): boolean {
  const t = text.trimStart();
  if (SAID_BY_PRONOUN.test(t)) return false;
  if (OPENING_QUOTE.test(t)) return true;
  const joined = CONNECTIVE.exec(t);
  if (joined) {
    const rest = t.slice(joined[0].length);
    return (!connectiveBeforeName || OPENS_CAPITAL.test(rest)) && standsAlone(rest, connectiveBeforeName);
  }
  if (EXPLETIVE_IT.test(t) || THIS_TIME.test(t)) return true;
  return pointsBack(t) === undefined && !LATE_PRONOUN.test(t);
}

const LETTER_WORD = /\p{L}[\p{L}'’.-]*/gu;
const CAPITALISED = /^\p{Lu}/u;
const IN_PARENTHESES = /^\(.*\)$/s;

/**
 * A line that is no statement: no final stop, and short (a heading: "Community planning"), in
 * parentheses (a contact line) or with most words capitalised (a wire trailer: "Story Filed By Cox
 * Newspapers", "XXXX END OF STORY"). Two pages of one wire carry the same trailer, which made these
 * 12 "agreed" facts on 8 of 70 DUC 2003 and TAC reports. A sentence cut off mid-phrase is not one.
 */
export function headingLike(text: string): boolean {
  const t = text.trim();
  if (hasFinalPunctuation(t)) return false;
  const words = t.match(LETTER_WORD) ?? [];
  if (words.length <= 3 || IN_PARENTHESES.test(t)) return true;
  return words.filter((w) => CAPITALISED.test(w)).length * 3 >= words.length * 2;
}

/** The facts of the first `max` of `candidates` (in order) whose wording stands alone. */
function firstStandingAlone(
  candidates: readonly number[],
  fact: (i: number) => Fact,
  max: number,
  connectiveBeforeName = true,
): Fact[] {
  const out: Fact[] = [];
  for (const i of candidates) {
    if (out.length >= max) break;
    const f = fact(i);
    if (standsAlone(f.text, connectiveBeforeName)) out.push(f);
  }
  return out;
}

/**
 * "Most informative first" for unique facts, measured: the number of a sentence's distinct stems that no
 * other independent report uses anywhere. A sentence that only rephrases what others say scores 0 and is
 * left out; one naming a new person, place, figure or event scores high.
 */
function novelStemCounts(doc: AnalyzedStory, roots: readonly number[]): number[] {
  const owners = new Map<string, number>(); // stem → its only root, or -1 once two roots use it
  for (const s of doc.sentences) {
    const root = roots[s.article] ?? s.article;
    for (const st of s.stems) {
      const o = owners.get(st);
      if (o === undefined) owners.set(st, root);
      else if (o !== root) owners.set(st, -1);
    }
  }
  return doc.sentences.map((s) => {
    let count = 0;
    for (const st of new Set(s.stems)) if (owners.get(st) !== -1) count++;
    return count;
  });
}
