import * as pulumi from "@pulumi/pulumi";
import { isUnknown } from "./validation";

function canonical(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** The properties whose new input differs from what the state holds; unknown values count as changed. */
export function changedProps(olds: Record<string, unknown>, news: Record<string, unknown>, props: readonly string[]): string[] {
  return props.filter((p) => isUnknown(news[p]) || !sameValue(olds[p], news[p]));
}

/**
 * An exact diff over the resource's own inputs. It always answers `changes`
 * true or false: anything else would make the engine compare inputs itself,
 * `__provider` included, and show a change on every upgrade of this package.
 */
export function diffInputs(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
  props: readonly string[],
  replaceProps: readonly string[] = [],
): pulumi.dynamic.DiffResult {
  const changed = changedProps(olds, news, props);
  const replaces = changed.filter((p) => replaceProps.includes(p));
  return { changes: changed.length > 0, replaces, deleteBeforeReplace: false };
}

/** Outputs go through protobuf: drop `undefined`, which it cannot carry. */
export function definedOnly<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The inputs a resource was given, without the engine's own keys. */
export function pickInputs(value: Record<string, unknown>, props: readonly string[]): Record<string, unknown> {
  return definedOnly(Object.fromEntries(props.map((p) => [p, value[p]])));
}
