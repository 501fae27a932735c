/**
 * Property-based fuzzing of every resource's `check` (fast-check): thousands of
 * generated inputs, valid, broken, and partly unknown (preview). Whatever comes
 * in, check never throws, never calls the API, and every failure names a
 * property that is in the input (or a required one) and says what is allowed.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { startProviderHarness, ProviderHarness } from "../support/provider";
import { KINDS, validInputs } from "./input/kinds";
import { assertNoApiCall, checkedFailures } from "./input/checks";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** Runs per kind and property; with 8 kinds and 3 properties that is over 12,000 checks. */
const RUNS = { valid: 300, unknown: 300, broken: 1000 };

let h: ProviderHarness;
before(async () => {
  h = await startProviderHarness();
});
after(() => h.close());

/** Anything at all, including the shapes a YAML or JSON program could hand over. */
const junk = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom("", " ", "-", "UPPER", "a".repeat(19), "trailing-", "<not-xml", "<?xml version=\"1.0\"?><Other/>", UNKNOWN, null, [], {}),
);

/** Valid inputs with some properties replaced by junk or removed, and maybe an unknown extra property. */
function brokenInputs(kind: string): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(KINDS[kind]);
  const edits = fc.array(fc.tuple(fc.constantFrom(...keys), fc.oneof(junk, fc.constant(undefined))), { minLength: 1, maxLength: keys.length });
  const extra = fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !keys.includes(k) && !k.startsWith("__")), junk), { nil: undefined });
  return fc.tuple(validInputs(kind), edits, extra).map(([base, changes, more]) => {
    const inputs: Record<string, unknown> = { ...base };
    for (const [k, v] of changes) {
      if (v === undefined) delete inputs[k];
      else inputs[k] = v;
    }
    if (more) inputs[more[0]] = more[1];
    return inputs;
  });
}

/** Valid inputs where some values, or list items, are the preview's unknown marker. */
function partlyUnknown(kind: string): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(KINDS[kind]);
  return fc.tuple(validInputs(kind), fc.subarray(keys, { minLength: 1 })).map(([base, unknownKeys]) => {
    const inputs: Record<string, unknown> = { ...base };
    for (const k of unknownKeys) inputs[k] = Array.isArray(inputs[k]) ? (inputs[k] as unknown[]).map((v, i) => (i === 0 ? UNKNOWN : v)) : UNKNOWN;
    return inputs;
  });
}

for (const kind of Object.keys(KINDS)) {
  test(`${kind}: every valid input passes check`, async () => {
    await fc.assert(fc.asyncProperty(validInputs(kind), async (inputs) => {
      assert.deepEqual(await checkedFailures(h, kind, inputs), []);
    }), { numRuns: RUNS.valid });
    assertNoApiCall(h);
  });

  test(`${kind}: unknown preview values in any position are never judged`, async () => {
    await fc.assert(fc.asyncProperty(partlyUnknown(kind), async (inputs) => {
      assert.deepEqual(await checkedFailures(h, kind, inputs), []);
    }), { numRuns: RUNS.unknown });
    assertNoApiCall(h);
  });

  test(`${kind}: broken inputs never crash check, never call the API, and every failure names its property and what is allowed`, async () => {
    let failed = 0;
    await fc.assert(fc.asyncProperty(brokenInputs(kind), async (inputs) => {
      const failures = await checkedFailures(h, kind, inputs);
      if (failures.length > 0) failed++;
      // A required property that was removed is always reported.
      for (const [k, p] of Object.entries(KINDS[kind])) {
        if (p.required && !(k in inputs)) assert.ok(failures.some((f) => f.property === k), `${kind}: missing ${k} not reported`);
      }
    }), { numRuns: RUNS.broken });
    assert.ok(failed > RUNS.broken / 2, `${kind}: only ${failed} of ${RUNS.broken} broken inputs were refused`);
    assertNoApiCall(h);
  });
}
