import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT, pulumiBin } from "../support/engine";

/**
 * The main job as `npm run onboard` runs it (dist/scripts/onboard.js), in a
 * copy of the project so that it gets its own emulator port and .onboarding/
 * folder: the first run creates the inventory's customers, the second changes
 * nothing.
 */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function run(cwd: string, env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    // The job picks its own file backend in .onboarding/ unless PULUMI_BACKEND_URL says otherwise.
    const { PULUMI_BACKEND_URL: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, ["dist/scripts/onboard.js"], { cwd, env: { ...inherited, ...env } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => resolve({ code: code ?? -1, out }));
  });
}

test("the main job onboards the inventory, and a second run changes nothing", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chronicle-onboard-"));
  for (const f of ["package.json", "dist", "inventory"]) fs.cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  const port = await freePort();
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8").replace("127.0.0.1:8473", `127.0.0.1:${port}`));
  const env = { PULUMI_BIN: pulumiBin(), PULUMI_HOME: path.join(dir, ".pulumi-home"), PULUMI_CONFIG_PASSPHRASE: "" };

  const first = await run(dir, env);
  assert.equal(first.code, 0, first.out.slice(-3000));
  assert.match(first.out, new RegExp(`Started the partner API emulator at http://127\\.0\\.0\\.1:${port}`));
  assert.match(first.out, /Onboarded 3 customer\(s\)/);
  assert.match(first.out, /Changes: create 13/);
  const saved = JSON.parse(fs.readFileSync(path.join(dir, ".onboarding", "emulator.json"), "utf8"));
  assert.ok(JSON.stringify(saved).includes("globex"));

  const second = await run(dir, env);
  assert.equal(second.code, 0, second.out.slice(-3000));
  assert.match(second.out, /Changes: same 13/);
});
