import { describe, expect, it } from 'vitest';
import { tidySpaces } from '../../src/core/text/tidy-spaces.js';

describe('tidySpaces', () => {
  it.each([
    ['Pier closes.  \n\n\n  Council   votes.', 'Pier closes.\n\nCouncil votes.'],
    ['  The ferry\t\truns again. ', 'The ferry runs again.'],
    ['One line.\nNext line.', 'One line.\nNext line.'],
    ['A cut  here \n and there.', 'A cut here\nand there.'],
  ])('%j → %j', (text, tidy) => {
    expect(tidySpaces(text)).toBe(tidy);
  });
});
