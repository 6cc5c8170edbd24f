/**
 * One example through every method: the story prepared once (`prepareStory`, as the pipeline does), each summarizer run
 * on it, each summary scored against the references. A summarizer that throws costs that example a zero
 * score and an error note, never the run.
 */
import { prepareStory } from '../../core/prepare-story.js';
import { countWords } from '../../core/text/index.js';
import { lintSummary, type SummaryLint } from '../../core/summarize/readability.js';
import type { Summarizer } from '../../core/summarize/summarizer.js';
import type { Example } from '../../io/multinews.js';
import { oracleSummarizer } from '../oracle.js';
import { rouge155, rougeScoresMulti, type RougeScores } from '../rouge.js';

export interface EvalSettings {
  /** Word budget given to every summarizer (and the ROUGE-1.5.5 `-l` limit). */
  readonly words: number;
  /** Also score ROUGE-1.5.5-style recall (`-n 2 -m -l words -f A`), as DUC and TAC report. */
  readonly recall155: boolean;
  /** Keep summary texts in the results (for `--out`). */
  readonly keepSummaries: boolean;
  /** Add the greedy ROUGE oracle (it reads the references) as a method named `oracle`. */
  readonly oracle?: boolean;
}

export { ORACLE } from '../oracle.js';

export interface MethodResult {
  readonly method: string;
  /** rouge-score against the references, best reference per measure. */
  readonly scores: RougeScores;
  readonly recall155?: { readonly rouge1: number; readonly rouge2: number };
  /** Words in the summary. */
  readonly words: number;
  /** Seconds spent on this example for this method: the shared analysis plus the summarizer. */
  readonly seconds: number;
  /** The readability lint of the summary (absent when the summarizer failed). */
  readonly lint?: SummaryLint;
  /** Sentences joined by newlines, when `keepSummaries`. */
  readonly summary?: string;
  readonly error?: string;
}

export interface ExampleResult {
  /** Position of the example in the run, for putting results back in order. */
  readonly index: number;
  readonly id: string;
  /** Words in the input articles. */
  readonly inputWords: number;
  /** Mean words of the references. */
  readonly referenceWords: number;
  /** False when the example has no reference: it is then left out of the averages. */
  readonly scored: boolean;
  readonly results: readonly MethodResult[];
  /** Why the example could not be read, when it could not (it is then left out). */
  readonly problem?: string;
}

/** Summarizes `example` with each of `summarizers` and scores every summary. */
export function evaluateExample(
  example: Example,
  summarizers: readonly Summarizer[],
  settings: EvalSettings,
  index: number,
): ExampleResult {
  const started = performance.now();
  const prepared = prepareStory(example.story);
  const usable = prepared.story.articles;
  const doc = prepared.forSummary;
  const analysis = (performance.now() - started) / 1000;
  const methods = settings.oracle ? [...summarizers, oracleSummarizer(example.references)] : summarizers;
  const results = methods.map((summarizer): MethodResult => {
    const t0 = performance.now();
    let text = '';
    let words = 0;
    let error: string | undefined;
    let lint: SummaryLint | undefined;
    try {
      const summary = summarizer.summarize(doc, { words: settings.words });
      text = summary.sentences.map((s) => s.text).join('\n');
      words = summary.words;
      lint = lintSummary(doc, summary);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const seconds = analysis + (performance.now() - t0) / 1000;
    const r155 = settings.recall155
      ? rouge155(text, example.rawReferences ?? example.references, { words: settings.words, stem: true })
      : undefined;
    return {
      method: summarizer.name,
      scores: rougeScoresMulti(text, example.references),
      ...(r155 && { recall155: { rouge1: r155.rouge1.recall, rouge2: r155.rouge2.recall } }),
      words,
      seconds,
      ...(lint && { lint }),
      ...(settings.keepSummaries && { summary: text }),
      ...(error !== undefined && { error }),
    };
  });
  const refs = example.references;
  return {
    index,
    id: example.id,
    inputWords: usable.reduce((n, a) => n + countWords(a.text), 0),
    referenceWords: refs.length ? refs.reduce((n, r) => n + countWords(r), 0) / refs.length : 0,
    scored: refs.length > 0,
    results,
  };
}
