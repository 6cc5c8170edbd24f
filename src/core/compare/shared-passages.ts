/**
 * Which sentences two articles share: each sentence of one is paired with the sentence of the other
 * that the same-content decision of core/match accepts (the one behind summary citations, so "shared"
 * here means what a citation means in the summary).
 */
import type { Article, Sentence } from '../model.js';
import { bestMatchIn } from '../match/index.js';
import { analyzeStory } from '../text/index.js';

export interface SharedSentence {
  readonly sentence: Sentence;
  /** Index (within the other article's sentences) of the sentence carrying the same content. */
  readonly match?: number;
  /** Set cosine of content stems with that sentence. */
  readonly similarity?: number;
  /** The same-content model's probability for that pair. */
  readonly score?: number;
  /** The matched sentence's text (shown on hover). */
  readonly passage?: string;
}

export interface SharedPassages {
  readonly left: readonly SharedSentence[];
  readonly right: readonly SharedSentence[];
}

function pairUp(from: readonly Sentence[], to: readonly Sentence[]): SharedSentence[] {
  return from.map((sentence) => {
    const m = bestMatchIn(sentence, to);
    if (!m) return { sentence };
    const { similarity, score } = m;
    return { sentence, match: m.sentence, similarity, score, passage: to[m.sentence]!.text };
  });
}

/**
 * Sentences of `a` and `b`, each with its best match in the other article when they share content.
 * @example sharedPassages(gazette, courier).left.filter((s) => s.match !== undefined).length
 */
export function sharedPassages(a: Article, b: Article): SharedPassages {
  const doc = analyzeStory({ id: 'pair', articles: [a, b] });
  const [sa, sb] = doc.spans;
  const left = doc.sentences.slice(sa?.[0] ?? 0, sa?.[1] ?? 0);
  const right = doc.sentences.slice(sb?.[0] ?? 0, sb?.[1] ?? 0);
  return { left: pairUp(left, right), right: pairUp(right, left) };
}
