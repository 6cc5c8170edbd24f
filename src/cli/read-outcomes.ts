/**
 * What became of each input that did not simply turn into articles: rejected or skipped files, and files
 * read with warnings (a JSONL line that is not a record). Every command that reads inputs prints these
 * on stderr, so stdout stays its result alone.
 */
import { ChorusError } from '../core/errors.js';
import type { ReadReport } from '../io/index.js';
import { EXIT_CODES } from './exit-codes.js';

/** One line per input that was rejected, skipped or read with warnings, without the `chorus: ` prefix. */
export function readProblems(read: ReadReport): string[] {
  return read.outcomes.flatMap((o) => {
    if (o.status === 'ingested' && o.warnings.length === 0) return [];
    const what = o.status === 'ingested' ? 'read with warnings' : o.status;
    // A rejected record's reason is often its only warning too: say it once.
    const why = [o.reason, ...o.warnings.filter((w) => w !== o.reason)].filter(Boolean).join('; ');
    return [`${o.input}: ${what}${why ? `: ${why}` : ''}`];
  });
}

export function printReadProblems(read: ReadReport, stderr: NodeJS.WritableStream = process.stderr): void {
  for (const line of readProblems(read)) stderr.write(`chorus: ${line}\n`);
}

/**
 * The error code when no input gave an article: 'not-found' (exit 3, as the exit-code table says) when
 * every input named a path that does not exist, else 'empty-input' (exit 4: inputs read, no article).
 */
export function noArticlesCode(read: ReadReport): 'not-found' | 'empty-input' {
  const missing = (o: ReadReport['outcomes'][number]) =>
    o.status === 'rejected' && (o.reason ?? '').startsWith('not found');
  return read.outcomes.length > 0 && read.outcomes.every(missing) ? 'not-found' : 'empty-input';
}

/**
 * The error every command raises when its inputs gave no article: the same code (3 when every path was
 * missing, else 4) and the same words, with the first refusal's reason (a skipped README says little).
 */
export function noArticlesError(read: ReadReport): ChorusError {
  const n = read.outcomes.length;
  if (n === 0)
    return new ChorusError('empty-input', 'expected at least one news article, found no files to read');
  const why = (read.outcomes.find((o) => o.status === 'rejected') ?? read.outcomes[0])?.reason;
  return new ChorusError(
    noArticlesCode(read),
    `expected at least one news article, found none in ${n} input${n === 1 ? '' : 's'}` +
      (why ? ` (${why})` : ''),
  );
}

/**
 * The exit code of a run whose work went on past refusals: 11 (partial) when any of the `outcomes`
 * lists (inputs read, articles stored) holds a rejected one, else 0.
 */
export function exitCodeOf(...outcomes: readonly (readonly { readonly status: string }[])[]): number {
  return outcomes.some((list) => list.some((o) => o.status === 'rejected'))
    ? EXIT_CODES.partial
    : EXIT_CODES.ok;
}
