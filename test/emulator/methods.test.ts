import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startEmulator, type Emulator } from "../../emulator";
import { api, createBody, SSO_B64, SSO_XML } from "./helpers";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("API methods: happy paths", () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ createQuotaPerDay: 100 });
  });
  after(() => emu.close());

  it("CreateCustomer returns a fully generated Customer in snake_case", async () => {
    const r = await api(emu, "POST", "/createcustomer", createBody("acme", { retention_duration: "SIX_MONTHS" }));
    assert.equal(r.status, 200);
    const c = r.json;
    assert.match(String(c.id), UUID);
    assert.equal(Buffer.from(String(c.customer_id), "base64").length, 16);
    assert.equal(c.customer_code, "acme");
    assert.equal(c.customer_name, "Customer acme");
    assert.deepEqual(c.customer_subdomains, ["acme"]);
    assert.equal(c.retention_duration, "SIX_MONTHS");
    assert.equal((c.forwarders as string[]).length, 1);
    assert.match((c.forwarders as string[])[0], UUID);
    const sso = c.sso_config as Record<string, string>;
    assert.equal(sso.state, "DEPLOYED");
    assert.equal(sso.config, SSO_B64);
    assert.ok(!Number.isNaN(Date.parse(sso.create_time)));
    const creds = c.credentials as { id: string; credential_type: string; credential: string }[];
    assert.deepEqual(creds.map((x) => x.credential_type), ["BACKSTORY_API", "INGESTION_API", "BIGQUERY_API"]);
    const key = JSON.parse(Buffer.from(creds[0].credential, "base64").toString()) as Record<string, string>;
    assert.equal(key.type, "service_account");
    assert.match(key.private_key, /BEGIN PRIVATE KEY/);
    assert.match(key.client_email, /@.*\.iam\.gserviceaccount\.com$/);
  });

  it("CreateCustomer accepts lowerCamelCase keys, a string subdomain and defaults", async () => {
    const r = await api(emu, "POST", "/createcustomer", {
      customerName: "Camel",
      customerCode: "camel",
      customerSubdomains: "camel-sub",
      authVersion: "AUTH_VERSION_3",
      gcpProject: "projects/camel-project",
      providerId: "locations/global/workforcePools/pool-1/providers/prov-1",
    });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.customer_subdomains, ["camel-sub"]);
    assert.equal(r.json.retention_duration, "ONE_YEAR");
    const sso = r.json.sso_config as Record<string, string>;
    assert.equal(sso.state, "NOT_CONFIGURED");
    assert.equal(sso.config, "");
    const hidden = emu.customers().find((c) => c.customerCode === "camel");
    assert.equal(hidden?.authVersion, "AUTH_VERSION_3");
    assert.equal(hidden?.gcpProject, "projects/camel-project");
    assert.equal(hidden?.uiEnabled, true);
  });

  it("GetCustomer returns what CreateCustomer returned", async () => {
    const created = await api(emu, "POST", "/createcustomer", createBody("getme"));
    const got = await api(emu, "GET", "/getcustomer?customer_code=getme");
    assert.equal(got.status, 200);
    assert.deepEqual(got.json, created.json);
    const camelQuery = await api(emu, "GET", "/getcustomer?customerCode=getme");
    assert.equal(camelQuery.json.id, created.json.id);
  });

  it("ListCustomers lists the partner's customers", async () => {
    const r = await api(emu, "GET", "/listcustomers");
    assert.equal(r.status, 200);
    const codes = (r.json.customers as { customer_code: string }[]).map((c) => c.customer_code).sort();
    assert.deepEqual(codes, ["acme", "camel", "getme"]);
  });

  it("GetCustomerForwarderConfigs returns UNIX and WINDOWS YAML naming the customer", async () => {
    const c = (await api(emu, "GET", "/getcustomer?customer_code=acme")).json;
    const r = await api(emu, "GET", "/forwarder/getconfigs?customer_code=acme");
    assert.equal(r.status, 200);
    assert.equal(r.json.id, (c.forwarders as string[])[0]);
    const configs = r.json.forwarder_configs as { platform: string; config: string }[];
    assert.deepEqual(configs.map((x) => x.platform), ["UNIX", "WINDOWS"]);
    const yaml = Buffer.from(configs[0].config, "base64").toString();
    assert.ok(yaml.includes(`customer_id: ${String(c.customer_id)}`));
    assert.match(yaml, /secret_key:/);
  });

  it("SetAuthVersion, SetComplianceRequirements and SetUIState answer in documented camelCase", async () => {
    const a = await api(emu, "POST", "/setauthversion", { customer_code: "acme", auth_version: "AUTH_VERSION_2" });
    assert.equal(a.status, 200);
    assert.deepEqual(a.json, { authVersion: "AUTH_VERSION_2" });
    const single = await api(emu, "POST", "/setcompliancerequirements", { customer_code: "acme", compliance_certifications: "COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE" });
    assert.deepEqual(single.json, { complianceCertifications: ["COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE"] });
    const list = await api(emu, "POST", "/setcompliancerequirements", { customerCode: "acme", complianceCertifications: ["COMPLIANCE_CERTIFICATION_PCI_DSS", "COMPLIANCE_CERTIFICATION_NEW_ONE"] });
    assert.deepEqual(list.json, { complianceCertifications: ["COMPLIANCE_CERTIFICATION_PCI_DSS", "COMPLIANCE_CERTIFICATION_NEW_ONE"] });
    const ui = await api(emu, "POST", "/setuistate:state", { customer_code: "acme", state: "false" });
    assert.deepEqual(ui.json, { state: false });
    const hidden = emu.customers().find((c) => c.customerCode === "acme");
    assert.equal(hidden?.authVersion, "AUTH_VERSION_2");
    assert.deepEqual(hidden?.complianceCertifications, ["COMPLIANCE_CERTIFICATION_PCI_DSS", "COMPLIANCE_CERTIFICATION_NEW_ONE"]);
    assert.equal(hidden?.uiEnabled, false);
  });

  it("SetUIState accepts a percent-encoded colon", async () => {
    const r = await api(emu, "POST", "/setuistate%3Astate", { customer_code: "acme", state: true });
    assert.deepEqual(r.json, { state: true });
  });

  it("UpdateSSOConfig (PATCH) deploys the new config and returns the SSO config object", async () => {
    const xml = Buffer.from("<EntityDescriptor new='1'/>").toString("base64");
    const r = await api(emu, "PATCH", "/updatessoconfig", { customer_code: "camel", sso_config: xml, customer_subdomain: "camel-sub", update_v2_only: "true" });
    assert.equal(r.status, 200);
    assert.equal(r.json.state, "DEPLOYED");
    assert.equal(r.json.config, xml);
    assert.ok(typeof r.json.deploy_time === "string" && r.json.deploy_time !== "");
    const hidden = emu.customers().find((c) => c.customerCode === "camel");
    assert.equal(hidden?.ssoConfig.config, xml);
    assert.equal(hidden?.ssoUpdateV2Only, true);
    const got = await api(emu, "GET", "/getcustomer?customer_code=camel");
    assert.equal((got.json.sso_config as Record<string, string>).config, xml);
  });

  it("GenerateIdPMetadata returns SP metadata for the subdomain's login URL", async () => {
    const r = await api(emu, "POST", "/generateidpmetadata", { customer_subdomain: "acme" });
    assert.equal(r.status, 200);
    assert.match(String(r.json.metadata), /<md:EntityDescriptor[^>]*entityID="https:\/\/acme\.backstory\.chronicle\.security"/);
  });

  it("SetWorkforcePoolProvider, SetGCPProjectLink, IAM migration commands and EnableIAM", async () => {
    const provider = "locations/global/workforcePools/p/providers/q";
    const w = await api(emu, "POST", "/setworkforcepoolprovider", { customer_code: "acme", customer_subdomain: "acme", provider_id: provider });
    assert.deepEqual(w.json, { providerId: provider });
    const g = await api(emu, "POST", "/setgcpprojectlink", { customerCode: "acme", gcpProject: "projects/acme-prod" });
    assert.equal(g.status, 200);
    assert.deepEqual(g.json, {});
    const m = await api(emu, "POST", "/iammigration:generateIamMigrationCommands", { customer_code: "acme" });
    const migrations = m.json.migrations as { frontend_path: string; commands: string[] }[];
    assert.equal(migrations[0].frontend_path, "acme");
    assert.ok(migrations[0].commands.length > 0 && migrations[0].commands[0].includes("acme-prod"));
    for (let i = 0; i < 2; i++) {
      const e = await api(emu, "POST", "/iammigration:enableIam", { customer_code: "acme" });
      assert.equal(e.status, 200);
      assert.deepEqual(e.json, {});
    }
    const hidden = emu.customers().find((c) => c.customerCode === "acme");
    assert.equal(hidden?.workforcePoolProviders.acme, provider);
    assert.equal(hidden?.gcpProject, "projects/acme-prod");
    assert.equal(hidden?.iamEnabled, true);
    assert.equal(hidden?.iamEnableCalls, 2);
  });

  it("updateCustomer changes hidden state out of band (drift)", async () => {
    emu.updateCustomer("acme", { customerName: "Renamed", uiEnabled: false });
    const r = await api(emu, "GET", "/getcustomer?customer_code=acme");
    assert.equal(r.json.customer_name, "Renamed");
    assert.equal(emu.customers().find((c) => c.customerCode === "acme")?.uiEnabled, false);
  });

  it("the camelCase option re-spells every response key", async () => {
    emu.setOptions({ camelCase: true });
    try {
      const c = await api(emu, "GET", "/getcustomer?customer_code=acme");
      assert.equal(c.json.customerCode, "acme");
      assert.equal(c.json.customer_code, undefined);
      assert.ok(typeof (c.json.ssoConfig as Record<string, string>).createTime === "string");
      assert.ok((c.json.credentials as Record<string, string>[])[0].credentialType);
      const f = await api(emu, "GET", "/forwarder/getconfigs?customer_code=acme");
      assert.ok(Array.isArray(f.json.forwarderConfigs));
      const m = await api(emu, "POST", "/iammigration:generateIamMigrationCommands", { customer_code: "acme" });
      assert.equal((m.json.migrations as Record<string, string>[])[0].frontendPath, "acme");
    } finally {
      emu.setOptions({ camelCase: false });
    }
  });

  it("the SSO XML is never stored decoded", () => {
    assert.ok(!JSON.stringify(emu.customers()).includes(SSO_XML));
  });
});

describe("ListCustomers with no customers", () => {
  it("omits the empty repeated field, as proto3 JSON does", async () => {
    const emu = await startEmulator();
    try {
      const r = await api(emu, "GET", "/listcustomers");
      assert.equal(r.status, 200);
      assert.deepEqual(r.json, {});
    } finally {
      await emu.close();
    }
  });
});
