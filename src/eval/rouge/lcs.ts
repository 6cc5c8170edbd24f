/**
 * Longest common subsequences for ROUGE-L and ROUGE-Lsum, following rouge-score (`_lcs_table`,
 * `_backtrack_norec`, `_summary_level_lcs`, `_union_lcs`) step for step, on integer token ids and typed
 * arrays. Source: C.-Y. Lin, "ROUGE: A Package for Automatic Evaluation of Summaries", 2004, §3.1-3.2.
 */
import { score, ZERO_SCORE, type RougeScore } from './score.js';

/** Length of the LCS of `a` and `b`, in O(|b|) memory. */
export function lcsLength(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      if (ai === b[j - 1]) current[j] = (previous[j - 1] as number) + 1;
      else {
        const up = previous[j] as number;
        const left = current[j - 1] as number;
        current[j] = up > left ? up : left;
      }
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

/** ROUGE-L of a candidate against a reference (rouge-score `_score_lcs`). */
export function scoreLcs(reference: Int32Array, candidate: Int32Array): RougeScore {
  if (reference.length === 0 || candidate.length === 0) return ZERO_SCORE;
  const lcs = lcsLength(reference, candidate);
  return score(lcs / candidate.length, lcs / reference.length);
}

let table = new Int32Array(1024);

/**
 * Positions in `ref` of one LCS of `ref` and `can`, chosen by rouge-score's backtracking (on a tie it
 * moves up, not left), so the union below picks the same tokens.
 */
export function lcsIndices(ref: Int32Array, can: Int32Array): number[] {
  const rows = ref.length;
  const cols = can.length;
  const width = cols + 1;
  const size = (rows + 1) * width;
  if (table.length < size) table = new Int32Array(Math.max(size, table.length * 2));
  const t = table;
  t.fill(0, 0, size);
  for (let i = 1; i <= rows; i++) {
    const ri = ref[i - 1];
    const row = i * width;
    const up = row - width;
    for (let j = 1; j <= cols; j++) {
      if (ri === can[j - 1]) t[row + j] = (t[up + j - 1] as number) + 1;
      else {
        const a = t[up + j] as number;
        const b = t[row + j - 1] as number;
        t[row + j] = a > b ? a : b;
      }
    }
  }
  const out: number[] = [];
  let i = rows;
  let j = cols;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      out.push(i - 1);
      i--;
      j--;
    } else if ((t[i * width + j - 1] as number) > (t[(i - 1) * width + j] as number)) j--;
    else i--;
  }
  return out.reverse();
}

function tokenCounts(sentences: readonly Int32Array[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const s of sentences) for (const t of s) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/**
 * Summary-level ROUGE-L (ROUGE-Lsum): for each reference sentence, the union of its LCS positions with
 * every candidate sentence; hits are clipped by token counts so no token is counted twice, as
 * ROUGE-1.5.5 and rouge-score do.
 */
export function scoreSummaryLcs(
  reference: readonly Int32Array[],
  candidate: readonly Int32Array[],
): RougeScore {
  if (reference.length === 0 || candidate.length === 0) return ZERO_SCORE;
  let m = 0;
  let n = 0;
  for (const s of reference) m += s.length;
  for (const s of candidate) n += s.length;
  if (m === 0 || n === 0) return ZERO_SCORE;
  const leftInReference = tokenCounts(reference);
  const leftInCandidate = tokenCounts(candidate);
  let hits = 0;
  for (const r of reference) {
    const union = new Set<number>();
    for (const c of candidate) for (const i of lcsIndices(r, c)) union.add(i);
    for (const i of [...union].sort((a, b) => a - b)) {
      const token = r[i] as number;
      const inCandidate = leftInCandidate.get(token) ?? 0;
      const inReference = leftInReference.get(token) ?? 0;
      if (inCandidate > 0 && inReference > 0) {
        hits++;
        leftInCandidate.set(token, inCandidate - 1);
        leftInReference.set(token, inReference - 1);
      }
    }
  }
  return score(hits / n, hits / m);
}
