import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pulumiBin } from "../support/engine";
import { compileInScratch } from "./support";

/**
 * examples/emulator-in-tests: a partner project's own test file, which starts
 * the emulator from "pulumi-chronicle-partner/emulator" and runs the
 * project's stack against it through the Automation API. It is compiled
 * against the packed package and run with `node --test` from its folder, as
 * the project's `npm test` does; only the Pulumi CLI comes from this repo.
 */
let dir: string;
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ status: code ?? -1, out }));
  });
}

test("the example's own tests pass against the emulator", async () => {
  dir = compileInScratch("emulator-in-tests");
  // Without NODE_TEST_CONTEXT, which would make the child a sub-runner of this test run that runs nothing.
  const { NODE_TEST_CONTEXT: _, ...parentEnv } = process.env;
  const env = {
    ...parentEnv,
    // A user's machine: the Pulumi CLI on PATH, a PULUMI_HOME of its own, nothing else from this repo.
    PATH: `${pulumiBin()}:${process.env.PATH}`,
    PULUMI_HOME: fs.mkdtempSync(path.join(os.tmpdir(), "emulator-in-tests-home-")),
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    NODE_PATH: "",
  };
  const r = await run(dir, ["--test", "--test-reporter=tap", "tenant.test.js"], env);
  assert.equal(r.status, 0, r.out.slice(-4000));
  assert.match(r.out, /^# pass 2$/m);
  assert.match(r.out, /^# fail 0$/m);
});
