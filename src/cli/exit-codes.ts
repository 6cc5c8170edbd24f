/**
 * Exit codes of the `chorus` command, one per error code, documented in `chorus --help` and the README.
 */
import type { ChorusErrorCode } from '../core/errors.js';

export const EXIT_CODES: Readonly<Record<ChorusErrorCode | 'ok' | 'partial', number>> = {
  ok: 0,
  internal: 1,
  usage: 2,
  'not-found': 3,
  'empty-input': 4,
  'unsupported-input': 5,
  'invalid-input': 6,
  'too-large': 7,
  'fetch-failed': 8,
  forbidden: 9,
  storage: 10,
  /** Some inputs of a batch were rejected; the others were processed. */
  partial: 11,
};

export const EXIT_CODES_HELP = `Exit codes:
  0  success                      6  invalid input (malformed JSON, XML, fields)
  1  internal error (a bug)       7  input over a size limit
  2  usage error (bad flags)      8  fetching a URL or feed failed
  3  path or record not found     9  refused by policy (private address, token)
  4  no input / nothing to do    10  storage error
  5  unsupported input           11  partial: some inputs rejected, see the report`;

/** Printed after a usage error instead of the whole help, which buried the one line that mattered. */
export const HELP_HINT = '(see --help for usage)';
