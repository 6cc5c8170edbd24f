/**
 * Gazetteers derived from the training documents: every gold name, lowercased, with the types it had
 * ("washington" → "LOC|PER"). Training features for a document come from the gazetteer of the *other*
 * half of the documents (jackknifing), or the tagger would learn that a gazetteer match is always right.
 */
import type { ConllDocument, NerLexicon } from '../../src/core/entities/ner/index.js';
import { tagSpans } from '../../src/core/entities/ner/index.js';

/** Lowercased name → sorted "|"-joined types, from the gold spans of `docs`. */
export function buildGazetteer(docs: readonly ConllDocument[]): Map<string, string> {
  const types = new Map<string, Set<string>>();
  for (const doc of docs)
    for (const s of doc)
      for (const span of tagSpans(s.tags)) {
        const name = s.words.slice(span.start, span.end).join(' ').toLowerCase();
        if (!/\p{L}/u.test(name)) continue;
        types.set(name, (types.get(name) ?? new Set()).add(span.type));
      }
  return new Map([...types].map(([k, v]) => [k, [...v].sort().join('|')]));
}

export function lexicon(
  gazetteer: Map<string, string>,
  clusters: ReadonlyMap<string, readonly string[]>,
): NerLexicon {
  let maxGazetteerLength = 1;
  for (const k of gazetteer.keys()) maxGazetteerLength = Math.max(maxGazetteerLength, k.split(' ').length);
  return { gazetteer, clusters, maxGazetteerLength: Math.min(maxGazetteerLength, 6) };
}
