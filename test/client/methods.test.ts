/** Every one of the 13 methods over real HTTP, with both response key spellings. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_PARTNER, type Emulator } from "../../emulator";
import { clientFor, createRequest, SSO_XML, withEmulator } from "./helpers";
import { API_METHODS } from "../../provider/client/models";
import { route } from "../../provider/client/endpoints";

async function exerciseAllMethods(emu: Emulator): Promise<void> {
  const client = clientFor(emu);
  const created = await client.createCustomer(createRequest("acme", {
    customerSubdomains: ["acme-a", "acme-b"], retentionDuration: "SIX_MONTHS", gcpProject: "projects/acme-proj",
    providerId: "locations/global/workforcePools/pool/providers/prov", authVersion: "AUTH_VERSION_2",
  }));
  assert.equal(created.customerCode, "acme");
  assert.equal(created.customerName, "Customer acme");
  assert.deepEqual(created.customerSubdomains, ["acme-a", "acme-b"]);
  assert.equal(created.retentionDuration, "SIX_MONTHS");
  assert.ok(created.id.length > 0 && created.customerId.length > 0);
  assert.ok(created.credentials.length >= 3 && created.credentials.every((c) => c.credentialType && c.credential));
  assert.ok(created.ssoConfig && created.ssoConfig.state.length > 0);
  // The XML went out base64-encoded, as the bytes field requires.
  const stored = emu.customers(DEFAULT_PARTNER)[0];
  assert.equal(Buffer.from(stored.ssoConfig.config, "base64").toString("utf8"), SSO_XML);
  assert.equal(stored.gcpProject, "projects/acme-proj");
  assert.equal(stored.authVersion, "AUTH_VERSION_2");

  const got = await client.getCustomer("acme");
  assert.deepEqual(got, created);
  assert.equal(await client.findCustomer("nobody"), undefined);

  const fwd = await client.getCustomerForwarderConfigs("acme");
  assert.equal(fwd.id, created.forwarders[0]);
  assert.ok(fwd.forwarderConfigs.length >= 1 && fwd.forwarderConfigs.every((f) => f.platform && f.config));

  await client.createCustomer(createRequest("beta"));
  const listed = await client.listCustomers();
  assert.deepEqual(listed.map((c) => c.customerCode).sort(), ["acme", "beta"]);

  assert.deepEqual(await client.setAuthVersion("acme", "AUTH_VERSION_4"), { authVersion: "AUTH_VERSION_4" });
  const certs = ["COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE", "COMPLIANCE_CERTIFICATION_PCI_DSS"];
  assert.deepEqual(await client.setComplianceRequirements("acme", certs), { complianceCertifications: certs });
  assert.deepEqual(await client.setUiState("acme", false), { state: false });
  assert.deepEqual(await client.setUiState("acme", true), { state: true });

  const newXml = SSO_XML.replace("secret-entity", "new-entity");
  const sso = await client.updateSsoConfig({ customerCode: "acme", ssoConfigXml: newXml, customerSubdomain: "acme-b", updateV2Only: true });
  assert.equal(sso.state, "DEPLOYED");
  assert.equal(Buffer.from(sso.config, "base64").toString("utf8"), newXml);
  assert.ok(sso.deployTime.length > 0);

  const meta = await client.generateIdpMetadata("acme-a");
  assert.match(meta.metadata, /<.*EntityDescriptor/);
  const provider = "locations/global/workforcePools/p2/providers/x";
  assert.deepEqual(await client.setWorkforcePoolProvider("acme", "acme-b", provider), { providerId: provider });
  assert.equal(await client.setGcpProjectLink("acme", "projects/other-proj"), undefined);
  const mig = await client.generateIamMigrationCommands("acme");
  assert.ok(mig.migrations.length >= 1 && mig.migrations.every((m) => typeof m.frontendPath === "string" && Array.isArray(m.commands)));
  await client.enableIam("acme");

  const after = emu.customers(DEFAULT_PARTNER).find((c) => c.customerCode === "acme")!;
  assert.equal(after.authVersion, "AUTH_VERSION_4");
  assert.deepEqual(after.complianceCertifications, certs);
  assert.equal(after.uiEnabled, true);
  assert.equal(after.ssoUpdateV2Only, true);
  assert.equal(after.workforcePoolProviders["acme-b"], provider);
  assert.equal(after.gcpProject, "projects/other-proj");
  assert.equal(after.iamEnableCalls, 1);

  // Every method reached its documented path with its documented verb, and nothing was refused.
  const log = emu.requestLog();
  for (const m of API_METHODS) {
    const hits = log.filter((e) => e.method === m);
    assert.ok(hits.length > 0, `${m} was not called`);
    const r = route(m);
    assert.ok(hits.every((e) => e.httpMethod === r.httpMethod && e.path === `/v1/partner/customer${r.path}`), `${m} path/verb`);
  }
  assert.deepEqual(log.filter((e) => e.status !== 200 && !(e.method === "GetCustomer" && e.status === 404)), []);
}

test("all 13 methods, snake_case responses", async () => {
  await withEmulator({}, exerciseAllMethods);
});

test("all 13 methods, lowerCamelCase responses", async () => {
  await withEmulator({ camelCase: true }, exerciseAllMethods);
});

test("an empty ListCustomers answer ({}) is an empty list", async () => {
  await withEmulator({}, async (emu) => {
    assert.deepEqual(await clientFor(emu).listCustomers(), []);
  });
});

test("an invalid customer code is refused before CreateCustomer spends quota", async () => {
  await withEmulator({}, async (emu) => {
    await assert.rejects(clientFor(emu).createCustomer(createRequest("Bad_Code")), (e: Error & { status?: string }) => {
      assert.equal(e.status, "INVALID_ARGUMENT");
      assert.match(e.message, /lowercase letter/);
      return true;
    });
    assert.equal(emu.requestLog().length, 0);
  });
});
