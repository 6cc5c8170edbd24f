/**
 * Fictional stories for the summarizer tests: a bridge closure reported by four invented outlets, plus
 * builders for one-article, empty and hostile stories. No text here comes from any dataset or site.
 */
import { makeArticle } from '../../src/core/article.js';
import type { AnalyzedStory, Story } from '../../src/core/model.js';
import { analyzeStory } from '../../src/core/text/index.js';

export const BRIDGE_ARTICLES: readonly (readonly [string, string])[] = [
  [
    'Harbor Gazette',
    `The Tillman Street bridge will close for six weeks starting Monday after inspectors found cracks in two of its steel girders. City engineer Priya Nandakumar said the damage was found during a routine inspection last Thursday. "We are not taking any chances with a bridge that carries forty thousand cars a day," Nandakumar said. Drivers are advised to use the Orchard Avenue crossing, which will get extra traffic officers during rush hour. The repairs are expected to cost about 3.2 million dollars, paid from the state infrastructure fund. Local shop owners on Tillman Street worry that the closure will keep customers away during the busy spring season.`,
  ],
  [
    'Valley Courier',
    `Inspectors found cracks in two steel girders of the Tillman Street bridge, and the city will close it for six weeks from Monday. The cracks were found in a routine inspection last Thursday, according to city engineer Priya Nandakumar. Mayor Lena Ortiz said the city would cover free bus rides across the river while the bridge is closed. The repairs will cost 4 million dollars, the mayor's office said. Commuters reacted with frustration on social media over the weekend.`,
  ],
  [
    'Northside Daily',
    `Mayor Lena Ortiz announced on Sunday that buses across the river will be free while the Tillman Street bridge is closed for repairs. "Nobody should pay more to get to work because a girder cracked," the mayor said. The bridge, built in 1968, last had major repairs in 2004. Engineers expect the work to take six weeks.`,
  ],
  [
    'Riverside Wire',
    `The Tillman Street bridge will close for six weeks starting Monday after inspectors found cracks in two of its steel girders. City engineer Priya Nandakumar said the damage was found during a routine inspection last Thursday. Drivers are advised to use the Orchard Avenue crossing.`,
  ],
];

export function story(articles: readonly (readonly [string, string])[], id = 'story'): Story {
  return {
    id,
    articles: articles.map(([source, text], i) => makeArticle({ id: `${id}-${i + 1}`, source, text })),
  };
}

export function analyzed(articles: readonly (readonly [string, string])[]): AnalyzedStory {
  return analyzeStory(story(articles));
}

export const BRIDGE: AnalyzedStory = analyzed(BRIDGE_ARTICLES);

/** One article of `n` distinct sentences, each a different fictional fact. */
export function longArticle(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      `Council clerk number ${i} filed report ${i * 7} about the ward ${i % 13} budget on day ${i % 31}.`,
    );
  }
  return out.join(' ');
}
