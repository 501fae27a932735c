/** Credentials against the emulator: self-signed JWT, workload identity federation, key files, token caching, 401. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Emulator } from "../../emulator";
import { PartnerClient, sharedClient } from "../../provider/client/client";
import { ChronicleApiError } from "../../provider/client/errors";
import { ClientSettings, resolveSettings } from "../../provider/client/settings";
import { count, recordingHooks, withEmulator } from "./helpers";

const tmp = mkdtempSync(join(tmpdir(), "chronicle-client-auth-"));

/** Real credentials against the emulator: the endpoint override, not emulatorHost (which would send `owner`). */
function endpointSettings(emu: Emulator, config: Record<string, string>): ClientSettings {
  return { ...resolveSettings({ "chronicle:endpoint": emu.url, ...config }, {}), retryBaseDelayMs: 1, requestsPerSecond: 10_000 };
}

function externalAccountJson(emu: Emulator, subjectToken: string): string {
  const file = join(tmp, `subject-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(file, subjectToken);
  return JSON.stringify({
    type: "external_account",
    audience: "//iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/ci/providers/gh",
    subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
    token_url: `${emu.url}/v1/token`,
    credential_source: { file },
  });
}

test("service-account key with selfSignedJwt: 10 calls, zero Token calls, the key's partner", async () => {
  await withEmulator({}, async (emu) => {
    const key = emu.createServiceAccountKey("partner-sa");
    const client = new PartnerClient(endpointSettings(emu, { "chronicle:credentials": JSON.stringify(key), "chronicle:selfSignedJwt": "true" }));
    for (let i = 0; i < 10; i++) assert.deepEqual(await client.listCustomers(), []);
    const log = emu.requestLog();
    assert.equal(count(emu, "Token"), 0);
    assert.equal(count(emu, "ListCustomers"), 10);
    assert.ok(log.every((e) => e.status === 200 && e.partner === "partner-sa"));
  });
});

test("selfSignedJwt defaults to true with the emulator, false otherwise", () => {
  assert.equal(resolveSettings({ "chronicle:emulatorHost": "127.0.0.1:1" }, {}).selfSignedJwt, true);
  assert.equal(resolveSettings({}, {}).selfSignedJwt, false);
  assert.equal(resolveSettings({ "chronicle:emulatorHost": "127.0.0.1:1", "chronicle:selfSignedJwt": "false" }, {}).selfSignedJwt, false);
});

test("credentials file: the key is read from the file; emulatorHost with credentials uses them, not `owner`", async () => {
  await withEmulator({}, async (emu) => {
    const file = join(tmp, "key.json");
    writeFileSync(file, JSON.stringify(emu.createServiceAccountKey("partner-file")));
    const settings = { ...resolveSettings({ "chronicle:emulatorHost": `127.0.0.1:${emu.port}`, "chronicle:credentialsFile": file }, {}), requestsPerSecond: 10_000 };
    await new PartnerClient(settings).listCustomers();
    assert.deepEqual(emu.requestLog().map((e) => e.partner), ["partner-file"]);
  });
});

test("emulatorHost without credentials sends the default partner's static token", async () => {
  await withEmulator({}, async (emu) => {
    const settings = { ...resolveSettings({}, { CHRONICLE_PARTNER_EMULATOR_HOST: `127.0.0.1:${emu.port}` }), requestsPerSecond: 10_000 };
    await new PartnerClient(settings).listCustomers();
    assert.deepEqual(emu.requestLog().map((e) => `${e.method}:${e.status}:${e.partner}`), ["ListCustomers:200:default-partner"]);
  });
});

test("external_account (workload identity federation): 10 API calls, exactly one Token exchange", async () => {
  await withEmulator({}, async (emu) => {
    const creds = externalAccountJson(emu, emu.createSubjectToken("partner-wif"));
    const client = new PartnerClient(endpointSettings(emu, { "chronicle:credentials": creds }));
    for (let i = 0; i < 10; i++) await client.listCustomers();
    assert.equal(count(emu, "Token"), 1);
    assert.equal(count(emu, "ListCustomers"), 10);
    assert.ok(emu.requestLog().every((e) => e.status === 200 && e.partner === "partner-wif"));
  });
});

test("sharedClient: one client (one token) per settings; equal settings share, different settings do not", async () => {
  await withEmulator({}, async (emu) => {
    const creds = externalAccountJson(emu, emu.createSubjectToken());
    const a = sharedClient(endpointSettings(emu, { "chronicle:credentials": creds }));
    const b = sharedClient(endpointSettings(emu, { "chronicle:credentials": creds }));
    assert.equal(a, b);
    await Promise.all([a.listCustomers(), b.listCustomers(), a.listCustomers()]);
    for (let i = 0; i < 7; i++) await b.listCustomers();
    assert.equal(count(emu, "Token"), 1);
    const c = sharedClient(endpointSettings(emu, { "chronicle:credentials": creds, "chronicle:maxRetries": "2" }));
    assert.notEqual(c, a);
    await c.listCustomers();
    assert.equal(count(emu, "Token"), 2);
  });
});

test("a subject token the STS rejects: UNAUTHENTICATED, no token or subject token in the message", async () => {
  await withEmulator({}, async (emu) => {
    const subject = "not-issued-subject-token-SECRET123";
    const hooks = recordingHooks();
    const client = new PartnerClient(endpointSettings(emu, { "chronicle:credentials": externalAccountJson(emu, subject) }), hooks);
    await assert.rejects(client.listCustomers(), (e: unknown) => {
      assert.ok(e instanceof ChronicleApiError);
      assert.equal(e.status, "UNAUTHENTICATED");
      assert.equal(e.retryable, false);
      assert.match(e.message, /could not obtain an access token/);
      assert.ok(!e.message.includes(subject));
      return true;
    });
    assert.equal(count(emu, "ListCustomers"), 0);
  });
});

test("401: a key the API does not know; the message says what to check and holds no key material", async () => {
  await withEmulator({}, async (emu) => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const foreign = { type: "service_account", client_email: "stranger@nowhere.iam.gserviceaccount.com", private_key: pem, private_key_id: "abc123" };
    const client = new PartnerClient(endpointSettings(emu, { "chronicle:credentials": JSON.stringify(foreign), "chronicle:selfSignedJwt": "true" }));
    await assert.rejects(client.listCustomers(), (e: unknown) => {
      assert.ok(e instanceof ChronicleApiError);
      assert.equal(e.httpStatus, 401);
      assert.equal(e.status, "UNAUTHENTICATED");
      assert.equal(e.retryable, false);
      assert.match(e.message, /invalid or expired/);
      assert.match(e.message, /chronicle-backstory/);
      assert.ok(!e.message.includes("PRIVATE KEY") && !e.message.includes(pem.split("\n")[1]));
      return true;
    });
    assert.equal(count(emu, "ListCustomers"), 1);
  });
});

test("impersonation: the source credentials call generateAccessToken once for the backstory scope; the result is cached", async () => {
  await withEmulator({}, async (emu) => {
    const calls: Array<{ path: string; auth: string; body: { scope?: string[] } }> = [];
    const { createServer } = await import("node:http");
    const iam = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        calls.push({ path: req.url ?? "", auth: String(req.headers.authorization), body: JSON.parse(body || "{}") });
        res.writeHead(200, { "content-type": "application/json" });
        // The emulator accepts `owner` as its default partner: it stands in for the impersonated account's token.
        res.end(JSON.stringify({ accessToken: "owner", expireTime: new Date(Date.now() + 3600_000).toISOString() }));
      });
    });
    await new Promise<void>((resolve) => iam.listen(0, "127.0.0.1", resolve));
    try {
      const port = (iam.address() as { port: number }).port;
      const creds = externalAccountJson(emu, emu.createSubjectToken("partner-source"));
      const settings: ClientSettings = {
        ...endpointSettings(emu, { "chronicle:credentials": creds, "chronicle:impersonateServiceAccount": "target@proj.iam.gserviceaccount.com" }),
        impersonationEndpoint: `http://127.0.0.1:${port}`,
      };
      const client = new PartnerClient(settings);
      for (let i = 0; i < 5; i++) await client.listCustomers();
      assert.equal(calls.length, 1);
      assert.match(calls[0].path, /serviceAccounts\/target@proj\.iam\.gserviceaccount\.com:generateAccessToken$/);
      assert.deepEqual(calls[0].body.scope, ["https://www.googleapis.com/auth/chronicle-backstory"]);
      assert.match(calls[0].auth, /^Bearer ya29\.emulator-/);
      assert.equal(count(emu, "Token"), 1);
      assert.deepEqual(emu.requestLog().filter((e) => e.method === "ListCustomers").map((e) => e.partner), Array(5).fill("default-partner"));
    } finally {
      iam.closeAllConnections();
      await new Promise((resolve) => iam.close(resolve));
    }
  });
});
