import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startEmulator, type Emulator } from "../../emulator";
import { api, call, createBody, errorOf, SSO_B64 } from "./helpers";

describe("API errors", () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ createQuotaPerDay: 1000 });
    assert.equal((await api(emu, "POST", "/createcustomer", createBody("taken"))).status, 200);
  });
  after(() => emu.close());

  const invalid = async (body: Record<string, unknown>, field: string): Promise<void> => {
    const r = await api(emu, "POST", "/createcustomer", body);
    assert.equal(r.status, 400, `${field}: ${r.text}`);
    const err = errorOf(r);
    assert.equal(err.status, "INVALID_ARGUMENT");
    assert.equal(err.code, 400);
    assert.ok(err.message.includes(field), `message "${err.message}" names ${field}`);
  };

  it("rejects bad customer codes", async () => {
    for (const code of ["Upper", "1abc", "ends-", "a".repeat(19), "under_score", ""]) {
      await invalid(createBody("ok", { customer_code: code, customer_subdomains: ["okk"] }), "customer_code");
    }
  });

  it("accepts an 18-character code", async () => {
    const code = "a".repeat(18);
    assert.equal((await api(emu, "POST", "/createcustomer", createBody(code))).status, 200);
  });

  it("requires a customer name and subdomains", async () => {
    await invalid(createBody("noname", { customer_name: "" }), "customer_name");
    await invalid(createBody("nosub", { customer_subdomains: [] }), "customer_subdomains");
    await invalid(createBody("badsub", { customer_subdomains: ["Bad.Sub"] }), "customer_subdomains[0]");
    await invalid(createBody("longsub", { customer_subdomains: ["x".repeat(64)] }), "customer_subdomains[0]");
  });

  it("validates sso_config, retention, auth version, gcp project and provider", async () => {
    await invalid(createBody("s1", { sso_config: "not base64!!" }), "sso_config");
    await invalid(createBody("s2", { sso_config: Buffer.from("plain text").toString("base64") }), "sso_config");
    await invalid(createBody("s3", { retention_duration: "FOREVER" }), "retention_duration");
    await invalid(createBody("s4", { auth_version: "AUTH_VERSION_9" }), "auth_version");
    await invalid(createBody("s5", { gcp_project: "my-project" }), "gcp_project");
    await invalid(createBody("s6", { provider_id: "workforcePools/p/providers/q" }), "provider_id");
  });

  it("rejects unknown fields, naming them", async () => {
    await invalid(createBody("u1", { customer_colour: "blue" }), "customer_colour");
    const q = await api(emu, "GET", "/getcustomer?customer_code=taken&extra=1");
    assert.equal(q.status, 400);
    assert.ok(errorOf(q).message.includes("extra"));
  });

  it("rejects a body that is not JSON", async () => {
    const res = await fetch(`${emu.url}/v1/partner/customer/createcustomer`, { method: "POST", headers: { authorization: "Bearer owner" }, body: "{nope" });
    assert.equal(res.status, 400);
  });

  it("duplicate code and taken subdomain are ALREADY_EXISTS", async () => {
    const dup = await api(emu, "POST", "/createcustomer", createBody("taken", { customer_subdomains: ["fresh"] }));
    assert.equal(dup.status, 409);
    assert.equal(errorOf(dup).status, "ALREADY_EXISTS");
    const sub = await api(emu, "POST", "/createcustomer", createBody("other", { customer_subdomains: ["taken"] }));
    assert.equal(sub.status, 409);
  });

  it("subdomains are unique across partners", async () => {
    // A second partner authenticates with a subject token exchanged for an access token.
    const subject = emu.createSubjectToken("partner-b");
    const tok = await fetch(`${emu.url}/v1/token`, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:token-exchange", subject_token: subject, subject_token_type: "urn:ietf:params:oauth:token-type:jwt", scope: "https://www.googleapis.com/auth/chronicle-backstory" }),
    });
    const access = ((await tok.json()) as { access_token: string }).access_token;
    const r = await api(emu, "POST", "/createcustomer", createBody("taken", { customer_subdomains: ["taken"] }), access);
    assert.equal(r.status, 409);
    const ok = await api(emu, "POST", "/createcustomer", createBody("taken", { customer_subdomains: ["taken-b"] }), access);
    assert.equal(ok.status, 200, "the same code is free for another partner");
  });

  it("unknown customer code is NOT_FOUND on every method taking a code", async () => {
    const calls: [string, string, Record<string, unknown> | undefined][] = [
      ["GET", "/getcustomer?customer_code=ghost", undefined],
      ["GET", "/forwarder/getconfigs?customer_code=ghost", undefined],
      ["POST", "/setauthversion", { customer_code: "ghost", auth_version: "AUTH_VERSION_2" }],
      ["POST", "/setcompliancerequirements", { customer_code: "ghost", compliance_certifications: [] }],
      ["POST", "/setuistate:state", { customer_code: "ghost", state: true }],
      ["PATCH", "/updatessoconfig", { customer_code: "ghost", sso_config: SSO_B64 }],
      ["POST", "/setworkforcepoolprovider", { customer_code: "ghost", customer_subdomain: "x", provider_id: "locations/global/workforcePools/p/providers/q" }],
      ["POST", "/setgcpprojectlink", { customer_code: "ghost", gcp_project: "projects/x" }],
      ["POST", "/iammigration:generateIamMigrationCommands", { customer_code: "ghost" }],
      ["POST", "/iammigration:enableIam", { customer_code: "ghost" }],
    ];
    for (const [verb, path, body] of calls) {
      const r = await api(emu, verb, path, body);
      assert.equal(r.status, 404, path);
      assert.equal(errorOf(r).status, "NOT_FOUND");
    }
  });

  it("validates the Set* fields", async () => {
    const bad: [string, Record<string, unknown>, string][] = [
      ["/setauthversion", { customer_code: "taken", auth_version: "V2" }, "auth_version"],
      ["/setcompliancerequirements", { customer_code: "taken", compliance_certifications: ["FEDRAMP"] }, "compliance_certifications[0]"],
      ["/setuistate:state", { customer_code: "taken", state: "maybe" }, "state"],
      ["/setworkforcepoolprovider", { customer_code: "taken", customer_subdomain: "not-mine", provider_id: "locations/global/workforcePools/p/providers/q" }, "customer_subdomain"],
      ["/setgcpprojectlink", { customer_code: "taken", gcp_project: "folders/1" }, "gcp_project"],
      ["/generateidpmetadata", { customer_subdomain: "UPPER" }, "customer_subdomain"],
    ];
    for (const [path, body, field] of bad) {
      const r = await api(emu, "POST", path, body);
      assert.equal(r.status, 400, path);
      assert.ok(errorOf(r).message.includes(field), `${path}: ${errorOf(r).message}`);
    }
    const patch = await api(emu, "PATCH", "/updatessoconfig", { customer_code: "taken", sso_config: SSO_B64, update_v2_only: "yes" });
    assert.equal(patch.status, 400);
    const sub = await api(emu, "PATCH", "/updatessoconfig", { customer_code: "taken", sso_config: SSO_B64, customer_subdomain: "nope" });
    assert.equal(sub.status, 400);
  });

  it("GenerateIdPMetadata needs one of the caller's subdomains", async () => {
    const r = await api(emu, "POST", "/generateidpmetadata", { customer_subdomain: "nobody" });
    assert.equal(r.status, 404);
    const other = await api(emu, "POST", "/generateidpmetadata", { customer_subdomain: "taken-b" });
    assert.equal(other.status, 404, "another partner's subdomain is not the caller's");
  });

  it("wrong verb and unknown path are NOT_FOUND with a Google error", async () => {
    const verb = await api(emu, "GET", "/createcustomer");
    assert.equal(verb.status, 404);
    assert.equal(errorOf(verb).status, "NOT_FOUND");
    assert.equal(verb.headers.get("allow"), "POST");
    const patchAsPost = await api(emu, "POST", "/updatessoconfig", { customer_code: "taken", sso_config: SSO_B64 });
    assert.equal(patchAsPost.status, 404);
    const unknown = await call(emu, "GET", "/v1/partner/customer/deletecustomer");
    assert.equal(unknown.status, 404);
    assert.equal(errorOf(unknown).code, 404);
  });

  it("errors never echo secret values", async () => {
    const xml = "<secret-idp-config-9931/>";
    const r = await api(emu, "POST", "/createcustomer", createBody("echo1", { sso_config: Buffer.from(xml).toString("base64"), retention_duration: "NOPE" }));
    assert.equal(r.status, 400);
    assert.ok(!r.text.includes("secret-idp-config-9931"));
    assert.ok(!r.text.includes(Buffer.from(xml).toString("base64")));
    const bad = await api(emu, "PATCH", "/updatessoconfig", { customer_code: "taken", sso_config: "c2VjcmV0LXZhbHVlLTQ0" });
    assert.equal(bad.status, 400);
    assert.ok(!bad.text.includes("c2VjcmV0LXZhbHVlLTQ0") && !bad.text.includes("secret-value-44"));
  });
});
