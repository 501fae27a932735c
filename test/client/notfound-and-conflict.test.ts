/**
 * Two answers that must not be read as facts about a customer: a 404 that did
 * not come from the partner API (a wrong endpoint must never make a refresh
 * empty the state), and a conflict on a CreateCustomer re-send whose customer
 * still cannot be read (the create's outcome is unknown, not "refused").
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ChronicleApiError, ENDPOINT_NOT_FOUND } from "../../provider/client/errors";
import { PartnerClient } from "../../provider/client/client";
import { resolveSettings } from "../../provider/client/settings";
import { clientFor, createRequest, loggedMethods, recordingHooks, withEmulator } from "./helpers";

/** A server that is not the partner API: every request gets a 404 with `body` and `contentType`. */
async function withPlain404<T>(body: string, contentType: string, fn: (client: PartnerClient, hits: () => number) => Promise<T>): Promise<T> {
  let hits = 0;
  const server: Server = createServer((_req, res) => {
    hits++;
    res.writeHead(404, { "content-type": contentType });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const settings = { ...resolveSettings({ "chronicle:emulatorHost": `127.0.0.1:${port}` }, {}), retryBaseDelayMs: 1, requestsPerSecond: 10_000 };
  try {
    return await fn(new PartnerClient(settings, recordingHooks()), () => hits);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const PLAIN_404S: Record<string, [string, string]> = {
  "an HTML page": ["<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>", "text/html"],
  "an empty body": ["", "text/plain"],
  "JSON that is not a Google error": [JSON.stringify({ message: "no route" }), "application/json"],
  "a Google-shaped error without a status": [JSON.stringify({ error: { code: 404, message: "Not Found" } }), "application/json"],
};

for (const [what, [body, type]] of Object.entries(PLAIN_404S)) {
  test(`findCustomer: a 404 with ${what} is an error naming the endpoint settings, never "customer gone"`, async () => {
    await withPlain404(body, type, async (client, hits) => {
      await assert.rejects(client.findCustomer("acme"), (e: unknown) => {
        assert.ok(e instanceof ChronicleApiError);
        assert.equal(e.httpStatus, 404);
        assert.equal(e.status, ENDPOINT_NOT_FOUND);
        assert.equal(e.retryable, false);
        assert.match(e.message, /does not serve the partner API/);
        assert.match(e.message, /chronicle:endpoint/);
        return true;
      });
      assert.equal(hits(), 1, "not retried");
    });
  });
}

test("findCustomer: the API's own NOT_FOUND (Google JSON error) still means the customer does not exist", async () => {
  await withEmulator({}, async (emu) => {
    assert.equal(await clientFor(emu).findCustomer("ghost"), undefined);
  });
});

test("findCustomer: a 404 whose Google error says another status is an error too", async () => {
  const body = JSON.stringify({ error: { code: 404, message: "Method not found.", status: "UNIMPLEMENTED" } });
  await withPlain404(body, "application/json", async (client) => {
    await assert.rejects(client.findCustomer("acme"), (e: unknown) => e instanceof ChronicleApiError && e.status === "UNIMPLEMENTED");
  });
});

test("CreateCustomer: unanswered attempt, then a conflict on the re-send and still nothing to read: outcomeUnknown, not a refusal", async () => {
  await withEmulator({}, async (emu) => {
    const client = clientFor(emu);
    // Another customer holds the subdomain: the re-send is refused with 409, and the code itself cannot be read.
    await client.createCustomer(createRequest("holder", { customerSubdomains: ["shared-sub"] }));
    emu.clearLog();
    emu.injectFault({ method: "CreateCustomer", kind: "status", status: 503, count: 1 });
    await assert.rejects(client.createCustomer(createRequest("newcomer", { customerSubdomains: ["shared-sub"] })), (e: unknown) => {
      assert.ok(e instanceof ChronicleApiError);
      assert.equal(e.outcomeUnknown, true);
      assert.equal(e.retryable, false);
      assert.match(e.message, /did not confirm/);
      assert.match(e.message, /running again looks it up/);
      return true;
    });
    assert.deepEqual(loggedMethods(emu), ["CreateCustomer", "GetCustomer", "CreateCustomer", "GetCustomer"]);
    assert.deepEqual(emu.customers().map((c) => c.customerCode), ["holder"]);
  });
});

test("CreateCustomer: a conflict with no earlier unanswered attempt stays a plain ALREADY_EXISTS", async () => {
  await withEmulator({}, async (emu) => {
    const client = clientFor(emu);
    await client.createCustomer(createRequest("holder", { customerSubdomains: ["shared-sub"] }));
    await assert.rejects(client.createCustomer(createRequest("newcomer", { customerSubdomains: ["shared-sub"] })), (e: unknown) =>
      e instanceof ChronicleApiError && e.status === "ALREADY_EXISTS" && e.outcomeUnknown === false);
  });
});
