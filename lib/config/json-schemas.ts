import { z } from 'zod';
import { estateSchema } from './schema/estate-schema';
import { tenantSchema } from './schema/tenant-schema';

/** The editor-facing JSON Schemas, generated from the zod schemas so the two never drift. */
export const JSON_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  'estate.schema.json': estateSchema,
  'tenant.schema.json': tenantSchema,
};

/** Renders each schema as the text committed under config/schema/. */
export function renderJsonSchemas(
  schemas: Readonly<Record<string, z.ZodType>> = JSON_SCHEMAS,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, schema] of Object.entries(schemas)) {
    // `input` describes what people write (defaults make fields optional), not the parsed model.
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    out[file] = `${JSON.stringify(json, null, 2)}\n`;
  }
  return out;
}
