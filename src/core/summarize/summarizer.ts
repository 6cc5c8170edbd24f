/**
 * The one interface every summarizer implements. The CLI, the server and the evaluation harness all go
 * through the registry, so what is measured is what users run.
 */
import type { AnalyzedStory, Summary } from '../model.js';

export interface SummarizeOptions {
  /** Word budget for the summary (the summary never exceeds it). */
  readonly words: number;
}

export const SUMMARIZE_DEFAULTS: SummarizeOptions = Object.freeze({ words: 250 });

export interface Summarizer {
  /** Registry name, as given to `--method`. */
  readonly name: string;
  /** One line for `--help` and docs. */
  readonly description: string;
  summarize(doc: AnalyzedStory, options: SummarizeOptions): Summary;
}
