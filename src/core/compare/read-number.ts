/**
 * Reading a number at a token position: digits ("3,400", "3.2", "1.2m"), words ("twelve", "forty-six",
 * "three hundred") and a multiplier after either ("$412 million", "2.5bn").
 */
import words from './figure-words.json' with { type: 'json' };

// Maps, not the JSON objects: `"constructor" in {}` is true, and this runs on every token.
const UNITS: ReadonlyMap<string, number> = new Map(Object.entries(words.units));
const TENS: ReadonlyMap<string, number> = new Map(Object.entries(words.tens));
/** Words and suffixes that scale a number ("million", "bn"). */
export const MULTIPLIERS: ReadonlyMap<string, number> = new Map(Object.entries(words.multipliers));

export interface NumberRead {
  readonly value: number;
  /** Tokens used, from the start position. */
  readonly length: number;
}

function wordValue(w: string): number | undefined {
  const v = UNITS.get(w) ?? TENS.get(w);
  if (v !== undefined || !w.includes('-')) return v;
  const [t, u] = w.split('-');
  const tens = TENS.get(t!);
  const unit = UNITS.get(u!);
  return tens !== undefined && unit !== undefined && unit > 0 && unit < 10 ? tens + unit : undefined;
}

const DIGITS = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(m|bn|k)?$/;

/**
 * The number starting at `tokens[i]` (lowercased tokens), or undefined.
 * @example readNumber(["412", "million", "tram"], 0) // → { value: 412000000, length: 2 }
 */
export function readNumber(tokens: readonly string[], i: number): NumberRead | undefined {
  const t = tokens[i];
  if (t === undefined) return undefined;
  let value: number | undefined;
  let length = 1;
  // Only a token that starts with a digit can be digits: most tokens skip the expression.
  const first = t.charCodeAt(0);
  const digits = first >= 48 && first <= 57 ? DIGITS.exec(t) : null;
  if (digits) {
    value = Number(digits[1]!.replace(/,/g, '') + (digits[2] ? `.${digits[2]}` : ''));
    if (digits[3]) value *= MULTIPLIERS.get(digits[3])!;
  } else {
    value = wordValue(t);
    // "three hundred", "twenty thousand".
    while (value !== undefined && tokens[i + length] === 'hundred') {
      value *= 100;
      length++;
      // "one hundred and three", "one hundred three".
      const andWord = tokens[i + length] === 'and' ? 1 : 0;
      const rest = wordValue(tokens[i + length + andWord] ?? '');
      if (rest !== undefined && rest < 100) {
        value += rest;
        length += andWord + 1;
      }
    }
  }
  if (value === undefined || !Number.isFinite(value)) return undefined;
  const next = tokens[i + length];
  const scale = next !== undefined && next.length > 2 ? MULTIPLIERS.get(next) : undefined;
  if (scale !== undefined) {
    value *= scale;
    length++;
  }
  return { value, length };
}

/** A figure value as text: integers plainly, others with at most three decimals ("3.2"). */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
}
