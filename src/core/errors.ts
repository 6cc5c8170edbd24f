/**
 * One error class for everything Chorus refuses, with a code that the CLI maps to an exit code and the
 * server to an HTTP status, each in one place. Messages say what was expected and what was found.
 */
export type ChorusErrorCode =
  | 'usage' // bad flags or options
  | 'not-found' // a path, story or article that does not exist
  | 'empty-input' // nothing to work on
  | 'unsupported-input' // a format or content we cannot read (binary, no article in a page, …)
  | 'too-large' // over a size limit
  | 'invalid-input' // malformed records (JSON, XML, fields)
  | 'fetch-failed' // network trouble reading a URL or feed
  | 'forbidden' // refused by policy (private address, missing token)
  | 'storage' // the database refused or failed
  | 'internal';

export class ChorusError extends Error {
  readonly code: ChorusErrorCode;
  readonly detail?: unknown;

  constructor(code: ChorusErrorCode, message: string, options?: { cause?: unknown; detail?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ChorusError';
    this.code = code;
    this.detail = options?.detail;
  }
}

export function isChorusError(error: unknown): error is ChorusError {
  return error instanceof ChorusError;
}
