/**
 * Human summaries in DUC/TAC files come tokenized and broken into clauses, one per line
 * (`British authorities arrested General Augusto Pinochet , in London …`). We join the clauses back
 * into one sentence per line, because ROUGE-Lsum treats each line as a sentence, and undo the spaces
 * the tokenizer put before punctuation (which no ROUGE tokenizer sees anyway).
 */
export function detokenizedReference(raw: string): string {
  const sentences: string[] = [];
  let current: string[] = [];
  for (const line of raw.replace(/\r\n?/g, '\n').split('\n')) {
    const clause = line.replace(/\s+/g, ' ').trim();
    if (!clause) continue;
    current.push(clause);
    if (/[.!?]["')\]]?$|[.!?] ''$/.test(clause)) {
      sentences.push(current.join(' '));
      current = [];
    }
  }
  if (current.length) sentences.push(current.join(' '));
  return sentences
    .map((s) =>
      s
        .replace(/``\s*|\s*''/g, '"')
        .replace(/\s+([,.;:!?%)\]])/g, '$1')
        .replace(/([([$])\s+/g, '$1')
        .replace(/\s+(n't|'s|'re|'ve|'ll|'d|'m)\b/gi, '$1'),
    )
    .join('\n');
}
