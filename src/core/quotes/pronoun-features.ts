/**
 * What a quote whose cue is "he"/"she" may continue (speaker-candidates.ts `pronounLastNamedCue`):
 * the speaker the article last let speak by name. News introduces a speaker by name once and goes on
 * with "he said" across sentences and paragraphs that name other people (`“…,” Stovall said.` ¶ `Cruz
 * electrified the crowds…` ¶ `“…,” he said.`), so the last named speaker is salient where the rules'
 * chain (nobody else named between the quotes) breaks: the centering view of salience (Grosz, Joshi &
 * Weinstein 1995), with the last named speaker, not the last named person, as the most salient one.
 */
import type { CueKind } from './speaker-candidates.js';

/**
 * For each quote, the speaker of the nearest quote before it whose own cue names that speaker by name
 * (`kinds[j] === 'named'`); a pronoun's or a description's speaker does not count, nor a speaker the
 * rules carried from another quote.
 * @example lastNamedCues(['Ann Kale', 'Ann Kale', undefined], ['named', 'pronoun', 'none']) // → [undefined, 'Ann Kale', 'Ann Kale']
 */
export function lastNamedCues(
  own: readonly (string | undefined)[],
  kinds: readonly (CueKind | undefined)[],
): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let last: string | undefined;
  own.forEach((speaker, i) => {
    out.push(last);
    if (speaker !== undefined && kinds[i] === 'named') last = speaker;
  });
  return out;
}
