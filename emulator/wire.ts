/** Key spelling on the wire. Google's JSON mapping accepts snake_case and lowerCamelCase alike. */
import { invalidArgument } from "./errors";

export function snakeToCamel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

export function camelToSnake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Internal objects are camelCase; the default wire spelling is snake_case as in the seed samples. */
export function shapeKeys(value: Json, camelCase: boolean): Json {
  if (Array.isArray(value)) return value.map((v) => shapeKeys(v, camelCase));
  if (value === null || typeof value !== "object") return value;
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(value)) {
    out[camelCase ? snakeToCamel(k) : camelToSnake(k)] = shapeKeys(v, camelCase);
  }
  return out;
}

/**
 * Maps request keys in either spelling onto camelCase names from `allowed`, rejecting unknown
 * names (as Google's JSON parser does) and a field given in both spellings.
 */
export function normalizeFields(
  input: Record<string, unknown>,
  allowed: readonly string[],
  where = "request body",
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const camel = snakeToCamel(key);
    if (!allowed.includes(camel)) throw invalidArgument(key, `unknown field in ${where}`);
    if (camel in out) throw invalidArgument(camelToSnake(camel), "given twice (snake_case and lowerCamelCase)");
    out[camel] = value;
  }
  return out;
}

/** Standard Google system parameters that may appear in any query string. */
export const SYSTEM_QUERY_PARAMS = ["alt", "prettyPrint", "fields", "key", "quotaUser", "$alt", "$fields"];

export function queryToObject(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of params) {
    if (!SYSTEM_QUERY_PARAMS.includes(k)) out[k] = v;
  }
  return out;
}
