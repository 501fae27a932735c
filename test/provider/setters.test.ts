import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { startProviderHarness, ProviderHarness, rejection } from "../support/provider";
import { customerInputs, samlMetadata } from "../support/fixtures";
import { UNKNOWN } from "../../provider/resources/common/validation";
import { warnings } from "../../provider/runtime/log";

let h: ProviderHarness;
before(async () => {
  h = await startProviderHarness();
});
after(() => h.close());
beforeEach(async () => {
  h.emu.reset();
  const { inputs } = await h.call("customer", "check", {}, customerInputs("acme"));
  await h.call("customer", "create", inputs);
  h.emu.clearLog();
});

/** check then create, asserting the inputs were valid. */
async function make(kind: string, news: Record<string, unknown>) {
  const { inputs, failures } = await h.call(kind, "check", {}, news);
  assert.deepEqual(failures, []);
  const res = await h.call(kind, "create", inputs);
  return { inputs, id: res.id as string, outs: res.outs as Record<string, any> };
}

const live = () => h.emu.customers()[0];

test("ChronicleSsoConfig: PATCH in place, drift seen by read, released on delete", async () => {
  const { inputs, id, outs } = await make("ssoConfig", { customerCode: "acme", ssoConfig: samlMetadata("a"), customerSubdomain: "acme-soc", updateV2Only: true });
  assert.equal(id, "acme/acme-soc");
  assert.equal(outs.ssoState, "DEPLOYED");
  assert.equal(live().ssoUpdateV2Only, true);
  assert.deepEqual(h.emu.requestLog().map((e) => `${e.httpMethod} ${e.method}`), ["PATCH UpdateSSOConfig"]);

  const changed = { ...inputs, ssoConfig: samlMetadata("b") };
  const diff = await h.call("ssoConfig", "diff", id, outs, changed);
  assert.deepEqual([diff.changes, diff.replaces], [true, []]);
  const updated = await h.call("ssoConfig", "update", id, outs, changed);
  assert.equal(Buffer.from(live().ssoConfig.config, "base64").toString(), samlMetadata("b"));

  h.emu.updateCustomer("acme", { ssoConfig: { ...live().ssoConfig, config: Buffer.from(samlMetadata("oob")).toString("base64") } });
  const read = await h.call("ssoConfig", "read", id, updated.outs);
  assert.equal(read.props.ssoConfig, samlMetadata("oob"));
  assert.equal((await h.call("ssoConfig", "diff", id, read.props, changed)).changes, true);

  assert.deepEqual((await h.call("ssoConfig", "diff", id, outs, { ...inputs, customerSubdomain: "other" })).replaces, ["customerSubdomain"]);
  await h.call("ssoConfig", "delete", id, updated.outs);
  assert.ok(warnings().some((w) => /SSO configuration of customer "acme".*left as it is/.test(w)));
});

test("ChronicleSsoConfig requires well-formed SAML metadata", async () => {
  const { failures } = await h.call("ssoConfig", "check", {}, { customerCode: "acme", ssoConfig: "<EntityDescriptor>" });
  assert.equal(failures[0].property, "ssoConfig");
  const wrongRoot = await h.call("ssoConfig", "check", {}, { customerCode: "acme", ssoConfig: "<html></html>" });
  assert.match(wrongRoot.failures[0].reason, /root element is html/);
});

test("ChronicleUiState: on and off; refresh only sees a vanished customer", async () => {
  const { id, outs, inputs } = await make("uiState", { customerCode: "acme", enabled: false });
  assert.equal(live().uiEnabled, false);
  await h.call("uiState", "update", id, outs, { ...inputs, enabled: true });
  assert.equal(live().uiEnabled, true);
  assert.deepEqual((await h.call("uiState", "read", id, outs)).props, outs);
  assert.deepEqual(await h.call("uiState", "diff", id, outs, inputs), { changes: false, replaces: [], deleteBeforeReplace: false });
  h.emu.reset();
  assert.deepEqual(await h.call("uiState", "read", id, outs), {});
  const { failures } = await h.call("uiState", "check", {}, { customerCode: "acme", enabled: "yes" });
  assert.match(failures[0].reason, /enabled must be true or false/);
});

test("ChronicleAuthVersion accepts all four versions and refuses others", async () => {
  for (const v of ["AUTH_VERSION_1", "AUTH_VERSION_2", "AUTH_VERSION_3", "AUTH_VERSION_4"]) {
    const { outs } = await make("authVersion", { customerCode: "acme", authVersion: v });
    assert.equal(outs.authVersion, v);
    assert.equal(live().authVersion, v);
  }
  const { failures } = await h.call("authVersion", "check", {}, { customerCode: "acme", authVersion: "AUTH_VERSION_5" });
  assert.equal(failures[0].property, "authVersion");
});

test("ChronicleComplianceRequirements sends the list, open set, non-empty", async () => {
  const certs = ["COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE", "COMPLIANCE_CERTIFICATION_PCI_DSS", "COMPLIANCE_CERTIFICATION_NEW_ONE"];
  const { outs } = await make("complianceRequirements", { customerCode: "acme", complianceCertifications: certs });
  assert.deepEqual(outs.complianceCertifications, certs);
  assert.deepEqual(live().complianceCertifications, certs);
  const empty = await h.call("complianceRequirements", "check", {}, { customerCode: "acme", complianceCertifications: [] });
  assert.match(empty.failures[0].reason, /at least one/);
  const unknown = await h.call("complianceRequirements", "check", {}, { customerCode: "acme", complianceCertifications: UNKNOWN });
  assert.deepEqual(unknown.failures, []);
});

test("ChronicleWorkforcePoolProvider and ChronicleGcpProjectLink", async () => {
  const providerId = "locations/global/workforcePools/acme-pool/providers/acme-idp";
  const wf = await make("workforcePoolProvider", { customerCode: "acme", customerSubdomain: "acme-soc", providerId });
  assert.equal(wf.id, "acme/acme-soc");
  assert.equal(live().workforcePoolProviders["acme-soc"], providerId);
  const link = await make("gcpProjectLink", { customerCode: "acme", gcpProject: "projects/acme-secops" });
  assert.equal(link.id, "acme");
  assert.equal(live().gcpProject, "projects/acme-secops");
  const bad = await h.call("gcpProjectLink", "check", {}, { customerCode: "acme", gcpProject: "acme-secops" });
  assert.match(bad.failures[0].reason, /projects\/PROJECT_ID/);
});

test("ChronicleIamEnablement never calls EnableIAM without the acknowledgement", async () => {
  const refused = await h.call("iamEnablement", "check", {}, { customerCode: "acme", acknowledgeIrreversible: false });
  assert.equal(refused.failures[0].property, "acknowledgeIrreversible");
  assert.match(refused.failures[0].reason, /cannot be undone/);
  const missing = await h.call("iamEnablement", "check", {}, { customerCode: "acme" });
  assert.equal(missing.failures[0].property, "acknowledgeIrreversible");
  assert.equal(live().iamEnableCalls, 0);
  await make("iamEnablement", { customerCode: "acme", acknowledgeIrreversible: true });
  assert.equal(live().iamEnabled, true);
  assert.equal(live().iamEnableCalls, 1);
});

test("a setter on an unknown customer fails with the API's NOT_FOUND, naming the code", async () => {
  const err = await rejection(() => h.call("uiState", "create", { customerCode: "ghost", enabled: true }));
  assert.match(err.message, /ghost|not found|No customer/i);
});
