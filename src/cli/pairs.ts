/**
 * `chorus pairs FILE`: the same-content decision behind citations, on sentence pairs from a file in the
 * layout of the Microsoft Research Paraphrase Corpus (a header line, then `quality  id1  id2  sentence1
 * sentence2`, tab-separated; quality is ignored). Prints `id1<TAB>id2<TAB>score<TAB>decision` per pair,
 * decision 1 or 0, at the product's citation operating point or the one tuned for MSRP's labels.
 */
import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { ChorusError } from '../core/errors.js';
import {
  pairSide,
  sameContent,
  SAME_CONTENT_THRESHOLDS,
  type SameContentThreshold,
} from '../core/match/index.js';
import { wordForms } from '../core/text/index.js';
import { decodeBytes } from '../io/index.js';
import { parseTextPairs } from '../io/msrp-pairs.js';
import { EXIT_CODES_HELP } from './exit-codes.js';

interface PairsFlags {
  threshold: SameContentThreshold;
  json?: boolean;
}

async function readText(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return decodeBytes(Buffer.concat(chunks)).text;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ChorusError(
      code === 'ENOENT' ? 'not-found' : 'unsupported-input',
      `cannot read ${file} (${code})`,
      {
        cause: error,
      },
    );
  }
  // Decoded as every other input is (BOM, UTF-16, legacy encodings), and refused when it is binary:
  // a binary file read as UTF-8 gave "expected 5 tab-separated fields … on line 2".
  return decodeBytes(bytes).text;
}

/** Scores every pair of `text` (MSRP layout); one output line (or JSON record) per pair. */
export function scorePairs(text: string, threshold: SameContentThreshold) {
  return parseTextPairs(text).map((p) => {
    const side = (s: string) => pairSide({ text: s, ...wordForms(s) });
    const verdict = sameContent(side(p.a), side(p.b), threshold);
    return {
      id1: p.id1,
      id2: p.id2,
      score: verdict.score,
      decision: verdict.same ? 1 : 0,
      ...(verdict.contradiction && { contradiction: verdict.contradiction }),
    };
  });
}

export function register(program: Command): void {
  program
    .command('pairs')
    .description('decide whether sentence pairs carry the same content (the decision behind citations)')
    .argument(
      '<file>',
      "tab-separated pairs in MSRP's layout (header, then quality id1 id2 sentence1 sentence2); - for stdin",
    )
    .addOption(
      new Option(
        '--threshold <point>',
        'operating point: citation (the product) or paraphrase (tuned on MSRP)',
      )
        .choices(['citation', 'paraphrase'])
        .default('citation'),
    )
    .option('--json', 'print a JSON array of {id1, id2, score, decision, contradiction?}')
    .addHelpText(
      'after',
      `\nThe score is the same-content model's probability; decision is 1 when it reaches the operating point
(citation ${SAME_CONTENT_THRESHOLDS.citation}, paraphrase ${SAME_CONTENT_THRESHOLDS.paraphrase}) and no figure,
date, negation or speaker contradicts. See docs/citations.md.\n\n${EXIT_CODES_HELP}`,
    )
    .action(async (file: string, flags: PairsFlags) => {
      const rows = scorePairs(await readText(file), flags.threshold);
      if (rows.length === 0)
        throw new ChorusError(
          'empty-input',
          `expected sentence pairs after the header line of ${file}, found none`,
        );
      if (flags.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      else
        process.stdout.write(
          rows.map((r) => `${r.id1}\t${r.id2}\t${r.score}\t${r.decision}`).join('\n') + '\n',
        );
    });
}
