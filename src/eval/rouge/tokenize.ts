/**
 * The tokenizer of Google's rouge-score (`rouge_score/tokenize.py`): lowercase, every run of characters
 * outside `[a-z0-9]` becomes a space, split on spaces; with stemming on, tokens longer than three
 * characters are replaced by their Porter stem (NLTK's default mode, as rouge-score uses).
 */
import { stem } from '../../core/text/stem.js';

/** rouge-score tokens of `text`. Example: `rougeTokens("The U.S. reported", true)` → `["the","u","s","report"]`. */
export function rougeTokens(text: string, stemming: boolean): string[] {
  const pieces = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ');
  const tokens: string[] = [];
  for (const p of pieces) {
    if (p.length === 0) continue;
    tokens.push(stemming && p.length > 3 ? stem(p) : p);
  }
  return tokens;
}

/** Gives each distinct token a small integer, so n-grams and LCS compare numbers instead of strings. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();

  encode(tokens: readonly string[]): Int32Array {
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as string;
      let id = this.ids.get(t);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(t, id);
      }
      out[i] = id;
    }
    return out;
  }
}
