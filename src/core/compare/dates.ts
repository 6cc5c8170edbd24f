/**
 * Dates as news text writes them, normalised to ISO 8601: "March 28", "28 March 2026", "Saturday 9 May
 * 2026", "Sept. 15, 2026", "2026-03-14", "March 2026". A date without a year takes the year of the
 * article's own date when it has one (a report of "March 28" dated 2026-03-12 means 2026), else stays
 * partial ("--03-28", ISO 8601's form for a month and day), so two reports compare month and day.
 */

export interface DateMatch {
  /** "2026-03-28", "--03-28", "2026-03" or "2026". */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:18|19|20)\\d\\d)';
// Order matters: the longest forms first, and each place in the text is read once.
const PATTERNS: readonly {
  re: RegExp;
  read: (m: RegExpExecArray) => [number | undefined, number, number | undefined];
}[] = [
  { re: /\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/g, read: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  {
    re: new RegExp(`\\b${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?(?!\\d|[:.]\\d)`, 'gi'),
    read: (m) => [m[3] ? +m[3] : undefined, month(m[1]!), +m[2]!],
  },
  {
    re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?\\b`, 'gi'),
    read: (m) => [m[3] ? +m[3] : undefined, month(m[2]!), +m[1]!],
  },
  { re: new RegExp(`\\b${MONTH}\\s+${YEAR}\\b`, 'gi'), read: (m) => [+m[2]!, month(m[1]!), undefined] },
];

function month(name: string): number {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? 0;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Whether `start..end` overlaps a date already found. */
function overlapsAny(found: readonly DateMatch[], start: number, end: number): boolean {
  return found.some((d) => start < d.end && end > d.start);
}

/**
 * Dates in `text`. `year` is the article's year, for dates written without one.
 * @example findDates("reopen on March 28", 2026)[0].value // → "2026-03-28"
 */
export function findDates(text: string, year?: number): DateMatch[] {
  // Every form has a digit; most sentences have none.
  if (!/\d/.test(text)) return [];
  const out: DateMatch[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [y, mo, d] = read(m);
      const start = m.index;
      const end = start + m[0].length;
      if (mo < 1 || mo > 12 || (d !== undefined && (d < 1 || d > 31)) || overlapsAny(out, start, end))
        continue;
      // "may 5" in lowercased text is more often the verb than the month.
      if (/^may$/i.test(m[1] ?? '') && m[0].startsWith('may')) continue;
      const yy = y ?? year;
      const value =
        d === undefined ? `${yy}-${pad(mo)}` : yy ? `${yy}-${pad(mo)}-${pad(d)}` : `--${pad(mo)}-${pad(d)}`;
      out.push({ value, start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Month and day of a normalised date ("03-28"), or the whole value when it has no day. */
export function monthDay(value: string): string {
  return /\d\d-\d\d$/.test(value) && value.length >= 7 && value.split('-').length >= 3
    ? value.slice(-5)
    : value;
}
