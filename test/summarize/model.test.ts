import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, sentenceFeatures } from '../../src/core/summarize/features.js';
import {
  checkModel,
  scoreRows,
  type LinearModel,
  type SentenceModel,
  type Tree,
  type TreeModel,
} from '../../src/core/summarize/scorer.js';
import modelFile from '../../src/core/summarize/chorus-model.json' with { type: 'json' };
import {
  CHORUS_PARAMS,
  centralityWeightFor,
  chooseFromRanking,
  rankSentences,
} from '../../src/core/summarize/chorus.js';
import { countWords } from '../../src/core/text/index.js';
import { analyzed, BRIDGE } from './story.js';

const F = FEATURE_NAMES.length;
const col = (name: (typeof FEATURE_NAMES)[number]): number => FEATURE_NAMES.indexOf(name);

describe('sentenceFeatures', () => {
  const rows = sentenceFeatures(BRIDGE);
  const copyLead = BRIDGE.spans[3]![0];
  const shopOwners = BRIDGE.sentences.findIndex((s) => s.text.startsWith('Local shop owners'));

  it('gives one finite row of every feature per sentence', () => {
    expect(rows).toHaveLength(BRIDGE.sentences.length);
    for (const row of rows) {
      expect(row).toHaveLength(F);
      expect(row.every(Number.isFinite)).toBe(true);
    }
  });

  it.each([
    // [feature, sentence, expected]
    ['pos0', 0, 1],
    ['pos0', 1, 0],
    ['pos1', 1, 1],
    ['relPos', 0, 0],
    ['hasQuote', 2, 1],
    ['speechVerb', 2, 1],
    ['hasNumber', 4, 1],
    ['articleIndex0', 0, 1],
    ['articleIndex0', copyLead, 0],
    ['supportAny', 0, 1],
    ['supportAny', shopOwners, 0],
  ] as const)('%s of sentence %i is %f', (feature, sentence, expected) => {
    expect(rows[sentence]![col(feature)]).toBeCloseTo(expected, 6);
  });

  it('scores a sentence three outlets carry as better supported than one only its own outlet has', () => {
    expect(rows[0]![col('supportShare')]).toBeGreaterThan(rows[shopOwners]![col('supportShare')]!);
    expect(rows[0]![col('bigramSupport')]).toBeGreaterThan(rows[shopOwners]![col('bigramSupport')]!);
  });

  it.each([
    // [text, tokens, noEndPunct, question, firstPerson, secondPerson, numberShare, speechVerb, clutterCue]
    ['Ends well.', ['ends', 'well'], 0, 0, 0, 0, 0, 0, 0],
    ['', [], 1, 0, 0, 0, 0, 0, 0],
    ['  ', [], 1, 0, 0, 0, 0, 0, 0],
    [
      'we said you 42 click here',
      ['we', 'said', 'you', '42', 'click', 'here'],
      1,
      0,
      1 / 6,
      1 / 6,
      1 / 6,
      1,
      1,
    ],
    ['Who paid?” ', ['who', 'paid'], 0, 0, 0, 0, 0, 0, 0],
    ['Who paid?', ['who', 'paid'], 0, 1, 0, 0, 0, 0, 0],
    ['A 3rd try (again)', ['a', '3rd', 'try', 'again'], 0, 0, 0, 0, 1 / 4, 0, 0],
  ] as const)(
    'reads the cues of %j',
    (text, tokens, end, question, first, second, numbers, speech, clutter) => {
      const sentence = { article: 0, index: 0, paragraph: 0, text, tokens: [...tokens], stems: [...tokens] };
      const doc = { ...BRIDGE, sentences: [sentence], spans: [[0, 1]] as const };
      const row = sentenceFeatures(doc)[0]!;
      expect([
        row[col('noEndPunct')],
        row[col('question')],
        row[col('firstPerson')],
        row[col('secondPerson')],
        row[col('numberShare')],
        row[col('speechVerb')],
        row[col('clutterCue')],
      ]).toEqual([end, question, first, second, numbers, speech, clutter]);
    },
  );

  it('copes with an empty story and a one-sentence one', () => {
    expect(sentenceFeatures(analyzed([]))).toEqual([]);
    const one = sentenceFeatures(
      analyzed([['Solo Times', 'The ferry to Lark Island resumed service on Friday.']]),
    );
    expect(one[0]!.every(Number.isFinite)).toBe(true);
  });
});

describe('scoreRows', () => {
  const row = (values: Record<number, number>): Float64Array => {
    const r = new Float64Array(F);
    for (const [j, v] of Object.entries(values)) r[Number(j)] = v;
    return r;
  };
  const linear: LinearModel = {
    kind: 'logistic',
    features: [...FEATURE_NAMES],
    mean: Array<number>(F).fill(0),
    std: Array<number>(F).fill(2),
    weights: Array.from({ length: F }, (_, j) => (j === 0 ? 4 : 0)),
    bias: -1,
  };
  const stump: TreeModel = {
    kind: 'trees',
    features: [...FEATURE_NAMES],
    bias: 0.5,
    trees: [
      {
        feature: [0, -1, -1],
        threshold: [0.5, 0, 0],
        left: [1, -1, -1],
        right: [2, -1, -1],
        value: [0, -2, 3],
      },
    ],
  };

  it.each([
    [linear, row({}), -1],
    [linear, row({ 0: 1 }), 1],
    [stump, row({}), -1.5],
    [stump, row({ 0: 1 }), 3.5],
  ] as const)('model %#: log-odds %f', (model, r, expected) => {
    expect(scoreRows(checkModel(model), [r])[0]).toBeCloseTo(expected, 9);
  });

  it('scores each row of a story as it scores the row alone, bit for bit', () => {
    const model = checkModel(modelFile as SentenceModel);
    const rows = sentenceFeatures(BRIDGE);
    expect(rows.length).toBeGreaterThan(3);
    expect([...scoreRows(model, rows)]).toEqual(rows.map((r) => scoreRows(model, [r])[0]));
  });

  // Random trees of the shape the trainer grows, each node split with chance `split` down to `depth`,
  // scored against walking the model's own arrays, on rows with ties at thresholds and NaN.
  let seed = 5;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const randomTree = (depth: number, split: number): Tree => {
    const t = {
      feature: [] as number[],
      threshold: [] as number[],
      left: [] as number[],
      right: [] as number[],
      value: [] as number[],
    };
    const grow = (d: number): number => {
      const k = t.feature.length;
      t.feature.push(-1);
      t.threshold.push(0);
      t.left.push(-1);
      t.right.push(-1);
      t.value.push(Math.round(next() * 100) / 10 - 5);
      if (d < depth && next() < split) {
        t.feature[k] = Math.floor(next() * F);
        t.threshold[k] = Math.floor(next() * 4) / 2;
        t.left[k] = grow(d + 1);
        t.right[k] = grow(d + 1);
      }
      return k;
    };
    grow(0);
    return t;
  };
  const walked = (model: TreeModel, r: Float64Array): number => {
    let z = model.bias;
    for (const t of model.trees) {
      let k = 0;
      while (t.feature[k]! >= 0) k = r[t.feature[k]!]! <= t.threshold[k]! ? t.left[k]! : t.right[k]!;
      z += t.value[k]!;
    }
    return z;
  };
  const randomRow = () =>
    Float64Array.from({ length: F }, () => (next() < 0.05 ? NaN : Math.floor(next() * 5) / 2));

  it.each([
    ['balanced trees, padded', 5, 0.9],
    ['a chain of one-sided trees, not padded', 12, 0.5],
  ])('scores %s as walking each tree does, bit for bit', (_, depth, split) => {
    const model: TreeModel = {
      kind: 'trees',
      features: [...FEATURE_NAMES],
      bias: 0.25,
      trees: Array.from({ length: 40 }, () => randomTree(depth, split)),
    };
    for (const n of [0, 1, 3, 4, 7, 18]) {
      const rows = Array.from({ length: n }, randomRow);
      expect([...scoreRows(checkModel(model), rows)]).toEqual(rows.map((r) => walked(model, r)));
    }
  });

  it('refuses a tree that reads a feature this build does not compute', () => {
    const bad: TreeModel = { ...stump, trees: [{ ...stump.trees[0]!, feature: [F + 3, -1, -1] }] };
    expect(() => checkModel(bad)).toThrow(/retrain/);
  });
});

describe('centralityWeightFor', () => {
  it.each([
    [0, 250, 0],
    [400, 250, 0],
    [500, 250, 0],
    [1000, 250, CHORUS_PARAMS.centralityWeight * 0.5],
    [5000, 100, CHORUS_PARAMS.centralityWeight * 0.96],
  ])('input %i words, budget %i → %f', (input, words, expected) => {
    expect(centralityWeightFor(input, words, CHORUS_PARAMS)).toBeCloseTo(expected, 9);
  });
});

describe('chooseFromRanking', () => {
  const ranking = {
    order: BRIDGE.sentences.map((_, i) => i),
    scores: new Float64Array(BRIDGE.sentences.length),
    centrality: new Float64Array(BRIDGE.sentences.length),
  };
  const words = (chosen: number[]): number =>
    chosen.reduce((n, i) => n + countWords(BRIDGE.sentences[i]!.text), 0);

  it.each([
    [{ targetBase: 40, targetPerInputWord: 0 }, 40],
    [{ targetBase: 1000, targetPerInputWord: 0 }, 150],
  ])('with %j stops at the target or the cap', (change, atMost) => {
    const chosen = chooseFromRanking(BRIDGE, ranking, 150, { ...CHORUS_PARAMS, ...change });
    expect(words(chosen)).toBeLessThanOrEqual(atMost + 45);
    expect(words(chosen)).toBeLessThanOrEqual(150);
  });

  it('ends a short story near the length model target, before the cap', () => {
    const input = BRIDGE.sentences.reduce((n, s) => n + s.tokens.length, 0);
    const target = CHORUS_PARAMS.targetBase + CHORUS_PARAMS.targetPerInputWord * input;
    expect(target).toBeLessThan(250);
    // No redundancy tests here: the story's copies would otherwise leave too few words to reach it.
    const chosen = chooseFromRanking(BRIDGE, ranking, 250, {
      ...CHORUS_PARAMS,
      maxSharedTrigrams: 1000,
      sameFactCosine: 1,
    });
    const longest = Math.max(...BRIDGE.sentences.map((s) => countWords(s.text)));
    expect(words(chosen)).toBeGreaterThanOrEqual(target);
    expect(words(chosen)).toBeLessThan(target + longest);
  });

  it('leaves out low scores once the floor is reached', () => {
    const scores = Float64Array.from(BRIDGE.sentences, (_, i) => (i < 2 ? 1 : -5));
    const chosen = chooseFromRanking(BRIDGE, { ...ranking, scores }, 250, {
      ...CHORUS_PARAMS,
      stopBelow: 0,
      floorWords: 10,
    });
    expect(chosen).toEqual([0, 1]);
  });

  it('never takes a sentence of four words, which seldom stands alone ("There were no injuries.")', () => {
    const wall = analyzed([
      [
        'Marsh Herald',
        'The harbor wall will be rebuilt with stone from the old quarry by June. There were no injuries. ' +
          'The council approved the plan on Monday night by a vote of seven to two.',
      ],
    ]);
    const order = [1, 0, 2];
    const chosen = chooseFromRanking(
      wall,
      { order, scores: new Float64Array(3), centrality: new Float64Array(3) },
      250,
      CHORUS_PARAMS,
    );
    expect(chosen).toEqual([0, 2]);
  });

  it('ranks the same story the same way every time', () => {
    expect(rankSentences(BRIDGE, checkModel(linearOf()))).toEqual(rankSentences(BRIDGE, linearOf()));
  });
});

function linearOf(): LinearModel {
  return {
    kind: 'logistic',
    features: [...FEATURE_NAMES],
    mean: Array<number>(F).fill(0),
    std: Array<number>(F).fill(1),
    weights: Array.from({ length: F }, (_, j) => (j === 0 ? 1 : 0.1)),
    bias: 0,
  };
}
