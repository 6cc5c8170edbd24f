/**
 * `chorus extract PATH…`: prints each input's articles as Chorus reads them (title, by-line, date,
 * outlet and the text left once clutter is gone), to check what a page or file gives before summarizing
 * it. Inputs are read by the shared reader (`readInputs`), as every other command reads them, so pages,
 * text files, JSON and `.gz` files all work.
 */
import type { Command } from 'commander';
import type { Article } from '../core/model.js';
import { readInputs, type ReadReport } from '../io/index.js';
import { EXIT_CODES } from './exit-codes.js';
import { parsePositiveInt } from './options.js';
import { exitCodeOf, noArticlesError, printReadProblems, readProblems } from './read-outcomes.js';

interface ExtractFlags {
  json?: boolean;
  maxBytes: number;
}

export interface ExtractedArticle {
  readonly input: string;
  readonly title: string | null;
  readonly byline: string | null;
  readonly date: string | null;
  readonly outlet: string;
  readonly text: string;
}

/** Each article with the input it came from: `readInputs` gives articles in input order, counted per input. */
export function extractedArticles(read: ReadReport): ExtractedArticle[] {
  const out: ExtractedArticle[] = [];
  let next = 0;
  for (const outcome of read.outcomes) {
    for (const article of read.articles.slice(next, next + outcome.articles))
      out.push(extracted(outcome.input, article));
    next += outcome.articles;
  }
  return out;
}

function extracted(input: string, a: Article): ExtractedArticle {
  return {
    input,
    title: a.title ?? null,
    byline: a.byline ?? null,
    date: a.date ?? null,
    outlet: a.source,
    text: a.text,
  };
}

function renderText(articles: readonly ExtractedArticle[]): string {
  return articles
    .map((a) => {
      const head = [
        `# ${a.title ?? '(no title)'}`,
        `input:  ${a.input}`,
        `outlet: ${a.outlet}`,
        ...(a.byline ? [`by:     ${a.byline}`] : []),
        ...(a.date ? [`date:   ${a.date}`] : []),
      ];
      return `${head.join('\n')}\n\n${a.text}\n`;
    })
    .join('\n');
}

async function runExtract(paths: readonly string[], flags: ExtractFlags): Promise<number> {
  const read = await readInputs(paths, { maxBytes: flags.maxBytes, stdin: process.stdin });
  const articles = extractedArticles(read);
  if (flags.json)
    process.stdout.write(`${JSON.stringify({ articles, problems: readProblems(read) }, null, 2)}\n`);
  else {
    printReadProblems(read);
    process.stdout.write(renderText(articles));
  }
  if (articles.length === 0) {
    // Under --json the document above already lists the problems; the error line says what failed.
    const error = noArticlesError(read);
    process.stderr.write(`chorus: ${error.message}\n`);
    return EXIT_CODES[error.code];
  }
  return exitCodeOf(read.outcomes);
}

export function register(program: Command): void {
  program
    .command('extract')
    .description("print each input's article as Chorus reads it: title, by-line, date, outlet and text")
    .argument(
      '<paths...>',
      'files or directories: HTML pages, text, JSON, JSONL (also .gz); - reads standard input',
    )
    .option('--json', 'print {"articles":[{"input","title","byline","date","outlet","text"}],"problems":[…]}')
    .option('--max-bytes <n>', 'largest input file read, in bytes', parsePositiveInt, 100 * 1024 * 1024)
    .addHelpText(
      'after',
      `
Exit codes: 0 every input read; 4 no article in any input; 11 some inputs rejected (see stderr,
or "problems" with --json); 2 bad flags.

Examples:
  chorus extract saved-page.html
  chorus extract pages/*.html.gz --json`,
    )
    .action(async (paths: string[], flags: ExtractFlags) => {
      process.exitCode = await runExtract(paths, flags);
    });
}
