/**
 * Bytes → text: BOMs, UTF-16, Windows-1252 and Latin-1 (declared or not), damaged UTF-8, and binary
 * files refused with a reason.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isChorusError } from '../../src/core/errors.js';
import { decodeBytes } from '../../src/io/index.js';

const TEXT = 'Café owner René said the “Rosé” menu would stay — for now.';
const LATIN1 = 'Café owner René said the Rosé menu would stay, for now. Amélie agreed.';

const utf16le = (s: string) => Buffer.from(s, 'utf16le');
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

describe('decodeBytes', () => {
  it.each<[string, Buffer, string, string]>([
    ['plain UTF-8', Buffer.from(TEXT), TEXT, 'utf-8'],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), TEXT, 'utf-8'],
    ['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(TEXT)]), TEXT, 'utf-16le'],
    ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), TEXT, 'utf-16be'],
    ['UTF-16 LE without a BOM', utf16le(TEXT), TEXT, 'utf-16le'],
    ['Latin-1 without a declaration', Buffer.from(LATIN1, 'latin1'), LATIN1, 'windows-1252'],
    [
      'Windows-1252 curly quotes and dashes',
      Buffer.from([0x93, 0x4f, 0x4b, 0x94, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xe9]),
      '“OK” – café',
      'windows-1252',
    ],
    ['pure ASCII', Buffer.from('The dam held.'), 'The dam held.', 'utf-8'],
  ])('%s', (_name, bytes, text, encoding) => {
    const decoded = decodeBytes(bytes);
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.warnings).toEqual([]);
  });

  it('honours a charset declared in an HTML page', () => {
    const page = `<html><head><meta charset="windows-1252"><title>${LATIN1}</title></head></html>`;
    expect(decodeBytes(Buffer.from(page, 'latin1')).text).toBe(page);
    const httpEquiv = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>${LATIN1}</body></html>`;
    expect(decodeBytes(Buffer.from(httpEquiv, 'latin1'))).toMatchObject({
      text: httpEquiv,
      encoding: 'iso-8859-1',
    });
  });

  it('reads UTF-8 that a stale declaration calls windows-1252 as UTF-8, with a warning', () => {
    const page = `<html><head><meta charset="windows-1252"></head><body><p>${TEXT}</p></body></html>`;
    expect(decodeBytes(Buffer.from(page))).toEqual({
      text: page,
      encoding: 'utf-8',
      warnings: ['declared windows-1252 but is UTF-8; read as UTF-8'],
    });
  });

  it('repairs UTF-8 with a few broken bytes, with a warning', () => {
    const bytes = Buffer.concat([
      Buffer.from('Café and crème '),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(' brûlée'),
    ]);
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe('Café and crème \ufffd( brûlée');
    expect(decoded.warnings).toEqual(['invalid UTF-8: 1 malformed byte replaced with U+FFFD']);
  });

  it('reads UTF-8 declared as UTF-8 even when damaged', () => {
    const bytes = Buffer.concat([
      Buffer.from('<meta charset="utf-8"><p>Café '),
      Buffer.from([0xff]),
      Buffer.from('</p>'),
    ]);
    expect(decodeBytes(bytes).warnings).toHaveLength(1);
  });

  it.each<[string, Buffer, RegExp]>([
    [
      'NUL bytes',
      Buffer.from([0x41, 0x00, 0x42, 0x43, 0x00, 0x00, 0x01, 0x44]),
      /binary file \(it contains NUL bytes\)/,
    ],
    [
      'control characters',
      Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x02 : 0x41))),
      /binary file \(\d+% control characters\)/,
    ],
    [
      'a PNG image',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      /binary file \(a PNG image\)/,
    ],
    ['a PDF document', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), /binary file \(a PDF document\)/],
    ['a gzip archive', gzipSync('text'), /binary file \(a gzip archive\)/],
    [
      'binary with zeros at every other byte',
      Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 2 === 1 ? 0 : ((i * 7) % 31) + 1))),
      /binary file \(zero bytes in a pattern that is not UTF-16 text\)/,
    ],
  ])('refuses %s', (_name, bytes, message) => {
    let error: unknown;
    try {
      decodeBytes(bytes);
    } catch (e) {
      error = e;
    }
    expect(isChorusError(error) && error.code).toBe('unsupported-input');
    expect(String(error)).toMatch(message);
  });
});
