/**
 * Files met while walking a directory that are obviously not articles: hidden files, project
 * paperwork (README, LICENSE), media, archives, code. They are skipped with a reason rather than
 * rejected: nobody meant them as input. A file named on the command line is always read.
 */

const KINDS: readonly (readonly [string, RegExp])[] = [
  ['an image', /\.(png|jpe?g|gif|webp|svg|ico|bmp|tiff?|heic|avif)$/i],
  ['audio or video', /\.(mp3|mp4|m4a|wav|ogg|webm|mov|avi|mkv|flac)$/i],
  ['a document format Chorus does not read', /\.(pdf|docx?|odt|rtf|xlsx?|ods|pptx?|epub)$/i],
  ['an archive', /\.(zip|tar|tgz|bz2|xz|7z|rar)$|(?<!\.jsonl|\.json|\.src|\.txt)\.gz$/i],
  ['code or a style sheet', /\.(js|mjs|cjs|ts|mts|css|scss|map|py|rb|go|rs|java|c|h|sh|lock|wasm)$/i],
  ['a font', /\.(woff2?|ttf|otf|eot)$/i],
  ['a database or binary', /\.(db|sqlite3?|bin|exe|dll|so|dylib|class|jar|pyc|o)$/i],
];

const PAPERWORK =
  /^(readme|license|licence|changelog|changes|contributing|copying|notice|authors|makefile|dockerfile)(\.[a-z]+)?$/i;
const PROJECT_FILES =
  /^(package(-lock)?\.json|tsconfig(\.[\w-]+)?\.json|node_modules|thumbs\.db|desktop\.ini)$/i;

/** Why a directory entry is skipped, or undefined when it should be read. */
export function skipReason(name: string): string | undefined {
  if (name.startsWith('.')) return 'hidden file';
  if (name.endsWith('~') || /\.(bak|swp|tmp|part)$/i.test(name)) return 'a backup or temporary file';
  if (PAPERWORK.test(name)) return `${name.replace(/\..*$/, '').toUpperCase()} file, not an article`;
  if (PROJECT_FILES.test(name)) return 'a project file, not an article';
  for (const [kind, pattern] of KINDS) if (pattern.test(name)) return `not an article (${kind})`;
  return undefined;
}
