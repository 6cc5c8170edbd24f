/**
 * Writes the JSON Schema of Chorus's report output to schema/report.schema.json from the zod schema in
 * src/core/schema.ts. `npm test` checks the committed file is up to date.
 */
import { writeFileSync } from 'node:fs';
import { reportJsonSchemaText } from '../src/core/schema-json.js';

const path = new URL('../schema/report.schema.json', import.meta.url);
writeFileSync(path, reportJsonSchemaText());
console.log(`wrote ${path.pathname}`);
