/**
 * The server's reader of uploaded files: src/io's `readBytes`, the reader every command uses, so an
 * uploaded page or text gives the same article as `chorus ingest` of the same file (encoding detected,
 * format told by the name, else by the content).
 */
import { ChorusError } from '../core/errors.js';
import type { Article } from '../core/model.js';
import { readBytes } from '../io/index.js';

/**
 * Reads one uploaded file; throws a ChorusError naming the problem when it holds no article.
 * @example await readUploadedFile('notes.txt', Buffer.from('Title: A\n\nBody.'))
 */
export async function readUploadedFile(name: string, bytes: Buffer): Promise<Article[]> {
  const read = readBytes(bytes, { fileName: name });
  if (read.articles.length === 0) {
    const why = read.warnings.length > 0 ? read.warnings.slice(0, 3).join('; ') : 'nothing readable';
    throw new ChorusError('empty-input', `expected at least one article in ${name}, found none (${why})`);
  }
  return read.articles;
}
