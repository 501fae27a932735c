import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, Emulator } from "../../emulator";
import { ROOT, StackHandle } from "../support/engine";
import { compileInScratch, exampleStack, mustSucceed } from "../examples/support";

/**
 * docs/snippets: the short example of every resource and function that
 * docs/reference.md quotes, run as one program on the real engine from the
 * packed package. Each resource's effect is checked in the emulator.
 */
let emu: Emulator;
let stack: StackHandle;
let dir: string;

before(async () => {
  emu = await startEmulator({ port: 0 });
  dir = compileInScratch("snippets", path.join(ROOT, "docs", "snippets"));
  stack = exampleStack(dir, { "chronicle:emulatorHost": `127.0.0.1:${emu.port}` });
});
after(() => {
  emu?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("every snippet of the reference runs and does what the reference says", async () => {
  const up = mustSucceed(await stack.run("up"));
  assert.equal(up.summary!.create, 9, "the stack and the 8 resources");
  const [globex] = emu.customers();
  assert.equal(globex.customerCode, "globex");
  assert.equal(globex.retentionDuration, "SIX_MONTHS");
  assert.match(Buffer.from(globex.ssoConfig.config, "base64").toString(), /idp\.globex\.example/);
  assert.equal(globex.ssoUpdateV2Only, true);
  assert.equal(globex.uiEnabled, true);
  assert.equal(globex.authVersion, "AUTH_VERSION_3");
  assert.deepEqual(globex.complianceCertifications, ["COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE", "COMPLIANCE_CERTIFICATION_PCI_DSS"]);
  assert.equal(globex.workforcePoolProviders["globex-eu"], "locations/global/workforcePools/globex-pool/providers/globex-entra");
  assert.equal(globex.gcpProject, "projects/globex-secops");
  assert.equal(globex.iamEnabled, true);
  assert.equal(globex.iamEnableCalls, 1);
  // Outputs built from credential-bearing reads are secret; the others are plain.
  assert.equal(up.outputs!.globexForwarders, "[secret]");
  assert.equal(up.outputs!.customerCount, "[secret]");
  assert.equal(up.outputs!.forwarderConfigs, "[secret]");
  assert.match(String(up.outputs!.serviceProviderMetadata), /EntityDescriptor/);
  assert.ok(Array.isArray((up.outputs!.iamMigration as { migrations: unknown[] }).migrations));
});

test("destroy with disableUiOnDelete switches the UI off and releases the customer; EnableIAM is not undone", async () => {
  const down = mustSucceed(await stack.run("destroy"));
  assert.match(down.stdout, /web UI was switched off \(disableUiOnDelete\)/);
  const [globex] = emu.customers();
  assert.equal(globex.uiEnabled, false);
  assert.equal(globex.iamEnabled, true);
  assert.equal(globex.iamEnableCalls, 1);
});
