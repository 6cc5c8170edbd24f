/**
 * A fictional story report for the page tests, built with the real text analysis and citation code
 * (so citation sentence numbers are what the pages will meet) and a hand-written comparison. One
 * outlet is hostile: its title, byline, URL and text carry markup that must come out inert.
 */
import { makeArticle } from '../../src/core/article.js';
import type { Article, Comparison, StoryReport } from '../../src/core/model.js';
import { citeSentence } from '../../src/core/summarize/cite.js';
import { analyzeStory } from '../../src/core/text/index.js';

export const HOSTILE = {
  title: 'Council <script>window.__xss = 1</script> votes',
  byline: '<img src=x onerror="window.__xss = 2">',
  text:
    'The Wexley council voted 6-3 on Tuesday to rebuild the Orchard Lane footbridge. ' +
    'A resident wrote "><svg onload=alert(1)> on the council portal before the vote. ' +
    'The new bridge will cost $2.4 million, officials said.',
  url: 'javascript:alert(1)',
};

export function storyArticles(): Article[] {
  return [
    makeArticle({
      source: 'Wexley Ledger',
      title: 'Wexley votes to rebuild Orchard Lane footbridge',
      byline: 'Mara Quill',
      date: '2026-05-12T09:30:00Z',
      url: 'https://ledger.example/orchard-bridge',
      text:
        'The Wexley council voted 6-3 on Tuesday to rebuild the Orchard Lane footbridge. ' +
        'The new bridge will cost $2.4 million and open in spring 2027, officials said.\n\n' +
        '"We have waited long enough," said council member Ilse Varga.',
    }),
    makeArticle({ source: 'Hostile <b>Outlet</b>', ...HOSTILE, date: '2026-05-12T11:00:00Z' }),
    makeArticle({
      source: 'Orchard Valley Radio',
      title: 'Footbridge to be rebuilt',
      date: '2026-05-13',
      text:
        'Councillors in Wexley voted 6-3 to rebuild the Orchard Lane footbridge on Tuesday. ' +
        'The bridge will cost $2.9 million according to the radio station.',
    }),
  ];
}

function comparison(): Comparison {
  return {
    agreed: [
      {
        text: 'The Wexley council voted 6-3 on Tuesday to rebuild the Orchard Lane footbridge.',
        articles: [0, 1, 2],
      },
    ],
    unique: [
      { article: 0, facts: [{ text: 'The bridge will open in spring 2027.', articles: [0] }] },
      {
        article: 1,
        facts: [{ text: 'A resident wrote "><svg onload=alert(1)> on the portal.', articles: [1] }],
      },
      { article: 2, facts: [] },
    ],
    quotes: [{ text: 'We have waited <b>long</b> enough', speaker: 'Ilse Varga', articles: [0] }],
    entities: [
      { name: 'Wexley', kind: 'place', mentions: { 0: 1, 1: 1, 2: 1 } },
      { name: 'Ilse <i>Varga</i>', kind: 'person', mentions: { 0: 1 } },
    ],
    figures: [
      { kind: 'date', value: '2026-05-12', context: 'council vote', articles: [0, 1, 2] },
      { kind: 'money', value: 'USD 2400000', context: 'cost of the bridge', articles: [0, 1] },
    ],
    disagreements: [
      {
        topic: 'cost of the bridge',
        sides: [
          { value: 'USD 2400000', text: 'The new bridge will cost $2.4 million', articles: [0, 1] },
          { value: 'USD 2900000', text: 'The bridge will cost $2.9 million', articles: [2] },
        ],
      },
    ],
  };
}

/** The report of the fictional story: a two-sentence summary with real citations. */
export function sampleReport(): StoryReport {
  const story = { id: 'wexley-bridge', title: 'Wexley rebuilds its footbridge', articles: storyArticles() };
  const doc = analyzeStory(story);
  const picks = [0, doc.spans[2]![0] + 1];
  return {
    story,
    summary: {
      method: 'lead',
      words: 30,
      sentences: picks.map((i) => ({ text: doc.sentences[i]!.text, citations: citeSentence(doc, i) })),
      warnings: [],
    },
    comparison: comparison(),
    duplicates: [{ article: 1, original: 0, similarity: 0.71 }],
    warnings: [],
  };
}

/** A report with nothing to compare: one source, empty comparison sections. */
export function emptyReport(): StoryReport {
  const story = {
    id: 'lone',
    articles: [makeArticle({ source: 'Lone Gazette', text: 'A single short notice about the fair.' })],
  };
  return {
    story,
    summary: { method: 'lead', words: 0, sentences: [], warnings: [] },
    comparison: { agreed: [], unique: [], quotes: [], entities: [], figures: [], disagreements: [] },
    duplicates: [],
    warnings: ['one source only: nothing here is corroborated by another outlet'],
  };
}
