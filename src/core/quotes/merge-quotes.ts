/**
 * One quote per thing said, whichever outlets carry it. Outlets trim, cut and re-punctuate quotes, so two
 * quotes are the same when the shorter one's words are nearly all in the longer one: token containment
 * |A ∩ B| / min(|A|, |B|) of at least `SAME_QUOTE_CONTAINMENT`. The merged quote keeps the longest
 * wording and the speaker most variants name.
 */
import type { Quote } from '../model.js';
import { isStopWord } from '../text/stopwords.js';
import { tokenize } from '../text/tokens.js';
import { isCapitalized } from '../text/letters.js';

export interface FoundQuote {
  readonly text: string;
  readonly article: number;
  readonly speaker?: string;
}

/**
 * Share of the shorter quote's distinct words that must appear in the longer. 0.8 lets an outlet drop
 * a clause or change a word or two in a ten-word quote, while two different sentences of one speaker
 * (sharing "we", "the", "city") stay apart.
 */
export const SAME_QUOTE_CONTAINMENT = 0.8;

/** Merges close variants; the result is sorted by the number of articles, then by first appearance. */
export function mergeQuotes(found: readonly FoundQuote[]): Quote[] {
  const sets = found.map((q) => new Set(tokenize(q.text)));
  const parent = found.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  // Candidates share a content word; an index on them keeps a big story from comparing every pair.
  const postings = new Map<string, number[]>();
  sets.forEach((set, i) => {
    const keys = [...set].filter((w) => !isStopWord(w));
    const seen = new Set<number>();
    for (const w of keys) for (const j of postings.get(w) ?? []) seen.add(j);
    for (const j of seen) {
      if (find(i) === find(j)) continue;
      if (containment(set, sets[j]!) >= SAME_QUOTE_CONTAINMENT) parent[find(i)] = find(j);
    }
    for (const w of keys) {
      const list = postings.get(w);
      if (list) list.push(i);
      else postings.set(w, [i]);
    }
  });
  const groups = new Map<number, number[]>();
  found.forEach((_, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  return [...groups.values()]
    .map((members) => {
      const text = members.map((i) => found[i]!.text).reduce((a, b) => (b.length > a.length ? b : a));
      const articles = [...new Set(members.map((i) => found[i]!.article))].sort((x, y) => x - y);
      const speaker = mostNamed(members.map((i) => found[i]!.speaker));
      return { quote: { text, ...(speaker && { speaker }), articles }, first: members[0]! };
    })
    .sort((x, y) => y.quote.articles.length - x.quote.articles.length || x.first - y.first)
    .map((g) => g.quote);
}

function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size;
}

/** The speaker named by most variants; a capitalised name wins a tie against a described source. */
function mostNamed(speakers: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const s of speakers) if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  let best: string | undefined;
  for (const [s, n] of counts) {
    const b = best === undefined ? -1 : counts.get(best)!;
    if (n > b || (n === b && isCapitalized(s) && !isCapitalized(best!))) best = s;
  }
  return best;
}
