import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, Emulator } from "../../emulator";
import { StackHandle } from "../support/engine";
import { samlMetadata } from "../support/fixtures";
import { compileInScratch, exampleStack, mustSucceed } from "./support";

/**
 * examples/existing-tenant on the real engine: a customer created outside the
 * stack is adopted (no CreateCustomer), its SSO configured and rotated in
 * place, its web UI switched on then off with `pulumi config set`, and destroy
 * leaves the tenant, its SSO and its UI as they are. The tenant's code, name
 * and subdomains come from the example's Pulumi.yaml defaults.
 */
let emu: Emulator;
let stack: StackHandle;
let dir: string;

const initech = () => emu.customers().find((c) => c.customerCode === "initech")!;
const liveXml = () => Buffer.from(initech().ssoConfig.config, "base64").toString("utf8");
const calls = (method: string) => emu.requestLog().filter((e) => e.method === method).length;

async function configSet(key: string, value: string) {
  const r = await stack.cli(["config", "set", key, value]);
  assert.equal(r.status, 0, r.stderr);
}

before(async () => {
  emu = await startEmulator({ port: 0 });
  // The tenant exists before the stack, as if an older script had created it.
  const res = await fetch(`${emu.url}/v1/partner/customer/createcustomer`, {
    method: "POST",
    headers: { authorization: "Bearer owner", "content-type": "application/json" },
    body: JSON.stringify({ customer_name: "Initech", customer_code: "initech", customer_subdomains: ["initech"] }),
  });
  assert.equal(res.status, 200);
  emu.clearLog();
  dir = compileInScratch("existing-tenant");
  stack = exampleStack(dir, { "chronicle:emulatorHost": `127.0.0.1:${emu.port}` });
});
after(() => {
  emu?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("up adopts the existing tenant, configures its SSO and switches its UI on", async () => {
  const up = mustSucceed(await stack.run("up"));
  assert.equal(up.summary!.create, 4, "the stack, the adopted customer, its SSO config and UI state");
  assert.equal(calls("CreateCustomer"), 0);
  assert.match(up.stdout, /"initech" already existed and was adopted by this stack/);
  assert.equal(liveXml(), fs.readFileSync(path.join(dir, "idp-metadata.xml"), "utf8"));
  assert.equal(initech().uiEnabled, true);
  assert.equal(up.outputs!.ssoState, "DEPLOYED");
  assert.match(String(up.outputs!.serviceProviderMetadata), /EntityDescriptor/);
  assert.equal(emu.customers().length, 1);
});

test("new IdP metadata rotates the SSO config in place", async () => {
  const rotated = path.join(dir, "idp-metadata-2027.xml");
  fs.writeFileSync(rotated, samlMetadata("idp2027.initech"));
  await configSet("chronicle-existing-tenant:ssoMetadataFile", rotated);
  emu.clearLog();
  const up = mustSucceed(await stack.run("up"));
  assert.equal(up.summary!.update, 1);
  assert.equal(up.summary!.replace ?? 0, 0);
  assert.equal(calls("UpdateSSOConfig"), 1);
  assert.match(liveXml(), /idp2027\.initech\.example\.com/);
});

test("uiEnabled false switches the web UI off", async () => {
  await configSet("chronicle-existing-tenant:uiEnabled", "false");
  emu.clearLog();
  const up = mustSucceed(await stack.run("up"));
  assert.equal(up.summary!.update, 1);
  assert.equal(calls("SetUIState"), 1);
  assert.equal(initech().uiEnabled, false);
});

test("destroy releases the tenant and leaves its SSO and UI as they are", async () => {
  const before = initech();
  const down = mustSucceed(await stack.run("destroy"));
  assert.match(down.stdout, /"initech" was released from this stack but still exists/);
  assert.deepEqual(initech(), before);
});
