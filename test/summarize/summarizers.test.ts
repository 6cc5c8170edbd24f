import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import { ChorusError } from '../../src/core/errors.js';
import type { AnalyzedStory } from '../../src/core/model.js';
import { checkModel, type LinearModel } from '../../src/core/summarize/scorer.js';
import { getSummarizer, summarizerNames } from '../../src/core/summarize/registry.js';
import { countWords } from '../../src/core/text/index.js';
import { analyzed, BRIDGE, BRIDGE_ARTICLES, longArticle } from './story.js';

const NAMES = summarizerNames();

/** Checks the contract every summary keeps, whatever the method and input. */
function expectWellFormed(doc: AnalyzedStory, budget: number, method: string): void {
  const summary = getSummarizer(method).summarize(doc, { words: budget });
  expect(summary.method).toBe(method);
  expect(summary.words).toBeLessThanOrEqual(budget);
  expect(summary.words).toBe(summary.sentences.reduce((n, s) => n + countWords(s.text), 0));
  const texts = new Set(doc.sentences.map((s) => s.text));
  for (const s of summary.sentences) {
    expect(texts.has(s.text)).toBe(true); // verbatim from a source
    expect(s.citations.length).toBeGreaterThanOrEqual(1);
    expect(s.citations[0]!.origin).toBe(true);
    const origin = s.citations[0]!;
    const [start] = doc.spans[origin.article]!;
    expect(doc.sentences[start + origin.sentence]!.text).toBe(s.text);
  }
}

describe('registry', () => {
  it('lists chorus first and the baselines', () => {
    expect(NAMES).toEqual(['chorus', 'lead', 'centroid', 'lexrank', 'textrank']);
  });

  it('refuses an unknown name with a usage error that lists the valid names', () => {
    expect(() => getSummarizer('magic')).toThrow(ChorusError);
    try {
      getSummarizer('magic');
    } catch (error) {
      expect((error as ChorusError).code).toBe('usage');
      expect((error as ChorusError).message).toContain('chorus, lead, centroid, lexrank, textrank');
      expect((error as ChorusError).message).toContain('"magic"');
    }
  });
});

describe.each(NAMES)('%s', (method) => {
  const summarizer = getSummarizer(method);

  it.each([0, 10, 25, 50, 120, 250])('keeps within a budget of %i words on the sample story', (budget) => {
    expectWellFormed(BRIDGE, budget, method);
  });

  it('summarizes the fictional bridge story with corroborated citations', () => {
    const summary = summarizer.summarize(BRIDGE, { words: 120 });
    expect(summary.sentences.length).toBeGreaterThan(1);
    expect(summary.sentences.some((s) => s.citations.length > 1)).toBe(true);
    expect(summary.warnings).toEqual([]);
  });

  it('is deterministic', () => {
    const a = summarizer.summarize(BRIDGE, { words: 100 });
    const b = summarizer.summarize(analyzed(BRIDGE_ARTICLES), { words: 100 });
    expect(b).toEqual(a);
  });

  it('returns an empty summary with a warning for an empty story', () => {
    const summary = summarizer.summarize(analyzed([]), { words: 250 });
    expect(summary.sentences).toEqual([]);
    expect(summary.words).toBe(0);
    expect(summary.warnings).toEqual(['no articles to summarize']);
  });

  it('summarizes a one-sentence story and flags the single source', () => {
    const doc = analyzed([
      ['Solo Times', 'The ferry to Lark Island resumed service on Friday after a storm.'],
    ]);
    const summary = summarizer.summarize(doc, { words: 250 });
    expect(summary.sentences.map((s) => s.text)).toEqual([doc.sentences[0]!.text]);
    expect(summary.warnings.some((w) => w.startsWith('one source only'))).toBe(true);
  });

  it('flags a one-article story as one source only', () => {
    const doc = analyzed([BRIDGE_ARTICLES[0]!]);
    const summary = summarizer.summarize(doc, { words: 60 });
    expect(summary.sentences.length).toBeGreaterThan(0);
    expect(summary.warnings.some((w) => w.startsWith('one source only'))).toBe(true);
    expectWellFormed(doc, 60, method);
  });

  it('warns when every sentence is longer than the budget, with the shortest length', () => {
    const summary = summarizer.summarize(BRIDGE, { words: 3 });
    expect(summary.sentences).toEqual([]);
    expect(summary.warnings).toEqual([
      'no sentence fits the budget of 3 words: the shortest has 8 words, so the budget must be at least 8',
    ]);
  });

  it('treats a budget that is not a positive number as zero', () => {
    expect(summarizer.summarize(BRIDGE, { words: Number.NaN }).sentences).toEqual([]);
    expect(summarizer.summarize(BRIDGE, { words: -5 }).words).toBe(0);
  });

  it('takes an infinite budget as no cap', () => {
    expect(summarizer.summarize(BRIDGE, { words: Infinity }).words).toBeGreaterThan(50);
  });

  it('copes with a 2,000-sentence article next to a short one', () => {
    const doc = analyzed([
      ['Endless Ledger', longArticle(2000)],
      ['Valley Courier', BRIDGE_ARTICLES[1]![1]],
    ]);
    expect(doc.sentences.length).toBeGreaterThan(1900);
    expectWellFormed(doc, 250, method);
  });

  it('copes with a page of 130,000 sentences (more than a call can spread)', () => {
    const n = 130_000;
    const sentences = Array.from({ length: n }, (_, i) => ({
      article: 0,
      index: i,
      paragraph: Math.floor(i / 5),
      text: `Clerk ${i} filed the ward report.`,
      tokens: ['clerk', String(i), 'filed', 'the', 'ward', 'report'],
      stems: ['clerk', String(i), 'file', 'ward', 'report'],
    }));
    const doc: AnalyzedStory = {
      story: { id: 'endless', articles: [makeArticle({ id: 'e', source: 'Endless Ledger', text: 'x' })] },
      sentences,
      spans: [[0, n]],
    };
    expectWellFormed(doc, 250, method);
  });

  it('summarizes non-English text without failing', () => {
    const doc = analyzed([
      [
        'Diario del Puerto',
        'El puente de la calle Tillman cerrará seis semanas a partir del lunes. Los inspectores encontraron grietas en dos vigas de acero. La alcaldesa Lena Ortiz anunció autobuses gratuitos.',
      ],
      ['Kita Shimbun', '市は月曜日から六週間、橋を閉鎖する。点検で二本の鋼桁に亀裂が見つかった。'],
      ['Novosti Reki', 'Мост на улице Тиллман закроют на шесть недель. Инспекторы нашли трещины в балках.'],
    ]);
    expectWellFormed(doc, 50, method);
    expect(summarizer.summarize(doc, { words: 50 }).sentences.length).toBeGreaterThan(0);
  });
});

describe('chorus model', () => {
  it('refuses a model trained on other features', () => {
    const stale: LinearModel = {
      kind: 'logistic',
      features: ['pos0'],
      mean: [0],
      std: [1],
      weights: [1],
      bias: 0,
    };
    expect(() => checkModel(stale)).toThrow(/retrain with npm run train/);
  });
});

describe('many articles', () => {
  it.each(NAMES)('%s summarizes 300 articles of 10 sentences within the budget', (method) => {
    const articles = Array.from(
      { length: 300 },
      (_, a) => [`Outlet ${a}`, longArticle(10).replace(/Council clerk/g, `Clerk ${a}`)] as const,
    );
    const doc = analyzed(articles);
    const summary = getSummarizer(method).summarize(doc, { words: 250 });
    expect(summary.words).toBeLessThanOrEqual(250);
    expect(summary.sentences.every((s) => s.citations.length >= 1)).toBe(true);
  });
});
