/**
 * The server's reader of uploaded files: bytes and a file name in, articles out. JSON and JSONL files
 * hold article records ({ "text", "title", "source", … }); anything else is an HTML page or plain text.
 */
import { makeArticle } from '../core/article.js';
import { ChorusError } from '../core/errors.js';
import type { Article } from '../core/model.js';
import { pageText } from '../feeds/page-text.js';
import { articleFromRecord } from './ingest-answer.js';

function records(values: readonly unknown[], name: string): Article[] {
  return values.map((value, i) => {
    const read = articleFromRecord(value);
    if ('reason' in read) throw new ChorusError('invalid-input', `${name}, record ${i + 1}: ${read.reason}`);
    return read;
  });
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ChorusError('invalid-input', `expected JSON in ${where}, found malformed text`, {
      cause: error,
    });
  }
}

const extension = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * Reads one uploaded file.
 * @example await readUploadedFile('notes.txt', Buffer.from('Title: A\n\nBody.'))
 */
export async function readUploadedFile(name: string, bytes: Buffer): Promise<Article[]> {
  if (bytes.includes(0))
    throw new ChorusError(
      'unsupported-input',
      `expected a text, HTML or JSON file, found binary data in ${name}`,
    );
  const text = new TextDecoder('utf-8').decode(bytes);
  const ext = extension(name);
  if (ext === 'json') {
    const data = parseJson(text, name);
    return records(Array.isArray(data) ? data : [data], name);
  }
  if (ext === 'jsonl' || ext === 'ndjson') {
    return records(
      text
        .split('\n')
        .map((line, n) => ({ line, n }))
        .filter(({ line }) => line.trim())
        .map(({ line, n }) => parseJson(line, `${name}, line ${n + 1}`)),
      name,
    );
  }
  if (ext === 'html' || ext === 'htm' || /^\s*<(!doctype html|html|head|body|article)\b/i.test(text)) {
    const page = pageText(text);
    return [makeArticle({ text: page.text, source: name, ...(page.title && { title: page.title }) })];
  }
  return [makeArticle({ text, source: name })];
}
