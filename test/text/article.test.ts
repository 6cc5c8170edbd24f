import { describe, expect, it } from 'vitest';
import { makeArticle, normalizeWhitespace, normalizeWhitespaceStepByStep } from '../../src/core/article.js';

/** `count` texts of up to `maxLength - 1` pieces of `alphabet`, the same ones for the same seed. */
function* randomTexts(alphabet: readonly string[], seed: number, count: number, maxLength: number) {
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let k = 0; k < count; k++) {
    yield Array.from({ length: next() % maxLength }, () => alphabet[next() % alphabet.length]).join('');
  }
}

describe('normalizeWhitespace', () => {
  it.each<[string, string]>([
    ['a\r\nb\rc', 'a\nb\nc'],
    ['a \t\u00a0 b', 'a b'],
    ['para one\n\n\n\npara two', 'para one\n\npara two'],
    ['  line  \n  next  ', 'line\nnext'],
    ['bell\u0007 nul\u0000 soft\u00adhyphen zero\u200bwidth \ufeffbom', 'bell nul softhyphen zero width bom'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeWhitespace(input)).toBe(expected);
  });

  it('gives what every step in turn gives, on 5,000 random texts of spaces and marks', () => {
    const alphabet = [
      'a',
      'b',
      ' ',
      ' ',
      '\n',
      '\n',
      '\r',
      '\t',
      '\u00a0',
      '\u00ad',
      '\u2028',
      '\ufeff',
      '.',
    ];
    for (const text of randomTexts(alphabet, 7, 5000, 12)) {
      expect(normalizeWhitespace(text)).toBe(normalizeWhitespaceStepByStep(text));
    }
  });

  // makeArticle normalises a text once when the clutter filter leaves it as it was: a second pass
  // must change nothing, whatever spaces, breaks, controls and invisible marks the text held.
  it('changes nothing the second time, on 50,000 random texts', () => {
    const alphabet = [
      'a',
      ' ',
      ' ',
      '\n',
      '\n',
      '\r',
      '\t',
      '\f',
      '\v',
      '\u00a0',
      '\u00ad',
      '\u0001',
      '\u0085',
      '\u1680',
      '\u200b',
      '\u200c',
      '\u2028',
      '\u2029',
      '\u3000',
      '\ufeff',
      '.',
    ];
    for (const text of randomTexts(alphabet, 3, 50000, 14)) {
      const once = normalizeWhitespace(text);
      expect(normalizeWhitespace(once), JSON.stringify(once)).toBe(once);
    }
  });
});

describe('makeArticle', () => {
  it('cleans the text and derives the id from it', () => {
    const a = makeArticle({
      text: '  The tunnel opens in May.&nbsp; Drivers cheered. ',
      source: ' Harbor Gazette ',
    });
    expect(a.text).toBe('The tunnel opens in May. Drivers cheered.');
    expect(a.source).toBe('Harbor Gazette');
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    expect(a.warnings).toEqual([]);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('keeps given fields and drops blank ones', () => {
    const a = makeArticle({
      text: 'Text.',
      id: 'x1',
      title: ' ',
      url: 'https://example.org/a',
      date: '2026-03-01',
    });
    expect(a).toEqual({
      id: 'x1',
      source: 'unknown source',
      text: 'Text.',
      url: 'https://example.org/a',
      date: '2026-03-01',
      warnings: [],
    });
  });

  // The JSON output of every command shows an article's keys in this order.
  it('keeps its keys in one order whatever order the fields came in', () => {
    const a = makeArticle({
      language: 'de',
      date: '2026-03-01',
      byline: 'Ana Lopez',
      title: 'Dam',
      url: 'https://example.org/a',
      warnings: ['w'],
      text: 'Text.',
      source: 'Harbor Gazette',
      id: 'x1',
    });
    expect(Object.keys(a)).toEqual([
      'id',
      'source',
      'text',
      'warnings',
      'url',
      'title',
      'byline',
      'date',
      'language',
    ]);
    expect(Object.keys(makeArticle({ text: 'Text.', date: '2026-03-01', id: 'x2' }))).toEqual([
      'id',
      'source',
      'text',
      'warnings',
      'date',
    ]);
  });

  it('decodes entities in the title and byline too', () => {
    const a = makeArticle({ text: 'Text.', title: 'Ferries &amp; Tunnels', byline: 'Ana L&oacute;pez' });
    expect([a.title, a.byline]).toEqual(['Ferries & Tunnels', 'Ana López']);
  });

  it('drops clutter phrases and lines', () => {
    const a = makeArticle({
      text: 'Related: more tunnel news\nThe tunnel opens in May. enlarge this image toggle caption Drivers cheered.',
    });
    expect(a.text).toBe('The tunnel opens in May. Drivers cheered.');
  });

  it('empties a cookie page and says why', () => {
    const a = makeArticle({
      text: 'We use cookies to personalise content. Please enable cookies on your web browser in order to continue. See our cookie policy.',
      warnings: ['read from page.html'],
    });
    expect(a.text).toBe('');
    expect(a.warnings).toEqual([
      'read from page.html',
      'dropped: looks like a cookie notice, not an article',
    ]);
  });

  it('warns about empty input', () => {
    expect(makeArticle({ text: '' }).warnings).toEqual(['no article text']);
    expect(makeArticle({ text: ' \n\u0000 ' }).warnings).toEqual(['no article text']);
  });

  it('keeps non-English text and emoji', () => {
    expect(makeArticle({ text: 'Le maire a parlé. 🎉 Ça va.' }).text).toBe('Le maire a parlé. 🎉 Ça va.');
  });

  it('turns decoded no-break spaces into plain ones', () => {
    expect(makeArticle({ text: 'A&nbsp;&nbsp;B' }).text).toBe('A B');
  });
});
