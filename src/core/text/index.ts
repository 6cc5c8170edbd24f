export { analyzeStory, wordForms } from './analyze.js';
export {
  boilerplateCategory,
  cleanSentence,
  isBoilerplateSentence,
  removeBoilerplate,
  type BoilerplateCategory,
  type CleanedText,
} from './boilerplate.js';
export { decodeEntities } from './entities.js';
export { MAX_SENTENCE_CHARS, splitSentences, type SentenceSpan } from './sentences.js';
export { stem } from './stem.js';
export { STOP_WORDS, isStopWord } from './stopwords.js';
export { numberValues, numbersConflict } from './numbers.js';
export { countWords, tokenize } from './tokens.js';
