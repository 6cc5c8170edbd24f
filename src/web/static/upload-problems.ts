/**
 * What the upload form says when the server refuses an upload, by error code: a sentence for a person
 * (what went wrong, what to do), shown above the server's own message. The page script reads this
 * table (embedded as JSON), so the wording is tested here and not inside a script string.
 */
export const UPLOAD_PROBLEMS: Readonly<Record<string, string>> = Object.freeze({
  unauthorized:
    'This server needs its access token to accept uploads. Paste it in the Token field and try again.',
  forbidden: 'The server refused this upload. Check the token, then try again.',
  'too-large': 'This upload is too large for the server. Upload fewer or smaller files at a time.',
  'invalid-input':
    'The file could not be read as news articles. Check that it is an article page, text or JSON.',
  'unsupported-input': 'This kind of file cannot be read. Upload HTML pages, plain text, JSON or JSONL.',
  'empty-input': 'There was nothing to read in this upload. Choose a file or paste an article first.',
  storage: 'The server could not save the articles just now. Wait a moment and try again.',
  network: 'The server could not be reached. Check that Chorus is still running, then try again.',
  internal: 'Something went wrong on the server. Try again; if it keeps happening, check the server log.',
});

/** The sentence for `code`, else the one for an internal error. */
export function uploadProblem(code: string | undefined): string {
  return UPLOAD_PROBLEMS[code ?? 'internal'] ?? (UPLOAD_PROBLEMS.internal as string);
}
