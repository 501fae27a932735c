import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { startProviderHarness, ProviderHarness } from "../support/provider";
import { customerInputs } from "../support/fixtures";

/**
 * Two creators of one customer code at once (two stacks, two pipelines, a
 * colleague with the console): both look the code up, find nothing, and send
 * CreateCustomer. The emulator's create delay keeps the first customer
 * invisible until it commits, so the second create meets ALREADY_EXISTS.
 * Whichever order the calls land in, exactly one customer exists, and only a
 * stack that asked for adoption may take over a customer it did not create.
 */
let h: ProviderHarness;
before(async () => {
  h = await startProviderHarness({ createDelayMs: 200 });
});
after(() => h.close());
beforeEach(() => h.emu.reset());

async function createTwice(extra: Record<string, unknown>) {
  const { inputs, failures } = await h.call("customer", "check", {}, customerInputs("acme", extra));
  assert.deepEqual(failures, []);
  return Promise.allSettled([h.call("customer", "create", inputs), h.call("customer", "create", inputs)]);
}

test("two stacks creating the same customer: one creates it, the other is refused and told how to adopt it", async () => {
  const results = await createTwice({});
  const created = results.filter((r) => r.status === "fulfilled");
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  assert.equal(created.length, 1, "exactly one stack owns the customer");
  assert.equal(refused.length, 1, "the other stack does not silently take it over");
  assert.match((refused[0].reason as Error).message, /already exists for this partner.*adoptExisting: true/s);
  assert.equal((refused[0].reason as { id?: string }).id, undefined, "the refused stack records nothing");
  assert.equal(h.emu.customers().length, 1);
});

test("two stacks that both ask for adoption: one customer, both manage it", async () => {
  const results = await createTwice({ adoptExisting: true });
  assert.deepEqual(results.map((r) => r.status), ["fulfilled", "fulfilled"]);
  const ids = results.map((r) => (r as PromiseFulfilledResult<{ outs: { instanceId: string } }>).value.outs.instanceId);
  assert.equal(ids[0], ids[1]);
  assert.equal(h.emu.customers().length, 1);
});
