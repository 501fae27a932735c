/**
 * A transient failure that outlives the retries says that a rerun is safe, from
 * the provider (resources) and from the functions (program side); a refusal
 * that a rerun cannot fix does not.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { startProviderHarness, ProviderHarness, rejection } from "../support/provider";
import { customerInputs } from "../support/fixtures";
import { RERUN_IS_SAFE } from "../../provider/runtime/rerun";
import { generateIamMigrationCommands } from "../../provider/functions";

let h: ProviderHarness;
before(async () => {
  h = await startProviderHarness({}, { "chronicle:maxRetries": "0" });
  pulumi.runtime.setAllConfig({ "chronicle:emulatorHost": `127.0.0.1:${h.emu.port}`, "chronicle:maxRetries": "0", "chronicle:requestsPerSecond": "1000" });
  const { inputs } = await h.call("customer", "check", {}, customerInputs("acme"));
  await h.call("customer", "create", inputs);
});
after(() => h.close());

test("a setter whose call keeps failing with 503 says what happened and that a rerun is safe", async () => {
  h.emu.injectFault({ method: "SetUIState", kind: "status", status: 503 });
  const err = await rejection(() => h.call("uiState", "create", { customerCode: "acme", enabled: false }));
  assert.match(err.message, /SetUIState for customer code "acme" failed with HTTP 503/);
  assert.ok(err.message.endsWith(RERUN_IS_SAFE));
});

test("a dropped connection on a function call (program side) says that a rerun is safe", async () => {
  h.emu.injectFault({ method: "GenerateIamMigrationCommands", kind: "drop" });
  const err = await rejection(() => generateIamMigrationCommands({ customerCode: "acme" }));
  assert.match(err.message, /connection .* was lost before an answer arrived/);
  assert.ok(err.message.endsWith(RERUN_IS_SAFE));
});

test("a refusal a rerun cannot fix (no such customer) carries no rerun note", async () => {
  const err = await rejection(() => h.call("uiState", "create", { customerCode: "ghost", enabled: false }));
  assert.match(err.message, /NOT_FOUND/);
  assert.ok(!err.message.includes(RERUN_IS_SAFE));
});
