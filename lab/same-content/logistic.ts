/**
 * A small, deterministic logistic regression: full-batch gradient descent from zero weights on
 * standardised features, with L2 regularisation and per-example weights. Deterministic so that the
 * shipped model is rebuilt byte for byte from the same data.
 */
export interface LogisticModel {
  readonly mean: number[];
  readonly scale: number[];
  readonly weights: number[];
  readonly bias: number;
}

export interface Example {
  readonly x: readonly number[];
  readonly y: 0 | 1;
  /** How much this example counts in the loss (hand-labelled news pairs count more than MSRP's). */
  readonly weight: number;
}

export const TRAIN_DEFAULTS = { iterations: 600, rate: 0.5, l2: 1e-3 };

export function fitLogistic(examples: readonly Example[], options = TRAIN_DEFAULTS): LogisticModel {
  const d = examples[0]?.x.length ?? 0;
  const total = examples.reduce((s, e) => s + e.weight, 0) || 1;
  const mean = Array.from(
    { length: d },
    (_, k) => examples.reduce((s, e) => s + e.weight * e.x[k]!, 0) / total,
  );
  const scale = Array.from({ length: d }, (_, k) => {
    const v = examples.reduce((s, e) => s + e.weight * (e.x[k]! - mean[k]!) ** 2, 0) / total;
    return v > 1e-12 ? Math.sqrt(v) : 1;
  });
  const xs = examples.map((e) => e.x.map((v, k) => (v - mean[k]!) / scale[k]!));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let it = 0; it < options.iterations; it++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    examples.forEach((e, i) => {
      const x = xs[i]!;
      let z = b;
      for (let k = 0; k < d; k++) z += w[k]! * x[k]!;
      const err = (1 / (1 + Math.exp(-z)) - e.y) * e.weight;
      for (let k = 0; k < d; k++) gw[k]! += err * x[k]!;
      gb += err;
    });
    for (let k = 0; k < d; k++) w[k]! -= options.rate * (gw[k]! / total + options.l2 * w[k]!);
    b -= (options.rate * gb) / total;
  }
  return { mean, scale, weights: w, bias: b };
}

export function predict(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let k = 0; k < x.length; k++) z += (model.weights[k]! * (x[k]! - model.mean[k]!)) / model.scale[k]!;
  return 1 / (1 + Math.exp(-z));
}
