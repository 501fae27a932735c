/**
 * Load on the real engine: 50 customers, each with its SSO config and UI state,
 * under `--parallel 32`, against an emulator that enforces 20 requests per
 * second. The client's limit (chronicle:requestsPerSecond 10, shared by every
 * resource: one provider process per engine run) keeps the request rate under
 * the server's, so the up succeeds and no 429 is left unhandled. The request
 * log shows the limit held: at most rps + burst (the bucket's capacity, rps)
 * requests arrive in any one-second window.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { startEmulator } from "../../emulator";
import { fleetStack, lostOrDuplicated, mustSucceed, table, Part } from "./support";

const CLIENT_RPS = 10;
const SERVER_RPS = 20;
const CODES = Array.from({ length: 50 }, (_, i) => `l${String(i).padStart(2, "0")}`);
const PARTS: Part[] = ["sso", "ui"];

/** Most requests that arrived (completion time minus duration) within any 1-second window. */
function maxPerSecond(arrivals: number[]): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

test("50 customers with SSO and UI state, --parallel 32, server limit 20/s: no failure, no 429 unhandled, the client limit held", async () => {
  const emu = await startEmulator({ port: 0, createQuotaPerDay: 100, requestsPerSecond: SERVER_RPS });
  try {
    const fleet = fleetStack(emu, { "chronicle:requestsPerSecond": String(CLIENT_RPS), "chronicle:maxConcurrency": "8" });
    const up = await fleet.run("up", CODES, { parts: PARTS, functions: false, parallel: 32 });
    mustSucceed(up, "up under load");
    const log = emu.requestLog();
    const api = log.filter((e) => e.method !== "Control");
    const peak = maxPerSecond(api.map((e) => Date.parse(e.time) - e.durationMs));
    const throttled = api.filter((e) => e.status === 429).length;
    const lost = await lostOrDuplicated(emu, fleet, CODES, PARTS);
    assert.deepEqual(lost.details, []);
    const byMethod = (m: string) => api.filter((e) => e.method === m && e.status === 200).length;
    console.log(`\nLoad (50 customers x customer + SSO + UI, --parallel 32):\n${table(
      ["requests", "CreateCustomer 200", "UpdateSSOConfig 200", "SetUIState 200", "429 from server", "max requests in 1 s", "client limit (rps + burst)", "server limit"],
      [[api.length, byMethod("CreateCustomer"), byMethod("UpdateSSOConfig"), byMethod("SetUIState"), throttled, peak, 2 * CLIENT_RPS, SERVER_RPS]],
    )}\n`);
    assert.equal(byMethod("CreateCustomer"), 50);
    assert.equal(byMethod("UpdateSSOConfig"), 50);
    assert.equal(byMethod("SetUIState"), 50);
    assert.ok(peak <= 2 * CLIENT_RPS, `${peak} requests arrived within one second; the client allows ${CLIENT_RPS}/s with a burst of ${CLIENT_RPS}`);
    // Every 429 the server sent (none expected: the client stays under its rate) was retried: the up succeeded.
    assert.equal(throttled, 0, "the client-side limit kept the server from throttling");
  } finally {
    await emu.close();
  }
});
