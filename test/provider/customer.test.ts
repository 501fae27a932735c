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
beforeEach(() => {
  h.emu.reset();
  h.emu.clearLog();
});

async function checked(news: Record<string, unknown>, olds: Record<string, unknown> = {}) {
  return h.call("customer", "check", olds, news);
}

async function created(code: string, extra: Record<string, unknown> = {}) {
  const { inputs, failures } = await checked(customerInputs(code, extra));
  assert.deepEqual(failures, []);
  const res = await h.call("customer", "create", inputs);
  return { inputs, id: res.id as string, outs: res.outs as Record<string, any> };
}

test("check fills defaults and accepts valid inputs", async () => {
  const { inputs, failures } = await checked(customerInputs("acme", { ssoConfig: samlMetadata() }));
  assert.deepEqual(failures, []);
  assert.equal(inputs.retentionDuration, "ONE_YEAR");
  assert.equal(inputs.adoptExisting, false);
  assert.equal(inputs.storeCredentials, true);
  assert.equal(h.emu.requestLog().length, 0, "check makes no API call");
});

test("check names the property and what is allowed", async () => {
  const { failures } = await checked({
    customerName: "", customerCode: "Acme-", customerSubdomains: [], retentionDuration: "FOREVER",
    ssoConfig: "not xml", authVersion: "AUTH_VERSION_9", customer_name: "x",
  });
  const props = failures.map((f: any) => f.property).sort();
  assert.deepEqual(props, ["authVersion", "customerCode", "customerName", "customerSubdomains", "customer_name", "retentionDuration", "ssoConfig"]);
  const reason = (p: string) => failures.find((f: any) => f.property === p).reason as string;
  assert.match(reason("customerCode"), /lowercase letter/);
  assert.match(reason("retentionDuration"), /SIX_MONTHS, ONE_YEAR/);
  assert.match(reason("authVersion"), /AUTH_VERSION_4/);
  assert.match(reason("customer_name"), /Did you mean 'customerName'/);
  assert.match(reason("ssoConfig"), /SAML metadata XML/);
});

test("check never judges unknown preview values", async () => {
  const { failures } = await checked({ customerName: UNKNOWN, customerCode: UNKNOWN, customerSubdomains: UNKNOWN, ssoConfig: UNKNOWN, adoptExisting: UNKNOWN });
  assert.deepEqual(failures, []);
});

test("check refuses a change to a fixed field at preview, and allows it with a new code", async () => {
  const { inputs } = await checked(customerInputs("acme"));
  const renamed = { ...customerInputs("acme"), customerName: "Acme Renamed" };
  const { failures } = await checked(renamed, inputs);
  assert.equal(failures.length, 1);
  assert.equal(failures[0].property, "customerName");
  assert.match(failures[0].reason, /cannot be changed.*new customerCode/);
  const moved = { ...customerInputs("acme2"), customerName: "Acme Renamed" };
  assert.deepEqual((await checked(moved, inputs)).failures, []);
});

test("create returns complete outputs keyed like the inputs, with the code as ID", async () => {
  const xml = samlMetadata("acme");
  const { inputs, id, outs } = await created("acme", { ssoConfig: xml });
  assert.equal(id, "acme");
  for (const key of Object.keys(inputs)) assert.ok(key in outs, `output ${key}`);
  assert.match(outs.instanceId, /^[0-9a-f-]{36}$/);
  assert.equal(outs.ssoState, "DEPLOYED");
  assert.equal(outs.ssoConfig, xml);
  assert.ok(outs.credentials.length >= 3);
  assert.equal(outs.credentialsByType.INGESTION_API, outs.credentials.find((c: any) => c.credentialType === "INGESTION_API").credential);
  assert.ok(!Object.values(outs).includes(undefined));
  assert.equal(h.count("CreateCustomer"), 1);
  assert.equal(h.emu.customers().length, 1);
});

test("diff is exact: no change, in-place change, replacement on a new code, unknowns count", async () => {
  const { inputs, outs } = await created("acme", { ssoConfig: samlMetadata("a") });
  h.emu.clearLog();
  const diff = (news: Record<string, unknown>) => h.call("customer", "diff", "acme", outs, news);
  assert.deepEqual(await diff(inputs), { changes: false, replaces: [], deleteBeforeReplace: false });
  const sso = await diff({ ...inputs, ssoConfig: samlMetadata("b") });
  assert.equal(sso.changes, true);
  assert.deepEqual(sso.replaces, []);
  assert.deepEqual((await diff({ ...inputs, customerCode: "acme2" })).replaces, ["customerCode"]);
  assert.deepEqual((await diff({ ...inputs, customerCode: UNKNOWN })).replaces, ["customerCode"]);
  assert.equal((await diff({ ...inputs, disableUiOnDelete: true })).changes, true);
  assert.equal(h.emu.requestLog().length, 0, "diff makes no API call");
});

test("update of ssoConfig calls UpdateSSOConfig only", async () => {
  const { inputs, outs } = await created("acme", { ssoConfig: samlMetadata("a") });
  h.emu.clearLog();
  const news = { ...inputs, ssoConfig: samlMetadata("b") };
  const res = await h.call("customer", "update", "acme", outs, news);
  assert.equal(res.outs.ssoConfig, samlMetadata("b"));
  assert.deepEqual(h.emu.requestLog().map((e) => e.method), ["UpdateSSOConfig"]);
  assert.equal(Buffer.from(h.emu.customers()[0].ssoConfig.config, "base64").toString(), samlMetadata("b"));
  assert.equal(res.outs.instanceId, outs.instanceId);
});

test("an existing code without adoptExisting is a clear error and sends no CreateCustomer", async () => {
  await created("acme");
  h.emu.clearLog();
  const err = await rejection(() => h.call("customer", "create", { ...customerInputs("acme"), retentionDuration: "ONE_YEAR", storeCredentials: true }));
  assert.match(err.message, /already exists.*adoptExisting: true/);
  assert.equal(h.count("CreateCustomer"), 0);
});

test("adoptExisting takes the customer over without creating one, and applies the declared SSO", async () => {
  const first = await created("acme", { ssoConfig: samlMetadata("old") });
  h.emu.clearLog();
  const { inputs } = await checked(customerInputs("acme", { adoptExisting: true, ssoConfig: samlMetadata("new") }));
  const res = await h.call("customer", "create", inputs);
  assert.equal(res.outs.instanceId, first.outs.instanceId);
  assert.equal(h.count("CreateCustomer"), 0);
  assert.equal(h.count("UpdateSSOConfig"), 1);
  assert.ok(warnings().some((w) => /adopted/.test(w)));
});

test("adoption refuses when a fixed field differs from the live customer", async () => {
  await created("acme");
  const { inputs } = await checked({ ...customerInputs("acme", { adoptExisting: true }), customerName: "Someone Else" });
  const err = await rejection(() => h.call("customer", "create", inputs));
  assert.match(err.message, /customerName is "Customer acme".*nothing was adopted/);
});

test("a create that commits but loses its response ends with exactly one customer", async () => {
  h.emu.injectFault({ method: "CreateCustomer", kind: "commit-then-drop" });
  const { outs } = await created("acme");
  assert.match(outs.instanceId, /^[0-9a-f-]{36}$/);
  assert.equal(h.emu.customers().length, 1);
  assert.equal(h.count("CreateCustomer"), 1, "never re-sent once the lookup found it");
});

test("an unconfirmed create is recorded as partial, and the next update completes it without a duplicate", async () => {
  await h.call("customer", "configure", { config: { rawConfig: { "chronicle:emulatorHost": `127.0.0.1:${h.emu.port}`, "chronicle:maxRetries": "0", "chronicle:createTimeoutSeconds": "0.3", "chronicle:requestsPerSecond": "1000" } } });
  try {
    h.emu.injectFault({ method: "CreateCustomer", kind: "delay", ms: 800 });
    const { inputs } = await checked(customerInputs("acme"));
    const err = (await rejection(() => h.call("customer", "create", inputs))) as Error & { id?: string; properties?: any };
    assert.equal(err.id, "acme");
    assert.match(err.message, /did not confirm.*again is safe/s);
    await new Promise((r) => setTimeout(r, 900)); // the delayed request commits server-side
    const diff = await h.call("customer", "diff", "acme", err.properties, inputs);
    assert.equal(diff.changes, true);
    const res = await h.call("customer", "update", "acme", err.properties, inputs);
    assert.match(res.outs.instanceId, /^[0-9a-f-]{36}$/);
    assert.equal(h.emu.customers().length, 1);
  } finally {
    await h.call("customer", "configure", { config: { rawConfig: { "chronicle:emulatorHost": `127.0.0.1:${h.emu.port}`, "chronicle:requestsPerSecond": "1000" } } });
  }
});

test("a quota 429 on create fails fast with a quota message and records nothing", async () => {
  h.emu.setOptions({ createQuotaPerDay: 1 });
  try {
    await created("one");
    const { inputs } = await checked(customerInputs("two"));
    const err = (await rejection(() => h.call("customer", "create", inputs))) as Error & { id?: string };
    assert.equal(err.id, undefined);
    assert.match(err.message, /quota/i);
    assert.equal(h.count("CreateCustomer"), 2);
  } finally {
    h.emu.setOptions({ createQuotaPerDay: 10 });
  }
});

test("read reports drift, and a vanished customer leaves the state", async () => {
  const { outs } = await created("acme", { ssoConfig: samlMetadata("a") });
  h.emu.updateCustomer("acme", { ssoConfig: { ...h.emu.customers()[0].ssoConfig, config: Buffer.from(samlMetadata("oob")).toString("base64") } });
  const read = await h.call("customer", "read", "acme", outs);
  assert.equal(read.id, "acme");
  assert.equal(read.props.ssoConfig, samlMetadata("oob"));
  const diff = await h.call("customer", "diff", "acme", read.props, { ...outs, ssoConfig: samlMetadata("a") });
  assert.equal(diff.changes, true);
  h.emu.reset();
  assert.deepEqual(await h.call("customer", "read", "acme", outs), {});
});

test("read leaves SSO alone when the customer does not declare it", async () => {
  const { inputs, outs } = await created("acme");
  await h.call("ssoConfig", "create", { customerCode: "acme", ssoConfig: samlMetadata("managed-elsewhere") });
  const read = await h.call("customer", "read", "acme", outs);
  assert.equal(read.props.ssoConfig, undefined);
  assert.equal(read.props.ssoState, "DEPLOYED");
  assert.equal((await h.call("customer", "diff", "acme", read.props, inputs)).changes, false);
});

test("delete releases the customer with a warning; the opt-in switches its UI off first", async () => {
  const { outs } = await created("acme");
  await h.call("customer", "delete", "acme", outs);
  assert.equal(h.emu.customers().length, 1, "the customer still exists");
  assert.equal(h.count("SetUIState"), 0);
  assert.ok(warnings().some((w) => /released.*cannot delete customers/.test(w)));
  await h.call("customer", "delete", "acme", { ...outs, disableUiOnDelete: true });
  assert.equal(h.count("SetUIState"), 1);
  assert.equal(h.emu.customers()[0].uiEnabled, false);
});

test("storeCredentials false keeps only ids and types", async () => {
  const { outs } = await created("acme", { storeCredentials: false });
  assert.ok(outs.credentials.length >= 3);
  for (const c of outs.credentials) assert.deepEqual(Object.keys(c).sort(), ["credentialType", "id"]);
  assert.deepEqual(outs.credentialsByType, {});
  const secrets = h.emu.customers()[0].credentials.map((c) => c.credential);
  const text = JSON.stringify(outs);
  for (const s of secrets) assert.ok(!text.includes(s));
});

test("errors never carry the SSO XML", async () => {
  const xml = samlMetadata("leak-canary");
  await created("acme", { ssoConfig: xml });
  const { inputs } = await checked(customerInputs("acme", { ssoConfig: xml }));
  const err = await rejection(() => h.call("customer", "create", inputs));
  assert.ok(!err.message.includes("leak-canary"));
  const { failures } = await checked(customerInputs("acme", { ssoConfig: xml.replace("</md:EntityDescriptor>", "") }));
  assert.ok(failures.length === 1 && !failures[0].reason.includes("leak-canary"));
});

test("a bad chronicle: setting stops check, before any API call, naming the key", async () => {
  await h.call("customer", "configure", { config: { rawConfig: { "chronicle:region": "eu" } } });
  try {
    const err = await rejection(() => checked(customerInputs("acme")));
    assert.match(err.message, /chronicle:region/);
    assert.match(err.message, /europe/);
  } finally {
    await h.call("customer", "configure", { config: { rawConfig: { "chronicle:emulatorHost": `127.0.0.1:${h.emu.port}`, "chronicle:requestsPerSecond": "1000" } } });
  }
});
