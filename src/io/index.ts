/**
 * Reading articles from the outside world: files, directories, standard input, web pages, JSON
 * records and Multi-News files, in any common encoding. Every command reads through `readInputs`.
 */
export {
  buildArticle,
  fileStem,
  hostOf,
  normalizeDate,
  sourceName,
  type InputMeta,
} from './build-article.js';
export { decodeBytes, type DecodedText } from './decode.js';
export { extractHtml, parseHtmlArticle } from './html-article.js';
export { readPageMeta, type PageMeta } from './html-meta.js';
export { blockText } from './html-text.js';
export { parseJsonArticles, parseJsonLines, type RecordsRead } from './json-articles.js';
export { guessLanguage, languageCode, languageWarning, type LanguageGuess } from './language.js';
export { parseMultiNewsLine, readMultiNews, type Example } from './multinews.js';
export { readBytes, sniffFormat, type BytesRead, type InputFormat } from './read-bytes.js';
export {
  READ_DEFAULTS,
  STDIN_NAME,
  readInputs,
  type InputOutcome,
  type ReadOptions,
  type ReadReport,
} from './read-inputs.js';
export { skipReason } from './skip-names.js';
export { parseTextArticle, textHeader } from './text-article.js';
