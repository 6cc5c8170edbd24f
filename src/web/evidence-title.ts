/**
 * The hover text of a citation or shared passage: the matched sentence and the same-content score, so a
 * reader can check a claim in one step without opening the source.
 */
export function evidenceTitle(score: number, passage: string): string {
  return `“${passage}” (same-content score ${score.toFixed(2)})`;
}
