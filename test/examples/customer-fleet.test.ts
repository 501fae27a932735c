import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, Emulator } from "../../emulator";
import { StackHandle } from "../support/engine";
import { compileInScratch, exampleStack, mustSucceed } from "./support";

/**
 * examples/customer-fleet on the real engine: the inventory file is the only
 * thing edited; adding an entry creates exactly one customer, changing a
 * setting updates it in place, destroy releases every customer.
 */
let emu: Emulator;
let stack: StackHandle;
let dir: string;
let inventoryFile: string;

interface Entry { code: string; name: string; subdomains: string[]; retention?: string; uiEnabled?: boolean; compliance?: string[] }
let shipped: Entry[];
const writeInventory = (customers: Entry[]) => fs.writeFileSync(inventoryFile, JSON.stringify({ customers }, null, 2));
const creates = () => emu.requestLog().filter((e) => e.method === "CreateCustomer").length;

before(async () => {
  emu = await startEmulator({ port: 0 });
  dir = compileInScratch("customer-fleet");
  shipped = JSON.parse(fs.readFileSync(path.join(dir, "customers.json"), "utf8")).customers;
  inventoryFile = path.join(dir, "edited-customers.json");
  writeInventory(shipped);
  stack = exampleStack(dir, { "chronicle:emulatorHost": `127.0.0.1:${emu.port}`, "chronicle-customer-fleet:inventory": inventoryFile });
});
after(() => {
  emu?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("up creates every customer of the shipped inventory with its settings", async () => {
  const up = mustSucceed(await stack.run("up"));
  // 2 customers + 2 UI states + 1 compliance + the stack
  assert.equal(up.summary!.create, 6);
  assert.equal(creates(), 2);
  const live = emu.customers();
  assert.deepEqual(live.map((c) => c.customerCode).sort(), ["contoso", "northwind"]);
  assert.equal(live.find((c) => c.customerCode === "contoso")!.retentionDuration, "SIX_MONTHS");
  assert.deepEqual(live.find((c) => c.customerCode === "northwind")!.complianceCertifications, ["COMPLIANCE_CERTIFICATION_PCI_DSS"]);
  const outputs = up.outputs!.customers as { code: string; instanceId: string; url: string }[];
  assert.deepEqual(outputs.map((c) => c.url), ["https://northwind.backstory.chronicle.security", "https://contoso.backstory.chronicle.security"]);
});

test("a new inventory entry creates exactly one customer; a changed setting is an in-place update", async () => {
  emu.clearLog();
  writeInventory([...shipped.map((c) => (c.code === "contoso" ? { ...c, uiEnabled: false } : c)), { code: "fabrikam", name: "Fabrikam", subdomains: ["fabrikam"] }]);
  const up = mustSucceed(await stack.run("up"));
  assert.equal(up.summary!.create, 1);
  assert.equal(up.summary!.update, 1);
  assert.equal(up.summary!.replace ?? 0, 0);
  assert.equal(creates(), 1);
  assert.equal(emu.customers().find((c) => c.customerCode === "contoso")!.uiEnabled, false);
});

test("destroy releases every customer, which still exist", async () => {
  const down = mustSucceed(await stack.run("destroy"));
  for (const code of ["northwind", "contoso", "fabrikam"]) {
    assert.match(down.stdout, new RegExp(`"${code}" was released from this stack but still exists`));
  }
  assert.equal(emu.customers().length, 3);
});
