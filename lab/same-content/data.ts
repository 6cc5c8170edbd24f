/**
 * The labelled pairs the same-content model learns from: MSRP (text pairs with their judges' labels),
 * hand-labelled Multi-News pairs and hand-labelled pairs of the bundled samples (both kept as story ids
 * and sentence offsets, read back here from the articles).
 *
 * Offsets outlive the splitting they were taken under: when a change to sentence splitting or text
 * reading moves a labelled sentence, its offsets may still exist and point at another sentence. So each
 * labels file keeps a fingerprint of every labelled sentence (a short hash of its text, no text), and
 * reading stops when one no longer matches (`fingerprints.ts` writes them after a re-map).
 */
import { createHash } from 'node:crypto';
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

export type OffsetRow = [string, number, number, number, number, 0 | 1];

/** A labels file: rows of offsets and the fingerprint of each labelled sentence by `sentenceKey`. */
export interface LabelsFile {
  readonly about?: string;
  readonly columns?: readonly string[];
  readonly pairs: OffsetRow[];
  readonly sentences?: Readonly<Record<string, string>>;
}

/** The key of a labelled sentence: `validation-32:0.1` is story validation-32, article 0, sentence 1. */
export const sentenceKey = (story: string, article: number, index: number) => `${story}:${article}.${index}`;

/** A short hash of a sentence's text: tells whether offsets still point at the sentence labelled. */
export function fingerprint(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 8);
}

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

export function readLabels(labelsPath: string): LabelsFile {
  return JSON.parse(readFileSync(labelsPath, 'utf8')) as LabelsFile;
}

/** The labelled sentences of `rows`, by `sentenceKey`; throws when an offset no longer exists. */
export function labelledSentences(
  rows: readonly OffsetRow[],
  sentencesOf: (story: string) => readonly Sentence[],
): Map<string, Sentence> {
  const found = new Map<string, Sentence>();
  for (const [story, a, i, b, j] of rows) {
    const sentences = sentencesOf(story);
    for (const [article, index] of [
      [a, i],
      [b, j],
    ] as const) {
      const s = sentences.find((x) => x.article === article && x.index === index);
      if (!s) throw new Error(`${story}: no sentence ${index} in article ${article} (labels out of date?)`);
      found.set(sentenceKey(story, article, index), s);
    }
  }
  return found;
}

function pairsFromSentences(
  labelsPath: string,
  sentencesOf: (story: string) => readonly Sentence[],
  group: LabelledPair['group'],
): LabelledPair[] {
  const { pairs: rows, sentences: prints = {} } = readLabels(labelsPath);
  const found = labelledSentences(rows, sentencesOf);
  const moved = [...found].filter(([key, s]) => prints[key] !== fingerprint(s.text)).map(([key]) => key);
  if (moved.length > 0) {
    throw new Error(
      `${labelsPath}: expected the sentences labelled, found ${moved.length} read otherwise or without a ` +
        `fingerprint (${moved.slice(0, 5).join(', ')}${moved.length > 5 ? ', …' : ''}); re-map their ` +
        'offsets by sentence text, then run lab/same-content/fingerprints.ts (docs/citations.md)',
    );
  }
  const side = (story: string, article: number, index: number) =>
    pairSide(found.get(sentenceKey(story, article, index))!);
  return rows.map(([story, a, i, b, j, y]) => ({ a: side(story, a, i), b: side(story, b, j), y, group }));
}

/** The analysed sentences of the Multi-News stories `ids`, read from the validation file. */
export async function newsSentences(
  validationPath: string,
  ids: ReadonlySet<string>,
): Promise<Map<string, readonly Sentence[]>> {
  const stories = new Map<string, readonly Sentence[]>();
  for await (const example of readMultiNews(validationPath)) {
    if (!ids.has(example.id)) continue;
    stories.set(example.id, analyzeStory(example.story).sentences);
    if (stories.size === ids.size) break;
  }
  return stories;
}

/** The analysed sentences of the bundled sample stories `ids` (`samplesDir/<story>/`). */
export async function sampleSentences(
  samplesDir: string,
  ids: ReadonlySet<string>,
): Promise<Map<string, readonly Sentence[]>> {
  const stories = new Map<string, readonly Sentence[]>();
  for (const id of ids) {
    const { articles } = await readInputs([join(samplesDir, id)]);
    stories.set(id, analyzeStory({ id, articles }).sentences);
  }
  return stories;
}

const storiesOf = (labelsPath: string) => new Set(readLabels(labelsPath).pairs.map((r) => r[0]));

/** Hand-labelled Multi-News pairs, read back from the validation file by story id and offsets. */
export async function newsPairs(validationPath: string, labelsPath: string): Promise<LabelledPair[]> {
  const stories = await newsSentences(validationPath, storiesOf(labelsPath));
  return pairsFromSentences(labelsPath, (id) => stories.get(id) ?? [], 'news');
}

/** Hand-labelled pairs of the bundled fictional samples (`samplesDir/<story>/`). */
export async function samplePairs(samplesDir: string, labelsPath: string): Promise<LabelledPair[]> {
  const stories = await sampleSentences(samplesDir, storiesOf(labelsPath));
  return pairsFromSentences(labelsPath, (id) => stories.get(id) ?? [], 'samples');
}
