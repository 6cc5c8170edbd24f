/**
 * Reader controls of the story list, without accounts: outlets to mute, words to hide and a language
 * to keep. They live in the URL (`?mute=Loud+Daily&hide=football&lang=en`, so a filtered list can be
 * bookmarked or shared) and in a cookie the server sets whenever the URL gives them, so they hold on
 * the next visit. Values are bounded here, once, for the page and the store alike.
 */

export interface ReaderPrefs {
  /** Outlets whose stories are hidden unless another outlet reports them too. */
  readonly mute: readonly string[];
  /** Words (any case) whose stories are hidden when the title or lead contains them. */
  readonly hide: readonly string[];
  /** Two-letter language code: only stories with an article in it. */
  readonly lang?: string;
}

export const READER_PREFS_LIMITS = Object.freeze({ items: 20, length: 80 });
export const READER_COOKIE = 'chorus_reader';
/** Query names that carry preferences; any of them present means the URL decides. */
export const READER_PARAMS = ['mute', 'hide', 'lang', 'prefs'] as const;

export const NO_PREFS: ReaderPrefs = Object.freeze({ mute: [], hide: [] });

// eslint-disable-next-line no-control-regex -- control characters never belong in a name
const CONTROL = /[\u0000-\u001f\u007f]/g;

type Query = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Splits repeated or comma-separated values, trims, drops empties and repeats, and bounds them. */
function list(value: string | readonly string[] | undefined): string[] {
  const raw = value === undefined ? [] : typeof value === 'string' ? [value] : value;
  const out: string[] = [];
  for (const v of raw.flatMap((s) => String(s).split(','))) {
    const clean = v.replace(CONTROL, '').trim().slice(0, READER_PREFS_LIMITS.length);
    if (clean && !out.some((o) => o.toLowerCase() === clean.toLowerCase())) out.push(clean);
  }
  return out.slice(0, READER_PREFS_LIMITS.items);
}

function language(value: string | readonly string[] | undefined): string | undefined {
  const v = (typeof value === 'string' ? value : value?.[0])?.trim().toLowerCase();
  return v && /^[a-z]{2}$/.test(v) ? v : undefined;
}

/** Whether the query carries preferences (then it wins over the cookie). */
export function queryHasPrefs(query: Query): boolean {
  return READER_PARAMS.some((p) => query[p] !== undefined);
}

/** Preferences from a query (or a cookie's decoded query string). */
export function prefsFromQuery(query: Query): ReaderPrefs {
  const lang = language(query.lang);
  return { mute: list(query.mute), hide: list(query.hide), ...(lang && { lang }) };
}

/** The preferences as query parameters (comma-joined), empty when there are none. */
export function prefsQuery(prefs: ReaderPrefs): URLSearchParams {
  const params = new URLSearchParams();
  if (prefs.mute.length) params.set('mute', prefs.mute.join(','));
  if (prefs.hide.length) params.set('hide', prefs.hide.join(','));
  if (prefs.lang) params.set('lang', prefs.lang);
  return params;
}

export const hasPrefs = (prefs: ReaderPrefs) =>
  prefs.mute.length > 0 || prefs.hide.length > 0 || !!prefs.lang;

/** Preferences from a Cookie header; none when absent or unreadable. */
export function prefsFromCookie(header: string | undefined): ReaderPrefs {
  const pair = (header ?? '')
    .split(';')
    .map((p) => p.trim())
    .find((p) => p.startsWith(`${READER_COOKIE}=`));
  if (!pair) return NO_PREFS;
  try {
    const params = new URLSearchParams(decodeURIComponent(pair.slice(READER_COOKIE.length + 1)));
    return prefsFromQuery({
      mute: params.getAll('mute'),
      hide: params.getAll('hide'),
      lang: params.get('lang') ?? undefined,
    });
  } catch {
    return NO_PREFS;
  }
}

/** The Set-Cookie value that keeps `prefs` for a year (or forgets them when there are none). */
export function prefsCookie(prefs: ReaderPrefs): string {
  const value = encodeURIComponent(prefsQuery(prefs).toString());
  const age = hasPrefs(prefs) ? 365 * 24 * 3600 : 0;
  return `${READER_COOKIE}=${value}; Path=/; Max-Age=${age}; SameSite=Lax; HttpOnly`;
}
