/**
 * The daily CreateCustomer quota on the real engine: 25 customers, 10 creations
 * per emulator day. With continue-on-error, each `up` creates what the day
 * allows and reports the rest with the quota message; the state always tracks
 * exactly what exists; three days give all 25 once, with no state editing.
 * Before that, a preview with chronicle:createQuotaRemaining warns that the
 * plan creates more customers than the budget.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { startEmulator } from "../../emulator";
import { EngineResult } from "../support/engine";
import { fleetStack, lostOrDuplicated, assertNoChanges, mustSucceed, table, Part } from "./support";

const DAY = 24 * 60 * 60 * 1000;
const CODES = Array.from({ length: 25 }, (_, i) => `q${String(i).padStart(2, "0")}`);
const PARTS: Part[] = ["ui"];
const QUOTA_MESSAGE = /daily CreateCustomer quota is used up/g;

/** Customer codes the failed up reported with the quota message. */
function reportedOverQuota(r: EngineResult): string[] {
  const text = `${r.stdout}\n${r.error ?? ""}`;
  return CODES.filter((c) => new RegExp(`CreateCustomer for customer code "${c}" failed with HTTP 429[^\\n]*daily CreateCustomer quota is used up`).test(text));
}

test("25 customers against a quota of 10 a day: 10, 10, then 5, each reported clearly, no duplicate, no manual state editing", async () => {
  const emu = await startEmulator({ port: 0, createQuotaPerDay: 10 });
  try {
    const fleet = fleetStack(emu, { "chronicle:createQuotaRemaining": "10" });
    const run = (op: "up" | "preview") => fleet.run(op, CODES, { parts: PARTS, functions: false, opts: op === "up" ? { continueOnError: true } : {} });

    const preview = await run("preview");
    mustSucceed(preview, "preview");
    assert.match(preview.stdout, /This plan creates at least 11 customers, but chronicle:createQuotaRemaining says 10 CreateCustomer calls are left today/);
    assert.match(preview.stdout, /the rest will fail with HTTP 429 \(daily quota\) and be created on a later run/);
    // Warned once: no later warning with a higher count (the engine prints a warning twice: inline and in its Diagnostics summary).
    assert.doesNotMatch(preview.stdout, /This plan creates at least 1[2-9] customers/, "warned once");
    assert.equal(emu.requestLog().filter((e) => e.method === "CreateCustomer").length, 0, "a preview creates nothing");

    const rows: Array<Array<string | number>> = [];
    const expected = [10, 10, 5];
    for (let day = 0; day < 3; day++) {
      if (day > 0) emu.advanceClock(DAY);
      const before = emu.customers().length;
      fleet.config["chronicle:createQuotaRemaining"] = "10";
      const up = await run("up");
      const created = emu.customers().length - before;
      const over = up.ok ? [] : reportedOverQuota(up);
      assert.equal(created, expected[day], `day ${day + 1}: created`);
      const missing = CODES.length - emu.customers().length;
      assert.equal(over.length, missing, `day ${day + 1}: every customer not created is reported with the quota message`);
      assert.equal(up.ok, missing === 0);
      if (!up.ok) assert.equal((up.stdout.match(QUOTA_MESSAGE) ?? []).length >= missing, true);
      const lost = await lostOrDuplicated(emu, fleet, emu.customers().map((c) => c.customerCode), PARTS);
      assert.deepEqual(lost.details, [], `day ${day + 1}: the state tracks exactly the customers that exist, with their UI state`);
      rows.push([day + 1, created, emu.customers().length, over.length, lost.count]);
    }
    assert.deepEqual(emu.customers().map((c) => c.customerCode).sort(), CODES);
    await assertNoChanges(fleet, CODES, { parts: PARTS });
    console.log(`\nQuota (25 customers, 10 CreateCustomer a day, --continue-on-error):\n${table(["day", "created", "total", "reported over quota", "lost or duplicated"], rows)}\n`);
  } finally {
    await emu.close();
  }
});

test("the preview warning stays silent when the budget covers the plan", async () => {
  const emu = await startEmulator({ port: 0 });
  try {
    const fleet = fleetStack(emu, { "chronicle:createQuotaRemaining": "3" });
    const preview = await fleet.run("preview", ["w1", "w2", "w3"], { parts: [], functions: false });
    mustSucceed(preview);
    assert.doesNotMatch(preview.stdout, /This plan creates at least/);
    fleet.config["chronicle:createQuotaRemaining"] = "2";
    const over = await fleet.run("preview", ["w1", "w2", "w3"], { parts: [], functions: false });
    assert.match(over.stdout, /This plan creates at least 3 customers, but chronicle:createQuotaRemaining says 2/);
  } finally {
    await emu.close();
  }
});
