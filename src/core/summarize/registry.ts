/**
 * The one registry of summarizers. The CLI (`--method`), the server and the evaluation harness look
 * summarizers up here and nowhere else, so what is measured is what users run.
 */
import { ChorusError } from '../errors.js';
import { centroid } from './centroid.js';
import { chorus } from './chorus.js';
import { lead } from './lead.js';
import { lexrank } from './lexrank.js';
import { textrank } from './textrank.js';
import type { Summarizer } from './summarizer.js';

const SUMMARIZERS: readonly Summarizer[] = [chorus, lead, centroid, lexrank, textrank];

const BY_NAME = new Map(SUMMARIZERS.map((s) => [s.name, s]));

/** Names of every registered summarizer, in registration order (the default, `chorus`, first when present). */
export function summarizerNames(): string[] {
  return SUMMARIZERS.map((s) => s.name);
}

/**
 * The summarizer called `name`.
 * @throws ChorusError 'usage' naming the valid choices when there is none by that name.
 */
export function getSummarizer(name: string): Summarizer {
  const found = BY_NAME.get(name);
  if (!found) {
    throw new ChorusError(
      'usage',
      `expected a summarizer name (${summarizerNames().join(', ')}), found "${name}"`,
    );
  }
  return found;
}
