/**
 * Fictional articles for the comparison tests: a warehouse fire in the invented town of Brackwater,
 * told by invented outlets. No text here comes from any dataset or site.
 */
import { makeArticle } from '../../src/core/article.js';
import type { AnalyzedStory, Story } from '../../src/core/model.js';
import { analyzeStory } from '../../src/core/text/index.js';

export type Source = readonly [source: string, text: string, date?: string];

export function story(sources: readonly Source[], id = 'story'): Story {
  return {
    id,
    articles: sources.map(([source, text, date], i) =>
      makeArticle({ id: `${id}-${i + 1}`, source, text, ...(date && { date }) }),
    ),
  };
}

export function analyzed(sources: readonly Source[]): AnalyzedStory {
  return analyzeStory(story(sources));
}

export const GAZETTE: Source = [
  'Brackwater Gazette',
  `A fire destroyed the Tolland Freight warehouse on Canal Street in Brackwater late on Tuesday night.

Twelve people were injured in the blaze, the Brackwater Fire Department said.

"We fought this fire for six hours and we were lucky nobody died," Fire Chief Marta Quillon said.

The warehouse will reopen on June 14 if inspectors approve the building, the company said.

Neighbours on Canal Street were told to keep their windows closed overnight.`,
  '2026-05-20',
];

export const LEDGER: Source = [
  'Brackwater Ledger',
  `Fire tore through the Tolland Freight warehouse on Canal Street in Brackwater on Tuesday night.

Fifteen people were injured, according to the regional hospital.

Quillon said: "We fought this fire for six hours and we were lucky nobody died."

The warehouse will reopen on June 21 if inspectors approve the building, a company spokesperson said.

The warehouse employs 40 drivers and stores furniture for shops across the county.`,
  '2026-05-20',
];

/** A syndicated copy of the Gazette, one sentence trimmed, as another paper would run it. */
export const COPY: Source = [
  'Harlow Evening Star',
  `A fire destroyed the Tolland Freight warehouse on Canal Street in Brackwater late on Tuesday night.

Twelve people were injured in the blaze, the Brackwater Fire Department said.

"We fought this fire for six hours and we were lucky nobody died," Fire Chief Marta Quillon said.

The warehouse will reopen on June 14 if inspectors approve the building, the company said.`,
  '2026-05-20',
];

/** A third report whose count is of something else (trucks, not people): no disagreement. */
export const COURIER: Source = [
  'Canal Courier',
  `Seven trucks were damaged in the blaze, the Brackwater Fire Department said.

Twelve trucks were parked inside the Tolland Freight warehouse on Canal Street when the fire began on Tuesday.

Owners of the trucks said they had not yet heard from the insurer.

Fire crews from three towns helped put out the fire before dawn on Wednesday.`,
  '2026-05-21',
];
