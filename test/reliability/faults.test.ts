import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { startProviderHarness, ProviderHarness, rejection } from "../support/provider";
import { customerInputs, samlMetadata } from "../support/fixtures";
import type { Fault, EmulatorCustomer } from "../../emulator";

/**
 * Every resource lifecycle, in process against the emulator, under every fault
 * the emulator can inject: each call either has its effect exactly once or
 * fails with an error that says what happened, and a CreateCustomer is never
 * sent again once the customer exists. Counts come from the emulator's log.
 */
let h: ProviderHarness;
const BASE_CONFIG = { "chronicle:requestsPerSecond": "1000", "chronicle:maxConcurrency": "16" };

async function configure(extra: Record<string, string> = {}): Promise<void> {
  const rawConfig: Record<string, string> = { "chronicle:emulatorHost": `127.0.0.1:${h.emu.port}`, ...BASE_CONFIG, ...extra };
  await h.call("customer", "configure", { config: { rawConfig, get: (k: string) => rawConfig[k] } });
}

before(async () => {
  h = await startProviderHarness();
});
after(() => h.close());
beforeEach(async () => {
  h.emu.reset();
  await configure();
});

/** A fault without its target: `Omit` over each member of the union. */
type WithoutTarget<F> = F extends unknown ? Omit<F, "method" | "count"> : never;
type FaultKind = WithoutTarget<Fault>;
/** Faults after which the request may or may not have been processed, and a retry is expected. */
const TRANSIENT: Record<string, FaultKind> = {
  "500": { kind: "status", status: 500 },
  "503": { kind: "status", status: 503 },
  "429 with Retry-After": { kind: "status", status: 429, retryAfterSeconds: 0 },
  "dropped before processing": { kind: "drop" },
  "processed, answer lost": { kind: "commit-then-drop" },
};

const live = (): EmulatorCustomer => h.emu.customers()[0];

interface SetterCase {
  kind: string;
  apiMethod: string;
  inputs: Record<string, unknown>;
  applied(c: EmulatorCustomer): boolean;
}

const SETTERS: SetterCase[] = [
  { kind: "ssoConfig", apiMethod: "UpdateSSOConfig", inputs: { ssoConfig: samlMetadata("fault") },
    applied: (c) => Buffer.from(c.ssoConfig.config, "base64").toString() === samlMetadata("fault") },
  { kind: "uiState", apiMethod: "SetUIState", inputs: { enabled: false }, applied: (c) => c.uiEnabled === false },
  { kind: "authVersion", apiMethod: "SetAuthVersion", inputs: { authVersion: "AUTH_VERSION_3" }, applied: (c) => c.authVersion === "AUTH_VERSION_3" },
  { kind: "complianceRequirements", apiMethod: "SetComplianceRequirements", inputs: { complianceCertifications: ["COMPLIANCE_CERTIFICATION_PCI_DSS"] },
    applied: (c) => c.complianceCertifications.join() === "COMPLIANCE_CERTIFICATION_PCI_DSS" },
  { kind: "workforcePoolProvider", apiMethod: "SetWorkforcePoolProvider",
    inputs: { customerSubdomain: "acme-soc", providerId: "locations/global/workforcePools/pool-1/providers/prov-1" },
    applied: (c) => c.workforcePoolProviders["acme-soc"] === "locations/global/workforcePools/pool-1/providers/prov-1" },
  { kind: "gcpProjectLink", apiMethod: "SetGCPProjectLink", inputs: { gcpProject: "projects/tenant-project-1" }, applied: (c) => c.gcpProject === "projects/tenant-project-1" },
  { kind: "iamEnablement", apiMethod: "EnableIAM", inputs: { acknowledgeIrreversible: true }, applied: (c) => c.iamEnabled },
];

async function checkedInputs(kind: string, news: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { inputs, failures } = await h.call(kind, "check", {}, news);
  assert.deepEqual(failures, []);
  return inputs;
}

async function createCustomer(code = "acme", extra: Record<string, unknown> = {}) {
  const inputs = await checkedInputs("customer", customerInputs(code, extra));
  return { inputs, res: await h.call("customer", "create", inputs) };
}

for (const setter of SETTERS) {
  for (const [name, fault] of Object.entries(TRANSIENT)) {
    test(`${setter.kind}: ${setter.apiMethod} ${name} once is retried and applied`, async () => {
      await createCustomer();
      const inputs = await checkedInputs(setter.kind, { customerCode: "acme", ...setter.inputs });
      h.emu.clearLog();
      h.emu.injectFault({ method: setter.apiMethod, ...fault } as Fault);
      const res = await h.call(setter.kind, "create", inputs);
      assert.ok(setter.applied(live()), "the setting reached the customer");
      assert.equal(h.count(setter.apiMethod), 2, "one failed request, one retry");
      assert.equal(h.emu.customers().length, 1);
      for (const key of Object.keys(inputs)) assert.ok(key in res.outs, `output ${key}`);
    });
  }
}

for (const [name, fault] of Object.entries(TRANSIENT)) {
  if (fault.kind === "status" && fault.status === 429) continue; // a 429 on CreateCustomer is the daily quota: below
  test(`customer: CreateCustomer ${name} ends with exactly one customer and complete outputs`, async () => {
    h.emu.injectFault({ method: "CreateCustomer", ...fault } as Fault);
    const { inputs, res } = await createCustomer("acme", { ssoConfig: samlMetadata("acme") });
    assert.equal(h.emu.customers().length, 1);
    assert.equal(res.outs.instanceId, live().id);
    assert.equal(res.outs.credentials.length, live().credentials.length);
    for (const key of Object.keys(inputs)) assert.ok(key in res.outs, `output ${key}`);
    const committed = fault.kind === "commit-then-drop";
    assert.equal(h.count("CreateCustomer"), committed ? 1 : 2, committed ? "found by its code, never re-sent" : "re-sent after the lookup found nothing");
  });
}

test("customer: a 429 on CreateCustomer is a daily quota: one request, a clean error, nothing recorded", async () => {
  h.emu.injectFault({ method: "CreateCustomer", kind: "status", status: 429, count: 5 });
  const inputs = await checkedInputs("customer", customerInputs("acme"));
  const err = (await rejection(() => h.call("customer", "create", inputs))) as Error & { id?: string };
  assert.equal(err.id, undefined, "nothing was created: no partial record");
  assert.match(err.message, /daily CreateCustomer quota is used up.*nothing was sent again/s);
  assert.equal(h.count("CreateCustomer"), 1);
  assert.equal(h.emu.customers().length, 0);
});

test("customer: faults on the lookups around a create are retried, and a storm of them still gives one customer", async () => {
  h.emu.injectFault({ method: "GetCustomer", kind: "status", status: 503, count: 2 });
  h.emu.injectFault({ method: "GetCustomer", kind: "drop" });
  h.emu.injectFault({ method: "CreateCustomer", kind: "status", status: 500 });
  h.emu.injectFault({ method: "CreateCustomer", kind: "commit-then-drop" });
  const { res } = await createCustomer();
  assert.equal(res.outs.instanceId, live().id);
  assert.equal(h.emu.customers().length, 1);
  assert.equal(h.count("CreateCustomer"), 2, "the 500 is re-sent once; the lost answer is found by lookup");
});

// With retries off, every ambiguous failure reaches the engine: the resource must be recorded as
// partial (an error carrying the id), and the next update must finish without a second customer.
const AMBIGUOUS: Record<string, FaultKind> = {
  "500": { kind: "status", status: 500 },
  "503": { kind: "status", status: 503 },
  "dropped before processing": { kind: "drop" },
  "processed, answer lost": { kind: "commit-then-drop" },
};

for (const [name, fault] of Object.entries(AMBIGUOUS)) {
  test(`customer without retries: CreateCustomer ${name} is a partial create that the next update completes once`, async () => {
    await configure({ "chronicle:maxRetries": "0" });
    const xml = samlMetadata("partial-canary");
    const inputs = await checkedInputs("customer", customerInputs("acme", { ssoConfig: xml }));
    h.emu.injectFault({ method: "CreateCustomer", ...fault } as Fault);
    const err = (await rejection(() => h.call("customer", "create", inputs))) as Error & { id?: string; properties?: Record<string, unknown> };
    assert.equal(err.id, "acme");
    assert.match(err.message, /did not confirm.*again is safe/s);
    assert.ok(!err.message.includes("partial-canary"), "the error does not carry the SSO document");
    assert.equal(err.properties!.instanceId, undefined, "the partial record claims nothing it does not know");
    assert.equal((await h.call("customer", "diff", "acme", err.properties, inputs)).changes, true, "the next up finishes the job");

    h.emu.clearLog();
    const res = await h.call("customer", "update", "acme", err.properties, inputs);
    assert.equal(h.emu.customers().length, 1);
    assert.equal(res.outs.instanceId, live().id);
    const committed = fault.kind === "commit-then-drop";
    assert.equal(h.count("CreateCustomer"), committed ? 0 : 1, committed ? "adopted, not re-created" : "created once, now");
  });
}

test("customer: a create that keeps failing gives up after maxRetries, recorded as partial, with nothing created", async () => {
  await configure({ "chronicle:maxRetries": "2" });
  h.emu.injectFault({ method: "CreateCustomer", kind: "status", status: 503, count: 100 });
  const inputs = await checkedInputs("customer", customerInputs("acme"));
  const err = (await rejection(() => h.call("customer", "create", inputs))) as Error & { id?: string };
  assert.equal(err.id, "acme");
  assert.match(err.message, /after 3 attempts/);
  assert.equal(h.count("CreateCustomer"), 3);
  assert.equal(h.emu.customers().length, 0);
});

test("read during an outage fails instead of dropping the resource from the state, for every kind", async () => {
  const { res } = await createCustomer();
  const setterOuts: Array<{ kind: string; id: string; outs: Record<string, unknown> }> = [];
  for (const setter of SETTERS) {
    const created = await h.call(setter.kind, "create", await checkedInputs(setter.kind, { customerCode: "acme", ...setter.inputs }));
    setterOuts.push({ kind: setter.kind, id: created.id, outs: created.outs });
  }
  await configure({ "chronicle:maxRetries": "1" });
  const outages: Record<string, FaultKind | undefined> = { ...TRANSIENT, "403 SERVICE_DISABLED": undefined };
  for (const [name, fault] of Object.entries(outages)) {
    h.emu.clearFaults();
    if (fault) h.emu.injectFault({ method: "*", ...fault, count: 1000 } as Fault);
    else h.emu.setOptions({ serviceDisabledPartners: ["default-partner"] });
    try {
      for (const { kind, id, outs } of [{ kind: "customer", id: "acme", outs: res.outs }, ...setterOuts]) {
        const err = await rejection(() => h.call(kind, "read", id, outs));
        assert.ok(/GetCustomer/.test(err.message), `${kind} read under "${name}": ${err.message}`);
      }
    } finally {
      h.emu.setOptions({ serviceDisabledPartners: [] });
    }
  }
  h.emu.clearFaults();
  assert.equal((await h.call("customer", "read", "acme", res.outs)).id, "acme", "once the API is back, the customer is read as before");
});

test("errors under faults never carry the SSO document or a credential", async () => {
  const xml = samlMetadata("fault-leak-canary");
  const { res } = await createCustomer("acme", { ssoConfig: xml });
  const secrets = [xml.split("\n")[1], Buffer.from(xml).toString("base64").slice(0, 40), ...live().credentials.map((c) => c.credential)];
  await configure({ "chronicle:maxRetries": "0" });
  const messages: string[] = [];
  for (const fault of Object.values(TRANSIENT)) {
    h.emu.injectFault({ method: "*", ...fault, count: 10 } as Fault);
    for (const call of [
      () => h.call("customer", "read", "acme", res.outs),
      () => h.call("customer", "update", "acme", res.outs, { ...res.outs, ssoConfig: samlMetadata("fault-leak-canary-2") }),
      () => h.call("ssoConfig", "create", { customerCode: "acme", ssoConfig: xml, updateV2Only: false }),
    ]) {
      const err = (await rejection(call)) as Error & { properties?: unknown };
      messages.push(err.message, err.stack ?? "", JSON.stringify(err.properties ?? null));
    }
    h.emu.clearFaults();
  }
  const text = messages.join("\n");
  for (const s of [...secrets, "fault-leak-canary"]) assert.ok(!text.includes(s), `leaked: ${s.slice(0, 16)}...`);
});
