/**
 * Removal of page clutter that extraction and crawls leave inside article text: photo captions and
 * credits, "Related:" lines, share/subscribe prompts, cookie and error notices.
 */
export interface CleanedText {
  readonly text: string;
  /** The lines that were dropped, for warnings and tests. */
  readonly removed: readonly string[];
}

const CLUTTER: readonly RegExp[] = [
  /^(related|read more|see also|advertisement|share this|subscribe)\b[:\s]/i,
  /\b(we use cookies|enable javascript|enlarge this image|toggle caption)\b/i,
];

/** Drops clutter lines from `text`; keeps paragraphs (blank-line separated). */
export function removeBoilerplate(text: string): CleanedText {
  const removed: string[] = [];
  const kept = text
    .split(/\n/)
    .filter((line) => {
      const bad = CLUTTER.some((re) => re.test(line.trim()));
      if (bad) removed.push(line.trim());
      return !bad;
    })
    .join('\n');
  return { text: kept.replace(/\n{3,}/g, '\n\n').trim(), removed };
}
