/**
 * Flag parsers shared by the commands, so every command says the same thing about a bad value.
 */
import { InvalidArgumentError } from 'commander';

/** Parses a whole number ≥ 1, for flags such as `--words` and `--limit`. */
export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a whole number ≥ 1, found "${value}"`);
  return n;
}

/** Parses a number of seconds ≥ 0 (fractions allowed), for intervals such as `--report-every`. */
export function parseSeconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError(`expected a number of seconds ≥ 0, found "${value}"`);
  return n;
}

/** Parses a number between 0 and 1, for thresholds. */
export function parseFraction(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new InvalidArgumentError(`expected a number from 0 to 1, found "${value}"`);
  return n;
}
