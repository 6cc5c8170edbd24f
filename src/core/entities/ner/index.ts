/** A trained named-entity recogniser: averaged perceptron + Viterbi over BIO tags (see model.ts). */
export {
  contextFeatures,
  neighbourFeatures,
  sentenceFeatures,
  shape,
  wordFeatures,
  type NerLexicon,
} from './features.js';
export { parseModel, shippedModel, type NerModel } from './model.js';
export { emissions } from './emissions.js';
export { tagText, tagTokens, type NerSpan } from './tag.js';
export { tokenizeNer, type NerToken } from './tokenize.js';
export { ALLOWED, NER_TAGS, NER_TYPES, viterbi, type NerType } from './viterbi.js';
export {
  f1,
  parseConll,
  scoreSpans,
  tagSpans,
  type ConllDocument,
  type ConllSentence,
  type SpanCounts,
  type TagSpan,
} from './conll.js';
export { evaluateConll, type ConllRun } from './evaluate.js';
