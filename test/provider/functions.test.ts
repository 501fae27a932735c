import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { startEmulator, Emulator } from "../../emulator";
import * as chronicle from "../../provider";

/** The functions run in the program process and read the `chronicle:` stack config themselves. */
let emu: Emulator;
before(async () => {
  emu = await startEmulator({ port: 0 });
  pulumi.runtime.setAllConfig({ "chronicle:emulatorHost": `127.0.0.1:${emu.port}`, "chronicle:requestsPerSecond": "100" });
  const res = await fetch(`${emu.url}/v1/partner/customer/createcustomer`, {
    method: "POST",
    headers: { authorization: "Bearer owner", "content-type": "application/json" },
    body: JSON.stringify({ customer_name: "Acme", customer_code: "acme", customer_subdomains: ["acme"] }),
  });
  assert.equal(res.status, 200);
});
after(() => emu.close());

const value = <T>(o: pulumi.Output<T>): Promise<T> => new Promise((resolve) => o.apply((v) => resolve(v)));

test("getCustomer and its Output form, which is secret", async () => {
  const c = await chronicle.getCustomer({ customerCode: "acme" });
  const live = emu.customers()[0];
  assert.equal(c.instanceId, live.id);
  assert.equal(c.credentialsByType.BACKSTORY_API, live.credentials.find((x) => x.credentialType === "BACKSTORY_API")!.credential);
  const out = chronicle.getCustomerOutput({ customerCode: pulumi.output("acme") });
  assert.equal(await pulumi.isSecret(out), true);
  assert.equal((await value(out)).customerName, "Acme");
  await assert.rejects(chronicle.getCustomer({ customerCode: "ghost" }), /ghost|NOT_FOUND|No customer/i);
});

test("listCustomers returns every customer of the partner", async () => {
  const { customers } = await chronicle.listCustomers();
  assert.deepEqual(customers.map((c) => c.customerCode), ["acme"]);
  assert.equal(await pulumi.isSecret(chronicle.listCustomersOutput()), true);
});

test("getCustomerForwarderConfigs decodes the configs and its Output form is secret", async () => {
  const res = await chronicle.getCustomerForwarderConfigs({ customerCode: "acme" });
  assert.deepEqual(res.forwarderConfigs.map((f) => f.platform).sort(), ["UNIX", "WINDOWS"]);
  for (const f of res.forwarderConfigs) assert.ok(!/^[A-Za-z0-9+/=]+$/.test(f.config.trim()), "decoded, not base64");
  assert.equal(res.id, emu.customers()[0].forwarders[0]);
  assert.equal(await pulumi.isSecret(chronicle.getCustomerForwarderConfigsOutput({ customerCode: "acme" })), true);
});

test("generateIdpMetadata and generateIamMigrationCommands", async () => {
  const { metadata } = await chronicle.generateIdpMetadata({ customerSubdomain: "acme" });
  assert.match(metadata, /EntityDescriptor/);
  assert.match(metadata, /acme\.backstory\.chronicle\.security/);
  assert.match((await value(chronicle.generateIdpMetadataOutput({ customerSubdomain: "acme" }))).metadata, /EntityDescriptor/);
  const { migrations } = await chronicle.generateIamMigrationCommands({ customerCode: "acme" });
  assert.ok(migrations.length > 0 && migrations[0].commands.length > 0);
  assert.equal((await value(chronicle.generateIamMigrationCommandsOutput({ customerCode: "acme" }))).migrations.length, migrations.length);
  assert.equal(emu.customers()[0].iamEnableCalls, 0, "generating commands never enables IAM");
});
