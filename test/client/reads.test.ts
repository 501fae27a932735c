/** Concurrent reads of one customer share one GetCustomer; a write in between is never hidden by it. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { clientFor, count, createRequest, withEmulator } from "./helpers";

test("concurrent reads of one customer make one GetCustomer; reads of others make their own", async () => {
  await withEmulator({ latencyMs: 50 }, async (emu) => {
    const client = clientFor(emu);
    await client.createCustomer(createRequest("acme"));
    await client.createCustomer(createRequest("beta"));
    emu.clearLog();
    const [a1, a2, found, b] = await Promise.all([
      client.getCustomer("acme"), client.getCustomer("acme"), client.findCustomer("acme"), client.getCustomer("beta"),
    ]);
    assert.equal(a1.customerCode, "acme");
    assert.deepEqual(a2, a1);
    assert.deepEqual(found, a1);
    assert.equal(b.customerCode, "beta");
    assert.equal(count(emu, "GetCustomer"), 2);
    // Once answered, the next read asks again.
    await client.getCustomer("acme");
    assert.equal(count(emu, "GetCustomer"), 3);
  });
});

test("a read started after a write to the customer does not join a read started before it", async () => {
  await withEmulator({ latencyMs: 50 }, async (emu) => {
    const client = clientFor(emu);
    await client.createCustomer(createRequest("acme"));
    emu.clearLog();
    const before = client.getCustomer("acme");
    const write = client.setUiState("acme", false);
    const after = client.getCustomer("acme");
    await Promise.all([before, write, after]);
    assert.equal(count(emu, "GetCustomer"), 2);
  });
});

test("a shared read that fails fails every caller, and the next read asks again", async () => {
  await withEmulator({}, async (emu) => {
    const client = clientFor(emu);
    const results = await Promise.allSettled([client.getCustomer("ghost"), client.getCustomer("ghost")]);
    assert.deepEqual(results.map((r) => r.status), ["rejected", "rejected"]);
    assert.equal(count(emu, "GetCustomer"), 1);
    assert.equal(await client.findCustomer("ghost"), undefined);
    assert.equal(count(emu, "GetCustomer"), 2);
  });
});
