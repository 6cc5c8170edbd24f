import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import { FEATURE_NAMES, sentenceFeatures } from '../../src/core/summarize/features.js';
import { articleTerms } from '../../src/core/cluster/features.js';
import { citeSentence } from '../../src/core/summarize/cite.js';
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

describe('British and American spellings across sources', () => {
  const british = 'The neighbourhood defence organisation opened a new centre for travellers on Friday.';
  const american = 'The neighborhood defense organization opened a new center for travelers on Friday.';

  it('analyses both spellings to the same stems', () => {
    const doc = analyzeStory({
      id: 's',
      articles: [
        makeArticle({ id: 'uk', source: 'Harbor Gazette', text: british }),
        makeArticle({ id: 'us', source: 'Valley Courier', text: american }),
      ],
    });
    expect(doc.sentences[0]!.stems).toEqual(doc.sentences[1]!.stems);
  });

  it('cites the American report for a sentence of the British one', () => {
    // Every content word differs in spelling, so only the shared stems can match them.
    const doc = analyzeStory({
      id: 's',
      articles: [
        makeArticle({
          id: 'uk',
          source: 'Harbor Gazette',
          text: 'Neighbourhood organisation honours defence centre.',
        }),
        makeArticle({
          id: 'us',
          source: 'Valley Courier',
          text: 'Neighborhood organization honors defense center.',
        }),
      ],
    });
    const cited = citeSentence(doc, 0).map((c) => c.articleId);
    expect(cited).toEqual(['uk', 'us']);
  });

  it('gives the clusterer the same word terms for both spellings', () => {
    const words = (text: string) =>
      [...articleTerms({ text: text.toLowerCase() }).counts.keys()].filter((t) => !t.includes(' ')).sort();
    expect(words(british)).toEqual(words(american));
  });
});
