/** The language guess and its warning; every text here is a fictional sentence written for the test. */
import { describe, expect, it } from 'vitest';
import { guessLanguage, languageCode, languageWarning, parseTextArticle } from '../../src/io/index.js';
import { hasScriptLetter, unitLetterLength } from '../../src/io/language.js';

const SAMPLES: readonly [string, string][] = [
  [
    'en',
    'The county said on Monday that the repairs to the dam would take until the summer, and that the reservoir will be kept low while the crews are at work on the spillway.',
  ],
  [
    'de',
    'Der Landkreis teilte am Montag mit, dass die Reparatur des Damms bis zum Sommer dauern wird und dass der Stausee abgesenkt bleibt, solange die Arbeiter an der Überlaufrinne sind.',
  ],
  [
    'fr',
    'Le département a indiqué lundi que les travaux sur le barrage dureront jusqu’à l’été et que le niveau du lac sera maintenu bas pendant que les ouvriers sont sur le déversoir.',
  ],
  [
    'es',
    'El condado dijo el lunes que las obras en la presa durarán hasta el verano y que el embalse se mantendrá bajo mientras los obreros trabajan en el aliviadero de la presa.',
  ],
  [
    'it',
    'La provincia ha detto lunedì che i lavori sulla diga dureranno fino all’estate e che il livello del lago sarà tenuto basso mentre gli operai sono al lavoro sullo sfioratore.',
  ],
  [
    'nl',
    'De provincie zei maandag dat de werken aan de dam tot de zomer zullen duren en dat het meer laag wordt gehouden zolang de arbeiders aan de overlaat werken.',
  ],
  [
    'pt',
    'O condado disse na segunda-feira que as obras na barragem vão durar até o verão e que o nível do lago será mantido baixo enquanto os operários trabalham no vertedouro.',
  ],
];

describe('guessLanguage', () => {
  it.each(SAMPLES)('tells %s', (code, text) => {
    expect(guessLanguage(text)?.code).toBe(code);
  });

  it.each([
    [''],
    ['Dam repairs'],
    ['12 34 56 78'],
    [
      'Lowmoor Ashgrove Fenwick Calder Westshore Millbrook Tarrow Kestrel Gull Pell Harbor Quarry Brackenford Lakeport Morena Lucero Porto Marivento Pelagia Valverde',
    ],
  ])('leaves %j undecided', (text) => {
    expect(guessLanguage(text)).toBeUndefined();
  });

  // Scripts without spaces between words (or with few function words to count) are told by script.
  it.each([
    [
      'zh',
      '县政府周一表示，大坝的维修工程将持续到夏天，在工人修理溢洪道期间，水库的水位将保持在较低的水平。',
    ],
    [
      'ja',
      '県は月曜日、ダムの修理は夏までかかり、作業員が放水路で作業している間は貯水池の水位を低く保つと発表した。',
    ],
    [
      'ko',
      '군청은 월요일 댐 수리가 여름까지 계속되며 인부들이 여수로에서 작업하는 동안 저수지 수위를 낮게 유지할 것이라고 밝혔다.',
    ],
    [
      'ru',
      'Власти округа заявили в понедельник, что ремонт плотины продлится до лета, а уровень воды в водохранилище будет низким.',
    ],
    [
      'ar',
      'قالت سلطات المقاطعة يوم الاثنين إن إصلاح السد سيستمر حتى الصيف وإن منسوب المياه في الخزان سيبقى منخفضا أثناء العمل.',
    ],
  ])('tells %s by its script', (code, text) => {
    expect(guessLanguage(text)?.code).toBe(code);
    expect(languageWarning(code)).toMatch(/^looks like [A-Z]\w+ \(\w\w\); summaries are tuned for English$/);
  });

  it('keeps an English article that quotes a few words in another script English', () => {
    const text = `${SAMPLES[0]![1]} The sign over the gate reads 水库 (reservoir) and 大坝 (dam) for visitors.`;
    expect(guessLanguage(text)?.code).toBe('en');
  });
});

describe('languageCode', () => {
  it.each<[string | undefined, string | undefined]>([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['pt_BR', 'pt'],
    ['DE', 'de'],
    ['English', 'en'],
    ['spanish', 'es'],
    ['Klingon', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (declared, code) => {
    expect(languageCode(declared)).toBe(code);
  });
});

describe('language warnings', () => {
  it('warns for articles not in English, and sets their language', () => {
    const de = parseTextArticle(SAMPLES[1]![1]);
    expect(de.language).toBe('de');
    expect(de.warnings).toContain('looks like German (de); summaries are tuned for English');
    const en = parseTextArticle(SAMPLES[0]![1]);
    expect(en.language).toBe('en');
    expect(en.warnings).toEqual([]);
  });

  it('names languages it cannot tell by their code', () => {
    expect(languageWarning('fi')).toBe(
      'looks like a language other than English (fi); summaries are tuned for English',
    );
    expect(languageWarning('en-GB')).toBeUndefined();
  });
});

describe('hasScriptLetter', () => {
  // The scripts guessLanguage tells by their letters, written out again: the quick scan must answer
  // as the expression does for every UTF-16 unit, since it skips the expression for most of them.
  const SCRIPT_LETTER =
    /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Greek}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Cyrillic}]/u;

  it('answers as the script expression for every unit of the Basic Multilingual Plane', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (hasScriptLetter(`a ${ch}’`) !== SCRIPT_LETTER.test(ch)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it.each<[string, boolean]>([
    ['', false],
    ['The “pier” closed — for good… €5', false],
    ['Ohm’s law: 5 Ω', true],
    ['Москва', true],
    ['a 𠀀 b', true],
    ['emoji 😀 only', false],
  ])('%j → %s', (text, expected) => {
    expect(hasScriptLetter(text)).toBe(expected);
  });
});

describe('unitLetterLength', () => {
  // It settles lowercase ASCII and the General Punctuation block itself: every unit must answer as
  // the letter expression does, and a surrogate pair as one letter or none.
  it('answers as /\\p{L}/u for every unit of the Basic Multilingual Plane', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (unitLetterLength(`a${ch}b`, 1) !== (/\p{L}/u.test(ch) ? 1 : 0)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it.each<[string, number]>([
    ['𝒜x', 2],
    ['😀x', 0],
  ])('reads %j at 0 as %d units', (text, expected) => {
    expect(unitLetterLength(text, 0)).toBe(expected);
  });

  it('counts stop words around curly quotes, dashes and long words', () => {
    const text =
      '“Der Landkreis teilte am Montag mit — dass die Reparatur des Damms bis zum Sommer dauern wird,” und dass der Stausee abgesenkt bleibt, solange die Arbeiter an der Überlaufrinne sind… Schadensersatzforderungen';
    expect(guessLanguage(text)?.code).toBe('de');
  });
});
