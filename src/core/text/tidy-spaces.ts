/**
 * The spaces and blank lines a cut leaves behind (a clutter phrase or a repeated sentence taken out of
 * a line): runs of spaces become one, lines lose their edge spaces, at most one blank line stays.
 * @example tidySpaces('Pier closes.  \n\n\n  Council   votes.') // → 'Pier closes.\n\nCouncil votes.'
 */
export function tidySpaces(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +\n/g, '\n')
    .replace(/\n +/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
