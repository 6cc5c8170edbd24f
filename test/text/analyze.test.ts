import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import type { Story } from '../../src/core/model.js';
import { analyzeStory, wordForms } from '../../src/core/text/index.js';

const story = (...texts: string[]): Story => ({
  id: 's1',
  articles: texts.map((text, i) => makeArticle({ text, id: `a${i}`, source: `Outlet ${i}` })),
});

describe('analyzeStory', () => {
  it('splits each article and records spans, paragraphs and positions', () => {
    const doc = analyzeStory(
      story('The tunnel opened. Drivers cheered.\n\nTolls start in June.', 'Ferries will stop.'),
    );
    expect(doc.sentences.map((s) => [s.article, s.index, s.paragraph, s.text])).toEqual([
      [0, 0, 0, 'The tunnel opened.'],
      [0, 1, 0, 'Drivers cheered.'],
      [0, 2, 1, 'Tolls start in June.'],
      [1, 0, 0, 'Ferries will stop.'],
    ]);
    expect(doc.spans).toEqual([
      [0, 3],
      [3, 4],
    ]);
  });

  it('gives tokens and content stems', () => {
    const [s] = analyzeStory(story('The drivers were cheering loudly.')).sentences;
    expect(s?.tokens).toEqual(['the', 'drivers', 'were', 'cheering', 'loudly']);
    expect(s?.stems).toEqual(['driver', 'cheer', 'loudli']);
  });

  it('never offers clutter sentences, and the first readable sentence is the lead', () => {
    // Built without makeArticle, which would drop this mostly-clutter text as a whole page.
    const text =
      'Subscribe to our free newsletters. The tunnel opened on Monday. ' +
      'We use cookies to improve your experience. Drivers cheered. Learn more';
    const doc = analyzeStory({ id: 's', articles: [{ id: 'a', source: 'x', text, warnings: [] }] });
    expect(doc.sentences.map((s) => [s.index, s.text])).toEqual([
      [0, 'The tunnel opened on Monday.'],
      [1, 'Drivers cheered.'],
    ]);
  });

  it('strips tweet signatures and keeps the tweet text', () => {
    const doc = analyzeStory(
      story(
        'Fans rallied downtown. So proud of this city — Mayor Lena Ortiz (@mayorortiz) May 1, 2019 the parade ended at noon.',
      ),
    );
    expect(doc.sentences.map((s) => s.text)).toEqual([
      'Fans rallied downtown.',
      'So proud of this city',
      'the parade ended at noon.',
    ]);
  });

  it('works on stories built without makeArticle', () => {
    const doc = analyzeStory({
      id: 'raw',
      articles: [{ id: 'r', source: 'x', text: 'All rights reserved. The dam held.', warnings: [] }],
    });
    expect(doc.sentences.map((s) => s.text)).toEqual(['The dam held.']);
  });

  it('handles an empty story, empty articles and punctuation-only text', () => {
    expect(analyzeStory({ id: 'e', articles: [] })).toEqual({
      story: { id: 'e', articles: [] },
      sentences: [],
      spans: [],
    });
    const doc = analyzeStory(story('', '... !!! ???', 'One sentence'));
    expect(doc.spans).toEqual([
      [0, 0],
      [0, 0],
      [0, 1],
    ]);
    expect(doc.sentences[0]?.text).toBe('One sentence');
  });

  it('handles non-English text, emoji and control characters', () => {
    const doc = analyzeStory(
      story('Le pont a ouvert. Les conducteurs 🎉 ont applaudi.\u0007', 'Мост открыт. Водители рады.'),
    );
    expect(doc.sentences.map((s) => s.tokens)).toEqual([
      ['le', 'pont', 'a', 'ouvert'],
      ['les', 'conducteurs', 'ont', 'applaudi'],
      ['мост', 'открыт'],
      ['водители', 'рады'],
    ]);
  });

  it('analyses a text seen before (a story rebuilt after an article joins) exactly as the first time', () => {
    const lead = 'The ferry ran aground at dawn. All 230 aboard were safe.';
    const first = analyzeStory(story(lead, 'Crews checked the hull on Sunday.'));
    // The same text again, now second in a bigger story, and twice in one story.
    const again = analyzeStory(story('Divers found a long gash.', lead, lead));
    const strip = (d: typeof first, a: number) =>
      d.sentences.filter((s) => s.article === a).map(({ article: _, ...rest }) => rest);
    expect(strip(again, 1)).toEqual(strip(first, 0));
    expect(strip(again, 2)).toEqual(strip(first, 0));
    expect(again.spans).toEqual([
      [0, 1],
      [1, 3],
      [3, 5],
    ]);
    expect(again.sentences.map((s) => [s.article, s.index])).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [2, 0],
      [2, 1],
    ]);
  });

  it('bounds sentence length on a 5 MB article without punctuation', () => {
    const doc = analyzeStory(story('tunnel '.repeat(750_000)));
    // Only the first MAX_ANALYZED_CHARS are read (about 28,500 words here), cut into bounded sentences.
    expect(doc.sentences.length).toBeGreaterThan(100);
    expect(Math.max(...doc.sentences.map((s) => s.tokens.length))).toBeLessThan(300);
  });
});

describe('wordForms', () => {
  it.each<[string, string[], string[]]>([
    ['', [], []],
    [
      "U.S. Sen. Ortiz didn't vote",
      ['u', 's', 'sen', 'ortiz', 'didn', 't', 'vote'],
      ['u', 'sen', 'ortiz', 'vote'],
    ],
    ['42 cars', ['42', 'cars'], ['42', 'car']],
  ])('%j', (text, tokens, stems) => {
    expect(wordForms(text)).toEqual({ tokens, stems });
  });
});
