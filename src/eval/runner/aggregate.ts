/**
 * Averages of per-example results, per method: the figures of the evaluation table. Scores are means
 * over the examples that have references, ×100 as papers print them.
 */
import type { ExampleResult } from './evaluate-example.js';

export interface MethodSummary {
  readonly method: string;
  /** Examples scored (with at least one reference). */
  readonly examples: number;
  /** Mean rouge-score F1 ×100, best reference per example. */
  readonly rouge1: number;
  readonly rouge2: number;
  readonly rougeL: number;
  readonly rougeLsum: number;
  /** Mean ROUGE-1.5.5-style recall ×100 at the word limit (DUC/TAC only). */
  readonly recall155?: { readonly rouge1: number; readonly rouge2: number };
  readonly meanWords: number;
  /** Examples per second on one core: shared analysis plus this summarizer (ROUGE not included). */
  readonly examplesPerSecond: number;
  /** Examples on which the summarizer threw (scored as empty summaries). */
  readonly errors: number;
  readonly firstError?: string;
}

interface Sums {
  n: number;
  r1: number;
  r2: number;
  rl: number;
  rlsum: number;
  recall1: number;
  recall2: number;
  has155: boolean;
  words: number;
  seconds: number;
  errors: number;
  firstError?: string;
}

/** Accumulates example results as they arrive, in any order. */
export class Aggregate {
  private readonly sums = new Map<string, Sums>();
  examples = 0;
  scored = 0;
  inputWords = 0;
  referenceWords = 0;

  constructor(readonly methods: readonly string[]) {
    for (const m of methods)
      this.sums.set(m, {
        n: 0,
        r1: 0,
        r2: 0,
        rl: 0,
        rlsum: 0,
        recall1: 0,
        recall2: 0,
        has155: false,
        words: 0,
        seconds: 0,
        errors: 0,
      });
  }

  /** Examples that could not be read, with the reason. */
  readonly problems: string[] = [];

  add(example: ExampleResult): void {
    if (example.problem !== undefined) {
      this.problems.push(`${example.id}: ${example.problem}`);
      return;
    }
    this.examples++;
    this.inputWords += example.inputWords;
    if (example.scored) {
      this.scored++;
      this.referenceWords += example.referenceWords;
    }
    for (const r of example.results) {
      const s = this.sums.get(r.method);
      if (!s) continue;
      s.seconds += r.seconds;
      s.words += r.words;
      if (r.error !== undefined) {
        s.errors++;
        s.firstError ??= `${example.id}: ${r.error}`;
      }
      if (!example.scored) continue;
      s.n++;
      s.r1 += r.scores.rouge1.f;
      s.r2 += r.scores.rouge2.f;
      s.rl += r.scores.rougeL.f;
      s.rlsum += r.scores.rougeLsum.f;
      if (r.recall155) {
        s.has155 = true;
        s.recall1 += r.recall155.rouge1;
        s.recall2 += r.recall155.rouge2;
      }
    }
  }

  summaries(): MethodSummary[] {
    return this.methods.map((method) => {
      const s = this.sums.get(method) as Sums;
      const mean = (x: number) => (s.n ? (100 * x) / s.n : 0);
      return {
        method,
        examples: s.n,
        rouge1: mean(s.r1),
        rouge2: mean(s.r2),
        rougeL: mean(s.rl),
        rougeLsum: mean(s.rlsum),
        ...(s.has155 && { recall155: { rouge1: mean(s.recall1), rouge2: mean(s.recall2) } }),
        meanWords: this.examples ? s.words / this.examples : 0,
        examplesPerSecond: s.seconds > 0 ? this.examples / s.seconds : 0,
        errors: s.errors,
        ...(s.firstError !== undefined && { firstError: s.firstError }),
      };
    });
  }
}
