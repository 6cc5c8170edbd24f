/**
 * Sentence pairs in the layout of the Microsoft Research Paraphrase Corpus: a header line, then one pair
 * per line, tab-separated `quality  id1  id2  sentence1  sentence2` (quality is ignored by `chorus
 * pairs` and read as the label by the lab). A BOM and Windows line ends are accepted.
 */
import { ChorusError } from '../core/errors.js';

export interface TextPair {
  readonly quality: string;
  readonly id1: string;
  readonly id2: string;
  readonly a: string;
  readonly b: string;
}

/**
 * Parses MSRP-layout text. A line with fewer than five fields is an error naming the line, so a file
 * in another layout is refused instead of scored as nonsense.
 * @example parseTextPairs('Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tA cat.\tA cat sat.')
 */
export function parseTextPairs(text: string): TextPair[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const out: TextPair[] = [];
  lines.slice(1).forEach((line, k) => {
    if (!line.trim()) return;
    const f = line.split('\t');
    if (f.length < 5) {
      throw new ChorusError(
        'invalid-input',
        `expected 5 tab-separated fields (quality, id1, id2, sentence1, sentence2) on line ${k + 2}, found ${f.length}`,
      );
    }
    out.push({
      quality: f[0]!.trim(),
      id1: f[1]!.trim(),
      id2: f[2]!.trim(),
      a: f[3]!,
      b: f.slice(4).join(' '),
    });
  });
  return out;
}
