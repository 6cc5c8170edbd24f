/**
 * `chorus summarize PATH…`: reads the given files, directories or standard input as the articles of
 * one story and prints the cited summary and the comparison of the sources.
 */
import { Command, Option } from 'commander';
import { ChorusError } from '../core/errors.js';
import { buildStoryReport, PIPELINE_DEFAULTS } from '../core/pipeline.js';
import { summarizerNames } from '../core/summarize/registry.js';
import { readInputs, type InputOutcome } from '../io/index.js';
import { parsePositiveInt } from './options.js';
import { exitCodeOf, noArticlesError, printReadProblems } from './read-outcomes.js';
import { renderMarkdown } from '../web/render-markdown.js';
import { renderReportPage } from '../web/report-page.js';

export const FORMATS = ['md', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];

interface SummarizeFlags {
  method: string;
  words: number;
  format: Format;
  json?: boolean;
  title?: string;
  maxBytes: number;
}

/** The `--json` answer when there is no report: the same shape, `report` null, and the error. */
function jsonFailure(error: ChorusError, inputs: readonly InputOutcome[]): string {
  return (
    JSON.stringify({ report: null, error: { code: error.code, message: error.message }, inputs }, null, 2) +
    '\n'
  );
}

export async function runSummarize(paths: readonly string[], flags: SummarizeFlags): Promise<number> {
  const read = await readInputs(paths.length ? paths : ['-'], {
    maxBytes: flags.maxBytes,
    stdin: process.stdin,
  });
  printReadProblems(read, process.stderr);
  const format: Format = flags.json ? 'json' : flags.format;
  if (read.articles.length === 0) {
    const error = noArticlesError(read);
    // Scripts parse stdout: under --json they get a document saying what failed, not an empty stream.
    if (format === 'json') process.stdout.write(jsonFailure(error, read.outcomes));
    throw error;
  }
  const report = buildStoryReport(
    { id: 'cli', ...(flags.title && { title: flags.title }), articles: read.articles },
    { method: flags.method, words: flags.words },
  );
  const output =
    format === 'json'
      ? JSON.stringify({ report, inputs: read.outcomes }, null, 2) + '\n'
      : format === 'html'
        ? renderReportPage(report)
        : renderMarkdown(report);
  process.stdout.write(output);
  return exitCodeOf(read.outcomes);
}

export function register(program: Command): void {
  program
    .command('summarize')
    .description('summarize the articles of one story, with citations and a comparison of the sources')
    .argument('[paths...]', 'files, directories, or - for standard input (default: standard input)')
    .addOption(
      new Option('-m, --method <name>', 'summarizer')
        .choices(summarizerNames())
        .default(PIPELINE_DEFAULTS.method),
    )
    .option('-w, --words <n>', 'word budget of the summary', parsePositiveInt, PIPELINE_DEFAULTS.words)
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('md'))
    .option('--json', 'same as --format json: the full typed report (schema/report.schema.json)')
    .option('-t, --title <title>', 'title of the story (default: the first article title)')
    .option('--max-bytes <n>', 'largest input file read, in bytes', parsePositiveInt, 20 * 1024 * 1024)
    .addHelpText(
      'after',
      `
Examples:
  chorus summarize samples/harbor-bridge-closure
  chorus summarize a.html b.txt c.json --words 120 --method lexrank
  cat article.txt | chorus summarize - --json

Inputs: plain text (optional Title:/By:/Date:/Source:/URL: header lines), HTML pages, JSON or JSONL
records, Multi-News files (.jsonl, .jsonl.gz, .src). Inputs that cannot be read are reported on stderr
and skipped; the exit code is then 11 (partial), 3 when no path exists, or 4 when no input gave
an article (with --json, stdout then holds {"report": null, "error": {"code", "message"}, "inputs": [...]}).`,
    )
    .action(async (paths: string[], flags: SummarizeFlags) => {
      process.exitCode = await runSummarize(paths, flags);
    });
}
