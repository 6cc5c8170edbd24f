export { analyzeStory, wordForms } from './analyze.js';
export { splitSentences, type SentenceSpan } from './sentences.js';
export { stem } from './stem.js';
export { STOP_WORDS, isStopWord } from './stopwords.js';
export { countWords, tokenize } from './tokens.js';
