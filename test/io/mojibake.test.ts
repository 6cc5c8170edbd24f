/**
 * Mis-decoded UTF-8 read again at input: once, twice over, decomposed after the damage, and text that
 * only looks like it (accented capitals before punctuation) left as written.
 */
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/io/index.js';
import { inputOffset, movedOffset, repairMojibake } from '../../src/io/mojibake.js';

/** What a writer makes of `s` reading its UTF-8 as Windows-1252, `times` over. */
function misread(s: string, times = 1): string {
  let out = s;
  for (let k = 0; k < times; k++) out = new TextDecoder('windows-1252').decode(Buffer.from(out, 'utf8'));
  return out;
}

describe('repairMojibake', () => {
  it.each<[string, string, string]>([
    [
      'a name misread once',
      misread('“We are ready,” said Inés Quiñones.'),
      '“We are ready,” said Inés Quiñones.',
    ],
    ['curly marks misread', misread('It’s done — “fully”'), 'It’s done — “fully”'],
    ['a name misread twice', misread('said Raúl Sarmiento Peña', 2), 'said Raúl Sarmiento Peña'],
    [
      'misread twice, then decomposed (an A and a combining tilde for Ã)',
      misread('Tomás Ibáñez said', 2).normalize('NFKD'),
      'Tomás Ibáñez said',
    ],
    ['clean text', 'Café owner René said “no” — twice.', 'Café owner René said “no” — twice.'],
    ['an accented capital before a curly apostrophe', 'PELÉ’S GOAL and ÅSA’s', 'PELÉ’S GOAL and ÅSA’s'],
    ['Portuguese capitals', 'NÃO, disse JOÃO.', 'NÃO, disse JOÃO.'],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(repairMojibake(input).text).toBe(expected);
  });

  it('says where each rewritten run stood, to move offsets read on the input', () => {
    const input = `${misread('José')} and ${misread('Zoë')} spoke`;
    const { text, edits } = repairMojibake(input);
    expect(text).toBe('José and Zoë spoke');
    const spoke = input.indexOf('spoke');
    expect(movedOffset(edits, spoke)).toBe(text.indexOf('spoke'));
    expect(inputOffset(edits, text.indexOf('spoke'))).toBe(spoke);
    expect(movedOffset(edits, input.indexOf(' and'))).toBe(text.indexOf(' and'));
    expect(movedOffset(edits, 0)).toBe(0);
  });
});

describe('decodeBytes', () => {
  it('reads a page that kept mis-decoded UTF-8 again, with a warning', () => {
    const decoded = decodeBytes(Buffer.from(`<p>${misread('“Not yet,” said Federico de Jesús.')}</p>`));
    expect(decoded.text).toBe('<p>“Not yet,” said Federico de Jesús.</p>');
    expect(decoded.warnings).toEqual(['mis-decoded UTF-8: 3 runs of characters read again']);
  });
});
