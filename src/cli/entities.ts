/**
 * `chorus entities PATH…`: the people, organisations and places of each input article, with where
 * each is mentioned; `chorus entities --conll FILE`: the tagger on a CoNLL-2003 file, printed as
 * conlleval's input ("token gold predicted") with the span scores on stderr.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { textEntities } from '../core/entities/index.js';
import { evaluateConll, f1, parseConll, shippedModel } from '../core/entities/ner/index.js';
import { ChorusError } from '../core/errors.js';
import { decodeBytes, readInputs, READ_DEFAULTS } from '../io/index.js';
import { EXIT_CODES } from './exit-codes.js';
import { parsePositiveInt } from './options.js';
import { exitCodeOf, noArticlesError, printReadProblems } from './read-outcomes.js';

interface EntitiesFlags {
  json?: boolean;
  conll?: string;
  maxBytes: number;
}

async function runConll(path: string, flags: EntitiesFlags): Promise<number> {
  const size = await stat(path).then(
    (s) => s.size,
    () => {
      throw new ChorusError('not-found', `expected a CoNLL-2003 file, found nothing at ${path}`);
    },
  );
  if (size > flags.maxBytes)
    throw new ChorusError(
      'too-large',
      `${path} is ${size} bytes, larger than the ${flags.maxBytes}-byte limit (--max-bytes)`,
    );
  const docs = parseConll(decodeBytes(await readFile(path)).text);
  if (docs.length === 0)
    throw new ChorusError('empty-input', `expected CoNLL-2003 sentences in ${path}, found none`);
  const run = evaluateConll(docs, shippedModel());
  const lines: string[] = [];
  docs.forEach((doc, d) => {
    lines.push('-DOCSTART- O O', '');
    doc.forEach((s, i) => {
      s.words.forEach((w, k) => lines.push(`${w} ${s.tags[k]} ${run.predicted[d]![i]![k]}`));
      lines.push('');
    });
  });
  process.stdout.write(lines.join('\n') + '\n');
  for (const [type, counts] of [...run.counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const s = f1(counts);
    process.stderr.write(
      `${type.padEnd(4)} P ${s.precision.toFixed(4)}  R ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}  (${counts.gold} gold, ${counts.predicted} found)\n`,
    );
  }
  return EXIT_CODES.ok;
}

export async function runEntities(paths: readonly string[], flags: EntitiesFlags): Promise<number> {
  if (flags.conll !== undefined) {
    if (paths.length > 0) throw new ChorusError('usage', 'expected either PATH… or --conll FILE, found both');
    return runConll(flags.conll, flags);
  }
  const read = await readInputs(paths.length ? paths : ['-'], {
    maxBytes: flags.maxBytes,
    stdin: process.stdin,
  });
  printReadProblems(read, process.stderr);
  if (read.articles.length === 0) throw noArticlesError(read);
  const results = read.articles.map((a) => ({
    source: a.source,
    ...(a.title && { title: a.title }),
    entities: textEntities(a.text),
  }));
  if (flags.json)
    process.stdout.write(JSON.stringify({ articles: results, inputs: read.outcomes }, null, 2) + '\n');
  else {
    const out: string[] = [];
    for (const r of results) {
      out.push(`# ${r.title ?? r.source}`);
      if (r.entities.length === 0) out.push('(no names found)');
      for (const e of r.entities)
        out.push(
          `${e.kind.padEnd(12)} ${e.name}  ×${e.mentions.length}  at ${e.mentions.map((m) => `${m.start}-${m.end}`).join(', ')}`,
        );
      out.push('');
    }
    process.stdout.write(out.join('\n'));
  }
  return exitCodeOf(read.outcomes);
}

export function register(program: Command): void {
  program
    .command('entities')
    .description('list the people, organisations and places each article names, with where (NER tagger)')
    .argument('[paths...]', 'files, directories, or - for standard input (default: standard input)')
    .option(
      '--json',
      'print {"articles": [{source, title, entities: [{name, kind, mentions}]}], "inputs": [...]}',
    )
    .option(
      '--conll <file>',
      'tag a CoNLL-2003 file: "token gold predicted" lines on stdout, scores on stderr',
    )
    .option('--max-bytes <n>', 'largest input file read, in bytes', parsePositiveInt, READ_DEFAULTS.maxBytes)
    .addHelpText(
      'after',
      `
Examples:
  chorus entities samples/harbor-bridge-closure
  chorus entities article.html --json
  chorus entities --conll eng.testa > tagged.txt     (conlleval < tagged.txt scores it too)

Mentions are offsets in Unicode code points into the article text as Chorus reads it (after decoding,
page extraction and whitespace clean-up). Kinds: person, organization, place. Exit codes: 0 success,
3 file not found, 4 no article, 6 malformed CoNLL file, 7 over --max-bytes, 11 some inputs rejected.`,
    )
    .action(async (paths: string[], flags: EntitiesFlags) => {
      process.exitCode = await runEntities(paths, flags);
    });
}
