/**
 * Averages of per-example results, per method: the figures of the evaluation table. Scores are means
 * over the examples that have references, ×100 as papers print them, with seeded bootstrap 95 %
 * intervals, and for every method after the first a paired interval of its difference from the first.
 */
import { bootstrapInterval, type Interval } from '../bootstrap.js';
import type { SummaryLint } from '../../core/summarize/readability.js';
import type { ExampleResult } from './evaluate-example.js';

const MEASURES = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] as const;
type Measure = (typeof MEASURES)[number];

export interface MethodSummary {
  readonly method: string;
  /** Examples scored (with at least one reference). */
  readonly examples: number;
  /** Mean rouge-score F1 ×100, best reference per example. */
  readonly rouge1: number;
  readonly rouge2: number;
  readonly rougeL: number;
  readonly rougeLsum: number;
  /** Bootstrap 95 % interval of each mean F1 ×100 (1,000 resamples of the examples). */
  readonly ci95: Readonly<Record<Measure, Interval>>;
  /** Paired bootstrap 95 % interval of (this method − `method`) in mean F1 ×100, for methods after the first. */
  readonly versus?: { readonly method: string } & Readonly<Record<Measure, Interval>>;
  /** Mean ROUGE-1.5.5-style recall ×100 at the word limit (DUC/TAC only). */
  readonly recall155?: { readonly rouge1: number; readonly rouge2: number };
  readonly meanWords: number;
  /**
   * The readability lint over every summary sentence of the method (all examples, scored or not):
   * the sentence count and the share (%) with each flaw. Absent for rescored summaries.
   */
  readonly readability?: Readability;
  /** Examples per second on one core: shared analysis plus this summarizer (ROUGE not included). */
  readonly examplesPerSecond: number;
  /** Examples on which the summarizer threw (scored as empty summaries). */
  readonly errors: number;
  readonly firstError?: string;
}

export interface Readability {
  readonly sentences: number;
  readonly unbalancedQuotes: number;
  readonly noFinalPunctuation: number;
  readonly danglingOpenings: number;
}

interface Collected {
  lint: { sentences: number; unbalancedQuotes: number; noFinalPunctuation: number; danglingOpenings: number };
  linted: boolean;
  /** F1 per scored example, per measure; the same example order for every method. */
  readonly f: Record<Measure, number[]>;
  readonly recall1: number[];
  readonly recall2: number[];
  words: number;
  seconds: number;
  errors: number;
  firstError?: string;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const scaled = (i: Interval): Interval => ({ low: 100 * i.low, mid: 100 * i.mid, high: 100 * i.high });

/** Accumulates example results as they arrive, in any order. */
export class Aggregate {
  private readonly collected = new Map<string, Collected>();
  examples = 0;
  scored = 0;
  inputWords = 0;
  referenceWords = 0;
  /** Examples that could not be read, with the reason. */
  readonly problems: string[] = [];

  constructor(readonly methods: readonly string[]) {
    for (const m of methods)
      this.collected.set(m, {
        f: { rouge1: [], rouge2: [], rougeL: [], rougeLsum: [] },
        recall1: [],
        recall2: [],
        words: 0,
        seconds: 0,
        errors: 0,
        lint: { sentences: 0, unbalancedQuotes: 0, noFinalPunctuation: 0, danglingOpenings: 0 },
        linted: false,
      });
  }

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
      const c = this.collected.get(r.method);
      if (!c) continue;
      c.seconds += r.seconds;
      c.words += r.words;
      if (r.lint) addLint(c, r.lint);
      if (r.error !== undefined) {
        c.errors++;
        c.firstError ??= `${example.id}: ${r.error}`;
      }
      if (!example.scored) continue;
      for (const m of MEASURES) c.f[m].push(r.scores[m].f);
      if (r.recall155) {
        c.recall1.push(r.recall155.rouge1);
        c.recall2.push(r.recall155.rouge2);
      }
    }
  }

  summaries(): MethodSummary[] {
    const first = this.collected.get(this.methods[0] ?? '');
    return this.methods.map((method, k) => {
      const c = this.collected.get(method) as Collected;
      const intervals = (paired?: Collected) =>
        Object.fromEntries(
          MEASURES.map((m) => [m, scaled(bootstrapInterval(c.f[m], paired ? { paired: paired.f[m] } : {}))]),
        ) as Record<Measure, Interval>;
      return {
        method,
        examples: c.f.rouge1.length,
        rouge1: 100 * mean(c.f.rouge1),
        rouge2: 100 * mean(c.f.rouge2),
        rougeL: 100 * mean(c.f.rougeL),
        rougeLsum: 100 * mean(c.f.rougeLsum),
        ci95: intervals(),
        ...(k > 0 && first && { versus: { method: this.methods[0] as string, ...intervals(first) } }),
        ...(c.recall1.length > 0 && {
          recall155: { rouge1: 100 * mean(c.recall1), rouge2: 100 * mean(c.recall2) },
        }),
        meanWords: this.examples ? c.words / this.examples : 0,
        ...(c.linted && { readability: readabilityOf(c.lint) }),
        examplesPerSecond: c.seconds > 0 ? this.examples / c.seconds : 0,
        errors: c.errors,
        ...(c.firstError !== undefined && { firstError: c.firstError }),
      };
    });
  }
}

function addLint(c: Collected, lint: SummaryLint): void {
  c.linted = true;
  c.lint.sentences += lint.sentences;
  c.lint.unbalancedQuotes += lint.unbalancedQuotes;
  c.lint.noFinalPunctuation += lint.noFinalPunctuation;
  c.lint.danglingOpenings += lint.danglingOpenings;
}

/** Counts to shares ×100 of the summary sentences. */
function readabilityOf(lint: SummaryLint): Readability {
  const share = (n: number) => (lint.sentences ? (100 * n) / lint.sentences : 0);
  return {
    sentences: lint.sentences,
    unbalancedQuotes: share(lint.unbalancedQuotes),
    noFinalPunctuation: share(lint.noFinalPunctuation),
    danglingOpenings: share(lint.danglingOpenings),
  };
}
