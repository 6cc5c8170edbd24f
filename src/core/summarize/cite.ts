/**
 * Citations: each summary sentence names the article it was taken from and every other article that
 * carries the same content. "Same content" is measured, not guessed: the set cosine of the two
 * sentences' content stems, |A ∩ B| / √(|A|·|B|), against `CITATION_THRESHOLD`.
 *
 * The threshold was set on hand-labelled sentence pairs (fictional, in `test/summarize/fixtures/
 * citation-pairs.json`: same fact told by two outlets vs. same topic but a different fact); see
 * `lab/summarize/tune-citation.ts`, which prints precision/recall per threshold. On those 40 pairs (22 same)
 * F1 peaks at 0.30 (P 0.96, R 1.00) and stays at 0.955 through 0.40; we take 0.40, the precision side of
 * that plateau, because a wrong citation tells a reader a source says what it does not, while a missed
 * one only under-counts. Negation ("found cracks" / "found no cracks", 0.50) is beyond a bag of stems
 * and stays a known false match. Set cosine ignores IDF so that
 * the same figure means the same thing in a two-article story and in a fifty-article one.
 * A sentence that states other figures ("Fifteen people were treated" against "12 people were hurt") is
 * never a citation, however many words the two share: it contradicts rather than corroborates.
 * Syndicated copies are cited like any other article: telling copies from independent reports is the
 * comparison's job (DuplicateLink), not the summary's.
 */
import type { AnalyzedStory, Citation } from '../model.js';
import { numbersConflict } from '../text/numbers.js';

/** Set cosine at or above which two sentences are taken to carry the same content. */
export const CITATION_THRESHOLD = 0.4;

/** Set cosine of two stem lists: |A ∩ B| / √(|A|·|B|) over distinct stems; 0 when either is empty. */
export function stemSetCosine(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / Math.sqrt(sa.size * sb.size);
}

/**
 * Citations of sentence `i` of `doc`: its origin first (similarity 1), then, in article order, the best
 * matching sentence of every other article whose similarity reaches `threshold` and whose figures do not
 * conflict with it.
 */
export function citeSentence(doc: AnalyzedStory, i: number, threshold = CITATION_THRESHOLD): Citation[] {
  const s = doc.sentences[i];
  if (!s) return [];
  const articles = doc.story.articles;
  const cite = (article: number, sentence: number, similarity: number, origin: boolean): Citation => ({
    article,
    articleId: articles[article]?.id ?? '',
    source: articles[article]?.source ?? '',
    sentence,
    similarity,
    origin,
  });
  const out: Citation[] = [cite(s.article, s.index, 1, true)];
  doc.spans.forEach(([start, end], a) => {
    if (a === s.article) return;
    let best = -1;
    let bestSim = 0;
    for (let j = start; j < end; j++) {
      const other = doc.sentences[j]!;
      const sim = stemSetCosine(s.stems, other.stems);
      if (sim > bestSim && !numbersConflict(s.tokens, other.tokens)) {
        bestSim = sim;
        best = j;
      }
    }
    if (best >= 0 && bestSim >= threshold) {
      out.push(cite(a, doc.sentences[best]!.index, Math.round(bestSim * 1000) / 1000, false));
    }
  });
  return out;
}
