/**
 * The emulator, persisting to a file, goes away in the middle of a `pulumi up`
 * (after a fixed number of requests, counted in its log, not timed) and comes
 * back on the same port with the same file. The interrupted up fails or
 * finishes; the next up converges: every intended customer exactly once, every
 * resource applied, the state consistent with the emulator.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { assertNoChanges, fleetStack, lostOrDuplicated, mustSucceed, Part } from "./support";

const CODES = Array.from({ length: 8 }, (_, i) => `r${i}`);
const PARTS: Part[] = ["sso", "ui", "auth"];
/** Out of about 40 requests (8 x lookup, create, SSO, UI, auth version): the up is well under way. */
const STOP_AFTER = 14;

/** Resolves once the emulator has logged `n` requests; polled, so the up goes on meanwhile. */
function afterRequests(emu: Emulator, n: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (emu.requestLog().length >= n) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
}

test("the emulator restarted (with persistence) in the middle of an up: the next up converges", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chronicle-restart-"));
  const persistPath = path.join(dir, "emulator.json");
  let emu = await startEmulator({ port: 0, persistPath });
  const port = emu.port;
  try {
    // A slow client (5 requests a second) so that the restart falls in the middle of the up.
    const fleet = fleetStack(emu, { "chronicle:requestsPerSecond": "5", "chronicle:maxRetries": "1" });
    const interrupted = fleet.run("up", CODES, { parts: PARTS, functions: false, opts: { continueOnError: true } });
    await afterRequests(emu, STOP_AFTER);
    await emu.close();
    const first = await interrupted;
    const before = JSON.parse(fs.readFileSync(persistPath, "utf8"));
    assert.ok(before, "the state file survived the stop");

    emu = await startEmulator({ port, persistPath });
    const createdBeforeRestart = emu.customers().length;
    assert.ok(createdBeforeRestart < CODES.length, `the stop came before the end (${createdBeforeRestart} customers existed)`);
    if (!first.ok) assert.match(`${first.stdout}${first.error}`, /could not reach|connection .* was lost|ECONNREFUSED|ECONNRESET/);

    const next = await fleet.run("up", CODES, { parts: PARTS, functions: false });
    mustSucceed(next, "the up after the restart");
    const lost = await lostOrDuplicated(emu, fleet, CODES, PARTS);
    assert.deepEqual(lost.details, []);
    await assertNoChanges(fleet, CODES, { parts: PARTS, });
    console.log(`\nRestart: stopped after ${STOP_AFTER} requests with ${createdBeforeRestart} of ${CODES.length} customers created; ` +
      `interrupted up ${first.ok ? "finished" : "failed"}; next up converged; lost or duplicated: ${lost.count}\n`);
  } finally {
    await emu.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
