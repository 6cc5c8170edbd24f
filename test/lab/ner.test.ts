import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildClusters, clusterTokens } from '../../lab/ner/clusters.js';
import { buildGazetteer, lexicon } from '../../lab/ner/gazetteer.js';
import { toIob2, trainTagger } from '../../lab/ner/train-tagger.js';
import { f1, parseConll, parseModel, scoreSpans, tagTokens } from '../../src/core/entities/ner/index.js';
import type { SpanCounts } from '../../src/core/entities/ner/index.js';

const docs = parseConll(readFileSync(new URL('../fixtures/ner/tiny.conll', import.meta.url), 'utf8'));
const text =
  'the mayor of brightwater met the mayor of marrowby . ellis major visited oregon and brightwater .';

function train(): string {
  const clusters = buildClusters([clusterTokens(text)], {
    vocabulary: 50,
    contexts: 20,
    dimensions: 8,
    splits: [3, 2],
  });
  const halves = [0, 1].map((h) => lexicon(buildGazetteer(docs.filter((_, d) => d % 2 === h)), clusters));
  return trainTagger(docs, (d) => halves[1 - (d % 2)]!, lexicon(buildGazetteer(docs), clusters), {
    epochs: 5,
    minCount: 1,
  });
}

describe('lab/ner: training the tagger end to end', () => {
  it('learns the training sentences and writes the same bytes every run', () => {
    const first = train();
    expect(train()).toBe(first);
    const model = parseModel(first);
    // Averaging smooths the last updates away, so the fit need not be perfect: near it is enough.
    const counts = new Map<string, SpanCounts>();
    for (const s of docs.flat()) scoreSpans(s.tags, tagTokens(s.words, model), counts);
    expect(f1(counts.get('ALL')!).f1).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    [
      ['I-PER', 'I-PER', 'O', 'I-LOC'],
      ['B-PER', 'I-PER', 'O', 'B-LOC'],
    ],
    [
      ['B-ORG', 'I-ORG', 'B-ORG'],
      ['B-ORG', 'I-ORG', 'B-ORG'],
    ],
    [[], []],
  ])('IOB1 %j reads as IOB2 %j', (iob1, iob2) => {
    expect(toIob2(iob1)).toEqual(iob2);
  });
});
