/** The JSON Schema form of the report schema, as published in schema/report.schema.json. */
import { z } from 'zod';
import { StoryReportSchema } from './schema.js';

export function reportJsonSchemaText(): string {
  const schema = z.toJSONSchema(StoryReportSchema, { target: 'draft-2020-12' });
  return (
    JSON.stringify(
      { ...schema, $id: 'https://chorus.example/schema/report.schema.json', title: 'Chorus story report' },
      null,
      2,
    ) + '\n'
  );
}
