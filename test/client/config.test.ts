/** Endpoints (19 regions, the eu trap, overrides, emulator host) and settings resolution. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { REGIONS } from "../../provider/client/models";
import { emulatorBaseUrl, endpointBaseUrl, regionBaseUrl, route } from "../../provider/client/endpoints";
import { resolveSettings, settingsFingerprint, SETTINGS_DOC } from "../../provider/client/settings";

test("19 regions: us is un-prefixed, the other 18 are {region}-backstory", () => {
  assert.equal(REGIONS.length, 19);
  assert.equal(regionBaseUrl("us"), "https://backstory.googleapis.com/v1/partner/customer");
  const others = REGIONS.filter((r) => r !== "us");
  assert.equal(others.length, 18);
  for (const r of others) assert.equal(regionBaseUrl(r), `https://${r}-backstory.googleapis.com/v1/partner/customer`);
  assert.equal(regionBaseUrl("europe-west12"), "https://europe-west12-backstory.googleapis.com/v1/partner/customer");
});

test("eu is rejected with a pointer to europe; unknown regions list the allowed ones", () => {
  assert.throws(() => regionBaseUrl("eu"), /"europe"/);
  assert.throws(() => resolveSettings({ "chronicle:region": "eu" }, {}), /chronicle:region.*europe-backstory/);
  assert.throws(() => resolveSettings({}, { CHRONICLE_REGION: "mars-1" }), (e: Error) => {
    assert.match(e.message, /CHRONICLE_REGION/);
    assert.match(e.message, /mars-1/);
    for (const r of REGIONS) assert.ok(e.message.includes(r), r);
    return true;
  });
});

test("endpoint override: full base URL, URL without path, bare host", () => {
  assert.equal(endpointBaseUrl("https://proxy.example.com/custom/base/"), "https://proxy.example.com/custom/base");
  assert.equal(endpointBaseUrl("http://127.0.0.1:9000"), "http://127.0.0.1:9000/v1/partner/customer");
  assert.equal(endpointBaseUrl("europe-west3-backstory.googleapis.com"), "https://europe-west3-backstory.googleapis.com/v1/partner/customer");
  assert.throws(() => endpointBaseUrl("ftp://x.example.com"), /http or https/);
  assert.throws(() => resolveSettings({ "chronicle:endpoint": "https://x.example.com/?a=b" }, {}), /chronicle:endpoint/);
});

test("emulator host: host:port to plain http; anything else refused", () => {
  assert.equal(emulatorBaseUrl("127.0.0.1:8085"), "http://127.0.0.1:8085/v1/partner/customer");
  assert.equal(emulatorBaseUrl("localhost:1"), "http://localhost:1/v1/partner/customer");
  assert.throws(() => emulatorBaseUrl("http://127.0.0.1:8085"), /host:port/);
  assert.throws(() => resolveSettings({ "chronicle:emulatorHost": "127.0.0.1" }, {}), /chronicle:emulatorHost/);
});

test("emulator host beats region; endpoint and emulator host together are refused", () => {
  const s = resolveSettings({ "chronicle:region": "europe", "chronicle:emulatorHost": "127.0.0.1:1234" }, {});
  assert.equal(s.baseUrl, "http://127.0.0.1:1234/v1/partner/customer");
  assert.equal(resolveSettings({ "chronicle:region": "me-central2" }, {}).baseUrl, "https://me-central2-backstory.googleapis.com/v1/partner/customer");
  assert.throws(
    () => resolveSettings({ "chronicle:endpoint": "x.example.com" }, { CHRONICLE_PARTNER_EMULATOR_HOST: "127.0.0.1:1" }),
    /chronicle:endpoint and CHRONICLE_PARTNER_EMULATOR_HOST/,
  );
});

test("the route table: 13 methods, documented verbs and paths", () => {
  assert.deepEqual(route("SetUIState"), { httpMethod: "POST", path: "/setuistate:state", takesQuery: false });
  assert.deepEqual(route("UpdateSSOConfig"), { httpMethod: "PATCH", path: "/updatessoconfig", takesQuery: false });
  assert.deepEqual(route("GetCustomerForwarderConfigs"), { httpMethod: "GET", path: "/forwarder/getconfigs", takesQuery: true });
  assert.equal(route("EnableIAM").path, "/iammigration:enableIam");
});

test("defaults", () => {
  const s = resolveSettings({}, {});
  assert.equal(s.region, "us");
  assert.equal(s.baseUrl, "https://backstory.googleapis.com/v1/partner/customer");
  assert.equal(s.requestTimeoutMs, 60_000);
  assert.equal(s.createTimeoutMs, 1_200_000);
  assert.equal(s.maxRetries, 5);
  assert.equal(s.requestsPerSecond, 5);
  assert.equal(s.maxConcurrency, 4);
  assert.equal(s.selfSignedJwt, false);
  assert.equal(s.credentials, undefined);
  assert.equal(s.credentialsFile, undefined);
});

test("config keys beat environment variables; blank values count as absent", () => {
  const env = { CHRONICLE_REGION: "asia-south1", CHRONICLE_CREDENTIALS_FILE: "/env/key.json", CHRONICLE_IMPERSONATE_SERVICE_ACCOUNT: "env@p.iam.gserviceaccount.com" };
  const s = resolveSettings({ "chronicle:region": "europe-west2", "chronicle:credentialsFile": "/cfg/key.json", "chronicle:impersonateServiceAccount": " " }, env);
  assert.equal(s.region, "europe-west2");
  assert.equal(s.credentialsFile, "/cfg/key.json");
  assert.equal(s.impersonateServiceAccount, "env@p.iam.gserviceaccount.com");
  const fromEnv = resolveSettings({}, { ...env, CHRONICLE_ENDPOINT: "proxy.example.com" });
  assert.equal(fromEnv.region, "asia-south1");
  assert.equal(fromEnv.baseUrl, "https://proxy.example.com/v1/partner/customer");
  assert.equal(fromEnv.credentialsFile, "/env/key.json");
});

test("credentials: config JSON beats env; both sources at one level refused; content never echoed", () => {
  const sa = JSON.stringify({ type: "service_account", private_key: "-----BEGIN PRIVATE KEY-----\nSECRETKEYDATA\n-----END PRIVATE KEY-----\n", client_email: "a@b.iam.gserviceaccount.com" });
  assert.equal(resolveSettings({ "chronicle:credentials": sa }, { CHRONICLE_CREDENTIALS_FILE: "/x" }).credentials, sa);
  assert.equal(resolveSettings({}, { CHRONICLE_CREDENTIALS: sa }).credentials, sa);
  assert.throws(() => resolveSettings({ "chronicle:credentials": sa, "chronicle:credentialsFile": "/x" }, {}), /Set only one of chronicle:credentials and chronicle:credentialsFile/);
  assert.throws(() => resolveSettings({ "chronicle:credentials": "{not json SECRETKEYDATA" }, {}), (e: Error) => {
    assert.match(e.message, /chronicle:credentials.*not valid JSON/);
    assert.ok(!e.message.includes("SECRETKEYDATA"));
    return true;
  });
  assert.throws(() => resolveSettings({}, { CHRONICLE_CREDENTIALS: JSON.stringify({ type: "api_key", key: "SECRETKEYDATA" }) }), (e: Error) => {
    assert.match(e.message, /CHRONICLE_CREDENTIALS.*service_account, external_account, authorized_user/);
    assert.ok(!e.message.includes("SECRETKEYDATA"));
    return true;
  });
});

test("bad numbers and booleans name the key and the allowed values", () => {
  assert.throws(() => resolveSettings({ "chronicle:maxRetries": "-1" }, {}), /chronicle:maxRetries: "-1".*whole number from 0 to 20/);
  assert.throws(() => resolveSettings({ "chronicle:maxRetries": "2.5" }, {}), /chronicle:maxRetries/);
  assert.throws(() => resolveSettings({ "chronicle:maxConcurrency": "0" }, {}), /chronicle:maxConcurrency/);
  assert.throws(() => resolveSettings({ "chronicle:requestsPerSecond": "fast" }, {}), /chronicle:requestsPerSecond: "fast"/);
  assert.throws(() => resolveSettings({ "chronicle:requestTimeoutSeconds": "0" }, {}), /chronicle:requestTimeoutSeconds/);
  assert.throws(() => resolveSettings({ "chronicle:selfSignedJwt": "maybe" }, {}), /chronicle:selfSignedJwt: "maybe".*true or false/);
  assert.throws(() => resolveSettings({ "chronicle:impersonateServiceAccount": "not-an-email" }, {}), /chronicle:impersonateServiceAccount/);
  const s = resolveSettings({ "chronicle:createTimeoutSeconds": "30", "chronicle:requestsPerSecond": "0.5", "chronicle:selfSignedJwt": "true" }, {});
  assert.equal(s.createTimeoutMs, 30_000);
  assert.equal(s.requestsPerSecond, 0.5);
  assert.equal(s.selfSignedJwt, true);
});

test("fingerprint: stable, distinguishes settings, hashes the credentials", () => {
  const sa = JSON.stringify({ type: "service_account", private_key: "PRIVATEKEYMATERIAL", client_email: "a@b.iam.gserviceaccount.com" });
  const a = resolveSettings({ "chronicle:credentials": sa }, {});
  const b = resolveSettings({ "chronicle:credentials": sa }, {});
  assert.equal(settingsFingerprint(a), settingsFingerprint(b));
  assert.notEqual(settingsFingerprint(a), settingsFingerprint({ ...a, maxRetries: 1 }));
  assert.notEqual(settingsFingerprint(a), settingsFingerprint({ ...a, credentials: sa.replace("a@b", "c@d") }));
  assert.ok(!settingsFingerprint(a).includes("PRIVATEKEYMATERIAL"));
  assert.ok(!settingsFingerprint(a).includes("client_email"));
  assert.match(settingsFingerprint(a), /sha256:[0-9a-f]{32}/);
});

test("SETTINGS_DOC lists every key, marks the secret one, and its defaults match resolveSettings", () => {
  const keys = SETTINGS_DOC.map((d) => d.key);
  // 12 client settings, plus chronicle:createQuotaRemaining (documented here, read only by the preview quota warning).
  assert.equal(new Set(keys).size, 13);
  assert.deepEqual(SETTINGS_DOC.filter((d) => d.secret).map((d) => d.key), ["chronicle:credentials"]);
  const s = resolveSettings({}, {});
  const dflt = (k: string) => Number(SETTINGS_DOC.find((d) => d.key === k)!.default);
  assert.equal(dflt("chronicle:requestTimeoutSeconds") * 1000, s.requestTimeoutMs);
  assert.equal(dflt("chronicle:createTimeoutSeconds") * 1000, s.createTimeoutMs);
  assert.equal(dflt("chronicle:maxRetries"), s.maxRetries);
  assert.equal(dflt("chronicle:requestsPerSecond"), s.requestsPerSecond);
  assert.equal(dflt("chronicle:maxConcurrency"), s.maxConcurrency);
  // Every key is read by resolveSettings: an unknown-value probe fails naming it (secret/file keys aside).
  for (const k of ["chronicle:requestTimeoutSeconds", "chronicle:createTimeoutSeconds", "chronicle:maxRetries", "chronicle:requestsPerSecond", "chronicle:maxConcurrency", "chronicle:selfSignedJwt", "chronicle:region", "chronicle:emulatorHost"]) {
    assert.throws(() => resolveSettings({ [k]: "bogus value" }, {}), new RegExp(k), k);
  }
});
