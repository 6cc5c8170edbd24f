import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../src/core/text/sentences.js';

const split = (text: string) => splitSentences(text).map((s) => s.text);

// Every text here is written for these tests (fictional people and places).
describe('splitSentences', () => {
  it.each<[string, string, string[]]>([
    // The "Golden Rules" cases (bench/golden-rules.ts), restated with our own text.
    [
      'a time abbreviation ends a clause before a title',
      'At 7 a.m. Ms. Vale opened the shop. She closed it at 4 P.M. Ms. Vale then went home.',
      ['At 7 a.m. Ms. Vale opened the shop.', 'She closed it at 4 P.M.', 'Ms. Vale then went home.'],
    ],
    [
      'an e-mail address is one word',
      'Write to Tom.Reed@harbor.example. He answers daily.',
      ['Write to Tom.Reed@harbor.example.', 'He answers daily.'],
    ],
    ['numbered list with "1.)"', '1.) Pack the boat 2.) Sail north', ['1.) Pack the boat', '2.) Sail north']],
    ['numbered list with "1)"', '1) Pack the boat. 2) Sail north.', ['1) Pack the boat.', '2) Sail north.']],
    ['numbered list with "1."', '1. Pack the boat 2. Sail north', ['1. Pack the boat', '2. Sail north']],
    ['bulleted numbers', '• 4. Pack the boat • 5. Sail north', ['• 4. Pack the boat', '• 5. Sail north']],
    ['lettered list', 'a. Pack b. Sail c. Land', ['a. Pack', 'b. Sail', 'c. Land']],
    [
      'N° before a number',
      'The locker is N°. 88.12. Nobody opened it.',
      ['The locker is N°. 88.12.', 'Nobody opened it.'],
    ],
    [
      'the pronoun I ends a sentence, an initial does not',
      'The winners were Ada and I. Did you meet Karl J. Moss?',
      ['The winners were Ada and I.', 'Did you meet Karl J. Moss?'],
    ],
    ['a spaced ellipsis inside a sentence', 'I thought . . . I was wrong.', ['I thought . . . I was wrong.']],
    [
      'a period glued before a spaced ellipsis ends the sentence',
      'The fleet left early. . . . The harbor emptied.',
      ['The fleet left early.', '. . . The harbor emptied.'],
    ],
    [
      'a spaced ellipsis with a final period',
      'Fill in the rest . . . . Then stop.',
      ['Fill in the rest . . . .', 'Then stop.'],
    ],
    ['two plain sentences', 'The bridge opened. Traffic moved.', ['The bridge opened.', 'Traffic moved.']],
    [
      'question and exclamation',
      'Was it safe? Nobody knew! Then it rained.',
      ['Was it safe?', 'Nobody knew!', 'Then it rained.'],
    ],
    [
      'titles before names',
      'Mr. Okafor met Sen. Lena Ortiz and Dr. Ruiz. They talked.',
      ['Mr. Okafor met Sen. Lena Ortiz and Dr. Ruiz.', 'They talked.'],
    ],
    [
      'military and clergy titles',
      'Staff Sgt. Ana Bell and Rev. Tom Hale arrived. Lt. Gen. Mark Olu spoke.',
      ['Staff Sgt. Ana Bell and Rev. Tom Hale arrived.', 'Lt. Gen. Mark Olu spoke.'],
    ],
    [
      'U.S. inside a sentence',
      'The U.S. Navy and U.N. envoys met in Geneva.',
      ['The U.S. Navy and U.N. envoys met in Geneva.'],
    ],
    [
      'U.S. ending a sentence',
      'The plant moved to the U.S. The workers stayed.',
      ['The plant moved to the U.S.', 'The workers stayed.'],
    ],
    [
      'month abbreviation before a day',
      'The vote on Jan. 5 failed. It passed on Sept. 30, 2019.',
      ['The vote on Jan. 5 failed.', 'It passed on Sept. 30, 2019.'],
    ],
    [
      'No. before a number',
      'He wore No. 12 for the club. No. It was 21.',
      ['He wore No. 12 for the club.', 'No.', 'It was 21.'],
    ],
    [
      'initials',
      'J. R. R. Tolkien and George W. Bush were named. Both left.',
      ['J. R. R. Tolkien and George W. Bush were named.', 'Both left.'],
    ],
    [
      'decimals and money',
      'Sales rose 3.5 percent to $1.2 million. Costs fell.',
      ['Sales rose 3.5 percent to $1.2 million.', 'Costs fell.'],
    ],
    [
      'times of day',
      'It closed at 5 p.m. The lights went out at 5 p.m. Tuesday.',
      ['It closed at 5 p.m.', 'The lights went out at 5 p.m. Tuesday.'],
    ],
    [
      'company suffix then a name',
      'Harbor Foods Inc. Chief Ada Moss resigned.',
      ['Harbor Foods Inc. Chief Ada Moss resigned.'],
    ],
    [
      'company suffix ending a sentence',
      'She sold it to Harbor Foods Inc. The deal closed.',
      ['She sold it to Harbor Foods Inc.', 'The deal closed.'],
    ],
    [
      'dateline with an agency in brackets',
      'GOSHEN, N.Y. (AP) — A judge ruled. It was late.',
      ['GOSHEN, N.Y. (AP) — A judge ruled.', 'It was late.'],
    ],
    [
      'company suffix before a ticker',
      'Harbor Foods Corp. (HFC) rose. Then it fell.',
      ['Harbor Foods Corp. (HFC) rose.', 'Then it fell.'],
    ],
    [
      'state abbreviation in a dateline',
      'It snowed in Dover, Del. on Monday. Schools shut.',
      ['It snowed in Dover, Del. on Monday.', 'Schools shut.'],
    ],
    [
      'closing quote stays with its sentence',
      '"We are done." The mayor left.',
      ['"We are done."', 'The mayor left.'],
    ],
    [
      'curly quotes',
      '“We won,” said Ortiz. “Now we rest.” Fans cheered.',
      ['“We won,” said Ortiz.', '“Now we rest.”', 'Fans cheered.'],
    ],
    [
      'quoted question then attribution',
      '"Where is the money?" she asked. Nobody answered.',
      ['"Where is the money?" she asked.', 'Nobody answered.'],
    ],
    [
      'quoted exclamation then a named speaker',
      '“Stop the vote!” Mayor Ortiz shouted. The hall fell silent.',
      ['“Stop the vote!” Mayor Ortiz shouted.', 'The hall fell silent.'],
    ],
    [
      'quoted sentence then he said',
      '"It was late. We were tired," he said. Then he left.',
      ['"It was late.', 'We were tired," he said.', 'Then he left.'],
    ],
    ['ellipsis before a new sentence', 'He paused... Then he spoke.', ['He paused...', 'Then he spoke.']],
    [
      'ellipsis inside a quote',
      '"We will... wait and see," she said.',
      ['"We will... wait and see," she said.'],
    ],
    [
      'ellipsis character',
      'The line went dead… Silence followed.',
      ['The line went dead…', 'Silence followed.'],
    ],
    [
      'parenthesised sentence',
      'The ferry sank (no one was hurt.) Divers came.',
      ['The ferry sank (no one was hurt.)', 'Divers came.'],
    ],
    [
      'period inside parentheses',
      'He met Mr. Hale (a former Sen. from Ohio) yesterday. Fine.',
      ['He met Mr. Hale (a former Sen. from Ohio) yesterday.', 'Fine.'],
    ],
    [
      'parenthesised photo credit',
      'The senator waves. (Reuters/Jane Roe) The debate began at noon.',
      ['The senator waves.', '(Reuters/Jane Roe)', 'The debate began at noon.'],
    ],
    [
      'AP photo credit',
      'Crowds gather in the square. (AP Photo/Tom Reyes) Officials said.',
      ['Crowds gather in the square.', '(AP Photo/Tom Reyes)', 'Officials said.'],
    ],
    [
      'bare credit glued before lowercased text',
      'a crowd waits in the rain, may 2, 2016. Reuters/jane roe portland the council voted.',
      ['a crowd waits in the rain, may 2, 2016.', 'Reuters/jane roe', 'portland the council voted.'],
    ],
    [
      'photographer then agency',
      'The team wins. Jane roe/getty images the coach smiled.',
      ['The team wins.', 'Jane roe/getty images', 'the coach smiled.'],
    ],
    [
      'lowercased questions inside a quotation go on with it',
      'The posters ask: " lost your job? is your landlord after you? need a lawyer? " the flyers were paid for by a union.',
      [
        'The posters ask: " lost your job? is your landlord after you? need a lawyer? "',
        'the flyers were paid for by a union.',
      ],
    ],
    [
      'photographer then agency in brackets, before lowercased text',
      'The team wins. ( jane roe/getty images ) the coach smiled.',
      ['The team wins.', '( jane roe/getty images )', 'the coach smiled.'],
    ],
    [
      'a station and agency in a dateline are no credit',
      'Dover ( kdvf/ap ) — the council met. It voted.',
      ['Dover ( kdvf/ap ) — the council met.', 'It voted.'],
    ],
    [
      'agency name inside a sentence is not a credit',
      'An AP/Ipsos poll found support. It fell.',
      ['An AP/Ipsos poll found support.', 'It fell.'],
    ],
    [
      'tweet signature followed by lowercase text',
      'Fans rallied. Big day for the city! pic.twitter.com/ab12CD — Jane Doe (@jdoe) March 3, 2018 the mayor later thanked them.',
      [
        'Fans rallied.',
        'Big day for the city!',
        'pic.twitter.com/ab12CD — Jane Doe (@jdoe) March 3, 2018',
        'the mayor later thanked them.',
      ],
    ],
    [
      'tweet signature with an initial',
      'Markets are up — Tom Q. Public (@tqp) June 1, 2017 shares rose.',
      ['Markets are up — Tom Q. Public (@tqp) June 1, 2017', 'shares rose.'],
    ],
    [
      'domain names stay whole',
      'Read it on harborgazette.com today. Then call.',
      ['Read it on harborgazette.com today.', 'Then call.'],
    ],
    [
      'glued period before a capital',
      'The page was saved.Then it vanished.',
      ['The page was saved.', 'Then it vanished.'],
    ],
    [
      'Yahoo! keeps its sentence',
      'Yahoo! reported a loss. Shares fell.',
      ['Yahoo! reported a loss.', 'Shares fell.'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(split(input)).toEqual(expected);
  });

  // Multi-News lowercased its sources and re-capitalised the first character of each sentence, leaving
  // spaces around some punctuation.
  it.each<[string, string, string[]]>([
    [
      'title before a re-capitalised name',
      'Close dr. Hilary moss of the clinic spoke. Staff sgt. Robert lane agreed.',
      ['Close dr. Hilary moss of the clinic spoke.', 'Staff sgt. Robert lane agreed.'],
    ],
    [
      'u.s. followed by a capitalised common word',
      'The u.s. Officials said the talks failed.',
      ['The u.s. Officials said the talks failed.'],
    ],
    [
      'u.s. at the end of a sentence',
      'It was sold in the u.s. The price was low.',
      ['It was sold in the u.s.', 'The price was low.'],
    ],
    [
      'spaced quotes',
      'She left the firm. " we are proud of her work, " said tom hale. The firm grew.',
      ['She left the firm.', '" we are proud of her work, " said tom hale.', 'The firm grew.'],
    ],
    [
      'lowercase start after a closing quote',
      'He called it " a disgrace. " other members agreed.',
      ['He called it " a disgrace. "', 'other members agreed.'],
    ],
    [
      'lowercase start after a question mark',
      'Who knew the dam would hold? not the engineers, it seems.',
      ['Who knew the dam would hold?', 'not the engineers, it seems.'],
    ],
    [
      'spaced apostrophes and commas',
      "The book ' s ' pulp ' style sold , it 's said. Sales fell.",
      ["The book ' s ' pulp ' style sold , it 's said.", 'Sales fell.'],
    ],
    [
      'initial in a lowercased name',
      'The ruling by donald j. Harlan stood. Appeals failed.',
      ['The ruling by donald j. Harlan stood.', 'Appeals failed.'],
    ],
    [
      'glued lowercase sentence',
      'The pages were preserved.then the archive closed.',
      ['The pages were preserved.', 'then the archive closed.'],
    ],
    [
      'lowercase after a period is not a boundary',
      'It reached st. louis on aug. 3 and stopped.',
      ['It reached st. louis on aug. 3 and stopped.'],
    ],
  ])('lowercased text: %s', (_name, input, expected) => {
    expect(split(input)).toEqual(expected);
  });

  it('numbers paragraphs and skips blank ones', () => {
    expect(splitSentences('First one. Second one.\n\n\n\nThird one.')).toEqual([
      { text: 'First one.', paragraph: 0 },
      { text: 'Second one.', paragraph: 0 },
      { text: 'Third one.', paragraph: 1 },
    ]);
  });

  it('joins hard-wrapped lines inside a paragraph', () => {
    expect(split('The council met on\nMonday. It voted\nlate.')).toEqual([
      'The council met on Monday.',
      'It voted late.',
    ]);
  });

  it('starts a paragraph at a line break after a long line that ends a sentence', () => {
    const long =
      'The island council met for six hours on Tuesday and voted to close the old ferry terminal, ' +
      'which had served the island since the early years of the last century, by the end of the year.';
    expect(splitSentences(`${long}\nFerries move north.\n\nThe new pier opens in May.`)).toEqual([
      { text: long, paragraph: 0 },
      { text: 'Ferries move north.', paragraph: 1 },
      { text: 'The new pier opens in May.', paragraph: 2 },
    ]);
    // A long line that does not end a sentence, and short wrapped lines, go on in the same paragraph.
    const cut = long.replace(/\.$/, ' and');
    expect(splitSentences(`${cut}\nmove north.`).map((s) => s.paragraph)).toEqual([0]);
    expect(splitSentences('The council met.\nIt voted.').map((s) => s.paragraph)).toEqual([0, 0]);
  });

  it.each<[string, string[]]>([
    ['', []],
    ['   \n\n  ', []],
    ['One sentence without a stop', ['One sentence without a stop']],
    ['.', ['.']],
    ['?!...', ['?!...']],
  ])('edge input %j', (input, expected) => {
    expect(split(input)).toEqual(expected);
  });

  it('splits other scripts: caseless letters count as capitals, CJK stops need no space', () => {
    expect(split('هذه جملة. هذه جملة أخرى.')).toEqual(['هذه جملة.', 'هذه جملة أخرى.']);
    expect(split('这是第一句。这是第二句。')).toEqual(['这是第一句。', '这是第二句。']);
    expect(split('Привет. Как дела?')).toEqual(['Привет.', 'Как дела?']);
  });

  it('keeps emoji and splits after them', () => {
    expect(split('We won 🎉. Party tonight 🥳! See you.')).toEqual([
      'We won 🎉.',
      'Party tonight 🥳!',
      'See you.',
    ]);
  });

  it('treats control characters as text, not as boundaries', () => {
    expect(split('Bell\u0007 rang. Next\u0000 one.')).toEqual(['Bell\u0007 rang.', 'Next\u0000 one.']);
  });

  it('cuts a 5 MB text without punctuation into bounded pieces, quickly', () => {
    const huge = 'word '.repeat(1_000_000);
    const started = Date.now();
    const pieces = split(huge);
    // A generous bound: a quadratic splitter takes minutes here, a linear one well under a second.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(pieces.length).toBeGreaterThan(huge.length / MAX_SENTENCE_CHARS - 1);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(pieces.join(' ').split(' ').length).toBe(1_000_000);
  });

  it('survives hostile punctuation runs, quotes and brackets', () => {
    const hostile = `${'"('.repeat(50_000)} A. B. ${'.'.repeat(100_000)} ${'— x (@y) '.repeat(5_000)}`;
    const pieces = split(hostile);
    expect(pieces.join('').replace(/\s/g, '')).toBe(hostile.replace(/\s/g, ''));
  });
});
