/**
 * Sentence splitting against the English "Golden Rules" (pySBD's benchmark, pragmatic_segmenter's rules):
 *
 *   npx tsx bench/golden-rules.ts ../shared/data/sentence-golden-rules
 *
 * Prints the rules passed (of 48; pySBD passes 47) and, with --failures, each failing rule's expected and
 * actual split. A rule passes when splitSentences gives exactly the expected sentences (whitespace trimmed).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { splitSentences } from '../src/core/text/sentences.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { failures: { type: 'boolean' } },
});
const dir = positionals[0];
if (!dir) {
  console.error('usage: bench/golden-rules.ts DATA_DIR [--failures]  (DATA_DIR holds english.json)');
  process.exit(2);
}
const rules = JSON.parse(await readFile(join(dir, 'english.json'), 'utf8')) as [string, string[]][];
let passed = 0;
rules.forEach(([text, expected], k) => {
  const actual = splitSentences(text).map((s) => s.text.trim());
  const ok = actual.length === expected.length && actual.every((s, i) => s === expected[i]!.trim());
  if (ok) passed++;
  else if (values.failures)
    console.log(
      `rule ${k + 1} failed\n  expected: ${JSON.stringify(expected)}\n  actual:   ${JSON.stringify(actual)}`,
    );
});
console.log(`Golden Rules passed: ${passed}/${rules.length}`);
