import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, Emulator } from "../../emulator";
import { newStack, StackHandle, ROOT } from "../support/engine";

/**
 * The onboarding program on the real engine, with the packed package, against
 * the emulator over HTTP: create, no-op preview, in-place edits, drift,
 * adoption, refused changes, replacement, destroy, and no secret in state.
 */
let emu: Emulator;
let stack: StackHandle;
let inventoryFile: string;

interface Entry { code: string; name: string; subdomains: string[]; ssoMetadataFile?: string; uiEnabled?: boolean; compliance?: string[]; authVersion?: string; adopt?: boolean }

function writeInventory(customers: Entry[]) {
  fs.writeFileSync(inventoryFile, JSON.stringify({ customers }, null, 2));
}

const baseInventory = (): Entry[] => JSON.parse(fs.readFileSync(path.join(ROOT, "inventory", "customers.json"), "utf8")).customers;

before(async () => {
  emu = await startEmulator({ port: 0 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chronicle-inventory-"));
  fs.cpSync(path.join(ROOT, "inventory"), dir, { recursive: true });
  inventoryFile = path.join(dir, "customers.json");
  stack = newStack({
    program: "programs/onboarding.js",
    config: { "chronicle:emulatorHost": `127.0.0.1:${emu.port}`, "chronicle:requestsPerSecond": "200", "chronicle:maxConcurrency": "8", "chronicle:requestTimeoutSeconds": "10" },
  });
});
after(() => emu?.close());

const run = (op: "up" | "preview" | "refresh" | "destroy") => stack.run(op, { programArgs: { inventory: inventoryFile } });

function mustSucceed(r: { ok: boolean; error?: string; stdout: string }) {
  assert.ok(r.ok, `engine failed: ${r.error}\n${r.stdout.slice(-3000)}`);
}

test("up creates every customer with its SSO, UI state and compliance; a second preview changes nothing", async () => {
  const up = await run("up");
  mustSucceed(up);
  // 3 customers + 3 SSO + 3 UI + 2 compliance + 1 auth version + the stack itself
  assert.equal(up.summary!.create, 13);
  const live = emu.customers();
  assert.deepEqual(live.map((c) => c.customerCode).sort(), ["acme", "globex", "initech"]);
  assert.equal(live.find((c) => c.customerCode === "initech")!.uiEnabled, false);
  assert.deepEqual(live.find((c) => c.customerCode === "acme")!.complianceCertifications, ["COMPLIANCE_CERTIFICATION_PCI_DSS"]);
  assert.equal(live.find((c) => c.customerCode === "acme")!.authVersion, "AUTH_VERSION_2");
  assert.equal(live.find((c) => c.customerCode === "globex")!.retentionDuration, "SIX_MONTHS");
  emu.clearLog();
  const preview = await run("preview");
  mustSucceed(preview);
  assert.deepEqual(Object.keys(preview.summary!).filter((k) => k !== "same"), []);
  assert.equal(preview.summary!.same, 13);
  assert.equal(emu.requestLog().length, 0, "a no-change preview makes no API call");
});

test("editing the inventory gives exactly the expected in-place updates", async () => {
  const inv = baseInventory();
  inv[0].uiEnabled = false;
  inv[1].compliance = ["COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE", "COMPLIANCE_CERTIFICATION_PCI_DSS"];
  writeInventory(inv);
  const preview = await run("preview");
  mustSucceed(preview);
  assert.equal(preview.summary!.update, 2);
  assert.equal(preview.summary!.replace ?? 0, 0);
  const up = await run("up");
  mustSucceed(up);
  assert.equal(up.summary!.update, 2);
  assert.equal(emu.customers().find((c) => c.customerCode === "acme")!.uiEnabled, false);
});

test("drift made behind the stack's back is seen by refresh and reverted by the next up", async () => {
  const globex = emu.customers().find((c) => c.customerCode === "globex")!;
  const oob = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://rogue.example\"/>";
  emu.updateCustomer("globex", { ssoConfig: { ...globex.ssoConfig, config: Buffer.from(oob).toString("base64") } });
  const refresh = await stack.cli(["refresh", "--yes", "--skip-preview"]);
  assert.equal(refresh.status, 0, refresh.stderr + refresh.stdout);
  assert.match(refresh.stdout, /update|~/);
  const up = await run("up");
  mustSucceed(up);
  assert.equal(up.summary!.update, 1);
  const sso = emu.customers().find((c) => c.customerCode === "globex")!.ssoConfig.config;
  assert.match(Buffer.from(sso, "base64").toString(), /idp\.globex\.example/);
});

test("a change to a fixed field is refused at preview and nothing changes", async () => {
  const inv = baseInventory();
  inv[0].uiEnabled = false;
  inv[1].compliance = ["COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE", "COMPLIANCE_CERTIFICATION_PCI_DSS"];
  inv[2].name = "Initech Renamed";
  writeInventory(inv);
  emu.clearLog();
  const before = emu.customers();
  const preview = await run("preview");
  assert.equal(preview.ok, false);
  assert.match(preview.stdout + preview.error, /customerName cannot be changed on an existing customer/);
  const up = await run("up");
  assert.equal(up.ok, false);
  assert.deepEqual(emu.customers(), before);
  assert.equal(emu.requestLog().filter((e) => e.method !== "GetCustomer").length, 0);
});

test("adoption of a customer that already exists", async () => {
  await fetch(`${emu.url}/v1/partner/customer/createcustomer`, {
    method: "POST",
    headers: { authorization: "Bearer owner", "content-type": "application/json" },
    body: JSON.stringify({ customer_name: "Hooli", customer_code: "hooli", customer_subdomains: ["hooli"] }),
  }).then((r) => assert.equal(r.status, 200));
  const inv = baseInventory();
  inv[0].uiEnabled = false;
  inv[1].compliance = ["COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE", "COMPLIANCE_CERTIFICATION_PCI_DSS"];
  writeInventory([...inv, { code: "hooli", name: "Hooli", subdomains: ["hooli"] }]);
  const refused = await run("up");
  assert.equal(refused.ok, false);
  assert.match(refused.stdout + refused.error, /already exists.*adoptExisting/);
  writeInventory([...inv, { code: "hooli", name: "Hooli", subdomains: ["hooli"], adopt: true, uiEnabled: true }]);
  emu.clearLog();
  const up = await run("up");
  mustSucceed(up);
  assert.equal(emu.requestLog().filter((e) => e.method === "CreateCustomer").length, 0);
  assert.match(up.stdout, /adopted/);
  assert.equal(emu.customers().filter((c) => c.customerCode === "hooli").length, 1);
});

test("a new customer code is a replacement that releases the old customer with a warning", async () => {
  const inv = baseInventory();
  inv[0].uiEnabled = false;
  inv[1].compliance = ["COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE", "COMPLIANCE_CERTIFICATION_PCI_DSS"];
  inv[2] = { ...inv[2], code: "initech2", subdomains: ["initech2"] };
  writeInventory(inv);
  const up = await run("up");
  mustSucceed(up);
  assert.ok((up.summary!.create ?? 0) >= 1 || (up.summary!.replace ?? 0) >= 1);
  assert.match(up.stdout, /"initech" was released from this stack but still exists/);
  assert.ok(emu.customers().some((c) => c.customerCode === "initech"));
  assert.ok(emu.customers().some((c) => c.customerCode === "initech2"));
});

test("the exported state holds no credential, key or SSO value in plaintext", async () => {
  const state = await stack.exportState();
  assert.ok(state.includes("ChronicleCustomer"));
  for (const c of emu.customers()) {
    for (const cred of c.credentials) {
      assert.ok(!state.includes(cred.credential), `credential of ${c.customerCode} in state`);
      const key = JSON.parse(Buffer.from(cred.credential, "base64").toString()).private_key as string;
      assert.ok(!state.includes(key.split("\n")[1]), "private key material in state");
    }
    if (c.ssoConfig.config) {
      assert.ok(!state.includes(c.ssoConfig.config), "SSO base64 in state");
      assert.ok(!state.includes(Buffer.from(c.ssoConfig.config, "base64").toString().slice(0, 60)), "SSO XML in state");
    }
  }
});

test("destroy empties the state, leaves the customers in the emulator, and warns", async () => {
  const count = emu.customers().length;
  const destroy = await run("destroy");
  mustSucceed(destroy);
  assert.match(destroy.stdout, /cannot delete customers/);
  assert.equal(emu.customers().length, count);
  const state = JSON.parse(await stack.exportState());
  assert.equal((state.deployment.resources ?? []).length, 0);
});
