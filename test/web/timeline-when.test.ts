/** Timeline dates as a reader reads them: a date given without a year is not shown as "--07-01". */
import { describe, expect, it } from 'vitest';
import { shortWhen } from '../../src/web/sections/timeline.js';

describe('shortWhen', () => {
  it.each([
    ['2031-05-12T09:30:00Z', '2031-05-12 09:30'],
    ['2031-05-12', '2031-05-12'],
    ['--07-01', '1 July'],
    ['--12-31', '31 December'],
    ['2031-07', 'July 2031'],
    ['sometime', 'sometime'],
  ])('%s → %s', (when, expected) => {
    expect(shortWhen(when)).toBe(expected);
  });
});
