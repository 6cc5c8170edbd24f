/** The evaluation report as a plain-text table, the way `chorus eval` prints it. */
import type { EvaluationReport } from './evaluate.js';

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
}

const fixed = (x: number, digits = 2) => x.toFixed(digits);

/**
 * Renders `report`: one row per method with rouge-score F1 ×100 (R-1, R-2, R-L, R-Lsum), ROUGE-1.5.5
 * recall at the word limit for DUC/TAC, mean summary words and single-core examples/s; then the run.
 */
export function renderEvalTable(report: EvaluationReport, options: { readonly lint?: boolean } = {}): string {
  const recall = report.methods.some((m) => m.recall155);
  const header = [
    'method',
    'R-1',
    'R-2',
    'R-L',
    'R-Lsum',
    ...(recall ? [`R-1 rec@${report.words}`, `R-2 rec@${report.words}`] : []),
    'words',
    'ex/s/core',
  ];
  const rows = report.methods.map((m) => [
    m.method,
    fixed(m.rouge1),
    fixed(m.rouge2),
    fixed(m.rougeL),
    fixed(m.rougeLsum),
    ...(recall ? [fixed(m.recall155?.rouge1 ?? 0), fixed(m.recall155?.rouge2 ?? 0)] : []),
    fixed(m.meanWords, 1),
    m.examplesPerSecond > 0 ? fixed(m.examplesPerSecond, 1) : '–', // rescored: nothing was run
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const lines = [
    pad(header, widths),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) => pad(r, widths)),
  ];
  lines.push(
    '',
    `${report.examples} examples of ${report.dataset} (${report.scored} with references, mean ${fixed(report.meanReferenceWords, 1)} words; ` +
      `inputs mean ${fixed(report.meanInputWords, 0)} words), ${report.words}-word budget`,
    `rouge-score F1 ×100, stemmed, best reference per example` +
      (recall ? `; rec@${report.words}: ROUGE-1.5.5 -n 2 -m -l ${report.words} -f A recall ×100` : ''),
    `${fixed(report.seconds, 1)} s with ${report.workers === 0 ? 'no worker threads' : `${report.workers} worker thread(s)`} ` +
      `(${fixed(report.examplesPerSecond, 1)} examples/s, all methods and scoring), peak memory ${fixed(report.peakRssMb, 0)} MB`,
  );
  const range = (i: { low: number; high: number }) => `[${fixed(i.low)}, ${fixed(i.high)}]`;
  const signed = (x: number) => `${x >= 0 ? '+' : ''}${fixed(x)}`;
  for (const m of report.methods) {
    lines.push(
      m.versus
        ? `${m.method} − ${m.versus.method}: R-1 ${signed(m.rouge1 - (report.methods[0]?.rouge1 ?? 0))} ` +
            `(95% CI ${range(m.versus.rouge1)}), R-2 ${signed(m.rouge2 - (report.methods[0]?.rouge2 ?? 0))} ` +
            `(95% CI ${range(m.versus.rouge2)}), paired bootstrap`
        : `${m.method}: 95% CI R-1 ${range(m.ci95.rouge1)}, R-2 ${range(m.ci95.rouge2)} (bootstrap, 1,000 resamples)`,
    );
  }
  if (options.lint) lines.push('', ...renderLint(report));
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n') + '\n';
}

/** The readability lint as a table: per method, the share of summary sentences with each flaw. */
function renderLint(report: EvaluationReport): string[] {
  const linted = report.methods.filter((m) => m.readability);
  if (linted.length === 0) return ['readability lint: no summaries were built in this run (rescored)'];
  const header = ['method', 'sentences', 'unbalanced "', 'no final .', 'dangling opening'];
  const pct = (x: number) => `${fixed(x)} %`;
  const rows = linted.map((m) => {
    const r = m.readability!;
    return [
      m.method,
      String(r.sentences),
      pct(r.unbalancedQuotes),
      pct(r.noFinalPunctuation),
      pct(r.danglingOpenings),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [
    pad(header, widths),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) => pad(r, widths)),
    'readability lint: share of summary sentences with unbalanced quotation marks, without final punctuation,',
    'and opening with a word that points back ("He", "But", "This"…) without its antecedent right before (docs/readability.md)',
  ];
}
