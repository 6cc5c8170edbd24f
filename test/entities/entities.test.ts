import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import { countEntities, findEntityMentions } from '../../src/core/entities/index.js';
import type { EntityKind } from '../../src/core/model.js';
import { analyzeStory } from '../../src/core/text/index.js';

function entities(...texts: string[]): [string, EntityKind][] {
  const doc = analyzeStory({
    id: 'e',
    articles: texts.map((text, i) => makeArticle({ id: `e${i}`, source: `Outlet ${i}`, text })),
  });
  return countEntities(findEntityMentions(doc), 50).map((e) => [e.name, e.kind]);
}

describe('named entities', () => {
  it.each<[string, [string, EntityKind][]]>([
    ['Fire Chief Harriet Vossberg arrived at dawn.', [['Harriet Vossberg', 'person']]],
    ['The fire started at the Dunmore Plastics plant.', [['Dunmore Plastics', 'organization']]],
    [
      'The Tarrow County Health Department issued an order.',
      [['Tarrow County Health Department', 'organization']],
    ],
    ['Crews closed Quarry Road overnight.', [['Quarry Road', 'place']]],
    // A room whose last word is an organisation word.
    ['The two leaders met in the Oval Office before lunch.', [['Oval Office', 'place']]],
    ['The ferry left from a pier in Millbrook.', [['Millbrook', 'place']]],
    ['Officials met in Portugal on Monday.', [['Portugal', 'place']]],
    ['Hospital spokesperson Dalia Kerrigan gave the figures.', [['Dalia Kerrigan', 'person']]],
    ['The engineering firm Halvorsen & Pike inspects the bridge.', [['Halvorsen & Pike', 'organization']]],
    ['The plant manager, René Dufauret, spoke first.', [['René Dufauret', 'person']]],
    ['Residents waited. Vossberg said the roof had collapsed.', [['Vossberg', 'person']]],
    ['The University of Calder sent engineers.', [['University of Calder', 'organization']]],
    [
      'Analyst Tamsin Okoro of Brindle Securities said the cuts were deep.',
      [
        ['Brindle Securities', 'organization'],
        ['Tamsin Okoro', 'person'],
      ],
    ],
    // The tagger's fixes of issue 11: a surname that is a title word, "in New York", an agency, "U.S.".
    [
      'Reuters said John Major flew to New York.',
      [
        ['John Major', 'person'],
        ['New York', 'place'],
        ['Reuters', 'organization'],
      ],
    ],
    ['Officials in the U.S. said the United States would act.', [['United States', 'place']]],
    [
      'Intel chief Brian Krzanich met AP reporters.',
      [
        ['AP', 'organization'],
        ['Brian Krzanich', 'person'],
        ['Intel', 'organization'],
      ],
    ],
    [
      'Harwick Robotics Inc said it would hire. Harwick Robotics makes arms.',
      [['Harwick Robotics', 'organization']],
    ],
    // Sentence openers, days and months are not names.
    ['Thick smoke drifted east. Firefighters stayed all night. On Monday it rained.', []],
    ['', []],
  ])('%s', (text, expected) => {
    expect(entities(text)).toEqual(expected);
  });

  it('counts mentions per article and joins a surname to the full name', () => {
    const doc = analyzeStory({
      id: 'e',
      articles: [
        makeArticle({
          id: 'a',
          text: 'Mayor Lena Ortiz closed the bridge. Later, Ortiz said it was safe to walk on.',
        }),
        makeArticle({ id: 'b', text: 'The bridge was closed by Mayor Lena Ortiz on Monday.' }),
      ],
    });
    expect(countEntities(findEntityMentions(doc), 10)).toEqual([
      { name: 'Lena Ortiz', kind: 'person', mentions: { 0: 2, 1: 1 } },
    ]);
  });

  it('lists a name once whatever its case, and joins a short form across cases', () => {
    const count = (...texts: string[]) =>
      countEntities(
        findEntityMentions(
          analyzeStory({
            id: 'c',
            articles: texts.map((text, i) => makeArticle({ id: `c${i}`, source: `Outlet ${i}`, text })),
          }),
        ),
        10,
      );
    expect(
      count(
        'Fire chief Harriet Vossberg said the pier would close.',
        'The ferry will move, vossberg said on monday.',
      ),
    ).toEqual([{ name: 'Harriet Vossberg', kind: 'person', mentions: { 0: 1, 1: 1 } }]);
    expect(
      count(
        'The senate voted on the bill. The Senate will meet again on Monday, Senator Ada Marsh said.',
        'Marsh said the senate would vote again.',
      ),
    ).toEqual([
      { name: 'Ada Marsh', kind: 'person', mentions: { 0: 1, 1: 1 } },
      { name: 'Senate', kind: 'organization', mentions: { 0: 1, 1: 1 } },
    ]);
  });

  it("keeps a sentence's opening word out of the name after it (cased newswire)", () => {
    expect(
      entities(
        'President Ramon Velasquez won the vote in Corvalla on Sunday. Although Velasquez won the first round, markets fell. Whether Velasquez can pass the budget is unclear. Nevertheless Velasquez said he would try.',
        'Now Congress must approve the tax plan, Velasquez said. The Congress meets on Tuesday.',
      ),
    ).toEqual([
      ['Ramon Velasquez', 'person'],
      ['Congress', 'organization'],
      ['Corvalla', 'place'],
    ]);
  });

  it('joins a surname to a full name written within a longer one, not to two first names', () => {
    expect(
      entities(
        'Governor Ana Lucia Ferreira won the vote in Corvalla. Lucia Ferreira thanked voters. Ferreira said the budget would pass. Ferreira left.',
      ),
    ).toEqual([
      ['Ana Lucia Ferreira', 'person'],
      ['Corvalla', 'place'],
    ]);
    // "Brenner" may be Tomas or Ilse: it stays apart.
    expect(
      entities(
        'Dr. Tomas Brenner was hurt. Brenner is a surgeon. His wife Ilse Brenner said he was home.',
      ).map(([name]) => name),
    ).toEqual(['Brenner', 'Ilse Brenner', 'Tomas Brenner']);
  });

  it("spells a name as most often written, not as a dateline's capitals; an acronym stays whole", () => {
    expect(
      entities(
        'NEW YORK, May 3 (Lantern) -- Officials in New York said the ferry plan was weak.',
        'Bankers in New York agreed with the officials in New York.',
      ),
    ).toEqual([
      ['New York', 'place'],
      ['Lantern', 'organization'],
    ]);
    expect(
      entities(
        'The FBI Hostage Rescue Team fired the canisters, the FBI said. FBI agents left. The FBI denied it.',
      ),
    ).toEqual([
      ['FBI', 'organization'],
      ['FBI Hostage Rescue Team', 'organization'],
    ]);
  });

  it('finds only well-supported names in lowercased text, never sentence openers', () => {
    const text =
      'The mayor closed the bridge on monday. Ortiz said it was unsafe. Police in calder closed the roads. Traffic was heavy in the city.';
    // "Ortiz said" still marks a person; "The", "Police", "Traffic" and the lowercased places do not count.
    expect(entities(text.toLowerCase().replace(/(^|\. )(\p{L})/gu, (m) => m.toUpperCase()))).toEqual([
      ['Ortiz', 'person'],
    ]);
  });
});
