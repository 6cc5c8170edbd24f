/**
 * The article-body extraction metric of the Zyte/Scrapinghub article-extraction benchmark
 * (`evaluate.py` in github.com/scrapinghub/article-extraction-benchmark): texts become `\w+` tokens,
 * compared as multisets of 4-token shingles; per page, true positives, false positives and false
 * negatives are normalised to sum to one; precision and recall are means over pages and F1 their
 * harmonic mean; accuracy is the share of pages whose token sequence equals the truth's.
 *
 * Python's `\w` (letters, digits of every script and `_`) is written `[\p{L}\p{N}_]` here.
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;

export interface PageMatch {
  /** Shares of shingles in both texts, only in the prediction, only in the truth (summing to 1, or all 0). */
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  /** The token sequences are equal. */
  readonly exact: boolean;
}

export interface ExtractionScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly accuracy: number;
  readonly pages: number;
}

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The benchmark's `_ngrams`: a text shorter than a shingle still gives one shingle of what it has. */
function shingles(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, words.length - SHINGLE + 1); i++) {
    const shingle = words.slice(i, i + SHINGLE).join(' ');
    if (shingle) counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/** `string_shingle_matching` of one page. Example: `matchPage("a b c d", "a b c d").tp` → 1. */
export function matchPage(truth: string, prediction: string): PageMatch {
  const t = tokens(truth);
  const p = tokens(prediction);
  const a = shingles(t);
  const b = shingles(p);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key) ?? 0;
    const y = b.get(key) ?? 0;
    tp += Math.min(x, y);
    fp += Math.max(0, y - x);
    fn += Math.max(0, x - y);
  }
  const sum = tp + fp + fn;
  const exact = t.length === p.length && t.every((w, i) => w === p[i]);
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum, exact } : { tp: 0, fp: 0, fn: 0, exact };
}

/** Precision of one page: 1 when both texts are empty, 0 when only the prediction is. */
export function pagePrecision(m: PageMatch): number {
  if (m.fp === 0 && m.fn === 0) return 1;
  return m.tp + m.fp > 0 ? m.tp / (m.tp + m.fp) : 0;
}

/** Recall of one page: 1 when both texts are empty, 0 when only the truth is. */
export function pageRecall(m: PageMatch): number {
  if (m.fp === 0 && m.fn === 0) return 1;
  return m.tp + m.fn > 0 ? m.tp / (m.tp + m.fn) : 0;
}

/** The benchmark's figures over pages. */
export function extractionScore(matches: readonly PageMatch[]): ExtractionScore {
  const n = matches.length;
  const mean = (f: (m: PageMatch) => number) => (n ? matches.reduce((s, m) => s + f(m), 0) / n : 0);
  const precision = mean(pagePrecision);
  const recall = mean(pageRecall);
  return {
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    accuracy: mean((m) => (m.exact ? 1 : 0)),
    pages: n,
  };
}
