import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { startEmulator, type Emulator } from "../../emulator";
import { api, createBody, errorOf, SSO_B64, SSO_XML } from "./helpers";

const DAY = 24 * 60 * 60 * 1000;

describe("quotas, rate limits and service state", () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ createQuotaPerDay: 3 });
  });
  beforeEach(() => emu.reset());
  after(() => emu.close());

  it("CreateCustomer quota is per partner per emulator-day, counted before validation", async () => {
    assert.equal((await api(emu, "POST", "/createcustomer", createBody("q1"))).status, 200);
    assert.equal((await api(emu, "POST", "/createcustomer", { customer_code: "BAD" })).status, 400);
    assert.equal((await api(emu, "POST", "/createcustomer", createBody("q2"))).status, 200);
    const over = await api(emu, "POST", "/createcustomer", createBody("q3"));
    assert.equal(over.status, 429);
    const err = errorOf(over);
    assert.equal(err.status, "RESOURCE_EXHAUSTED");
    const info = err.details?.find((d) => d.reason === "RATE_LIMIT_EXCEEDED");
    assert.equal((info?.metadata as Record<string, string>).quota_limit, "CreateCustomerRequestsPerDay");
    assert.equal(over.headers.get("retry-after"), null, "a daily quota has no short Retry-After");
    assert.equal((await api(emu, "GET", "/getcustomer?customer_code=q1")).status, 200, "other methods are not limited");
    emu.advanceClock(DAY);
    assert.equal((await api(emu, "POST", "/createcustomer", createBody("q3"))).status, 200);
  });

  it("setOptions changes the quota at run time", async () => {
    emu.setOptions({ createQuotaPerDay: 0 });
    try {
      assert.equal((await api(emu, "POST", "/createcustomer", createBody("zero"))).status, 429);
    } finally {
      emu.setOptions({ createQuotaPerDay: 3 });
    }
  });

  it("rate limit: 429 RESOURCE_EXHAUSTED with Retry-After: 1, per partner", async () => {
    emu.setOptions({ requestsPerSecond: 2 });
    try {
      const statuses: number[] = [];
      let limited: Awaited<ReturnType<typeof api>> | undefined;
      for (let i = 0; i < 5; i++) {
        const r = await api(emu, "GET", "/listcustomers");
        statuses.push(r.status);
        if (r.status === 429) limited = r;
      }
      assert.deepEqual(statuses.slice(0, 2), [200, 200]);
      assert.ok(limited, `expected a 429 in ${statuses.join(",")}`);
      assert.equal(limited.headers.get("retry-after"), "1");
      assert.equal(errorOf(limited).status, "RESOURCE_EXHAUSTED");
    } finally {
      emu.setOptions({ requestsPerSecond: undefined });
    }
  });

  it("SERVICE_DISABLED for a flagged partner", async () => {
    emu.setOptions({ serviceDisabledPartners: ["default-partner"] });
    try {
      const r = await api(emu, "GET", "/listcustomers");
      assert.equal(r.status, 403);
      const detail = errorOf(r).details?.[0] as { reason: string; metadata: Record<string, string> };
      assert.equal(detail.reason, "SERVICE_DISABLED");
      assert.equal(detail.metadata.service, "backstory.googleapis.com");
      assert.match(detail.metadata.activationUrl, /^https:\/\/console\.developers\.google\.com\/apis\/api\/backstory\.googleapis\.com\/overview\?project=/);
    } finally {
      emu.setOptions({ serviceDisabledPartners: [] });
    }
  });

  it("latencyMs slows every API call", async () => {
    emu.setOptions({ latencyMs: 120 });
    try {
      const t0 = Date.now();
      await api(emu, "GET", "/listcustomers");
      assert.ok(Date.now() - t0 >= 115);
    } finally {
      emu.setOptions({ latencyMs: 0 });
    }
  });

  it("createDelayMs: the customer is absent until the create commits", async () => {
    emu.setOptions({ createDelayMs: 200 });
    try {
      const pending = api(emu, "POST", "/createcustomer", createBody("slow"));
      await new Promise((r) => setTimeout(r, 50));
      assert.equal((await api(emu, "GET", "/getcustomer?customer_code=slow")).status, 404);
      assert.equal((await pending).status, 200);
      assert.equal((await api(emu, "GET", "/getcustomer?customer_code=slow")).status, 200);
    } finally {
      emu.setOptions({ createDelayMs: 0 });
    }
  });
});

describe("faults", () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ createQuotaPerDay: 100 });
  });
  beforeEach(() => emu.reset());
  after(() => emu.close());

  it("status faults are consumed count times, by method name", async () => {
    emu.injectFault({ method: "GetCustomer", kind: "status", status: 503, count: 2 });
    emu.injectFault({ method: "ListCustomers", kind: "status", status: 429, retryAfterSeconds: 7 });
    const a = await api(emu, "GET", "/getcustomer?customer_code=x");
    assert.equal(a.status, 503);
    assert.equal(errorOf(a).status, "UNAVAILABLE");
    assert.equal((await api(emu, "GET", "/getcustomer?customer_code=x")).status, 503);
    assert.equal((await api(emu, "GET", "/getcustomer?customer_code=x")).status, 404);
    const l = await api(emu, "GET", "/listcustomers");
    assert.equal(l.status, 429);
    assert.equal(l.headers.get("retry-after"), "7");
    assert.equal((await api(emu, "GET", "/listcustomers")).status, 200);
  });

  it("'*' matches any API method; clearFaults removes pending faults", async () => {
    emu.injectFault({ method: "*", kind: "status", status: 500 });
    const r = await api(emu, "POST", "/setauthversion", { customer_code: "x", auth_version: "AUTH_VERSION_2" });
    assert.equal(r.status, 500);
    assert.equal(errorOf(r).status, "INTERNAL");
    emu.injectFault({ method: "*", kind: "status", status: 500, count: 5 });
    emu.clearFaults();
    assert.equal((await api(emu, "GET", "/listcustomers")).status, 200);
  });

  it("delay faults slow the call", async () => {
    emu.injectFault({ method: "ListCustomers", kind: "delay", ms: 150 });
    const t0 = Date.now();
    assert.equal((await api(emu, "GET", "/listcustomers")).status, 200);
    assert.ok(Date.now() - t0 >= 145);
  });

  it("drop destroys the socket and does nothing", async () => {
    emu.injectFault({ method: "CreateCustomer", kind: "drop" });
    await assert.rejects(api(emu, "POST", "/createcustomer", createBody("dropped")));
    assert.equal(emu.customers().length, 0);
    const entry = emu.requestLog().find((e) => e.method === "CreateCustomer");
    assert.equal(entry?.status, 0);
  });

  it("commit-then-drop really commits", async () => {
    emu.injectFault({ method: "CreateCustomer", kind: "commit-then-drop" });
    await assert.rejects(api(emu, "POST", "/createcustomer", createBody("committed")));
    assert.deepEqual(emu.customers().map((c) => c.customerCode), ["committed"]);
    assert.equal((await api(emu, "GET", "/getcustomer?customer_code=committed")).status, 200);
    assert.equal(emu.requestLog().find((e) => e.method === "CreateCustomer")?.status, 0);
  });
});

describe("request log", () => {
  it("records method, verb, path, status, duration and partner, and no secrets", async () => {
    const emu = await startEmulator();
    try {
      const created = await api(emu, "POST", "/createcustomer", createBody("logged"));
      await api(emu, "GET", "/getcustomer?customer_code=logged");
      await api(emu, "PATCH", "/updatessoconfig", { customer_code: "logged", sso_config: SSO_B64 });
      await api(emu, "GET", "/forwarder/getconfigs?customer_code=logged");
      await api(emu, "GET", "/listcustomers", undefined, null);
      const log = emu.requestLog();
      assert.deepEqual(log.map((e) => [e.method, e.httpMethod, e.status]), [
        ["CreateCustomer", "POST", 200],
        ["GetCustomer", "GET", 200],
        ["UpdateSSOConfig", "PATCH", 200],
        ["GetCustomerForwarderConfigs", "GET", 200],
        ["ListCustomers", "GET", 401],
      ]);
      assert.equal(log[1].path, "/v1/partner/customer/getcustomer");
      assert.equal(log[0].partner, "default-partner");
      assert.equal(log[4].partner, undefined);
      assert.ok(log.every((e) => typeof e.durationMs === "number" && !Number.isNaN(Date.parse(e.time))));
      const text = JSON.stringify(log);
      const creds = created.json.credentials as { credential: string }[];
      for (const secret of [SSO_XML, SSO_B64, "owner", "logged", ...creds.map((c) => c.credential)]) {
        assert.ok(!text.includes(secret), `log must not contain ${secret.slice(0, 20)}`);
      }
      emu.clearLog();
      assert.equal(emu.requestLog().length, 0);
    } finally {
      await emu.close();
    }
  });
});
