import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';

/** Whole numbers as people write them: no sign on zero, no leading zeros, no exponent, no hex, no spaces. */
const INTEGER_TEXT = /^(0|-?[1-9][0-9]*)$/;
const NUMBER_TEXT = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

interface JsonSchema {
  type?: string;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
}

/** The scalar types a schema accepts, looking through unions. */
function scalarTypes(schema: JsonSchema): string[] {
  if (schema.anyOf) return schema.anyOf.flatMap(scalarTypes);
  return schema.type ? [schema.type] : [];
}

/**
 * Path and query values arrive as text. A text is read as a number or a boolean only when it is spelled the one
 * canonical way (`12`, `true`); anything else (`1.9`, `true` for an id, `0x1`, ` 1`, `1e0`, `01`) stays text and
 * fails validation with a 400, so no request ever means something other than what it says.
 */
function fromText(schema: JsonSchema, text: string): unknown {
  for (const type of scalarTypes(schema)) {
    if (type === 'string') return text;
    if (type === 'integer' && INTEGER_TEXT.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
    if (type === 'number' && NUMBER_TEXT.test(text)) return Number(text);
    if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  }
  return text;
}

function convert(schema: JsonSchema, value: unknown): unknown {
  if (typeof value === 'string') return fromText(schema, value);
  if (Array.isArray(value) && schema.type === 'array' && schema.items) {
    const items = schema.items;
    return value.map((item) => convert(items, item));
  }
  return value;
}

function convertObject(schema: JsonSchema, value: unknown): unknown {
  const properties = schema.properties;
  if (!properties || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value)) {
    const property = properties[key];
    out[key] = property ? convert(property, raw) : raw;
  }
  return out;
}

/**
 * TypeBox's validator for every request part. Unlike the provider's default compiler, which runs
 * `Value.Convert` on paths and queries (reading `1.9`, `true`, `0x1` and `01` all as 1), it converts only
 * canonical spellings. Bodies are JSON and are never converted.
 */
export const strictValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  // Compiled on the route's first request, not at start: compiling every route's schemas slowed each restart.
  let compiled: ReturnType<typeof Compile<TSchema>> | null = null;
  const fromRequestText = httpPart === 'params' || httpPart === 'querystring' || httpPart === 'headers';
  return (value: unknown) => {
    const check = (compiled ??= Compile(schema));
    const converted = fromRequestText ? convertObject(schema, value) : value;
    if (check.Check(converted)) return { value: converted };
    const error: FastifySchemaValidationError[] = check.Errors(converted);
    return { error };
  };
};
