import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import { FEATURE_NAMES, sentenceFeatures } from '../../src/core/summarize/features.js';
import { analyzeStory } from '../../src/core/text/index.js';
import { americanStem } from '../../src/core/text/spelling.js';
import { stem } from '../../src/core/text/stem.js';

describe('americanStem', () => {
  it.each([
    ['neighbourhood', 'neighborhood'],
    ['organisation', 'organization'],
    ['defence', 'defense'],
    ['realised', 'realized'],
    ['centre', 'center'],
    ['programme', 'program'],
    ['travelled', 'traveled'],
  ])('%s counts as %s', (british, american) => {
    expect(americanStem(stem(british))).toBe(stem(american));
  });

  it.each(['analysis', 'analyst', 'neighbor', 'hour', 'four', 'ferry', 'percent'])(
    'leaves %s alone',
    (word) => {
      expect(americanStem(stem(word))).toBe(stem(word));
    },
  );
});

describe('word prior features', () => {
  const columns = ['priorMean', 'priorTop3', 'priorLowShare'].map((name) =>
    FEATURE_NAMES.indexOf(name as (typeof FEATURE_NAMES)[number]),
  );
  const priorOf = (text: string): number[] => {
    const doc = analyzeStory({ id: 's', articles: [makeArticle({ id: 'a', source: 'Outlet', text })] });
    const row = sentenceFeatures(doc)[0]!;
    return columns.map((c) => row[c]!);
  };

  it('gives a British and an American spelling of one sentence the same prior', () => {
    expect(columns.every((c) => c >= 0)).toBe(true);
    expect(priorOf('The organisation said the neighbourhood defence centre was realised.')).toEqual(
      priorOf('The organization said the neighborhood defense center was realized.'),
    );
  });

  it('rates words summaries use above page furniture', () => {
    const [news] = priorOf('The jury convicted the former mayor of fraud on Tuesday.');
    const [furniture] = priorOf(
      'The newsletter photo was reset, courtesy of the image desk, via subscribers.',
    );
    expect(news).toBeGreaterThan(furniture!);
  });
});
