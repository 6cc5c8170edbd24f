import { describe, expect, it } from 'vitest';
import { compareSources } from '../../src/core/compare/index.js';
import { findDuplicates } from '../../src/core/dedupe/index.js';
import type { Comparison, DuplicateLink } from '../../src/core/model.js';
import { buildStoryReport } from '../../src/core/pipeline.js';
import { ComparisonSchema, StoryReportSchema } from '../../src/core/schema.js';
import { analyzeStory } from '../../src/core/text/index.js';
import { COPY, COURIER, GAZETTE, LEDGER, analyzed, story, type Source } from './story.js';

function compare(sources: readonly Source[], duplicates: readonly DuplicateLink[] = []): Comparison {
  const c = compareSources(analyzed(sources), { duplicates });
  ComparisonSchema.parse(c);
  return c;
}

const agreedWith = (c: Comparison, words: string) => c.agreed.find((f) => f.text.includes(words));

describe('compareSources', () => {
  it('returns an empty comparison for an empty story', () => {
    const c = compareSources(analyzeStory({ id: 'empty', articles: [] }), { duplicates: [] });
    expect(c).toEqual({ agreed: [], unique: [], quotes: [], entities: [], figures: [], disagreements: [] });
  });

  it('agrees on nothing and lists nothing as unique with one article, but still reads it', () => {
    const c = compare([GAZETTE]);
    expect(c.agreed).toEqual([]);
    expect(c.unique).toEqual([]);
    expect(c.disagreements).toEqual([]);
    expect(c.quotes[0]).toMatchObject({ speaker: 'Marta Quillon', articles: [0] });
    expect(c.entities.map((e) => e.name)).toContain('Tolland Freight');
    expect(c.figures).toContainEqual(
      expect.objectContaining({ kind: 'number', value: '12', context: 'people injured', articles: [0] }),
    );
  });

  it('finds the facts two independent articles agree on, with both articles', () => {
    const c = compare([GAZETTE, LEDGER]);
    const fire = agreedWith(c, 'Tolland Freight warehouse on Canal Street');
    expect(fire?.articles).toEqual([0, 1]);
    // What only one source says is listed under it.
    const ledgerOnly = c.unique.find((u) => u.article === 1)?.facts.map((f) => f.text) ?? [];
    expect(ledgerOnly.some((t) => t.includes('40 drivers'))).toBe(true);
    expect(c.unique.find((u) => u.article === 0)?.facts.some((f) => f.text.includes('Neighbours'))).toBe(
      true,
    );
  });

  it('takes no fragment of one word for a second source', () => {
    const c = compare([
      [
        'Harbor Weekly',
        'The harbor board will meet later to vote on the ferry fares. Riders packed the hall.',
      ],
      ['Quay Courier', 'Riders say the Pier 4 ferry is always late, and the board has heard them. Later'],
    ]);
    expect(c.agreed).toEqual([]);
  });

  it('lists no sentence cut off mid-phrase or half a quotation as what one source alone reports', () => {
    const c = compare([
      GAZETTE,
      [
        'Quay Courier',
        'Harbor pilots said the tugboat Marisol Vane ran aground near the breakwater on Sunday. "We saw the tugboat lean toward the rocks. The crew jumped clear before the tide turned," pilot Oskar Lindqvist said. The owners of the tugboat have hired divers to inspect the hull, which',
      ],
    ]);
    const courier = c.unique.find((u) => u.article === 1)?.facts.map((f) => f.text) ?? [];
    expect(courier.some((t) => t.includes('Marisol Vane'))).toBe(true);
    expect(courier.some((t) => t.includes('divers'))).toBe(false);
    // Halves of a quotation the splitter cut in two read as broken sentences.
    expect(courier.some((t) => t.includes('rocks') || t.includes('tide'))).toBe(false);
  });

  it('lists as what one source alone reports only sentences that stand alone', () => {
    const c = compare([
      GAZETTE,
      [
        'Quay Courier',
        'Harbor pilots said the tugboat Marisol Vane ran aground near the breakwater on Sunday. It had left the Ostrand yard an hour late with a new crew. They are now checking the Marisol hull for cracks below the waterline. Last month, it failed a Halvern safety inspection over rusted winches. Divers hired by the Pellam owners will inspect the keel on Tuesday.',
      ],
    ]);
    const courier = c.unique.find((u) => u.article === 1)?.facts.map((f) => f.text) ?? [];
    expect(courier).toHaveLength(2);
    expect(courier.some((t) => t.includes('Marisol Vane'))).toBe(true);
    expect(courier.some((t) => t.includes('Divers hired'))).toBe(true);
  });

  it('lists no agreed fact whose every wording points back', () => {
    const towing = 'They were towing a barge of Halvern timber to the Ostrand yard for the winter.';
    const c = compare([
      [
        'Harbor Weekly',
        `Harbor pilots said the tugboat Marisol Vane ran aground near the breakwater on Sunday. ${towing}`,
      ],
      [
        'Quay Courier',
        `The tugboat Marisol Vane ran aground near the breakwater on Sunday, harbor pilots said. ${towing}`,
      ],
    ]);
    expect(agreedWith(c, 'Marisol Vane ran aground')).toBeDefined();
    expect(agreedWith(c, 'towing')).toBeUndefined();
  });

  it('takes no wire trailer two pages share for an agreed fact', () => {
    const trailer =
      '\n\nStory Filed By Harbor Wire Service\n\nFor Use By Subscribers of the Quay Courier Wire';
    const c = compare([
      ['Harbor Weekly', `The harbor board will vote on ferry fares on Monday.${trailer}`],
      ['Quay Courier', `Pier 4 riders packed the hall to protest the late ferries.${trailer}`],
    ]);
    expect(c.agreed).toEqual([]);
  });

  it('does not count a syndicated copy as a second source', () => {
    const sources = [GAZETTE, COPY];
    const duplicates = findDuplicates(story(sources).articles);
    expect(duplicates).toEqual([expect.objectContaining({ article: 1, original: 0 })]);
    const c = compare(sources, duplicates);
    expect(c.agreed).toEqual([]);
    // With the copy declared independent, the same sentences would count as agreed.
    expect(compare(sources).agreed.length).toBeGreaterThan(0);
  });

  it('counts agreement over independent articles when a copy is present', () => {
    const sources = [GAZETTE, COPY, LEDGER];
    const c = compare(sources, [{ article: 1, original: 0, similarity: 0.9 }]);
    const fire = agreedWith(c, 'Tolland Freight warehouse on Canal Street');
    expect(fire?.articles).toEqual([0, 1, 2]);
    // The quote is carried by all three, but the copy does not make it more corroborated than the fire.
    expect(c.agreed.every((f) => new Set(f.articles.map((a) => (a === 1 ? 0 : a))).size >= 2)).toBe(true);
  });

  it.each([
    ['a number', 'people injured', ['12', '15']],
    ['a date', 'date (warehouse reopen)', ['2026-06-14', '2026-06-21']],
  ])('reports %s disagreement with the sources on each side', (_, topic, values) => {
    const c = compare([GAZETTE, LEDGER]);
    const d = c.disagreements.find((x) => x.topic === topic);
    expect(d?.sides.map((s) => s.value)).toEqual(values);
    expect(d?.sides.map((s) => s.articles)).toEqual([[0], [1]]);
  });

  it('does not see a disagreement between counts of different things', () => {
    const c = compare([GAZETTE, COURIER]);
    expect(c.disagreements).toEqual([]);
  });

  const fire = (sentence: string, date = '2026-05-20'): Source => [
    'Outlet',
    `A fire destroyed the Tolland Freight warehouse on Canal Street in Brackwater on Tuesday night.\n\n${sentence}`,
    date,
  ];
  it.each([
    [
      'approximate figures',
      'About 12 people were injured in the blaze.',
      'About 15 people were injured in the blaze.',
    ],
    [
      'an earlier event',
      'Twelve people were injured in the blaze.',
      'In 2019, 15 people were injured in a blaze there.',
    ],
    [
      'durations',
      'Crews fought the blaze for six hours on Tuesday.',
      'Crews fought the blaze for nine hours on Tuesday.',
    ],
    [
      'an article stating both values',
      'Twelve people were injured in the blaze.',
      'Fifteen people were injured in the blaze, and 12 people were injured in the blaze downtown.',
    ],
  ])('does not see a disagreement in %s', (_, a, b) => {
    expect(compare([fire(a), fire(b)]).disagreements).toEqual([]);
  });

  it('does not see a disagreement between counts told a week apart (an update)', () => {
    const c = compare([
      fire('Twelve people were injured in the blaze.', '2026-05-20'),
      fire('Fifteen people were injured in the blaze.', '2026-05-27'),
    ]);
    expect(c.disagreements).toEqual([]);
  });

  it('sees the disagreement those cases would be without their guard', () => {
    const c = compare([
      fire('Twelve people were injured in the blaze.'),
      fire('Fifteen people were injured in the blaze.'),
    ]);
    expect(c.disagreements.map((d) => [d.topic, d.sides.map((s) => s.value)])).toEqual([
      ['people injured', ['12', '15']],
    ]);
  });

  it('degrades on lowercased text: fewer entities, no junk', () => {
    const lower = (s: Source): Source => [
      s[0],
      s[1].toLowerCase().replace(/(^|\. |\n\n)(\p{L})/gu, (m) => m.toUpperCase()),
      s[2],
    ];
    const c = compare([lower(GAZETTE), lower(LEDGER)]);
    expect(c.entities).toEqual([]);
    expect(c.agreed.length).toBeGreaterThan(0);
    expect(c.disagreements.map((d) => d.topic)).toContain('people injured');
  });

  it('handles non-English text without inventing entities or disagreements', () => {
    const es: Source = [
      'El Correo de Brackwater',
      `Un incendio destruyó el almacén de Tolland Freight en la calle Canal el martes por la noche.

«Luchamos contra este fuego durante seis horas», dijo la jefa de bomberos Marta Quillon.

Doce personas resultaron heridas.`,
    ];
    const c = compare([GAZETTE, es]);
    expect(c.disagreements).toEqual([]);
    expect(c.quotes.some((q) => q.text.startsWith('Luchamos'))).toBe(true);
    for (const e of c.entities) expect(e.name).not.toMatch(/^(Un|El|La|Doce)\b/);
  });

  it('survives hostile text with a valid comparison', () => {
    const c = compare([
      ['quotes', '"'.repeat(5000) + ' said ' + '“'.repeat(3000)],
      ['one word', 'A'.repeat(100_000)],
      ['titles', ('Mr. ' + 'Xy '.repeat(50) + 'said: "' + 'word '.repeat(200)).repeat(20)],
      ['figures', '12 12 people people were injured injured 3,4,5 $$$ %%% March March 99 1/2/3 '.repeat(500)],
      ['scripts', '\u200b\ufeff Ünïcödé «»«» ‘’‘’ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ١٢٣ 一二三 '.repeat(300)],
    ]);
    expect(c.disagreements).toEqual([]);
  });

  it('finishes a 200-article story', () => {
    const sources: Source[] = [];
    for (let i = 0; i < 200; i++) {
      const base = [GAZETTE, LEDGER, COURIER][i % 3]!;
      sources.push([
        `Outlet ${i}`,
        `${base[1]}\n\nReporter ${i} counted ${i + 3} onlookers near warehouse gate ${i}.`,
        base[2],
      ]);
    }
    const c = compare(sources);
    expect(c.agreed.length).toBeGreaterThan(0);
    expect(c.agreed[0]!.articles.length).toBeGreaterThan(100);
  });
});

describe('buildStoryReport', () => {
  it('returns a report the published schema accepts, comparison included', () => {
    const report = buildStoryReport(story([GAZETTE, LEDGER, COPY, COURIER]));
    expect(() => StoryReportSchema.parse(JSON.parse(JSON.stringify(report)))).not.toThrow();
    expect(report.comparison.disagreements.length).toBeGreaterThan(0);
  });
});
