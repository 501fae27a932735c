/**
 * The real Pulumi engine, driven as a user's project would be: the package is
 * packed with `npm pack`, installed into a scratch project, and programs in
 * that project run through the Automation API (inline programs: the Node
 * language host cannot be built offline) and the `pulumi` CLI, against an
 * emulator over real HTTP.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..", "..");
/** Compiled test programs (test/programs/*.ts), copied into the scratch project's programs/ folder. */
const PROGRAMS = "dist/test/programs";

/** The folder holding `pulumi` and `pulumi-resource-pulumi-nodejs`; installed (or built) when missing. */
export function pulumiBin(): string {
  if (process.env.PULUMI_BIN) return path.resolve(process.env.PULUMI_BIN);
  const r = spawnSync("bash", [path.join(ROOT, "scripts", "install-pulumi-cli.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const last = r.stdout.trim().split("\n").pop();
  if (r.status !== 0 || !last) throw new Error(`scripts/install-pulumi-cli.sh failed (exit ${r.status}): the end-to-end tests need a real Pulumi CLI`);
  process.env.PULUMI_BIN = last;
  return last;
}

function lock<T>(dir: string, fn: () => T): T {
  const lockDir = `${dir}.lock`;
  for (let i = 0; ; i++) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch {
      if (i > 1200) throw new Error(`timed out waiting for ${lockDir}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Engine programs of the reliability tests, copied to programs/reliability/ in the scratch project. */
const RELIABILITY_PROGRAMS = "dist/test/reliability/programs";

/** The benchmark's engine programs (bench/programs), copied to programs/bench/ in the scratch project. */
const BENCH_PROGRAMS = "dist/bench/programs";

/** Hash of what goes into the tarball, so one scratch project serves every test file of a run. */
function distHash(): string {
  const h = crypto.createHash("sha256");
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!p.endsWith(".map")) h.update(p).update(fs.readFileSync(p));
    }
  };
  for (const d of ["dist/provider", "dist/emulator", "dist/onboarding", PROGRAMS, RELIABILITY_PROGRAMS, BENCH_PROGRAMS]) walk(path.join(ROOT, d));
  h.update(fs.readFileSync(path.join(ROOT, "package.json"))).update(DRIVER);
  return h.digest("hex").slice(0, 16);
}

const DRIVER = `
// Written by the test harness: runs one Automation API operation on an inline
// program of this project and prints the result as JSON on the last line.
const path = require("path");
const { LocalWorkspace, PulumiCommand } = require("@pulumi/pulumi/automation");
(async () => {
  const req = JSON.parse(process.argv[2]);
  const program = require(path.resolve(req.program));
  const pulumiCommand = await PulumiCommand.get({ root: path.dirname(path.dirname(req.bin)), skipVersionCheck: true });
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: req.stack, projectName: req.project, program: () => program(req.programArgs || {}) },
    { workDir: req.workDir, pulumiCommand, envVars: req.env },
  );
  await stack.setAllConfig(Object.fromEntries(Object.entries(req.config).map(([k, v]) => [k, { value: String(v.value ?? v), secret: !!v.secret }])));
  const out = [];
  const onOutput = (s) => { out.push(s); if (req.echo) process.stderr.write(s); };
  // The CLI's own stderr (with logToStdErr, the engine's and providers' logs) reaches the harness's stderr.
  const onError = (s) => process.stderr.write(s);
  const opts = { onOutput, onError, parallel: req.parallel, color: "never", ...(req.opts || {}) };
  let result = {};
  try {
    if (req.op === "up") {
      const r = await stack.up(opts);
      result = { summary: r.summary.resourceChanges || {}, outputs: Object.fromEntries(Object.entries(r.outputs).map(([k, o]) => [k, o.secret ? "[secret]" : o.value])) };
    } else if (req.op === "preview") {
      const r = await stack.preview(opts);
      result = { summary: r.changeSummary || {} };
    } else if (req.op === "refresh") {
      const r = await stack.refresh(opts);
      result = { summary: r.summary.resourceChanges || {} };
    } else if (req.op === "destroy") {
      const r = await stack.destroy(opts);
      result = { summary: r.summary.resourceChanges || {} };
    }
    console.log(JSON.stringify({ ok: true, ...result, stdout: out.join("") }));
  } catch (err) {
    console.log(JSON.stringify({ ok: false, error: String(err && err.message || err), stdout: out.join("") }));
  }
})().catch((err) => { console.log(JSON.stringify({ ok: false, error: String(err && err.stack || err), stdout: "" })); });
`;

/**
 * A scratch project with the packed package installed as a user installs it.
 * Programs are the repo's own compiled programs (onboarding, examples), copied in
 * so that their `require("pulumi-chronicle-partner")` finds the installed package.
 */
export function scratchProject(): string {
  const dir = path.join(os.tmpdir(), `chronicle-e2e-${distHash()}`);
  if (fs.existsSync(path.join(dir, ".ready"))) return dir;
  return lock(dir, () => {
    if (fs.existsSync(path.join(dir, ".ready"))) return dir;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const packed = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: ROOT, encoding: "utf8" }).trim().split("\n").pop()!;
    const rootPkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({
      name: "chronicle-e2e-scratch", private: true,
      dependencies: { "pulumi-chronicle-partner": `file:./${packed}`, "@pulumi/pulumi": rootPkg.dependencies["@pulumi/pulumi"] },
    }, null, 2));
    execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
    fs.writeFileSync(path.join(dir, "driver.js"), DRIVER);
    fs.cpSync(path.join(ROOT, "dist", "onboarding"), path.join(dir, "programs", "onboarding"), { recursive: true });
    for (const f of fs.readdirSync(path.join(ROOT, PROGRAMS)).filter((n) => n.endsWith(".js"))) {
      fs.copyFileSync(path.join(ROOT, PROGRAMS, f), path.join(dir, "programs", f));
    }
    fs.cpSync(path.join(ROOT, RELIABILITY_PROGRAMS), path.join(dir, "programs", "reliability"), { recursive: true });
    fs.writeFileSync(path.join(dir, "programs", "onboarding.js"), [
      `const { readInventory } = require("./onboarding/inventory");`,
      `const { onboardingProgram } = require("./onboarding/program");`,
      `module.exports = (args) => onboardingProgram(readInventory(args.inventory));`,
    ].join("\n"));
    fs.cpSync(path.join(ROOT, BENCH_PROGRAMS), path.join(dir, "programs", "bench"), { recursive: true });
    fs.writeFileSync(path.join(dir, ".ready"), packed);
    return dir;
  });
}

function collect(child: ReturnType<typeof spawn>): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}

export interface EngineResult {
  ok: boolean;
  error?: string;
  summary?: Record<string, number>;
  outputs?: Record<string, unknown>;
  stdout: string;
  stderr: string;
}

export interface StackHandle {
  project: string;
  stack: string;
  /** A file:// backend and PULUMI_HOME of this stack's own. */
  home: string;
  backend: string;
  /** The stack's project folder: a Pulumi.yaml put there before the first run is the project's settings. */
  workDir: string;
  env: Record<string, string>;
  /** Runs one operation of the inline program `program` (a path inside the scratch project, or absolute). */
  run(op: "up" | "preview" | "refresh" | "destroy", opts?: RunOptions): Promise<EngineResult>;
  /**
   * Runs the `pulumi` CLI itself on this stack. Asynchronous on purpose: the
   * emulator usually runs in the test process and must keep answering.
   */
  cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }>;
  /** `pulumi stack export` as text. */
  exportState(): Promise<string>;
}

export interface RunOptions {
  programArgs?: Record<string, unknown>;
  parallel?: number;
  opts?: Record<string, unknown>;
  echo?: boolean;
}

export interface StackOptions {
  program: string;
  project?: string;
  stack?: string;
  /** Stack config; `{value, secret}` for secrets. */
  config: Record<string, string | { value: string; secret: boolean }>;
}

export function newStack(options: StackOptions): StackHandle {
  const bin = path.join(pulumiBin(), "pulumi");
  const dir = scratchProject();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "chronicle-stack-"));
  const backend = path.join(home, "state");
  const workDir = path.join(home, "project");
  fs.mkdirSync(backend);
  fs.mkdirSync(workDir);
  const project = options.project ?? "chronicle-e2e";
  const stack = options.stack ?? "test";
  const env: Record<string, string> = {
    PULUMI_BACKEND_URL: `file://${backend}`,
    PULUMI_HOME: path.join(home, "home"),
    PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    NODE_PATH: path.join(dir, "node_modules"),
  };
  const program = path.isAbsolute(options.program) ? options.program : path.join(dir, options.program);
  const childEnv = () => ({ ...process.env, ...env, PATH: `${path.dirname(bin)}:${process.env.PATH}` });
  return {
    project, stack, home, backend, env, workDir,
    run(op, opts = {}) {
      const req = { op, bin, program, project, stack, workDir, config: options.config, env, ...opts };
      const child = spawn(process.execPath, [path.join(dir, "driver.js"), JSON.stringify(req)], { cwd: dir, env: childEnv() });
      return collect(child).then(({ stdout, stderr }) => {
        const last = stdout.trim().split("\n").pop() ?? "";
        try {
          return { ...JSON.parse(last), stderr } as EngineResult;
        } catch {
          throw new Error(`driver printed no result: ${stdout.slice(-2000)} ${stderr.slice(-2000)}`);
        }
      });
    },
    cli(args) {
      // The stack's own project folder (the Automation API wrote Pulumi.yaml there);
      // NODE_PATH lets the provider process find the installed package from it.
      if (!fs.existsSync(path.join(workDir, "Pulumi.yaml"))) fs.writeFileSync(path.join(workDir, "Pulumi.yaml"), `name: ${project}\nruntime: nodejs\n`);
      return collect(spawn(bin, [...args, "--stack", stack, "--non-interactive"], { cwd: workDir, env: childEnv() }));
    },
    async exportState() {
      const r = await this.cli(["stack", "export"]);
      if (r.status !== 0) throw new Error(`pulumi stack export failed: ${r.stderr}`);
      return r.stdout;
    },
  };
}
