/** Precision, recall and F1 of one ROUGE measure, as rouge-score's `scoring.Score`. */
export interface RougeScore {
  readonly precision: number;
  readonly recall: number;
  readonly f: number;
}

export const ZERO_SCORE: RougeScore = Object.freeze({ precision: 0, recall: 0, f: 0 });

/** Harmonic mean of precision and recall; 0 when both are 0 (rouge-score's `scoring.fmeasure`). */
export function fmeasure(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

export function score(precision: number, recall: number): RougeScore {
  return { precision, recall, f: fmeasure(precision, recall) };
}
