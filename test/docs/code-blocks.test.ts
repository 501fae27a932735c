import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { resolveSettings } from "../../provider/client/settings";
import { pulumiBin, ROOT } from "../support/engine";
import { CodeBlock, codeBlocks, docFiles, shellCommands } from "./markdown";

/**
 * Every code block of the docs (README.md, docs/*.md, examples/<name>/README.md)
 * is either run by a test or copied from a file that is:
 * - TypeScript, JSON and YAML blocks appear verbatim (whole lines, any common
 *   indentation) in a file a test runs;
 * - every shell command is one this file knows: run here when cheap, backed by
 *   evidence in the repository otherwise, and every `pulumi config set` block
 *   is run on the real CLI and the config it leaves must resolve.
 */

/** Files whose content a test runs, so that a block copied from them is tested code. */
const TESTED_SOURCES: Record<string, string> = {
  "examples/*/ (every file)": "test/examples/*.test.ts",
  "docs/snippets/ (every file)": "test/docs/snippets.test.ts",
  "inventory/customers.json": "test/e2e/lifecycle.test.ts",
  "onboarding/*.ts": "test/e2e/lifecycle.test.ts (programs/onboarding.js)",
  "Pulumi.yaml": "this file: the configuration blocks run `pulumi stack init` and `pulumi config set` on it",
};

function testedFiles(): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
      const rel = path.join(dir, e.name);
      if (e.name === "node_modules" || e.name.endsWith(".js")) return [];
      return e.isDirectory() ? walk(rel) : [rel];
    });
  const onboarding = fs.readdirSync(path.join(ROOT, "onboarding")).filter((f) => f.endsWith(".ts")).map((f) => `onboarding/${f}`);
  return [...walk("examples"), ...walk("docs/snippets"), "inventory/customers.json", ...onboarding, "Pulumi.yaml"];
}

/**
 * True when the block's lines are consecutive lines of `text`, all shifted by
 * the same indentation. The last line may lack a trailing comma, so one
 * element of a JSON list can be quoted.
 */
export function containsLines(text: string, block: string): boolean {
  const src = text.split("\n").map((l) => l.trimEnd());
  const lines = block.split("\n").map((l) => l.trimEnd());
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  if (lines.length === 0) return false;
  for (let i = 0; i + lines.length <= src.length; i++) {
    if (!src[i].endsWith(lines[0])) continue;
    const indent = src[i].slice(0, src[i].length - lines[0].length);
    if (indent.trim() !== "") continue;
    const same = (l: string, k: number) =>
      l === "" ? src[i + k] === "" : src[i + k] === indent + l || (k === lines.length - 1 && src[i + k] === `${indent}${l},`);
    if (lines.every(same)) return true;
  }
  return false;
}

type Known =
  | { run: string[]; cwd?: "root" }
  | { evidence: [file: string, contains: string]; why: string }
  | { why: string };

const LANGUAGE_HOST = "needs the Node language host, which cannot be built offline here; the examples run the same programs inline on the real engine (test/examples/)";
const EMULATOR_CLI: Known = { evidence: ["test/emulator/control-cli.test.ts", "exits cleanly on SIGTERM"], why: "the emulator CLI (package.json bin); the test starts it, checks health and SIGTERM" };

/** Every shell command the docs may contain, and how it is known to work. */
const KNOWN: Record<string, Known> = {
  "npm run onboard": { evidence: ["scripts/onboard.ts", "stack.up("], why: "the main job; tried by hand on a fresh clone; its program is the one test/e2e/lifecycle.test.ts runs" },
  "npm test": { evidence: ["test/examples/emulator-in-tests.test.ts", "tenant.test.js"], why: "the test command itself; for examples/emulator-in-tests its own script, which that test runs" },
  "npm run build": { evidence: ["package.json", '"build": "tsc -p tsconfig.json"'], why: "the compile step that scripts/setup.sh runs before every test run" },
  "npm pack": { evidence: ["test/support/engine.ts", '["pack",'], why: "the harness packs the package the same way for every engine test" },
  "npm install": { why: "standard npm; the harness installs the same dependencies from the packed package" },
  "node dist/emulator/cli.js --help": { run: ["node", "dist/emulator/cli.js", "--help"] },
  "npm run emulator -- --port 8473": EMULATOR_CLI,
  "npx chronicle-partner-emulator --port 8473": EMULATOR_CLI,
  "pulumi up": { why: LANGUAGE_HOST },
  "pulumi destroy": { why: LANGUAGE_HOST },
  "pulumi stack output ingestionCredential --show-secrets": { evidence: ["test/examples/single-customer.test.ts", "outputs!.ingestionCredential, \"[secret]\""], why: LANGUAGE_HOST },
  "source scripts/pulumi-env.sh": { run: ["bash", "-c", "source scripts/pulumi-env.sh && command -v pulumi && pulumi version"] },
  'export PULUMI_BACKEND_URL="file://$PWD/.onboarding/state"': { evidence: ["scripts/onboard.ts", "process.env.PULUMI_BACKEND_URL ??"], why: "the backend npm run onboard uses" },
  'export PULUMI_CONFIG_PASSPHRASE="choose-a-strong-passphrase"': { why: "shell; the passphrase secrets provider reads it (the config blocks below run with one)" },
  "ONBOARDING_STACK=production npm run onboard": { evidence: ["scripts/onboard.ts", "process.env.ONBOARDING_STACK"], why: "the main job on another stack" },
  "gcloud iam workload-identity-pools create-cred-config projects/123456789/locations/global/workloadIdentityPools/ci-pool/providers/ci-oidc --service-account=chronicle-partner@my-project.iam.gserviceaccount.com --credential-source-file=/var/run/ci/oidc-token --output-file=wif.json":
    { evidence: ["test/client/auth.test.ts", "external_account"], why: "Google's gcloud, not available offline; the external_account file it writes is what test/client/auth.test.ts uses end to end" },
  "gcloud auth application-default login": { why: "Google's gcloud, not available offline; impersonation from ADC is tested in test/client/auth.test.ts" },
};

/** `pulumi stack init` and `pulumi config set` lines are checked by running them (see below). */
const isConfigCommand = (c: string) => /^pulumi (stack init|config set) /.test(c);
const isCd = (c: string) => /^cd \S+$/.test(c);

const blocks = (): CodeBlock[] => docFiles().flatMap(codeBlocks);

test("the docs have code blocks, each tagged ts, json, yaml or sh", () => {
  const all = blocks();
  assert.ok(all.length >= 20, `only ${all.length} code blocks found`);
  for (const b of all) assert.ok(["ts", "json", "yaml", "sh"].includes(b.lang), `${b.file}:${b.line}: code block tagged "${b.lang}"; use ts, json, yaml or sh`);
});

test("every TypeScript, JSON and YAML block is copied from a file that a test runs", () => {
  const sources = testedFiles().map((f) => ({ f, text: fs.readFileSync(path.join(ROOT, f), "utf8") }));
  assert.ok(Object.keys(TESTED_SOURCES).length > 0);
  for (const b of blocks().filter((x) => x.lang !== "sh")) {
    const from = sources.find((s) => containsLines(s.text, b.code));
    assert.ok(from, `${b.file}:${b.line}: this ${b.lang} block is not copied verbatim from any tested file:\n${b.code}`);
  }
});

test("the verbatim check rejects a changed line", () => {
  const text = "a\n  b\n  c\nd\n";
  assert.equal(containsLines(text, "b\nc"), true);
  assert.equal(containsLines(text, "b\nx"), false);
  assert.equal(containsLines(text, "a\nc"), false);
  assert.equal(containsLines("[\n  {\n    x\n  },\n]", "{\n  x\n}"), true, "one element of a list");
  assert.equal(containsLines("{\n  x,\n  y\n}", "x\ny"), false, "a comma only at the end");
});

test("every shell command in the docs is known to work", () => {
  const unknown: string[] = [];
  for (const b of blocks().filter((x) => x.lang === "sh")) {
    for (const c of shellCommands(b.code)) {
      if (isConfigCommand(c)) continue;
      if (isCd(c)) {
        assert.ok(fs.existsSync(path.join(ROOT, c.slice(3))), `${b.file}:${b.line}: "${c}": no such folder`);
        continue;
      }
      if (!KNOWN[c]) unknown.push(`${b.file}:${b.line}: ${c}`);
    }
  }
  assert.deepEqual(unknown, [], "commands the docs use but this test does not know; add them to KNOWN with how they are verified");
});

test("the known commands' evidence is in the repository, and the cheap ones run", () => {
  process.env.PULUMI_BIN ??= pulumiBin();
  for (const [command, k] of Object.entries(KNOWN)) {
    if ("evidence" in k) {
      const [file, needle] = k.evidence;
      assert.ok(fs.readFileSync(path.join(ROOT, file), "utf8").includes(needle), `${command}: ${file} no longer contains ${JSON.stringify(needle)}`);
    }
    if ("run" in k) {
      const r = spawnSync(k.run[0], k.run.slice(1), { cwd: ROOT, encoding: "utf8", env: process.env });
      assert.equal(r.status, 0, `${command} failed: ${r.stderr}${r.stdout}`);
    }
  }
});

/** A sandbox project with the Pulumi.yaml the block applies to, a key file and a file backend. */
function sandbox(projectFile: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "docs-config-"));
  fs.copyFileSync(projectFile, path.join(dir, "Pulumi.yaml"));
  const key = { type: "service_account", client_email: "partner@example.iam.gserviceaccount.com", private_key: "-----BEGIN PRIVATE KEY-----\ndocs-canary-key\n-----END PRIVATE KEY-----\n" };
  fs.writeFileSync(path.join(dir, "key.json"), JSON.stringify(key));
  fs.mkdirSync(path.join(dir, "state"));
  const env = {
    ...process.env,
    PATH: `${pulumiBin()}:${process.env.PATH}`,
    PULUMI_BACKEND_URL: `file://${path.join(dir, "state")}`,
    PULUMI_HOME: path.join(dir, "home"),
    PULUMI_CONFIG_PASSPHRASE: "docs-test",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
  return { dir, env };
}

test("every block of `pulumi config set` commands runs on the real CLI and leaves a config the client accepts", () => {
  const configBlocks = blocks().filter((b) => b.lang === "sh" && shellCommands(b.code).some((c) => c.startsWith("pulumi config set ")));
  assert.ok(configBlocks.length >= 5, `only ${configBlocks.length} configuration blocks`);
  for (const b of configBlocks) {
    const folder = path.dirname(path.join(ROOT, b.file));
    const projectFile = fs.existsSync(path.join(folder, "Pulumi.yaml")) ? path.join(folder, "Pulumi.yaml") : path.join(ROOT, "Pulumi.yaml");
    const { dir, env } = sandbox(projectFile);
    const commands = shellCommands(b.code).filter(isConfigCommand);
    if (!commands.some((c) => c.startsWith("pulumi stack init "))) commands.unshift("pulumi stack init docs");
    const where = `${b.file}:${b.line}`;
    const r = spawnSync("bash", ["-euc", commands.join("\n")], { cwd: dir, env, encoding: "utf8" });
    assert.equal(r.status, 0, `${where}: ${r.stderr}`);
    const shown = spawnSync("pulumi", ["config", "--json", "--show-secrets"], { cwd: dir, env, encoding: "utf8" });
    assert.equal(shown.status, 0, `${where}: ${shown.stderr}`);
    const config = Object.fromEntries(Object.entries(JSON.parse(shown.stdout) as Record<string, { value?: string }>).map(([k, v]) => [k, v.value]));
    const settings = resolveSettings(config, {});
    const stackFile = fs.readdirSync(dir).find((f) => /^Pulumi\..+\.yaml$/.test(f) && f !== "Pulumi.yaml")!;
    assert.ok(!fs.readFileSync(path.join(dir, stackFile), "utf8").includes("docs-canary-key"), `${where}: the key is in the stack file in plaintext`);
    if (b.code.includes("chronicle:region europe")) assert.equal(settings.baseUrl, "https://europe-backstory.googleapis.com/v1/partner/customer");
    if (b.code.includes("--secret chronicle:credentials")) assert.match(settings.credentials ?? "", /docs-canary-key/);
    if (b.code.includes('chronicle:emulatorHost ""')) assert.equal(settings.emulatorHost, undefined, `${where}: the emulator host is still set`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
