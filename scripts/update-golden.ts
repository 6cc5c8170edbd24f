/**
 * Rewrites the expected outputs of the golden pipeline tests. Run it on purpose, read the diff, and
 * commit it with a message that says why the output changed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenCases, runCase } from '../test/pipeline/golden-cases.js';

for (const c of goldenCases()) {
  const { md, json } = await runCase(c);
  mkdirSync(c.expected, { recursive: true });
  writeFileSync(join(c.expected, 'expected.md'), md);
  writeFileSync(join(c.expected, 'expected.json'), json);
  console.log(`updated ${c.name}`);
}
