/**
 * Fictional articles in bulk, for the crash test: `events` made-up events (a place, an agency, a person
 * and a figure each), each told by several made-up outlets in their own words. Seeded, so every run
 * makes the same articles. Each article carries a unique reference code, so a search can find it alone.
 */
import { makeArticle } from '../../src/core/article.js';
import type { Article } from '../../src/core/model.js';
import { mulberry32 } from '../../src/eval/datasets/sample.js';

const PLACES = [
  'Marlow',
  'Brookfield',
  'Linden',
  'Ridgeway',
  'Gull Island',
  'Tessel',
  'Oakhurst',
  'Fenwick',
  'Carrow',
  'Dunmere',
  'Halvard',
  'Pellam',
];
const THINGS = [
  'bridge',
  'library',
  'ferry terminal',
  'water plant',
  'stadium',
  'rail depot',
  'market hall',
  'clinic',
  'harbor wall',
  'school',
];
const ACTIONS = [
  'closed for repairs',
  'reopened after renovation',
  'won new funding',
  'was damaged by a storm',
  'faces a budget cut',
  'will be expanded',
];
const PEOPLE = [
  'Ada Reyes',
  'Tomas Varga',
  'Priya Castellanos',
  'Ines Park',
  'Mara Quinn',
  'Ellen Hollins',
  'Jon Abara',
  'Lena Ortiz',
];
const OUTLETS = ['Harbor Gazette', 'Valley Courier', 'Coast Herald', 'Northern Ledger', 'Evening Lamp'];

const rng = mulberry32;

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** `perEvent` articles for each of `events` events, interleaved as a stream would deliver them. */
export function syntheticArticles(events: number, perEvent: number, seed = 7): Article[] {
  const random = rng(seed);
  const stories = Array.from({ length: events }, (_, e) => ({
    e,
    place: `${pick(random, PLACES)} ${pick(random, ['North', 'South', 'East', 'West', 'Upper', 'Lower'])}`,
    thing: pick(random, THINGS),
    action: pick(random, ACTIONS),
    person: pick(random, PEOPLE),
    figure: 10 + Math.floor(random() * 990),
    day: 1 + (e % 28),
  }));
  const articles: Article[] = [];
  for (let k = 0; k < perEvent; k++) {
    for (const s of stories) {
      const outlet = OUTLETS[k % OUTLETS.length] ?? 'Harbor Gazette';
      const code = `xq${s.e}n${k}`;
      const text = [
        `The ${s.thing} in ${s.place} ${s.action} on day ${s.day}, officials said, in a decision affecting about ${s.figure} residents.`,
        `"We have to be honest about what this means for ${s.place}," said ${s.person}, who leads the local council committee.`,
        `${outlet} reporters visited the ${s.thing} and spoke with neighbours; reference ${code}.`,
        k % 2 === 0
          ? `A second meeting on the ${s.thing} is planned for next month, and the council will publish its figures.`
          : `Residents of ${s.place} asked how the ${s.figure} affected households would be told about the ${s.thing}.`,
      ].join('\n\n');
      articles.push(
        makeArticle({
          id: `ev${s.e}-${k}`,
          source: outlet,
          title: `${s.place} ${s.thing} ${s.action}`,
          text,
          url: `https://${outlet.toLowerCase().replace(/\s+/g, '-')}.example/${s.e}/${k}`,
          date: `2031-03-${String(s.day).padStart(2, '0')}T${String(8 + k).padStart(2, '0')}:00:00Z`,
        }),
      );
    }
  }
  return articles;
}
