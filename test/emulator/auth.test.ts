import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { GoogleAuth, JWT } from "google-auth-library";
import { startEmulator, type Emulator, type ServiceAccountKeyJson } from "../../emulator";
import { api, createBody, errorOf, jwtClaims, SCOPE, signJwt } from "./helpers";

const STS_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
const JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

async function token(emu: Emulator, form: Record<string, string>, path = "/v1/token"): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${emu.url}${path}`, { method: "POST", body: new URLSearchParams(form) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function stsForm(subject: string, scope = SCOPE): Record<string, string> {
  return {
    grant_type: STS_GRANT,
    audience: "//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/pool/providers/prov",
    scope,
    requested_token_type: "urn:ietf:params:oauth:token-type:access_token",
    subject_token: subject,
    subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
  };
}

describe("authentication", () => {
  let emu: Emulator;
  let key: ServiceAccountKeyJson;
  let otherKey: ServiceAccountKeyJson;
  before(async () => {
    emu = await startEmulator();
    key = emu.createServiceAccountKey();
    otherKey = emu.createServiceAccountKey("partner-b");
  });
  after(() => emu.close());

  it("401 UNAUTHENTICATED without a token or with an unknown one", async () => {
    for (const t of [null, "nonsense", "a.b.c"]) {
      const r = await api(emu, "GET", "/listcustomers", undefined, t);
      assert.equal(r.status, 401, String(t));
      assert.equal(errorOf(r).status, "UNAUTHENTICATED");
    }
  });

  it("the emulator token 'owner' is the default partner", async () => {
    assert.equal((await api(emu, "GET", "/listcustomers", undefined, "owner")).status, 200);
    assert.equal(emu.requestLog().at(-1)?.partner, "default-partner");
  });

  it("self-signed JWTs: scope or audience accepted, wrong scope 403, expired or tampered 401", async () => {
    const scoped = signJwt(key, jwtClaims(key, { scope: SCOPE }));
    assert.equal((await api(emu, "GET", "/listcustomers", undefined, scoped)).status, 200);
    const byAud = signJwt(key, jwtClaims(key, { aud: `${emu.url}/` }));
    assert.equal((await api(emu, "GET", "/listcustomers", undefined, byAud)).status, 200);
    const byApiAud = signJwt(key, jwtClaims(key, { aud: "https://backstory.googleapis.com/" }));
    assert.equal((await api(emu, "GET", "/listcustomers", undefined, byApiAud)).status, 200);

    const wrongScope = await api(emu, "GET", "/listcustomers", undefined, signJwt(key, jwtClaims(key, { scope: "https://www.googleapis.com/auth/cloud-platform" })));
    assert.equal(wrongScope.status, 403);
    assert.equal(errorOf(wrongScope).status, "PERMISSION_DENIED");
    assert.equal(errorOf(wrongScope).details?.[0].reason, "ACCESS_TOKEN_SCOPE_INSUFFICIENT");

    const expired = signJwt(key, jwtClaims(key, { scope: SCOPE, exp: Math.floor(Date.now() / 1000) - 10 }));
    assert.equal((await api(emu, "GET", "/listcustomers", undefined, expired)).status, 401);
    const [h, , s] = scoped.split(".");
    const forged = `${h}.${Buffer.from(JSON.stringify(jwtClaims(otherKey, { scope: SCOPE }))).toString("base64url")}.${s}`;
    assert.equal((await api(emu, "GET", "/listcustomers", undefined, forged)).status, 401);
    const wrongKey = signJwt(otherKey, jwtClaims(key, { scope: SCOPE }), key.private_key_id);
    assert.equal((await api(emu, "GET", "/listcustomers", undefined, wrongKey)).status, 401);
  });

  it("token endpoint: JWT-bearer assertion -> access token usable on the API", async () => {
    const assertion = signJwt(key, jwtClaims(key, { scope: SCOPE, aud: key.token_uri }));
    const t = await token(emu, { grant_type: JWT_GRANT, assertion });
    assert.equal(t.status, 200);
    assert.equal(t.body.token_type, "Bearer");
    assert.equal(t.body.expires_in, 3600);
    const r = await api(emu, "GET", "/listcustomers", undefined, String(t.body.access_token));
    assert.equal(r.status, 200);
    const bad = await token(emu, { grant_type: JWT_GRANT, assertion: assertion.slice(0, -4) + "AAAA" });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error, "invalid_grant");
  });

  it("token endpoint: STS exchange of a subject token, also on /token", async () => {
    const subject = emu.createSubjectToken();
    const t = await token(emu, stsForm(subject), "/token");
    assert.equal(t.status, 200);
    assert.equal(t.body.issued_token_type, "urn:ietf:params:oauth:token-type:access_token");
    assert.equal(t.body.token_type, "Bearer");
    assert.equal(t.body.expires_in, 3600);
    assert.equal((await api(emu, "GET", "/listcustomers", undefined, String(t.body.access_token))).status, 200);
    const unknown = await token(emu, stsForm("made-up-subject"));
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error, "invalid_grant");
    const grant = await token(emu, { grant_type: "client_credentials" });
    assert.equal(grant.body.error, "unsupported_grant_type");
  });

  it("an access token without the chronicle-backstory scope is 403", async () => {
    const t = await token(emu, stsForm(emu.createSubjectToken(), "https://www.googleapis.com/auth/cloud-platform"));
    const r = await api(emu, "GET", "/listcustomers", undefined, String(t.body.access_token));
    assert.equal(r.status, 403);
    assert.equal(errorOf(r).details?.[0].reason, "ACCESS_TOKEN_SCOPE_INSUFFICIENT");
  });

  it("token requests are logged as Token without the token", async () => {
    emu.clearLog();
    const subject = emu.createSubjectToken();
    const t = await token(emu, stsForm(subject));
    const log = emu.requestLog();
    assert.equal(log.filter((e) => e.method === "Token").length, 1);
    const text = JSON.stringify(log);
    assert.ok(!text.includes(subject) && !text.includes(String(t.body.access_token)));
  });

  it("partners are isolated: another partner's customers are invisible", async () => {
    const b = signJwt(otherKey, jwtClaims(otherKey, { scope: SCOPE }));
    assert.equal((await api(emu, "POST", "/createcustomer", createBody("bonly"), b)).status, 200);
    assert.equal((await api(emu, "GET", "/getcustomer?customer_code=bonly", undefined, b)).status, 200);
    assert.equal((await api(emu, "GET", "/getcustomer?customer_code=bonly")).status, 404);
    assert.equal((await api(emu, "POST", "/setuistate:state", { customer_code: "bonly", state: false })).status, 404);
    const list = await api(emu, "GET", "/listcustomers");
    assert.ok(!JSON.stringify(list.json).includes("bonly"));
    assert.deepEqual(emu.customers("partner-b").map((c) => c.customerCode), ["bonly"]);
    assert.deepEqual(emu.customers().map((c) => c.customerCode), []);
    assert.equal(emu.customers("*").length, 1);
  });
});

describe("google-auth-library against the emulator", () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator();
  });
  after(() => emu.close());

  it("external_account credentials exchange the subject token once and call the API", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emu-wif-"));
    const file = join(dir, "subject.txt");
    writeFileSync(file, emu.createSubjectToken());
    const auth = new GoogleAuth({
      scopes: [SCOPE],
      credentials: {
        type: "external_account",
        audience: "//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/pool/providers/prov",
        subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
        token_url: `${emu.url}/v1/token`,
        credential_source: { file },
      },
    });
    const client = await auth.getClient();
    emu.clearLog();
    for (let i = 0; i < 3; i++) {
      const res = await client.request<Record<string, unknown>>({ url: `${emu.url}/v1/partner/customer/listcustomers` });
      assert.equal(res.status, 200);
    }
    const log = emu.requestLog();
    assert.equal(log.filter((e) => e.method === "Token").length, 1);
    assert.equal(log.filter((e) => e.method === "ListCustomers" && e.status === 200).length, 3);
  });

  it("a service-account key with useJWTAccessWithScope signs a JWT the emulator accepts", async () => {
    const key = emu.createServiceAccountKey();
    const client = new JWT({ email: key.client_email, key: key.private_key, keyId: key.private_key_id, scopes: [SCOPE] });
    client.useJWTAccessWithScope = true;
    emu.clearLog();
    const res = await client.request({ url: `${emu.url}/v1/partner/customer/listcustomers` });
    assert.equal(res.status, 200);
    assert.equal(emu.requestLog().filter((e) => e.method === "Token").length, 0);
  });
});
