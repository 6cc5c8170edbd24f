/** Span-level scores of the tagger on CoNLL documents (bench/ner.ts, lab/ner/train.ts, `chorus entities --conll`). */
import { scoreSpans, type ConllDocument, type SpanCounts } from './conll.js';
import type { NerModel } from './model.js';
import { tagTokens } from './tag.js';

export interface ConllRun {
  /** Predicted tags per document, per sentence. */
  readonly predicted: string[][][];
  /** Span counts overall ("ALL") and per type. */
  readonly counts: Map<string, SpanCounts>;
}

/** Tags every sentence of `docs` (lowercased first when `lowercase`) and scores the spans. */
export function evaluateConll(docs: readonly ConllDocument[], model: NerModel, lowercase = false): ConllRun {
  const counts = new Map<string, SpanCounts>();
  const predicted = docs.map((doc) =>
    doc.map((s) => {
      const tags = tagTokens(lowercase ? s.words.map((w) => w.toLowerCase()) : s.words, model);
      scoreSpans(s.tags, tags, counts);
      return tags;
    }),
  );
  return { predicted, counts };
}
