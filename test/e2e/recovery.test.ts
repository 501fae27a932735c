import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, Emulator } from "../../emulator";
import { newStack, StackHandle, ROOT } from "../support/engine";

/**
 * A create whose outcome is unknown (the request outlives the client's
 * timeout and commits afterwards) fails the `up` with a message saying a
 * rerun is safe; the engine records the customer as partially created, and
 * the next `up` completes it without a second CreateCustomer.
 */
let emu: Emulator;
let stack: StackHandle;
let inventory: string;

before(async () => {
  emu = await startEmulator({ port: 0 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chronicle-recovery-"));
  fs.cpSync(path.join(ROOT, "inventory", "sso"), path.join(dir, "sso"), { recursive: true });
  inventory = path.join(dir, "customers.json");
  fs.writeFileSync(inventory, JSON.stringify({ customers: [{ code: "slowco", name: "Slow Co", subdomains: ["slowco"], ssoMetadataFile: "sso/acme-idp.xml", uiEnabled: true }] }));
  stack = newStack({
    program: "programs/onboarding.js",
    project: "chronicle-recovery",
    config: {
      "chronicle:emulatorHost": `127.0.0.1:${emu.port}`,
      "chronicle:createTimeoutSeconds": "1",
      "chronicle:maxRetries": "0",
      "chronicle:requestsPerSecond": "100",
    },
  });
});
after(() => emu?.close());

test("an unconfirmed create fails with a safe-to-rerun message, and the rerun converges without a duplicate", async () => {
  emu.injectFault({ method: "CreateCustomer", kind: "delay", ms: 2500 });
  const first = await stack.run("up", { programArgs: { inventory } });
  assert.equal(first.ok, false);
  assert.match(first.stdout, /did not confirm[\s\S]*Running `pulumi up` again is safe/);
  await new Promise((r) => setTimeout(r, 2000)); // the slow request commits at the emulator
  assert.equal(emu.customers().length, 1);
  const state = JSON.parse(await stack.exportState());
  const partial = state.deployment.resources.find((r: { type: string }) => r.type.endsWith(":ChronicleCustomer"));
  assert.ok(partial, "the engine kept the partially created customer in state");
  assert.equal(partial.id, "slowco");

  emu.clearLog();
  const second = await stack.run("up", { programArgs: { inventory } });
  assert.ok(second.ok, `${second.error}\n${second.stdout.slice(-2000)}`);
  assert.equal(emu.requestLog().filter((e) => e.method === "CreateCustomer").length, 0);
  assert.equal(emu.customers().length, 1);
  assert.equal(emu.customers()[0].uiEnabled, true);
  const preview = await stack.run("preview", { programArgs: { inventory } });
  assert.ok(preview.ok);
  assert.deepEqual(Object.keys(preview.summary!), ["same"]);
});
