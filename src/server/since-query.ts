/**
 * The `since` of "what is new since": an ISO date or date-time. A time without a zone (what a browser's
 * datetime-local field sends, "2031-05-02T10:00") is read as UTC, as the pages show times in UTC, so the
 * answer does not depend on the server's time zone.
 */
import { ChorusError } from '../core/errors.js';

/** The ISO time `value` names; undefined when absent or empty; a clear error when it is not a time. */
export function parseSince(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  const raw = String(Array.isArray(value) ? value[0] : value).trim();
  if (raw === '') return undefined;
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/i.test(raw) || !/T\d/.test(raw) ? raw : `${raw}Z`;
  const t = /^\d{4}-\d\d-\d\d/.test(zoned) ? Date.parse(zoned) : NaN;
  if (!Number.isFinite(t))
    throw new ChorusError(
      'invalid-input',
      `expected "since" as an ISO date or date-time (2031-05-02 or 2031-05-02T10:00Z), found "${raw.slice(0, 60)}"`,
    );
  return new Date(t).toISOString();
}
