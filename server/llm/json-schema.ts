/**
 * Constrained JSON output in each backend's dialect (request body of /v1/chat/completions).
 *
 *  - vLLM and OpenAI: `response_format: {type: 'json_schema', json_schema: {name, schema, strict: true}}`.
 *  - llama.cpp llama-server: the native `json_schema` field (the server converts it to a grammar).
 *    Recent builds also accept `response_format` json_schema, but older ones reject the
 *    `json_schema` response_format type, and some builds reject a request carrying both a
 *    schema and a grammar ("Either json_schema or grammar can be specified, but not both"),
 *    so we send exactly one: the native field, which every build with schema support takes.
 *  - Ollama's OpenAI-compatible endpoint (`/v1/chat/completions`): `response_format` with
 *    `type: 'json_schema'` (Ollama ≥ 0.5 maps it to its native `format`). The native `format`
 *    field belongs to `/api/chat`, which we do not call.
 */
import type { JsonSchemaSpec } from './types';
import type { BackendKind } from './backend';

export function withJsonSchema<T extends Record<string, unknown>>(
  body: T,
  kind: BackendKind,
  spec: JsonSchemaSpec,
): T & Record<string, unknown> {
  if (kind === 'llamacpp') {
    const { response_format: _drop, ...rest } = body as Record<string, unknown>;
    return { ...rest, json_schema: spec.schema } as unknown as T & Record<string, unknown>;
  }
  return {
    ...body,
    response_format: {
      type: 'json_schema',
      json_schema: { name: sanitizeName(spec.name), schema: spec.schema, strict: true },
    },
  };
}

/** OpenAI requires `^[a-zA-Z0-9_-]{1,64}$` for the schema name. */
function sanitizeName(name: string): string {
  const s = name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64);
  return s || 'response';
}
