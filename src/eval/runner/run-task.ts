/** One work item to one example result; shared by the worker threads and the in-process mode. */
import { isChorusError } from '../../core/errors.js';
import type { Summarizer } from '../../core/summarize/summarizer.js';
import { parseMultiNewsLine } from '../../io/multinews.js';
import type { EvalTask } from '../datasets/index.js';
import { evaluateExample, type EvalSettings, type ExampleResult } from './evaluate-example.js';

/**
 * Evaluates one task. A malformed line, or an example the text analysis fails on, is reported and left
 * out of the averages: the run goes on (summarizer failures are handled per method, in evaluateExample).
 */
export function runTask(
  task: EvalTask,
  summarizers: readonly Summarizer[],
  settings: EvalSettings,
): ExampleResult {
  const id = task.kind === 'example' ? task.example.id : `line-${task.lineNumber}`;
  try {
    const example = task.kind === 'example' ? task.example : parseMultiNewsLine(task.line, task.lineNumber);
    const reference = task.kind === 'line' ? task.reference : undefined;
    const withReference =
      reference && example.references.length === 0 ? { ...example, references: [reference] } : example;
    return evaluateExample(withReference, summarizers, settings, task.index);
  } catch (error) {
    const problem = isChorusError(error)
      ? error.message
      : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    return { index: task.index, id, inputWords: 0, referenceWords: 0, scored: false, results: [], problem };
  }
}
