import { describe, expect, it } from 'vitest';
import { formatSpan, formatTime } from '../../src/web/format-time.js';

describe('formatTime', () => {
  it.each([
    ['2026-03-10T08:15:00Z', '10 Mar 2026, 08:15'],
    ['2026-03-10', '10 Mar 2026'],
    ['2026-03-10T00:00:00.000Z', '10 Mar 2026'],
    ['not a date', 'not a date'],
  ])('%s', (input, expected) => expect(formatTime(input)).toBe(expected));
});

describe('formatSpan', () => {
  it.each([
    ['2026-03-10T08:15:00Z', '2026-03-10T08:15:00Z', '10 Mar 2026, 08:15'],
    ['2026-03-10T08:15:00Z', '2026-03-10T14:30:00Z', '10 Mar 2026, 08:15 – 14:30'],
    ['2026-03-10T08:15:00Z', '2026-03-11T09:00:00Z', '10 Mar 2026, 08:15 – 11 Mar 2026, 09:00'],
    ['2026-03-10', '2026-03-12', '10 Mar 2026 – 12 Mar 2026'],
    ['2026-03-10', '2026-03-10T09:00:00Z', '10 Mar 2026'],
    ['soon', 'later', 'soon – later'],
  ])('%s to %s', (from, to, expected) => expect(formatSpan(from, to)).toBe(expected));
});
