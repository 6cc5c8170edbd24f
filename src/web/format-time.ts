/** Dates for people: "10 Mar 2026, 08:15" in UTC, and spans that say a day once. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(iso: string): { day: string; time: string } | undefined {
  // The store keeps a bare date as midnight UTC; midnight on the dot is read as "no time given".
  const dateOnly = /^\d{4}-\d\d-\d\d(T00:00(:00(\.0+)?)?(Z|\+00:00))?$/.test(iso);
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    day: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
    // A bare date says nothing about the hour: no "00:00" for it.
    time: dateOnly ? '' : `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

/** "10 Mar 2026, 08:15" (UTC); the input itself when it is not a date. */
export function formatTime(iso: string): string {
  const p = parts(iso);
  return p ? [p.day, p.time].filter(Boolean).join(', ') : iso;
}

/** "10 Mar 2026, 08:15 – 14:30", "10 Mar 2026, 08:15 – 11 Mar 2026, 09:00", or one time when equal. */
export function formatSpan(from: string, to: string): string {
  const a = parts(from);
  const b = parts(to);
  if (!a || !b) return from === to ? from : `${from} – ${to}`;
  const at = (p: { day: string; time: string }) => [p.day, p.time].filter(Boolean).join(', ');
  if (a.day === b.day) return a.time === b.time || !a.time || !b.time ? at(a) : `${at(a)} – ${b.time}`;
  return `${at(a)} – ${at(b)}`;
}
