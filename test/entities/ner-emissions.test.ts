import { describe, expect, it } from 'vitest';
import {
  contextFeatures,
  emissions,
  NER_TAGS,
  neighbourFeatures,
  shippedModel,
  tokenizeNer,
  wordFeatures,
  type NerModel,
} from '../../src/core/entities/ner/index.js';

const T = NER_TAGS.length;
const OFFSETS = [-2, -1, 1, 2];

/** Sums `feats`' weights into `into` at `at`, one feature after another. */
function addWeights(into: Float64Array, at: number, feats: readonly string[], model: NerModel): void {
  for (const f of feats) {
    const w = model.index.get(f);
    if (w === undefined) continue;
    for (let t = 0; t < T; t++) into[at + t]! += model.weights[w + t]!;
  }
}

/**
 * Emission scores straight from the feature strings the trainer uses, summed in the order the tagger
 * has always used (own word, each neighbour, context): the fast version must match it bit for bit.
 */
function reference(words: readonly string[], model: NerModel): Float64Array {
  const emit = new Float64Array(words.length * T);
  const context = contextFeatures(words, model.lexicon);
  const word = (i: number) => (i < 0 ? '<s>' : i >= words.length ? '</s>' : words[i]!);
  for (let i = 0; i < words.length; i++) {
    const own = new Float64Array(T);
    if (words[i] !== '<s>' && words[i] !== '</s>')
      addWeights(own, 0, wordFeatures(words[i]!, model.lexicon), model);
    emit.set(own, i * T);
    OFFSETS.forEach((o) => {
      const v = new Float64Array(T);
      addWeights(v, 0, neighbourFeatures(word(i + o), o, model.lexicon), model);
      for (let t = 0; t < T; t++) emit[i * T + t]! += v[t]!;
    });
    addWeights(emit, i * T, context[i]!, model);
  }
  return emit;
}

// Fictional sentences with the quirks of real pages: headlines in capitals, lowercased text, places the
// gazetteer knows, odd tokens ("|", "<s>"), repeated words (the caches' second look-ups).
const SENTENCES = [
  'Mayor Lena Ortiz told the Meridian Ledger that New York City would pay.',
  'MILLBROOK COUNCIL VOTES TO CLOSE HARBOR BRIDGE',
  'lena ortiz said the bridge in new york would reopen on monday.',
  'The U.S. State Department said Anglo-Dutch talks in Washington, D.C. ended 1996-08-22.',
  'Home | News | Sport | <s> </s> || ||| Weather',
  '“We disagree on nearly everything,” Marsh said, and Marsh left the Marsh Road depot.',
  'Ortiz, Ortiz and Ortiz: the the the New New York York.',
  '😀 Żaneta Kowalska-Nowak met O’Brien in São Paulo.',
  'x',
];

describe('emissions', () => {
  const model = shippedModel();
  it.each(SENTENCES)('match the feature strings bit for bit: %j', (text) => {
    for (const sentence of tokenizeNer(text)) {
      const words = sentence.map((t) => t.text);
      for (let pass = 0; pass < 2; pass++) {
        const fast = emissions(words, model);
        expect(Buffer.from(fast.buffer).equals(Buffer.from(reference(words, model).buffer))).toBe(true);
      }
    }
  });

  it('handles an empty sentence', () => {
    expect(emissions([], model)).toHaveLength(0);
  });
});
