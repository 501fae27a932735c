/** Every error class the API answers with, as ChronicleApiError fields and messages, and the retry policy by request counts. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_PARTNER } from "../../emulator";
import { ChronicleApiError } from "../../provider/client/errors";
import { clientFor, count, createRequest, loggedMethods, recordingHooks, withEmulator } from "./helpers";

function isApiError(check: (e: ChronicleApiError) => void) {
  return (e: unknown) => {
    assert.ok(e instanceof ChronicleApiError, `expected ChronicleApiError, got ${String(e)}`);
    check(e);
    return true;
  };
}

test("404: NOT_FOUND names the code and is not retried; findCustomer gives undefined", async () => {
  await withEmulator({}, async (emu) => {
    const hooks = recordingHooks();
    const client = clientFor(emu, {}, hooks);
    await assert.rejects(client.getCustomer("ghost"), isApiError((e) => {
      assert.equal(e.httpStatus, 404);
      assert.equal(e.status, "NOT_FOUND");
      assert.equal(e.method, "GetCustomer");
      assert.equal(e.retryable, false);
      assert.match(e.message, /"ghost"/);
      assert.match(e.message, /no customer with that code/);
    }));
    assert.equal(await client.findCustomer("ghost"), undefined);
    assert.equal(count(emu, "GetCustomer"), 2);
    assert.deepEqual(hooks.sleeps, []);
  });
});

test("409: a second CreateCustomer with the same code is ALREADY_EXISTS and points to adoption", async () => {
  await withEmulator({}, async (emu) => {
    const client = clientFor(emu);
    await client.createCustomer(createRequest("dup"));
    await assert.rejects(client.createCustomer(createRequest("dup", { customerSubdomains: ["other-sub"] })), isApiError((e) => {
      assert.equal(e.httpStatus, 409);
      assert.equal(e.status, "ALREADY_EXISTS");
      assert.equal(e.method, "CreateCustomer");
      assert.match(e.message, /adopt/);
    }));
    assert.equal(count(emu, "CreateCustomer"), 2);
  });
});

test("403 SERVICE_DISABLED names the API and the activation URL", async () => {
  await withEmulator({ serviceDisabledPartners: [DEFAULT_PARTNER] }, async (emu) => {
    await assert.rejects(clientFor(emu).listCustomers(), isApiError((e) => {
      assert.equal(e.httpStatus, 403);
      assert.equal(e.status, "PERMISSION_DENIED");
      assert.equal(e.reason, "SERVICE_DISABLED");
      assert.equal(e.retryable, false);
      assert.match(e.message, /backstory\.googleapis\.com/);
      assert.ok(e.activationUrl?.startsWith("https://console.developers.google.com/"));
      assert.ok(e.message.includes(e.activationUrl!));
    }));
    assert.equal(count(emu, "ListCustomers"), 1);
  });
});

test("429 daily quota on CreateCustomer fails fast: exactly one CreateCustomer in the log", async () => {
  await withEmulator({ createQuotaPerDay: 1 }, async (emu) => {
    const hooks = recordingHooks();
    const client = clientFor(emu, {}, hooks);
    await client.createCustomer(createRequest("first"));
    emu.clearLog();
    await assert.rejects(client.createCustomer(createRequest("second")), isApiError((e) => {
      assert.equal(e.httpStatus, 429);
      assert.equal(e.status, "RESOURCE_EXHAUSTED");
      assert.equal(e.dailyQuota, true);
      assert.equal(e.retryable, false);
      assert.match(e.message, /tomorrow/);
    }));
    assert.deepEqual(loggedMethods(emu), ["CreateCustomer"]);
    assert.deepEqual(hooks.sleeps, []);
    // The next emulator day, the same request goes through.
    emu.advanceClock(24 * 3600 * 1000);
    assert.equal((await client.createCustomer(createRequest("second"))).customerCode, "second");
  });
});

test("an unexplained 429 on CreateCustomer is treated as the daily quota (no retry)", async () => {
  await withEmulator({}, async (emu) => {
    emu.injectFault({ method: "CreateCustomer", kind: "status", status: 429, count: 3 });
    await assert.rejects(clientFor(emu).createCustomer(createRequest("q")), isApiError((e) => assert.equal(e.dailyQuota, true)));
    assert.equal(count(emu, "CreateCustomer"), 1);
  });
});

test("two 503s on GetCustomer: retried, three GetCustomer calls, success", async () => {
  await withEmulator({}, async (emu) => {
    const hooks = recordingHooks();
    const client = clientFor(emu, {}, hooks);
    await client.createCustomer(createRequest("flaky"));
    emu.clearLog();
    emu.injectFault({ method: "GetCustomer", kind: "status", status: 503, count: 2 });
    assert.equal((await client.getCustomer("flaky")).customerCode, "flaky");
    assert.deepEqual(emu.requestLog().map((e) => `${e.method}:${e.status}`), ["GetCustomer:503", "GetCustomer:503", "GetCustomer:200"]);
    assert.equal(hooks.sleeps.length, 2);
    assert.deepEqual(hooks.events.filter((e) => e.method === "GetCustomer").map((e) => e.attempt), [1, 2, 3]);
  });
});

test("500s beyond maxRetries: INTERNAL after maxRetries + 1 calls", async () => {
  await withEmulator({}, async (emu) => {
    const client = clientFor(emu, { maxRetries: 2 });
    emu.injectFault({ method: "ListCustomers", kind: "status", status: 500, count: 10 });
    await assert.rejects(client.listCustomers(), isApiError((e) => {
      assert.equal(e.httpStatus, 500);
      assert.equal(e.status, "INTERNAL");
      assert.equal(e.retryable, true);
      assert.equal(e.attempts, 3);
      assert.match(e.message, /after 3 attempts/);
    }));
    assert.equal(count(emu, "ListCustomers"), 3);
  });
});

test("Retry-After (seconds) is honoured: the backoff sleep gets at least its value", async () => {
  await withEmulator({}, async (emu) => {
    const hooks = recordingHooks();
    const client = clientFor(emu, { retryBaseDelayMs: 10 }, hooks);
    emu.injectFault({ method: "ListCustomers", kind: "status", status: 429, retryAfterSeconds: 7, count: 1 });
    emu.injectFault({ method: "ListCustomers", kind: "status", status: 503, count: 1 });
    assert.deepEqual(await client.listCustomers(), []);
    assert.equal(count(emu, "ListCustomers"), 3);
    assert.equal(hooks.sleeps.length, 2);
    assert.equal(hooks.sleeps[0], 7000);
    // Without Retry-After: full jitter under base * 2^(attempt-1) = 20 ms.
    assert.ok(hooks.sleeps[1] >= 0 && hooks.sleeps[1] < 20);
  });
});

test("a Retry-After longer than retryMaxDelayMs is not waited out", async () => {
  await withEmulator({}, async (emu) => {
    const hooks = recordingHooks();
    const client = clientFor(emu, { retryMaxDelayMs: 5000 }, hooks);
    emu.injectFault({ method: "ListCustomers", kind: "status", status: 429, retryAfterSeconds: 3600, count: 1 });
    await assert.rejects(client.listCustomers(), isApiError((e) => {
      assert.equal(e.retryAfterMs, 3_600_000);
      assert.match(e.message, /rate limited/);
    }));
    assert.equal(count(emu, "ListCustomers"), 1);
    assert.deepEqual(hooks.sleeps, []);
  });
});

test("the emulator's own rate limit (429 RATE_LIMIT_EXCEEDED + Retry-After: 1) is retried after 1 s", async () => {
  await withEmulator({ requestsPerSecond: 1 }, async (emu) => {
    const hooks = recordingHooks();
    const client = clientFor(emu, { maxRetries: 1 }, hooks);
    await client.listCustomers();
    // The recording sleep does not wait, so the emulator's bucket is still empty on the retry.
    await assert.rejects(client.listCustomers(), isApiError((e) => {
      assert.equal(e.status, "RESOURCE_EXHAUSTED");
      assert.equal(e.reason, "RATE_LIMIT_EXCEEDED");
      assert.equal(e.dailyQuota, false);
    }));
    assert.deepEqual(hooks.sleeps, [1000]);
    assert.deepEqual(emu.requestLog().map((e) => e.status), [200, 429, 429]);
  });
});

test("CreateCustomer after commit-then-drop: looked up, not re-sent, one customer", async () => {
  await withEmulator({}, async (emu) => {
    const client = clientFor(emu);
    emu.injectFault({ method: "CreateCustomer", kind: "commit-then-drop", count: 1 });
    const c = await client.createCustomer(createRequest("lost"));
    assert.equal(c.customerCode, "lost");
    assert.equal(emu.customers().length, 1);
    assert.deepEqual(emu.requestLog().map((e) => `${e.method}:${e.status}`), ["CreateCustomer:0", "GetCustomer:200"]);
  });
});

test("CreateCustomer after a 503: lookup (404) before the second CreateCustomer, one customer", async () => {
  await withEmulator({}, async (emu) => {
    const client = clientFor(emu);
    emu.injectFault({ method: "CreateCustomer", kind: "status", status: 503, count: 1 });
    const c = await client.createCustomer(createRequest("retry"));
    assert.equal(c.customerCode, "retry");
    assert.equal(emu.customers().length, 1);
    assert.deepEqual(emu.requestLog().map((e) => `${e.method}:${e.status}`), ["CreateCustomer:503", "GetCustomer:404", "CreateCustomer:200"]);
  });
});

test("CreateCustomer after a drop before commit: lookup, then one re-send", async () => {
  await withEmulator({}, async (emu) => {
    const client = clientFor(emu);
    emu.injectFault({ method: "CreateCustomer", kind: "drop", count: 1 });
    await client.createCustomer(createRequest("dropped"));
    assert.equal(emu.customers().length, 1);
    assert.deepEqual(loggedMethods(emu), ["CreateCustomer", "GetCustomer", "CreateCustomer"]);
  });
});

test("CreateCustomer never re-sends beyond maxRetries", async () => {
  await withEmulator({}, async (emu) => {
    const client = clientFor(emu, { maxRetries: 1 });
    emu.injectFault({ method: "CreateCustomer", kind: "status", status: 500, count: 5 });
    await assert.rejects(client.createCustomer(createRequest("never")), isApiError((e) => assert.equal(e.status, "INTERNAL")));
    assert.deepEqual(loggedMethods(emu), ["CreateCustomer", "GetCustomer", "CreateCustomer"]);
    assert.equal(emu.customers().length, 0);
  });
});

test("a lost CreateCustomer whose code now holds a different customer is not taken as ours", async () => {
  await withEmulator({}, async (emu) => {
    const client = clientFor(emu);
    await client.createCustomer(createRequest("taken", { customerName: "Someone else" }));
    emu.injectFault({ method: "CreateCustomer", kind: "drop", count: 1 });
    await assert.rejects(client.createCustomer(createRequest("taken", { customerSubdomains: ["fresh-sub"] })), isApiError((e) => {
      assert.equal(e.status, "ALREADY_EXISTS");
      assert.match(e.message, /another name/);
    }));
  });
});

test("a delay beyond the request timeout: DEADLINE_EXCEEDED naming the setting, then retried", async () => {
  await withEmulator({}, async (emu) => {
    const hooks = recordingHooks();
    emu.injectFault({ method: "ListCustomers", kind: "delay", ms: 400, count: 1 });
    await assert.rejects(clientFor(emu, { requestTimeoutMs: 50, maxRetries: 0 }, hooks).listCustomers(), isApiError((e) => {
      assert.equal(e.status, "DEADLINE_EXCEEDED");
      assert.equal(e.httpStatus, 0);
      assert.equal(e.retryable, true);
      assert.match(e.message, /chronicle:requestTimeoutSeconds/);
    }));
    assert.equal(hooks.events[0].errorCode, "ETIMEDOUT");

    const retrying = recordingHooks();
    emu.injectFault({ method: "ListCustomers", kind: "delay", ms: 400, count: 1 });
    assert.deepEqual(await clientFor(emu, { requestTimeoutMs: 50, maxRetries: 1 }, retrying).listCustomers(), []);
    assert.deepEqual(retrying.events.map((e) => e.status), [0, 200]);
  });
});

test("CreateCustomer uses createTimeoutMs, not requestTimeoutMs", async () => {
  await withEmulator({}, async (emu) => {
    emu.injectFault({ method: "CreateCustomer", kind: "delay", ms: 200, count: 1 });
    const client = clientFor(emu, { requestTimeoutMs: 20, createTimeoutMs: 10_000 });
    assert.equal((await client.createCustomer(createRequest("slow"))).customerCode, "slow");
    assert.deepEqual(loggedMethods(emu), ["CreateCustomer"]);
  });
});

test("network error: connection refused is UNAVAILABLE, retried, and names the host", async () => {
  await withEmulator({}, async (emu) => {
    const port = emu.port;
    await emu.close().catch(() => undefined);
    const hooks = recordingHooks();
    const client = clientFor(emu, { maxRetries: 2 }, hooks);
    await assert.rejects(client.listCustomers(), isApiError((e) => {
      assert.equal(e.status, "UNAVAILABLE");
      assert.equal(e.code, "ECONNREFUSED");
      assert.match(e.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
    }));
    assert.equal(hooks.events.length, 3);
  }).catch((e) => {
    // close() twice is fine to fail; anything else is a real failure.
    if (!/not running/i.test(String(e))) throw e;
  });
});
