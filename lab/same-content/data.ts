/**
 * The labelled pairs the same-content model learns from: MSRP (text pairs with their judges' labels),
 * hand-labelled Multi-News pairs and hand-labelled pairs of the bundled samples (both kept as story ids
 * and sentence offsets, read back here from the articles).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sentence } from '../../src/core/model.js';
import { analyzeStory, wordForms } from '../../src/core/text/index.js';
import { pairSide, type PairSide } from '../../src/core/match/features.js';
import { readInputs } from '../../src/io/index.js';
import { parseTextPairs } from '../../src/io/msrp-pairs.js';
import { readMultiNews } from '../../src/io/multinews.js';

export interface LabelledPair {
  readonly a: PairSide;
  readonly b: PairSide;
  readonly y: 0 | 1;
  readonly group: 'msrp' | 'news' | 'samples';
}

type OffsetRow = [string, number, number, number, number, 0 | 1];

export function sideOfText(text: string): PairSide {
  return pairSide({ text, ...wordForms(text) });
}

/** MSRP-layout file → pairs labelled by its quality column. */
export function msrpPairs(path: string): LabelledPair[] {
  return parseTextPairs(readFileSync(path, 'utf8')).map((p) => ({
    a: sideOfText(p.a),
    b: sideOfText(p.b),
    y: p.quality === '1' ? 1 : 0,
    group: 'msrp',
  }));
}

function readRows(labelsPath: string): OffsetRow[] {
  return (JSON.parse(readFileSync(labelsPath, 'utf8')) as { pairs: OffsetRow[] }).pairs;
}

function pairsFromSentences(
  rows: readonly OffsetRow[],
  sentencesOf: (story: string) => readonly Sentence[],
  group: LabelledPair['group'],
): LabelledPair[] {
  return rows.map(([story, a, i, b, j, y]) => {
    const sentences = sentencesOf(story);
    const find = (article: number, index: number) => {
      const s = sentences.find((x) => x.article === article && x.index === index);
      if (!s) throw new Error(`${story}: no sentence ${index} in article ${article} (labels out of date?)`);
      return pairSide(s);
    };
    return { a: find(a, i), b: find(b, j), y, group };
  });
}

/** Hand-labelled Multi-News pairs, read back from the validation file by story id and offsets. */
export async function newsPairs(validationPath: string, labelsPath: string): Promise<LabelledPair[]> {
  const rows = readRows(labelsPath);
  const wanted = new Set(rows.map((r) => r[0]));
  const stories = new Map<string, readonly Sentence[]>();
  for await (const example of readMultiNews(validationPath)) {
    if (!wanted.has(example.id)) continue;
    stories.set(example.id, analyzeStory(example.story).sentences);
    if (stories.size === wanted.size) break;
  }
  return pairsFromSentences(rows, (id) => stories.get(id) ?? [], 'news');
}

/** Hand-labelled pairs of the bundled fictional samples (`samplesDir/<story>/`). */
export async function samplePairs(samplesDir: string, labelsPath: string): Promise<LabelledPair[]> {
  const rows = readRows(labelsPath);
  const stories = new Map<string, readonly Sentence[]>();
  for (const id of new Set(rows.map((r) => r[0]))) {
    const { articles } = await readInputs([join(samplesDir, id)]);
    stories.set(id, analyzeStory({ id, articles }).sentences);
  }
  return pairsFromSentences(rows, (id) => stories.get(id) ?? [], 'samples');
}
