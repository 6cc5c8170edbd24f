/**
 * Figures attached to the words they count or complete, and the contradictions they reveal that the
 * counted-word reading missed (twelfth round's audit on cased newswire). All sentences are fictional.
 */
import { describe, expect, it } from 'vitest';
import { attachedFigures, contradiction, pairSide } from '../../src/core/match/index.js';
import { wordForms } from '../../src/core/text/index.js';

const side = (text: string) => pairSide({ text, ...wordForms(text) });
const read = (text: string) => Object.fromEntries([...attachedFigures(text)].map(([k, v]) => [k, [...v]]));

describe('attachedFigures', () => {
  it.each<[string, Record<string, number[]>]>([
    ['', {}],
    ['The ferry left on time.', {}],
    ['The club won five bronze medals.', { bronz: [5], medal: [5] }],
    ['Seventy-one percent of riders backed the plan.', { percent: [71] }],
    ['Thirty eight pupils were sent home.', { pupil: [38] }],
    ['The report is due Oct. 25.', { 'day of oct': [25] }],
    ['The report is due 25 October.', { 'day of oct': [25] }],
    ['The pier opened in January 2019.', {}],
    ['The toll has reached 83, officials said.', { 'completes reach': [83] }],
    ['It counted 29 more than last year.', { more: [29] }],
    ['The bridge carries 48,000 vehicles a day.', { vehicl: [48000] }],
    ['Varden lies 500 kilometers (300 miles) west of the capital.', { kilomet: [500], mile: [300] }],
    ['Three other ferries were late.', {}],
    ['Several hundred dollars were raised.', {}],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe('contradiction: figures attached to other words', () => {
  it.each<[string, string, string | undefined]>([
    // One team's medals against another's: the counted word sits after an adjective.
    [
      'Norvala won a gold, a silver and five bronze medals at the regional championships this year.',
      'The team won three gold medals at this year’s regional championships.',
      'figures',
    ],
    ['The first standings will be released Oct. 25.', 'The first standings come out Oct. 23.', 'figures'],
    [
      'The death toll from the cold has reached 83, after a man froze in a Varden park.',
      'The death toll from the cold reached 85 on Saturday, after two men froze at home.',
      'figures',
    ],
    [
      'Seventy-one percent of riders backed the tram in a February poll.',
      'In a recent poll, 66 percent of riders said they backed the tram.',
      'figures',
    ],
    [
      'Police say the cold has killed 29 more people than in all of last winter.',
      'The cold has claimed 20 more lives than in all of last winter, police say.',
      'figures',
    ],
    // Same figures in other units, order or wording: no contradiction.
    [
      'The hospital is in a city some 500 kilometers (300 miles) west of the capital.',
      'The hospital is in a city about 300 miles (500 kilometers) west of the capital.',
      undefined,
    ],
    ['The pier opened in January 2019.', 'The pier opened on Jan. 12, 2019.', undefined],
    [
      'The governor declared Osterby and three other provinces disaster areas.',
      'The governor declared four provinces disaster areas.',
      undefined,
    ],
  ])('%s | %s → %s', (a, b, why) => {
    expect(contradiction(side(a), side(b))).toBe(why);
    expect(contradiction(side(b), side(a))).toBe(why);
  });
});
