/**
 * Words that report speech or findings (reporting-words.json) as one expression. The list holds stems
 * ("describ", "warn") and whole forms ("said", "found"); a match is the entry with at most a verb's
 * ending after it and no letter after that, in lowercase only, so that a noun or a name that merely
 * begins like one ("foundation", "Warnock", "Dublin", "statesman") reports nothing.
 */
import reportingWords from './reporting-words.json' with { type: 'json' };

/**
 * "united states" is a country, not "united" stating: lowercased news (Multi-News) wrote `called on
 * the united states to take…, saying, "…"`, and "the united" spoke. A lookbehind for the speech-verb
 * patterns here and in speaker-cue.ts.
 */
export const NOT_AFTER_UNITED = String.raw`(?<!(?:^|[^\p{L}])[Uu]nited\s+)`;

// e/es/ed/s/ing, and a doubled last consonant before -ed/-ing ("slammed", "dubbed", "admitted").
const VERB_ENDING = String.raw`(?:e|es|ed|s|ing|[bglmpt](?:ed|ing))?(?![\p{L}\p{N}])`;

const reportingPattern = (words: readonly string[]) =>
  new RegExp(`(?<![\\p{L}])${NOT_AFTER_UNITED}(?:${words.join('|')})${VERB_ENDING}`, 'u');

/** A word reporting speech ("described", "warns", "told"). */
export const REPORTING_SPEECH = reportingPattern(reportingWords.stems);
/** The same, or one a document reports with ("found", "concluded", "alleges"). */
export const REPORTING_SPEECH_OR_FINDING = reportingPattern([
  ...reportingWords.stems,
  ...reportingWords.findings,
]);
