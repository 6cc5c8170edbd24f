/**
 * The same-content lab end to end on tiny fictional data: labelled pairs are read back from their
 * offsets, the model is cross-validated and trained, and the file it writes is the one the product
 * reads (same features, thresholds in range), byte for byte the same on a second run.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../src/core/match/index.js';
import { modelProbability, type SameContentModel } from '../../src/core/match/same-content.js';
import { buildModel, loadPairs } from '../../lab/same-content/train.js';
import { newsPairs, samplePairs } from '../../lab/same-content/data.js';

const fixtures = join(import.meta.dirname, 'fixtures');

describe('lab/same-content', () => {
  it('trains a model file the product can read, deterministically', async () => {
    const pairs = await loadPairs({
      msrp: join(fixtures, 'msrp.txt'),
      validation: join(fixtures, 'news.jsonl'),
      samples: join(fixtures, 'samples'),
      newsLabels: join(fixtures, 'news-labels.json'),
      sampleLabels: join(fixtures, 'sample-labels.json'),
    });
    expect(pairs.map((p) => p.group).filter((g) => g !== 'msrp')).toEqual(
      Array(8).fill('news', 0, 4).fill('samples', 4),
    );
    const log: string[] = [];
    const text = buildModel(pairs, (l) => log.push(l));
    const model = JSON.parse(text) as SameContentModel;
    expect(model.features).toEqual([...FEATURE_NAMES]);
    expect(model.logistic.weights).toHaveLength(FEATURE_NAMES.length);
    expect(model.trees.trees.length).toBeGreaterThan(0);
    // The file scores like the product's model does: a probability.
    const p = modelProbability(model, new Array<number>(FEATURE_NAMES.length).fill(0.5));
    expect(p > 0 && p < 1).toBe(true);
    for (const t of Object.values(model.thresholds)) expect(t > 0 && t < 1).toBe(true);
    // Each operating point blends the two learners with its own weight.
    expect(Object.keys(model.treeWeight).sort()).toEqual(['citation', 'paraphrase']);
    for (const w of Object.values(model.treeWeight)) expect(w >= 0 && w <= 1).toBe(true);
    expect(log.join('\n')).toMatch(/MSRP 10-fold CV \(12 pairs\)/);
    expect(buildModel(pairs, () => {})).toBe(text);
  }, 60_000);

  it('stops when a labelled sentence no longer reads as when it was labelled', async () => {
    const news = join(fixtures, 'news.jsonl');
    const labels = JSON.parse(readFileSync(join(fixtures, 'news-labels.json'), 'utf8')) as {
      sentences: Record<string, string>;
    };
    await expect(newsPairs(news, join(fixtures, 'news-labels.json'))).resolves.toHaveLength(4);
    const dir = mkdtempSync(join(tmpdir(), 'labels-'));
    const rows = [
      // Splitting moved the sentence the offsets point at: its fingerprint differs.
      ['moved', { ...labels, sentences: { ...labels.sentences, 'story-1:1.2': '00000000' } }],
      // A row added without a fingerprint is not trusted either.
      ['unprinted', { ...labels, sentences: {} }],
    ] as const;
    for (const [name, file] of rows) {
      const path = join(dir, `${name}.json`);
      writeFileSync(path, JSON.stringify(file));
      await expect(newsPairs(news, path)).rejects.toThrow(/expected the sentences labelled/);
    }
    const samples = join(fixtures, 'sample-labels.json');
    const sample = JSON.parse(readFileSync(samples, 'utf8')) as { sentences: Record<string, string> };
    const path = join(dir, 'sample.json');
    writeFileSync(
      path,
      JSON.stringify({ ...sample, sentences: { ...sample.sentences, 'quarry-fire:0.0': 'x' } }),
    );
    await expect(samplePairs(join(fixtures, 'samples'), path)).rejects.toThrow(/quarry-fire:0\.0/);
  });
});
