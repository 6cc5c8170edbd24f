import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/core/article.js';
import { attributeQuotes, findQuotes, mergeQuotes, quoteSpans } from '../../src/core/quotes/index.js';
import { quoteCandidates } from '../../src/core/quotes/attribute-quotes.js';
import { textQuotes } from '../../src/core/quotes/text-quotes.js';
import { speakerCue } from '../../src/core/quotes/speaker-cue.js';
import { SPEAKER_FEATURES } from '../../src/core/quotes/speaker-candidates.js';
import { analyzeStory } from '../../src/core/text/index.js';

const noPeople = () => undefined;

function quotesOf(...texts: string[]) {
  const doc = analyzeStory({
    id: 'q',
    articles: texts.map((text, i) => makeArticle({ id: `q${i}`, source: `Outlet ${i}`, text })),
  });
  return findQuotes(doc, (name) => (name === 'Ortiz' || name === 'Lena Ortiz' ? 'Lena Ortiz' : undefined));
}

describe('attributeQuotes', () => {
  it.each([
    ['"We will reopen the bridge soon," Mayor Lena Ortiz said.', 'Lena Ortiz'],
    ['“We will reopen the bridge soon,” said Mayor Lena Ortiz.', 'Lena Ortiz'],
    ['Lena Ortiz was there. Ortiz said: "We will reopen the bridge soon."', 'Lena Ortiz'],
    ['Ortiz told reporters, “We will reopen the bridge soon.”', 'Ortiz'],
    ['"Nobody was hurt in the collapse," according to the fire department.', 'the fire department'],
    [
      '"The plant will stay shut for a month," said a spokesperson for Dunmore Plastics.',
      'a spokesperson for Dunmore Plastics',
    ],
    ['"Where were the inspectors all this time?" asked Councillor Amos Reyes.', 'Amos Reyes'],
    ['"We stayed inside all night long," she said.', undefined],
    ['Nadia Brook left. "We stayed inside all night long," she said.', 'Nadia Brook'],
    [
      '"Everyone is safe and accounted for," said the hospital\'s spokesperson Dalia Kerrigan.',
      'Dalia Kerrigan',
    ],
    ['«El mar estaba en calma esta mañana», dijo la comandante Inés Valverde.', 'Inés Valverde'],
    // No cue of its own; the only person in reach speaks right after: the chooser (trained on PolNeAR,
    // where such a quote is mostly that person's) names her, the rules alone did not.
    [
      'Lena Ortiz spoke. "We stayed inside all night long." Ortiz said the city would pay for hotels.',
      'Lena Ortiz',
    ],
    // A document opening the sentence, with a verb reporting what it says (eighth round): PolNeAR names
    // it as the source, and "The report" is what a reader would be told.
    ['The report called it "a slow and avoidable failure of upkeep".', 'The report'],
    // A description opening the sentence of a partial quote, then a verb reporting speech.
    [
      'The vote was close. One strategist described the race as “a slow crawl to the finish line.”',
      'One strategist',
    ],
    [
      'The ferry sailed late. A friend of the captain referred to him as “the calmest man on the whole harbour.”',
      'A friend of the captain',
    ],
    // The shapes of issue 11.
    ['“We will win this state easily,” Tolliver, 70, told Radio Kessing.', 'Tolliver'],
    ['Campaign aide Mira Quell wrote, “The numbers are better than last week.”', 'Mira Quell'],
    ['Sen. Ada Voss said the bill was “dead on arrival in the Senate” this year.', 'Ada Voss'],
    ['Grant Hollis spoke first. “We will not fold on this,” Hollis said.', 'Grant Hollis'],
    ['Clara Benn met Omar Teague. “The plan is good for the valley,” she said.', 'Clara Benn'],
    ['Omar Teague met Clara Benn. “The plan is good for the valley,” he said.', 'Omar Teague'],
    // Two men in reach: the learned chooser takes the subject of the sentence before (the rules abstained).
    ['Omar Teague met Grant Hollis there. “The plan is good for the valley,” he said.', 'Omar Teague'],
    // "he" continues the subject of the sentence before, even a surname-only one.
    [
      'Omar Teague spoke first.\n\nVellacourt admitted the pick was political. “With an eye to the vote,” he said.',
      'Vellacourt',
    ],
    // The sentence before is about no person we know; the one man named before is still in reach.
    [
      'Omar Teague spoke first.\n\nDunmore Plastics admitted the plant was late. “With an eye to the vote,” he said.',
      'Omar Teague',
    ],
    // A definite description with a role names the person the article gave that role.
    [
      'Sen. Ada Voss (D-Vt.) spoke in Ohio.\n\n“We will win this fight for working people,” the Vermont senator said.',
      'Ada Voss',
    ],
    ['Mayor Grant Hollis opened the bridge. “This city stands together,” the mayor said.', 'Grant Hollis'],
    // A name that closes an apposition before "said" is a person, first name known or not.
    [
      'The head teacher of Corvo High School, Ignatius Farrugia-Bell, said the trip was on. “They learned a lot already,” he said.',
      'Ignatius Farrugia-Bell',
    ],
    // A subject that "said" something leads the next quote too.
    [
      'Clerk Omar Teague spoke. Dalia Kerrigan, who runs a bakery, said costs rose. “We cannot pay this,” she said.',
      'Dalia Kerrigan',
    ],
    // A transcript line: the name, a colon, the quote; a dateline is no speaker.
    ['Both spoke at the forum.\n\nVoss: “Our goal is to reopen the plant by May.”', 'Voss'],
    ['UPDATE: “Our goal is to reopen the plant by May.”', undefined],
    // Gender unknown and another person in reach.
    ['Kessing met Dorrin in the hall. “The plan is good for the valley,” he said.', undefined],
    ['Trade rose. “We need the Arms Race Treaty back now,” Voss tweeted.', 'Voss'],
    ['Hollis, who chairs the panel, said “the votes are simply not there” yet.', 'Hollis'],
    // A slogan in capitals inside an ordinary sentence is still a quote.
    ['Voss told the crowd, “Keep The Valley Working Again,” to loud cheers.', 'Voss'],
    // A dash and a name after the quote: a signed comment, a fact-check entry; a clause is no name.
    [
      'Readers wrote in.\n\n“The ferry should never have sailed that night.” ― Adriana Rodarte',
      'Adriana Rodarte',
    ],
    [
      'Voss spoke.\n\n"We will bring the plant back to the valley."\n\n- Hollis.\n\nIt is a stretch.',
      'Hollis',
    ],
    ['“We will bring the plant back to the valley,” — Sen. Ada Voss, on Monday.', 'Ada Voss'],
    ['“We will bring the plant back to the valley.” — Then he left.', undefined],
    // A signing name is a person even when its first name is unknown to the list.
    [
      'Readers wrote in.\n“The ferry should never have sailed that night.” ― Jacklyn Ashworth-Pole  \n“Nobody told us.” ― Ana Diaz',
      'Jacklyn Ashworth-Pole',
    ],
    // People the person rules cut: a surname that is a title word, "Del." (a delegate), a date before a role.
    ['“We need the port back again,” said former governor Howard Dean, a supporter.', 'Howard Dean'],
    ['“We need the port back again,” said Del. Ana Prieto of Fairfax.', 'Ana Prieto'],
    ['“We need the port back again,” said 9/11 widow Terry Strada.', 'Terry Strada'],
    // A description with the name in apposition is that name; a description opening "The" stays one.
    [
      '“Something happened in this town tonight,” Voss’s campaign manager, Omar Teague, said in an interview.',
      'Omar Teague',
    ],
    // A partial quote in a sentence that names no speaker: the people around it are spoken about.
    [
      'The plan was late. The board saw Mayor Lena Ortiz as the driver to speed the “move to the coast and the port.”',
      undefined,
    ],
    [
      'The talks dragged on. The council named Judge Pia Varga as the one to settle “the dispute over the river and its banks.”',
      undefined,
    ],
    [
      'The mill closed in March. The union held owner Dara Finch to blame for “a decade of broken promises to the town.”',
      undefined,
    ],
    [
      'The storm passed at dawn. The crew thanked Captain Ivo Marsh for “keeping every one of us calm and dry.”',
      undefined,
    ],
    // Sources that are no person: a newspaper, a document, an office.
    [
      'The ferry sailed late. According to the Harbour Gazette, “the crew had no radar that night.”',
      'Harbour Gazette',
    ],
    [
      'The ferry sailed late. According to Portlight: “The crew had no radar that night at all.”',
      'Portlight',
    ],
    ['“The crew had no radar that night at all,” the memo read.', 'the memo'],
    ['As the Harbour Gazette put it, “the crew had no radar that night.”', 'Harbour Gazette'],
    ['“The crew had no radar that night at all,” Voss’s office said.', 'Voss’s office'],
    ['“The crew had no radar that night at all,” the bottom it read.', undefined],
    // Eighth round review: a description cut at a noun or a name that begins like a reporting word is
    // no speaker ("foundation" is not "found", "Warnock" not "warn").
    ['One official at the foundation, “we will not stand for this kind of thing in our city.”', undefined],
    ['One aide to the Warnock campaign, “we will not stand for this kind of thing in our city.”', undefined],
    // Fifth round: sources no rule read. "As X put it" after the quote; an outlet with a verb and a colon.
    ['“The crew had no radar that night at all,” as the Harbour Gazette put it.', 'Harbour Gazette'],
    [
      'The ferry sailed late.\n\nThe Harbour Gazette reports:\n\n“The crew had no radar that night at all.”',
      'Harbour Gazette',
    ],
    // A transcript: the label opens the line or the quoted words; a label in capitals must be a name
    // the article writes in ordinary case.
    [
      'Mayor Ada Voss met the press.\n\nVoss: Well, nobody here said ‘the ferry should have sailed that night.’',
      'Ada Voss',
    ],
    ['The ferry sailed late.\n\n“UPDATE: The crew had no radar that night at all.”', undefined],
    // Eleventh round: a participle and "by" name who made the source, not the source (the cue itself is
    // tested below; whether the chooser names "the ads" is the model's call).
    [
      'The buses carry a new campaign. “Lost your way? Call the harbour line today,” read the posters paid for by the port.',
      'the posters',
    ],
    // A participle of speech takes the subject of its sentence.
    [
      'Mayor Ada Voss praised the crew on Monday, telling the crowd, “The ferry will sail again by May.”',
      'Ada Voss',
    ],
    // Tenth round (lowercased news): a capitalised sentence opener is no name unless the text writes
    // it capitalised inside a sentence too, or the person rules found one there.
    [
      'Tempers have flared on the ferry board this spring, but not between the crews on deck! according to a source close to the port office, the " harbour " skipper is reportedly " feeling sidelined by the new rota. "',
      undefined,
    ],
    [
      'The show returns in May, and judge Ortega is back. Ortega has called it "the best season we have made."',
      'Ortega',
    ],
    // ... and "she" goes only to a person known to be a woman: the people are mostly lowercase there.
    [
      'When gov. Dorran marrick opened the harbour bridge last spring, he cited a traffic study that nobody at the state office had read. Marrick spokesperson vessa penner told the gazette that the state will pay for its own study of the traffic, which will take about three months. "the state does not pay a penny until the bridge is open and busy, " she added.',
      undefined,
    ],
    // Eleventh round: a known first name after the role is read as the person's (lost-case.ts).
    [
      'When gov. Dorran marrick opened the harbour bridge last spring, he cited a traffic study that nobody at the state office had read. Marrick spokesperson jo penner told the gazette that the state will pay for its own study of the traffic, which will take about three months. "the state does not pay a penny until the bridge is open and busy, " she added.',
      'Jo Penner',
    ],
    [
      'In a statement read outside court, gov. Talbot\'s ex-wife said doctors told her that a problem with her heart caused her to faint at the wheel on the way to the office. " this crash was caused by a seizure and not by a pill, " she said outside the court on friday morning.',
      undefined,
    ],
    [
      'When gov. Dorran marrick opened the harbour bridge last spring, he cited a traffic study that nobody at the state office had read. " the study was a joint effort of the builders and the state, " said marrick spokeswoman vessa penner in an e-mail to the gazette.',
      undefined,
    ],
    [
      'When gov. Dorran marrick opened the harbour bridge last spring, he cited a traffic study that nobody at the state office had read. " the study was a joint effort of the builders and the state, " said marrick spokeswoman jo penner in an e-mail to the gazette.',
      'Jo Penner',
    ],
    [
      'When gov. Dorran marrick opened the harbour bridge last spring, he cited a traffic study that nobody at the state office had read. Marrick spokeswoman jo penner wrote to the gazette on monday. " the study was a joint effort of the builders and the state, " penner said in an e-mail to the gazette.',
      'Jo Penner',
    ],
    // A lowercased name before a described apposition: not the apposition's last noun phrase.
    [
      'The ferry sailed late. Dara quell, a lawyer for one of the crews in the lawsuit, said: "they make me blush."',
      undefined,
    ],
    // Fourteenth round (lowercased news): "the united states" is a country, not "the united" stating.
    [
      'On tuesday the harbour adviser called on the united states to take a tougher line with calder, saying, "we have failed to make the port pay for it. " the remark came later.',
      undefined,
    ],
  ])('%s → %s', (text, speaker) => {
    expect(attributeQuotes(text)[0]?.speaker).toBe(speaker);
  });

  it('never gives "he" to the only woman in reach', () => {
    // Omar Teague is only an object, but the only man in reach: the chooser may name him or abstain
    // (its pronoun threshold moves with each retraining), never name Clara Benn.
    const text = 'Clara Benn met Omar Teague. “The plan is good for the valley,” he said.';
    expect([undefined, 'Omar Teague']).toContain(attributeQuotes(text)[0]?.speaker);
  });

  it('gives offsets of the quote and of the words naming its speaker', () => {
    const text = 'Mayor Lena Ortiz spoke.\n\n“We will reopen the bridge soon,” she said.';
    const [q] = attributeQuotes(text);
    expect(text.slice(q!.start, q!.end)).toBe('We will reopen the bridge soon');
    expect(text.slice(q!.speakerStart, q!.speakerEnd)).toBe('she');
    expect(q!.speaker).toBe('Lena Ortiz');
  });

  it('lets a speaker go on into the next paragraph past a short closing sentence', () => {
    const text =
      '“We will not fold on this,” Grant Hollis said on Monday. He spoke at the depot for an hour.\n\n“The votes are simply not there yet.”';
    expect(attributeQuotes(text).map((q) => q.speaker)).toEqual(['Grant Hollis', 'Grant Hollis']);
  });

  it('keeps a quote over several paragraphs whole', () => {
    const text = '“The first part of it goes here.\n\n“And the second part ends it,” Ortiz said.';
    expect(attributeQuotes(text).map((q) => [q.text, q.speaker])).toEqual([
      ['The first part of it goes here. And the second part ends it', 'Ortiz'],
    ]);
  });

  it.each([
    'Voss: ‘The Bridge Will Reopen Before The Summer’',
    '2. FERRY CREWS ‘READY TO SAIL AGAIN TOMORROW’',
  ])('reads no quote in a headline: %s', (headline) => {
    const text = `${headline}\n\n“The bridge will reopen before the summer,” Voss said.`;
    expect(attributeQuotes(text).map((q) => q.text)).toEqual(['The bridge will reopen before the summer']);
  });

  it.each([
    ['“We will win this,” Ann Kale said.', 'named'],
    ['“We will win this,” she said.', 'pronoun'],
    ['“We will win this,” the senator said.', 'described'],
    ['“We will win this,” The Democratic frontrunner said.', 'described'],
    ['“We will win this,” according to the Daily Caller.', 'named'],
    ['Ann Kale spoke. “We will win this.”', 'none'],
    ['Ann Kale spoke. The board called it “a win for us all today.”', 'partial'],
  ])('gives the kind of the cue of %s: %s', (text, kind) => {
    expect(quoteCandidates(text)[0]?.kind).toBe(kind);
  });

  // The rules' pick, which the chooser weighs against the people around it (and may still leave out).
  it.each([
    // Without the role anywhere, the description means the person the sentence before is about
    // (fourteenth round, described-referent.ts; before it the description stayed as written)…
    ['Grant Hollis opened the bridge. “This city stands together,” the mayor said.', 'Grant Hollis'],
    // …unless the story gave that person another office: then it stays as written.
    ['Sen. Grant Hollis opened the bridge. “This city stands together,” the mayor said.', 'the mayor'],
    // A transcript label in capitals inside the quote, for a name the article writes in ordinary case.
    ['Mayor Ada Voss spoke on the radio.\n\n“VOSS: The crew had no radar that night at all.”', 'Ada Voss'],
  ])('the rules propose for %s: %s', (text, speaker) => {
    const rule = SPEAKER_FEATURES.indexOf('rule');
    const picks = quoteCandidates(text)[0]!.candidates.filter((c) => c.features[rule] === 1);
    expect(picks.map((c) => c.speaker)).toEqual([speaker]);
  });

  it('tells each candidate how often it speaks elsewhere and whether it goes on from the quote before', () => {
    const text =
      '“The bridge will reopen soon,” Lena Ortiz said. Amos Reyes disagreed.\n\n' +
      '“We have the money for it,” Ortiz said.\n\n“And the crews are ready.”';
    const last = quoteCandidates(text)[2]!;
    const feature = (speaker: string, name: (typeof SPEAKER_FEATURES)[number]) =>
      last.candidates.find((c) => c.speaker === speaker)!.features[SPEAKER_FEATURES.indexOf(name)];
    expect(feature('Lena Ortiz', 'cuedElsewhere')).toBeCloseTo(Math.log1p(2) / 2);
    expect(feature('Lena Ortiz', 'mostCued')).toBe(1);
    expect(feature('Lena Ortiz', 'chain')).toBe(1);
    expect(feature('Amos Reyes', 'cuedElsewhere')).toBe(0);
    expect(feature('Amos Reyes', 'chain')).toBe(0);
    // The first quote: the next quote's own cue names Lena Ortiz too.
    const first = quoteCandidates(text)[0]!;
    const next = SPEAKER_FEATURES.indexOf('nextSpeaker');
    expect(first.candidates.find((c) => c.speaker === 'Lena Ortiz')!.features[next]).toBe(1);
  });

  // Seventh round: an organisation opening the sentence of a quote with no cue is a candidate; a
  // person named with the role a description uses is marked; a pronoun's contraction is no speaker.
  it.each([
    [
      'The ferry sailed late. The Harbour Gazette recently ran a piece that noted the "crew had no radar that night."',
      'Harbour Gazette',
    ],
    [
      'The ferry sailed late. The Calder Research Institute found that "most riders wanted the crossing back."',
      'Calder Research Institute',
    ],
    // A bare name no rule classifies may be a person's.
    ['The ferry sailed late. Pew found that "most riders wanted the crossing back by May."', undefined],
    [
      'The ferry sailed late.\n\nThe CFTU issued a statement on Monday:\n\n“The crew had no radar that night at all.”',
      'CFTU',
    ],
    ['The ferry sailed late. Mayor Ada Voss said the "crew had no radar that night at all."', undefined],
    ['The ferry sailed late. In Calder, the crew said the "radar had failed that night at all."', undefined],
  ])('an organisation opening the sentence of %s is a candidate: %s', (text, org) => {
    const f = SPEAKER_FEATURES.indexOf('organisationSubject');
    const picks = quoteCandidates(text)[0]!.candidates.filter((c) => c.features[f] === 1);
    expect(picks.map((c) => c.speaker)).toEqual(org ? [org] : []);
  });

  it.each([
    // The object of a verb after its subject, and a name set off by commas after a cue verb's subject.
    // (A cue after the quote: with none, the quote is nobody's and she no candidate, tested below.)
    ['The board saw Mayor Lena Ortiz as the driver to speed the “move to the coast,” Amos Reyes wrote.', 1],
    [
      'In a statement, the firm said its pilot of ten years, Lena Ortiz, had “acted quickly and well” then.',
      1,
    ],
    // Subjects: a name a speech verb follows, whatever word stands before it, and an apposition of the
    // cue's own subject.
    ['The plan was late. Mayor Lena Ortiz saw the board as the driver to speed the “move to the coast.”', 0],
    ['The plan was late. Harbour chief executive Lena Ortiz said “we will move to the coast soon.”', 0],
    ['The plan was late. The mayor, Lena Ortiz, said “we will move to the coast and the port.”', 0],
    // A name its own verb follows is a subject too, whatever word comes before it.
    [
      'The plan was late. The board knew Mayor Lena Ortiz wanted the “move to the coast,” Amos Reyes wrote.',
      0,
    ],
    ['The plan was late. It is what Lena Ortiz called the “move to the coast and the port.”', 0],
    [
      'The plan was late. Voters backed Mayor Lena Ortiz on Monday and the “move to the coast,” Amos Reyes wrote.',
      1,
    ],
    ['The plan was late. It did not surprise harbour pilot Lena Ortiz: “We will move to the coast soon.”', 0],
  ])('marks a person the quote’s sentence speaks about: %s', (text, object) => {
    const f = SPEAKER_FEATURES.indexOf('sentenceObject');
    const c = quoteCandidates(text)[0]!.candidates.find((x) => x.speaker === 'Lena Ortiz')!;
    expect(c.features[f]).toBe(object);
  });

  it('marks the people the article gave the role a description names', () => {
    const text =
      'Republican nominee Ada Voss met Grant Hollis, a pilot, in Calder. Hollis left early.\n\n' +
      '“We will sail again by May,” the nominee said.';
    const f = SPEAKER_FEATURES.indexOf('describedRoleSeen');
    const q = quoteCandidates(text)[0]!;
    expect(q.kind).toBe('described');
    expect(q.candidates.filter((c) => c.features[f] === 1).map((c) => c.speaker)).toEqual(['Ada Voss']);
  });

  it.each([
    '“Nobody would say no if I asked ‘em. Every member has been helpful that I’ve asked,” Voss said. “I think it matters.”',
    'Voss met the crews. “Speaking as a sailor, I think we sail again,” Fifteen said.',
  ])('names no one for a contraction or a number opening the cue: %s', (text) => {
    const rule = SPEAKER_FEATURES.indexOf('rule');
    const picks = quoteCandidates(text).flatMap((q) =>
      q.candidates.filter((c) => c.features[rule] === 1).map((c) => c.speaker),
    );
    expect(picks.filter((s) => s === 'I’ve' || s === 'Fifteen')).toEqual([]);
  });

  it.each([
    // The one spoken to is no speaker; the one a question was put to answers it.
    [
      'Ada Voss met Grant Hollis.\n\n“We will sail again by May,” she told Hollis.',
      'cueAddressee',
      'Grant Hollis',
    ],
    [
      'Reporter Omar Teague asked Ada Voss whether the ferry would sail.\n\n“We will sail again by May,” she said.',
      'askedBefore',
      'Ada Voss',
    ],
    // A cue closing the quote's sentence, its verb before the name and a role between.
    [
      'Ada Voss spoke. The crossing “will sail again by May” this year, said harbour master Grant Hollis.',
      'afterInverted',
      'Grant Hollis',
    ],
    // The one reporting in the quote's sentence, a clause and a name between them and the mark.
    [
      'Ada Voss spoke first. Grant Hollis, meanwhile, who runs the crossing, said the ferry is “ready to sail again by May.”',
      'sentenceReports',
      'Grant Hollis',
    ],
    [
      'The ferry sailed late. Said Grant Hollis, who grew up nearby, “We were all so proud of it.”',
      'sentenceReports',
      'Grant Hollis',
    ],
    [
      'Ada Voss spoke. Grant Hollis met Omar Teague, who runs the “crossing on the north side.”',
      'sentenceReports',
      undefined,
    ],
    [
      'Ada Voss spoke. Grant Hollis thanked the crews “for their support in my campaign.”',
      'sentenceOnlyPerson',
      'Grant Hollis',
    ],
    [
      'Ada Voss spoke. Grant Hollis met Omar Teague on the “crossing on the north side.”',
      'sentenceOnlyPerson',
      undefined,
    ],
    // The subject after an introductory phrase; the one named inside that phrase is an object.
    [
      'During an interview with Ada Voss, Grant Hollis discussed the plan.\n\n“We will sail again by May,” he said.',
      'beforeIntroSubject',
      'Grant Hollis',
    ],
    [
      'During an interview with Ada Voss, Grant Hollis discussed the plan.\n\n“We will sail again by May,” he said.',
      'beforeObject',
      'Ada Voss',
    ],
    [
      'Grant Hollis spoke. He said he liked it. Ada Voss nodded.\n\n“We will sail again by May,” he said.',
      'pronounsSince',
      'Grant Hollis',
    ],
  ])('marks %s with %s: %s', (text, name, speaker) => {
    const f = SPEAKER_FEATURES.indexOf(name as (typeof SPEAKER_FEATURES)[number]);
    const marked = quoteCandidates(text)[0]!.candidates.filter((c) => c.features[f]! > 0);
    expect(marked.map((c) => c.speaker)).toEqual(speaker ? [speaker] : []);
  });

  it('leaves a partial quote with no cue nobody’s when its sentence’s only person is an object', () => {
    // The rule, not the chooser's threshold: the sentence speaks about her, so she is no candidate.
    const people = (text: string) => quoteCandidates(text)[0]!.candidates.map((c) => c.speaker);
    expect(
      people(
        'The plan was late. The board saw Mayor Lena Ortiz as the driver to speed the “move to the coast.”',
      ),
    ).toEqual([]);
    expect(
      people(
        'The plan was late. Mayor Lena Ortiz saw the board as the driver to speed the “move to the coast.”',
      ),
    ).toEqual(['Lena Ortiz']);
    // Two people in the sentence: the chooser weighs them as before.
    expect(
      people(
        'The board saw Mayor Lena Ortiz and Amos Reyes as the drivers to speed the “move to the coast.”',
      ),
    ).toContain('Lena Ortiz');
  });

  it('returns nothing for empty or hostile text', () => {
    expect(attributeQuotes('')).toEqual([]);
    expect(attributeQuotes('"""" " “ ” « » said said, said: “')).toEqual([]);
  });
});

describe('a participle and "by" after a described source', () => {
  const text =
    'The buses carry a new campaign. “Lost your way? Call the harbour line today,” read the ads bought by activist Dara Quell and her group.';
  it('trims the cue to the source, not who paid for it', () => {
    const open = text.indexOf('“');
    const close = text.indexOf('”') + 1;
    expect(speakerCue(text, open, close)?.phrase).toBe('the ads');
  });
  it('never gives the quote to the buyer', () => {
    expect(attributeQuotes(text)[0]?.speaker).not.toBe('Dara Quell');
  });
});

describe('quoteSpans', () => {
  it.each([
    ['"We will reopen soon," Ortiz said.', ['We will reopen soon']],
    ['“We waited. Then the roof fell in,” she said.', ['We waited. Then the roof fell in']],
    [
      'She said the ‘new normal’ was here, and added: ‘We cannot go back to how it was.’',
      ['We cannot go back to how it was.'],
    ],
    ['The city’s engineers didn’t say "when" or "how".', []],
    [
      '«Luchamos contra este fuego durante horas», dijo Quillon.',
      ['Luchamos contra este fuego durante horas'],
    ],
    ['', []],
  ])('%s', (paragraph, texts) => {
    expect(quoteSpans(paragraph, 0).map((q) => q.text)).toEqual(texts);
  });
});

describe('findQuotes', () => {
  it('gives one speaker name across attribution orders and merges the same quote from two outlets', () => {
    const quotes = quotesOf(
      'The bridge closed on Monday.\n\n"We will not send a single car across that bridge until it is safe," Mayor Lena Ortiz said.',
      'Ortiz said: “We will not send one single car across that bridge until it is safe.”\n\nTraffic was heavy.',
      'Drivers waited for hours.',
    );
    expect(quotes).toEqual([
      {
        text: 'We will not send one single car across that bridge until it is safe.',
        speaker: 'Lena Ortiz',
        articles: [0, 1],
      },
    ]);
  });

  it('keeps a quote split by the sentence splitter whole, and passes the speaker to the next quote', () => {
    const [first, second] = quotesOf(
      '"We heard a crack. Then the whole roof came down," Ortiz said. "Nobody should have been inside."',
    );
    expect(first).toEqual({
      text: 'We heard a crack. Then the whole roof came down',
      speaker: 'Lena Ortiz',
      articles: [0],
    });
    expect(second).toEqual({ text: 'Nobody should have been inside.', speaker: 'Lena Ortiz', articles: [0] });
  });

  it('resolves "she said" to the last person named before the quote', () => {
    const [q] = quotesOf('Mayor Lena Ortiz visited the site. "It is worse than we were told," she said.');
    expect(q?.speaker).toBe('Lena Ortiz');
  });

  it('resolves "she said" to a name no rule classified, when it looks like one', () => {
    const [r] = quotesOf(
      'Marisa Delgado-Klein, who tests robot arms, has worked there for years. "I am not moving to the city," she said.',
    );
    expect(r?.speaker).toBe('Marisa Delgado-Klein');
  });

  it('keeps different quotes of one speaker apart', () => {
    const merged = mergeQuotes([
      { text: 'We will rebuild the bridge this year', article: 0 },
      { text: 'We will not raise taxes to pay for it', article: 1 },
    ]);
    expect(merged).toHaveLength(2);
  });

  it('returns nothing for a story without quotes, and ignores hostile quote marks', () => {
    expect(quotesOf('No one was quoted here.', '"""" " “ ” « »')).toEqual([]);
    expect(findQuotes(analyzeStory({ id: 'e', articles: [] }), noPeople)).toEqual([]);
  });
});

describe('textQuotes', () => {
  it('drops words that open on a stop: a closing mark read as an opening one', () => {
    // Tenth round: a mark lost before "cut off" shifts the pairing of every mark after it.
    const text =
      'He said the port is " not closing " and that the town would be " cut off. He said the mayor had " fully " backed the plan. " there is no other way to keep the ferries running all year long ". Mr voss also refused to answer whether the crews would be paid in';
    expect(textQuotes(text).map((q) => q.text)).not.toContain(
      '. Mr voss also refused to answer whether the crews would be paid in',
    );
    expect(textQuotes('She said: ". . . and then the whole harbour went dark at once."').length).toBe(1);
  });
});
