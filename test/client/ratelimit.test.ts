/** The client-side rate limit, shared by every client of one endpoint in the process: asserted by counts. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { type RequestLogEntry } from "../../emulator";
import { RateLimiter, limiterStats } from "../../provider/client/transport";
import { clientFor, emulatorSettings, withEmulator } from "./helpers";

/** Most requests the emulator had in flight at once, from its log (time = end, durationMs = length). */
function peakInFlight(log: RequestLogEntry[]): number {
  const edges: Array<[number, number]> = [];
  for (const e of log) {
    const end = Date.parse(e.time);
    edges.push([end - e.durationMs, +1], [end, -1]);
  }
  // Ends sort before starts at the same millisecond: a slot handed over is not an overlap.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, d] of edges) peak = Math.max(peak, (now += d));
  return peak;
}

test("concurrency 2 shared by two clients of one endpoint: 20 parallel calls, never more than 2 in flight", async () => {
  await withEmulator({}, async (emu) => {
    const a = clientFor(emu, { maxConcurrency: 2 });
    // Different settings (so not the same shared client), same endpoint: same limiter.
    const b = clientFor(emu, { maxConcurrency: 2, maxRetries: 3 });
    emu.injectFault({ method: "*", kind: "delay", ms: 25, count: 20 });
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).listCustomers()));
    const log = emu.requestLog();
    assert.equal(log.length, 20);
    const peak = peakInFlight(log);
    assert.ok(peak <= 2, `emulator saw ${peak} in flight`);
    assert.equal(peak, 2, "the limiter should still allow two at once");
    const stats = limiterStats(emulatorSettings(emu).baseUrl)!;
    assert.equal(stats.peakInFlight, 2);
    assert.equal(stats.inFlight, 0);
  });
});

test("without the limit the same load does overlap (the measurement can fail)", async () => {
  await withEmulator({}, async (emu) => {
    const client = clientFor(emu, { maxConcurrency: 16 });
    emu.injectFault({ method: "*", kind: "delay", ms: 25, count: 20 });
    await Promise.all(Array.from({ length: 20 }, () => client.listCustomers()));
    assert.ok(peakInFlight(emu.requestLog()) > 2);
  });
});

test("the strictest limit wins when clients of one endpoint disagree", () => {
  const limiter = new RateLimiter(50, 8);
  limiter.tighten(100, 3);
  assert.deepEqual(limiter.stats(), { inFlight: 0, peakInFlight: 0, concurrency: 3, requestsPerSecond: 50 });
});

test("semaphore hands slots over in order without exceeding the limit", async () => {
  const limiter = new RateLimiter(1_000_000, 1);
  const order: number[] = [];
  const releaseFirst = await limiter.acquire();
  const waiters = [1, 2, 3].map((n) => limiter.acquire().then((release) => {
    order.push(n);
    assert.equal(limiter.stats().inFlight, 1);
    release();
  }));
  assert.deepEqual(order, []);
  releaseFirst();
  await Promise.all(waiters);
  assert.deepEqual(order, [1, 2, 3]);
  assert.equal(limiter.stats().peakInFlight, 1);
  assert.equal(limiter.stats().inFlight, 0);
});

test("token bucket: 15 requests at 10/s need at least ~0.5 s beyond the burst of 10", async () => {
  const limiter = new RateLimiter(10, 100);
  const started = Date.now();
  for (let i = 0; i < 15; i++) (await limiter.acquire())();
  // A lower bound only: 5 requests past the burst, 100 ms apart.
  assert.ok(Date.now() - started >= 450, `took ${Date.now() - started} ms`);
});
