/**
 * readBytes, the reader of one input's bytes that readInputs and the server's upload share: formats told
 * by name or content, and only articles with text handed back.
 */
import { describe, expect, it } from 'vitest';
import { isChorusError } from '../../src/core/errors.js';
import { readBytes, sniffFormat } from '../../src/io/index.js';

const T1 = 'The Lowmoor county board voted on Monday to repair the dam spillway before the spring rains.';

function refusal(run: () => unknown): { code?: string; message: string; warnings?: string[] } {
  try {
    run();
  } catch (error) {
    if (isChorusError(error))
      return {
        code: error.code,
        message: error.message,
        warnings: (error.detail as { warnings?: string[] } | undefined)?.warnings,
      };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('sniffFormat', () => {
  it.each([
    ['<!DOCTYPE html><html></html>', 'html'],
    ['  <p>One paragraph.</p>', 'html'],
    ['<?xml version="1.0"?>\n<rss version="2.0"></rss>', 'feed'],
    ['<feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'feed'],
    ['[{"text": "a"}]', 'json'],
    ['{"text": "a"}', 'json'],
    ['{"text": "a"}\n{"text": "b"}\n', 'jsonl'],
    ['first document ||||| second document', 'multinews-src'],
    ['Title: A\n\nBody.', 'text'],
    ['Plain words.', 'text'],
  ])('%j is %s', (text, format) => {
    expect(sniffFormat(text)).toBe(format);
  });
});

describe('readBytes', () => {
  it('hands back only the records that have text, and says how many it left out', () => {
    const read = readBytes(Buffer.from(JSON.stringify([{ text: T1 }, { text: '   ' }, { text: '' }])), {
      fileName: 'records.json',
    });
    expect(read.articles.map((a) => a.text)).toEqual([T1]);
    expect(read.warnings).toEqual(['2 records without article text left out']);
  });

  it.each<[string, string, string, string]>([
    ['an empty file', '', 'empty-input', 'empty file (0 bytes)'],
    ['white space only', ' \n\t\n', 'empty-input', 'no text (only white space)'],
    [
      'a page with no article',
      '<html><body><nav>Home</nav></body></html>',
      'unsupported-input',
      'no article text',
    ],
    [
      'an error page',
      'Page not found. Sorry, the page you are looking for cannot be found.',
      'unsupported-input',
      'looks like an error page, not an article',
    ],
    [
      'records without text',
      JSON.stringify([{ text: '' }, { text: ' ' }]),
      'unsupported-input',
      'none of its 2 records has article text',
    ],
    ['an empty list', '[]', 'unsupported-input', 'an empty list of records'],
  ])('refuses %s', (_name, content, code, message) => {
    expect(refusal(() => readBytes(Buffer.from(content)))).toMatchObject({ code, message });
  });

  it('keeps the warnings of a refused input with the refusal', () => {
    const bytes = Buffer.concat([
      Buffer.from('Page not found. Sorry, the page you are looking for cannot be found. Café '),
      Buffer.from([0xc3, 0x28]),
    ]);
    expect(refusal(() => readBytes(bytes)).warnings).toEqual([
      'invalid UTF-8: 1 malformed byte replaced with U+FFFD',
    ]);
  });
});
