/**
 * `chorus quotes PATH…`: the quotes of each article and who said them, with offsets. A plain-text file
 * is attributed on its decoded text as it is, so offsets point into the file; other inputs (HTML, JSON
 * records) on the article text Chorus extracts from them, which `--json` then includes as `text`.
 * Offsets are Unicode code points (what Python's str indexing and most annotation tools count), not
 * JavaScript's UTF-16 units.
 */
import { readFile, stat } from 'node:fs/promises';
import { Command } from 'commander';
import { ChorusError } from '../core/errors.js';
import { attributeQuotes, type SpokenQuote } from '../core/quotes/index.js';
import { decodeBytes, readInputs, type ReadReport } from '../io/index.js';
import { parsePositiveInt } from './options.js';
import { exitCodeOf, noArticlesError, printReadProblems } from './read-outcomes.js';

interface QuotesFlags {
  json?: boolean;
  maxBytes: number;
}

interface QuoteOut {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly speaker: string | null;
  readonly speakerStart: number | null;
  readonly speakerEnd: number | null;
}

interface ArticleOut {
  readonly input: string;
  /** The article's id when one input holds several articles (JSONL, directories). */
  readonly article?: string;
  /** The text the offsets point into, when it is not the input file's own text. */
  readonly text?: string;
  readonly quotes: readonly QuoteOut[];
}

/** UTF-16 offset → code-point offset, for every offset of `text`. */
function codePoints(text: string): (u: number) => number {
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let u = 0; u < text.length; u++) {
    map[u] = cp;
    const c = text.charCodeAt(u);
    // The second half of a surrogate pair is the same code point as the first.
    if (c < 0xd800 || c > 0xdbff || u + 1 >= text.length) cp++;
  }
  map[text.length] = cp;
  return (u) => map[u]!;
}

function toOut(text: string, quotes: readonly SpokenQuote[]): QuoteOut[] {
  const cp = codePoints(text);
  return quotes.map((q) => ({
    text: q.text,
    start: cp(q.start),
    end: cp(q.end),
    speaker: q.speaker ?? null,
    speakerStart: q.speakerStart === undefined ? null : cp(q.speakerStart),
    speakerEnd: q.speakerEnd === undefined ? null : cp(q.speakerEnd),
  }));
}

/** A plain-text file's own decoded text, or undefined for other inputs. */
async function plainText(path: string, maxBytes: number): Promise<string | undefined> {
  if (!/\.(?:txt|text|md)$/i.test(path)) return undefined;
  const s = await stat(path).catch(() => undefined);
  if (!s?.isFile() || s.size > maxBytes) return undefined;
  return decodeBytes(await readFile(path)).text;
}

export async function runQuotes(paths: readonly string[], flags: QuotesFlags): Promise<number> {
  if (paths.length === 0)
    throw new ChorusError('usage', 'expected at least one file or directory to read quotes from, found none');
  const articles: ArticleOut[] = [];
  const outcomes: ReadReport['outcomes'] = [];
  for (const input of paths) {
    const read = await readInputs([input], { maxBytes: flags.maxBytes, stdin: process.stdin });
    printReadProblems(read);
    outcomes.push(...read.outcomes);
    const own = read.articles.length === 1 ? await plainText(input, flags.maxBytes) : undefined;
    if (own !== undefined) {
      articles.push({ input, quotes: toOut(own, attributeQuotes(own)) });
      continue;
    }
    for (const a of read.articles)
      articles.push({
        input,
        ...(read.articles.length > 1 && { article: a.id }),
        ...(flags.json && { text: a.text }),
        quotes: toOut(a.text, attributeQuotes(a.text)),
      });
  }
  if (articles.length === 0) throw noArticlesError({ articles: [], outcomes });
  if (flags.json) process.stdout.write(JSON.stringify({ articles }, null, 2) + '\n');
  else process.stdout.write(renderText(articles));
  return exitCodeOf(outcomes);
}

function renderText(articles: readonly ArticleOut[]): string {
  const out: string[] = [];
  for (const a of articles) {
    out.push(
      `## ${a.input}${a.article ? ` (${a.article})` : ''}: ${a.quotes.length} quote${a.quotes.length === 1 ? '' : 's'}`,
    );
    for (const q of a.quotes) out.push(`- ${q.speaker ?? 'unattributed'}: “${q.text}”`);
    out.push('');
  }
  return out.join('\n');
}

export function register(program: Command): void {
  program
    .command('quotes')
    .description('list the quotes of each article and who said them, with offsets')
    .argument('<paths...>', 'files or directories (- for standard input)')
    .option(
      '--json',
      'print {"articles":[{"input","quotes":[{"text","start","end","speaker","speakerStart","speakerEnd"}]}]}',
    )
    .option('--max-bytes <n>', 'largest input file read, in bytes', parsePositiveInt, 20 * 1024 * 1024)
    .addHelpText(
      'after',
      `
Examples:
  chorus quotes samples/harbor-bridge-closure
  chorus quotes story.txt --json

Offsets are Unicode code points into the input's decoded text for plain-text files, and into the
extracted article text (given as "text") for HTML and JSON inputs. "speaker" is null when no speaker
could be told with confidence; speakerStart/speakerEnd point at the words naming the speaker for that
quote (a name, a pronoun such as "she", or a description). Inputs that cannot be read are reported on
stderr; the exit code is then 11 (partial), or 4 when no input gave an article.`,
    )
    .action(async (paths: string[], flags: QuotesFlags) => {
      process.exitCode = await runQuotes(paths, flags);
    });
}
