/**
 * Speakers that are one capitalised word opening a sentence and no person the entity tagger knows,
 * on real Multi-News articles: the wrong speakers lowercased news gives ("Things", "Past"), which
 * PolNeAR (cased) never shows (docs/speakers.md, "Tenth round: wrong speakers on real reports").
 * Each article's quotes come from attributeQuotes, as findQuotes reads them for a report.
 *
 *   npx tsx lab/speakers/openers.ts MULTI_NEWS_JSONL_GZ [--limit 1000] [--list]
 *
 * Prints the quotes with a speaker, the suspects among them, and (with --list) each suspect's word
 * and example id on the terminal only (the data stays out of the repository).
 */
import { fileURLToPath } from 'node:url';
import { readJsonLines } from '../json-lines.js';
import { parseArgs } from 'node:util';
import { attributeQuotes } from '../../src/core/quotes/attribute-quotes.js';
import { textEntities } from '../../src/core/entities/find-entities.js';

const SENTENCE_BEFORE = /(?:\n|[.!?]["”’]?[^\S\n]+)[^\S\n]*$/u;
const ONE_CAPITALISED_WORD = /^\p{Lu}[\p{Ll}'’-]*$/u;

export interface OpenerCount {
  readonly quotes: number;
  readonly spoken: number;
  readonly suspects: { readonly id: string; readonly word: string }[];
}

/** Counts the suspects over the first `limit` examples of a Multi-News JSON-lines file. */
export function countOpeners(lines: readonly string[], limit: number): OpenerCount {
  let quotes = 0;
  let spoken = 0;
  const suspects: { id: string; word: string }[] = [];
  for (const line of lines.slice(0, limit)) {
    const ex = JSON.parse(line) as { id: string; documents: string[] };
    for (const text of ex.documents) {
      const found = attributeQuotes(text);
      quotes += found.length;
      const said = found.filter((q) => q.speaker !== undefined);
      spoken += said.length;
      if (said.length === 0) continue;
      let people: Set<string> | undefined;
      for (const q of said) {
        const word = q.speaker!;
        if (!ONE_CAPITALISED_WORD.test(word) || q.speakerStart === undefined) continue;
        const at = q.speakerStart;
        if (at !== 0 && !SENTENCE_BEFORE.test(text.slice(Math.max(0, at - 4), at))) continue;
        people ??= new Set(
          textEntities(text)
            .filter((e) => e.kind === 'person')
            .flatMap((e) => e.name.toLowerCase().split(/\s+/)),
        );
        if (!people.has(word.toLowerCase())) suspects.push({ id: ex.id, word });
      }
    }
  }
  return { quotes, spoken, suspects };
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { limit: { type: 'string', default: '1000' }, list: { type: 'boolean', default: false } },
  });
  const path = positionals[0];
  if (!path) throw new Error('expected the path of a Multi-News .jsonl.gz file, found none');
  const lines = readJsonLines(path);
  const limit = Number(values.limit);
  const r = countOpeners(lines, limit);
  console.log(`examples ${Math.min(limit, lines.length)}  quotes ${r.quotes}  with a speaker ${r.spoken}`);
  console.log(`one-word sentence openers no tagged person: ${r.suspects.length}`);
  if (values.list) for (const s of r.suspects) console.log(`  ${s.id}\t${s.word}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
