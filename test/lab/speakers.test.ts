/**
 * The speaker lab end to end on two tiny fictional PolNeAR-shaped articles: quotes are matched to their
 * annotated sources, pronoun sources get their stand-in, and the model file it writes is the one the
 * product reads (same features, a threshold in range), byte for byte the same on a second run.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributeQuotes } from '../../src/core/quotes/attribute-quotes.js';
import type { SpeakerModel } from '../../src/core/quotes/choose-speaker.js';
import { SPEAKER_FEATURES } from '../../src/core/quotes/speaker-candidates.js';
import { readPolnear, readSpeakerKey, speakerKeyOf } from '../../src/eval/datasets/polnear.js';
import { readKeySections, speakerExamples } from '../../lab/speakers/examples.js';
import { buildModel, parseHold, parseThresholds } from '../../lab/speakers/train.js';
import { errorCells, speakerErrors } from '../../lab/speakers/errors.js';

const dir = join(import.meta.dirname, 'fixtures', 'polnear');

describe('lab/speakers', () => {
  it('reads examples and trains a model file the product can read, deterministically', () => {
    const examples = speakerExamples(readPolnear(dir, 'train'));
    expect(examples.map((e) => [e.kind, e.target])).toEqual([
      ['named', 'Ortiz'],
      // The nearest named source before "he" is Lena Ortiz, a woman: no stand-in, so nobody is right.
      ['pronoun', undefined],
      ['named', 'Berg'],
      ['named', 'Reyes'],
      ['pronoun', undefined],
      ['described', 'a spokesperson'],
    ]);
    expect(examples.map((e) => e.right.length > 0)).toEqual([true, false, true, true, false, true]);
    const log: string[] = [];
    const text = buildModel(examples, 0.05, (l) => log.push(l));
    const model = JSON.parse(text) as { features: string[]; weights: number[]; threshold: number };
    expect(model.features).toEqual([...SPEAKER_FEATURES]);
    expect(model.weights).toHaveLength(SPEAKER_FEATURES.length);
    expect(model.threshold > 0 && model.threshold < 1).toBe(true);
    expect(log.join('\n')).toMatch(/5-fold, threshold/);
    expect(buildModel(examples, 0.05, () => {})).toBe(text);
  }, 60_000);

  it('labels a pronoun source by the hand key when the key resolves it', () => {
    const articles = readPolnear(dir, 'train');
    const ferry = articles[0]!;
    const he = ferry.gold.find((g) => g.source?.text === 'he')!.source!;
    const key = new Map([[speakerKeyOf(ferry, he), 'Tomas Berg']]);
    const examples = speakerExamples(articles, key);
    const e = examples.find((x) => x.kind === 'pronoun' && x.keyed)!;
    expect(e.target).toBe('Tomas Berg');
    expect(e.right.map((i) => e.candidates[i]!.speaker)).toEqual(['Tomas Berg']);
    expect(examples.filter((x) => x.keyed)).toHaveLength(1);
    // A missing key file is an empty key: train then falls back on the stand-in.
    expect(readSpeakerKey(join(dir, 'no-such-key.tsv')).size).toBe(0);
  });

  it('tells the blocks of a key file apart, each opened by a comment after rows', () => {
    const articles = readPolnear(dir, 'train');
    const ferry = articles[0]!;
    const he = ferry.gold.find((g) => g.source?.text === 'he')!.source!;
    const at = speakerKeyOf(ferry, he);
    const [file, s, e] = at.split(':');
    const path = join(mkdtempSync(join(tmpdir(), 'key-')), 'key.tsv');
    const rows = ['# first round', '# (its header goes on)', 'a\t1\t3\tAda Lowe', '', '# second round'];
    writeFileSync(path, [...rows, `${file}\t${s}\t${e}\tTomas Berg`, 'broken line', ''].join('\n'));
    const sections = readKeySections(path);
    expect([...sections]).toEqual([
      ['a:1:3', 0],
      [at, 1],
    ]);
    const examples = speakerExamples(articles, readSpeakerKey(path), sections);
    expect(examples.filter((x) => x.keyed).map((x) => x.keySection)).toEqual([1]);
    expect(speakerExamples(articles, readSpeakerKey(path)).find((x) => x.keyed)?.keySection).toBeUndefined();
    expect(readKeySections(join(dir, 'no-such-key.tsv')).size).toBe(0);
  });

  it('tables the held-out errors by kind of cue and where the right speaker stood', () => {
    const examples = speakerExamples(readPolnear(dir, 'train'));
    const errors = speakerErrors(examples, 0.05);
    // The two pronouns without a stand-in are not counted (no trustworthy label); the rest may err.
    expect(errors.length).toBeLessThanOrEqual(4);
    for (const e of errors) {
      expect(['none', 'wrong']).toContain(e.outcome);
      expect(['top', 'cand', 'nocand']).toContain(e.where);
      expect(e.p >= 0 && e.p <= 1).toBe(true);
    }
    const cells = errorCells(errors);
    expect(cells.reduce((s, [, n]) => s + n, 0)).toBe(errors.length);
    expect(errorCells([])).toEqual([]);
  }, 60_000);

  it('keeps the thresholds it is given (--thresholds), and says what it expected of them', () => {
    const fixed = { named: 0.68, pronoun: 0.5, described: 0.68, none: 0.56, partial: 0.71 };
    expect(parseThresholds(JSON.stringify(fixed))).toEqual(fixed);
    expect(() => parseThresholds('{"named":0.68}')).toThrow(/threshold in \[0, 1\] for "pronoun"/);
    expect(() => parseThresholds('[1]')).toThrow(/for "named"/);
    expect(parseHold('{"partial":0.74}')).toEqual({ partial: 0.74 });
    expect(() => parseHold('{"partial":2}')).toThrow(/threshold in \[0, 1\] for "partial" in --hold/);
    const examples = speakerExamples(readPolnear(dir, 'train'));
    const model = JSON.parse(buildModel(examples, 0.05, () => {}, fixed)) as { thresholds: unknown };
    expect(model.thresholds).toEqual(fixed);
  }, 60_000);

  it('writes the trees it measured (--trees), one per line, scaled by --blend, the same on a second run', () => {
    const examples = speakerExamples(readPolnear(dir, 'train'));
    const trees = { trees: 3, depth: 2, minChild: 0.01 };
    const text = buildModel(examples, 0.05, () => {}, undefined, trees);
    const model = JSON.parse(text) as SpeakerModel;
    expect(model.trees?.trees).toHaveLength(3);
    expect(text.split('\n').filter((l) => l.startsWith('  [['))).toHaveLength(3);
    expect(buildModel(examples, 0.05, () => {}, undefined, trees)).toBe(text);
    const half = JSON.parse(
      buildModel(examples, 0.05, () => {}, undefined, { ...trees, blend: 0.5 }),
    ) as SpeakerModel;
    const leaves = (m: SpeakerModel) => m.trees!.trees.flat().filter((n) => n.length === 1);
    expect(leaves(model).some(([v]) => v !== 0)).toBe(true);
    leaves(half).forEach(([v], i) => expect(v).toBeCloseTo(leaves(model)[i]![0] / 2, 5));
    // The product reads it: a speaker for the fixture's first quote, with or without the trees.
    const text0 = '“We will not close the ferry,” Lena Ortiz said on Monday.';
    expect(attributeQuotes(text0, model)[0]?.speaker).toBe('Lena Ortiz');
    expect(JSON.parse(buildModel(examples, 0.05, () => {})).trees).toBeUndefined();
  }, 60_000);

  it('says what it expected when the folder is not PolNeAR', () => {
    expect(() => readPolnear(join(dir, 'nowhere'), 'train')).toThrow(/expected a PolNeAR folder/);
  });
});
