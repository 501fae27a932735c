import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { startEmulator, Emulator } from "../../emulator";
import { StackHandle } from "../support/engine";
import { compileInScratch, exampleStack, mustSucceed } from "./support";

/**
 * examples/single-customer on the real engine, against the emulator: one
 * customer is created with one CreateCustomer call, its credential output is
 * secret, a second up changes nothing, and destroy releases the customer
 * (which the API cannot delete) with a warning.
 */
let emu: Emulator;
let stack: StackHandle;
let dir: string;

before(async () => {
  emu = await startEmulator({ port: 0 });
  dir = compileInScratch("single-customer");
  stack = exampleStack(dir, {
    "chronicle:emulatorHost": `127.0.0.1:${emu.port}`,
    "chronicle-single-customer:customerCode": "acme-quickstart",
  });
});
after(() => {
  emu?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("up creates the customer once and keeps its credential secret", async () => {
  const up = mustSucceed(await stack.run("up"));
  assert.equal(up.summary!.create, 2, "the stack and the customer");
  const [c] = emu.customers();
  assert.equal(c.customerCode, "acme-quickstart");
  assert.equal(c.customerName, "Acme Corporation");
  assert.deepEqual(c.customerSubdomains, ["acme-quickstart"]);
  assert.equal(emu.requestLog().filter((e) => e.method === "CreateCustomer").length, 1);
  assert.equal(up.outputs!.instanceId, c.id);
  assert.equal(up.outputs!.url, "https://acme-quickstart.backstory.chronicle.security");
  assert.equal(up.outputs!.ingestionCredential, "[secret]");
  const state = await stack.exportState();
  for (const cred of c.credentials) assert.ok(!state.includes(cred.credential), `${cred.credentialType} credential in state`);
});

test("a second up changes nothing and creates nothing", async () => {
  emu.clearLog();
  const up = mustSucceed(await stack.run("up"));
  assert.deepEqual(Object.keys(up.summary!), ["same"]);
  assert.equal(emu.requestLog().filter((e) => e.method === "CreateCustomer").length, 0);
});

test("destroy releases the customer from the stack and says it still exists", async () => {
  const down = mustSucceed(await stack.run("destroy"));
  assert.equal(down.summary!.delete, 2);
  assert.match(down.stdout, /"acme-quickstart" was released from this stack but still exists/);
  assert.equal(emu.customers().length, 1);
});
