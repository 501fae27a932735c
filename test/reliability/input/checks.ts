/**
 * What every `check` answer must satisfy, whatever the input: the shared
 * assertions of the bad-input corpus and the fuzzing.
 */
import assert from "node:assert/strict";
import type { ProviderHarness } from "../../support/provider";
import { KINDS } from "./kinds";

export interface Failure {
  property: string;
  reason: string;
}

/** A reason says what is allowed (or how to fix it), not only that something is wrong. */
const SAYS_WHAT_IS_ALLOWED = /is required|must |use |use one of|expected|Allowed properties|Did you mean|at least|at most|more than once|cannot be changed|starts with|true or false|look like/;

/** Runs `check` and returns its failures, after asserting every invariant about them. */
export async function checkedFailures(h: ProviderHarness, kind: string, news: Record<string, unknown>, olds: Record<string, unknown> = {}): Promise<Failure[]> {
  const result = (await h.call(kind, "check", olds, news)) as { inputs: unknown; failures?: Failure[] };
  assert.ok(result && typeof result === "object" && result.inputs, `${kind}: check returned no inputs`);
  const failures = result.failures ?? [];
  const spec = KINDS[kind];
  for (const f of failures) {
    assert.equal(typeof f.property, "string");
    assert.equal(typeof f.reason, "string");
    const base = f.property.replace(/\[\d+\]$/, "");
    const named = Object.prototype.hasOwnProperty.call(news, base) || spec[base]?.required === true;
    assert.ok(named, `${kind}: failure names "${f.property}", which is neither in the input nor required`);
    assert.ok(f.reason.includes(base), `${kind}: the reason for ${f.property} does not name it: ${f.reason}`);
    assert.match(f.reason, SAYS_WHAT_IS_ALLOWED, `${kind}: the reason for ${f.property} does not say what is allowed: ${f.reason}`);
    for (const value of Object.values(news)) {
      // Long strings (SSO XML, a pasted key) are described, never quoted.
      if (typeof value === "string" && value.length > 40) assert.ok(!f.reason.includes(value), `${kind}: a ${value.length}-character input is echoed in ${f.property}'s reason`);
    }
  }
  return failures;
}

export function assertNoApiCall(h: ProviderHarness): void {
  assert.deepEqual(h.emu.requestLog().map((e) => e.method), [], "check made an API call");
}
