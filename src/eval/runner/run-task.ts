/** One work item to one example result; shared by the worker threads and the in-process mode. */
import { isChorusError } from '../../core/errors.js';
import type { Summarizer } from '../../core/summarize/summarizer.js';
import { parseMultiNewsLine } from '../../io/multinews.js';
import type { EvalTask } from '../datasets/index.js';
import { evaluateExample, type EvalSettings, type ExampleResult } from './evaluate-example.js';

export function runTask(
  task: EvalTask,
  summarizers: readonly Summarizer[],
  settings: EvalSettings,
): ExampleResult {
  if (task.kind === 'example') return evaluateExample(task.example, summarizers, settings, task.index);
  try {
    return evaluateExample(parseMultiNewsLine(task.line, task.lineNumber), summarizers, settings, task.index);
  } catch (error) {
    if (!isChorusError(error)) throw error;
    // A malformed line is reported and left out of the averages; the run goes on.
    return {
      index: task.index,
      id: `line-${task.lineNumber}`,
      inputWords: 0,
      referenceWords: 0,
      scored: false,
      results: [],
      problem: error.message,
    };
  }
}
