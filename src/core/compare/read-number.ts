/**
 * Reading a number at a token position: digits ("3,400", "3.2", "1.2m"), words ("twelve", "forty-six",
 * "three hundred") and a multiplier after either ("$412 million", "2.5bn").
 */
import words from './figure-words.json' with { type: 'json' };

const UNITS: Readonly<Record<string, number>> = words.units;
const TENS: Readonly<Record<string, number>> = words.tens;
const MULTIPLIERS: Readonly<Record<string, number>> = words.multipliers;

export interface NumberRead {
  readonly value: number;
  /** Tokens used, from the start position. */
  readonly length: number;
}

function wordValue(w: string): number | undefined {
  if (w in UNITS) return UNITS[w];
  if (w in TENS) return TENS[w];
  const [t, u] = w.split('-');
  if (t && u && t in TENS && u in UNITS && UNITS[u]! < 10) return TENS[t]! + UNITS[u]!;
  return undefined;
}

/**
 * The number starting at `tokens[i]` (lowercased tokens), or undefined.
 * @example readNumber(["412", "million", "tram"], 0) // → { value: 412000000, length: 2 }
 */
export function readNumber(tokens: readonly string[], i: number): NumberRead | undefined {
  const t = tokens[i];
  if (t === undefined) return undefined;
  let value: number | undefined;
  let length = 1;
  const digits = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(m|bn|k)?$/.exec(t);
  if (digits) {
    value = Number(digits[1]!.replace(/,/g, '') + (digits[2] ? `.${digits[2]}` : ''));
    if (digits[3]) value *= MULTIPLIERS[digits[3]]!;
  } else {
    value = wordValue(t);
    // "three hundred", "twenty thousand".
    while (value !== undefined && tokens[i + length] === 'hundred') {
      value *= 100;
      length++;
    }
  }
  if (value === undefined || !Number.isFinite(value)) return undefined;
  const next = tokens[i + length];
  if (next !== undefined && next in MULTIPLIERS && next.length > 2) {
    value *= MULTIPLIERS[next]!;
    length++;
  }
  return { value, length };
}

/** A figure value as text: integers plainly, others with at most three decimals ("3.2"). */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
}
