// Probe that the real Pulumi engine runs our kind of program: dynamic resources
// declared by an Automation API inline program, on a file:// backend with a
// temporary PULUMI_HOME, with no network.
//
// The CLI comes from scripts/install-pulumi-cli.sh (or PULUMI_BIN, the folder
// holding `pulumi` and `pulumi-resource-pulumi-nodejs`). If no CLI can be had,
// the tests fail with the reason: they are never skipped.
//
// Findings these tests pin down (Pulumi CLI v3.276.0, @pulumi/pulumi 3.248.0):
// - Inline programs need only the `pulumi` binary; the dynamic-provider plugin
//   `pulumi-resource-pulumi-nodejs` must be on PATH, next to the (symlink-resolved)
//   pulumi binary, or in $PULUMI_HOME/plugins/resource-pulumi-nodejs-v<ver>/.
//   PulumiCommand.get({root}) prepends <root>/bin to PATH for the CLI it runs.
// - The plugin script resolves `@pulumi/pulumi/cmd/dynamic-provider` from its
//   working directory, which is the test process's cwd for inline programs (not
//   the workspace workDir), or from NODE_PATH: we pass NODE_PATH so that the
//   test works from any cwd.
// - A folder with a Pulumi.yaml (runtime: nodejs) cannot `up`/`preview` without
//   `pulumi-language-nodejs`, which does not build offline; but `stack export`,
//   `refresh` and `destroy` of existing state work with the `pulumi` binary alone.
// - A free `require("pkg/dist/x.js")` inside a provider method is serialized
//   verbatim (the module is not inlined) and is resolved by the provider
//   process from its cwd / NODE_PATH when the method runs.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { LocalWorkspace, PulumiCommand, Stack } from "@pulumi/pulumi/automation";

const MIN_CLI = [3, 248, 0];

function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, "scripts", "install-pulumi-cli.sh"))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no repo root above ${__dirname}`);
    dir = up;
  }
}

const ROOT = repoRoot();

/** The bin folder with `pulumi` + plugin, or why there is none. */
function findPulumiBin(): { bin?: string; missing?: string } {
  if (process.env.PULUMI_BIN) return { bin: path.resolve(process.env.PULUMI_BIN) };
  const r = spawnSync("bash", [path.join(ROOT, "scripts", "install-pulumi-cli.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const last = r.stdout.trim().split("\n").pop();
  if (r.status !== 0 || !last) {
    return { missing: `no Pulumi CLI (install-pulumi-cli.sh exited ${r.status}): ${r.stderr.trim().split("\n").pop()}` };
  }
  return { bin: last };
}

const found = findPulumiBin();
const BIN = found.bin ?? "";
if (found.missing) throw new Error(`${found.missing}: these tests need a real Pulumi CLI`);

function versionAtLeast(v: string, min: number[]): boolean {
  const parts = v.replace(/^v/, "").split(/[.+-]/).slice(0, 3).map(Number);
  for (let i = 0; i < 3; i++) {
    if (parts[i] !== min[i]) return parts[i] > min[i];
  }
  return true;
}

interface Sandbox {
  dir: string;
  env: Record<string, string>;
}

/** A temp folder with a file:// backend and a PULUMI_HOME of its own. */
function sandbox(extraNodePath: string[] = []): Sandbox {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chronicle-engine-"));
  fs.mkdirSync(path.join(dir, "state"));
  fs.mkdirSync(path.join(dir, "home"));
  const nodePath = [...extraNodePath, path.join(ROOT, "node_modules")];
  if (process.env.NODE_PATH) nodePath.push(process.env.NODE_PATH);
  return {
    dir,
    env: {
      PULUMI_BACKEND_URL: "file://" + path.join(dir, "state"),
      PULUMI_HOME: path.join(dir, "home"),
      PULUMI_CONFIG_PASSPHRASE: "",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      // The dynamic-provider plugin resolves @pulumi/pulumi (and free requires
      // in serialized providers) from its cwd, else from NODE_PATH.
      NODE_PATH: nodePath.join(path.delimiter),
    },
  };
}

async function pulumiCommand(): Promise<PulumiCommand> {
  const cmd = await PulumiCommand.get({ root: path.dirname(BIN) });
  assert.ok(versionAtLeast(String(cmd.version), MIN_CLI), `pulumi ${cmd.version} is older than ${MIN_CLI.join(".")}`);
  return cmd;
}

async function inlineStack(sb: Sandbox, projectName: string, program: () => Promise<Record<string, unknown>>): Promise<Stack> {
  return LocalWorkspace.createOrSelectStack(
    { stackName: "dev", projectName, program },
    { pulumiCommand: await pulumiCommand(), envVars: sb.env },
  );
}

/** Runs the real CLI in `cwd` with the sandbox env; returns status and output. */
function cli(sb: Sandbox, cwd: string, args: string[]): { status: number | null; out: string } {
  const r = spawnSync(path.join(BIN, "pulumi"), [...args, "--non-interactive"], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...sb.env, PATH: BIN + path.delimiter + (process.env.PATH ?? "") },
  });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

function dynamicResources(deployment: any): any[] {
  return (deployment.deployment.resources ?? []).filter((r: any) => String(r.type).startsWith("pulumi-nodejs:dynamic/"));
}

function elapsed(start: bigint): string {
  return `${Number((process.hrtime.bigint() - start) / 1_000_000n)} ms`;
}

// --- A trivial dynamic resource: no I/O. -----------------------------------

const trivialProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: any) {
    return { id: `probe-${inputs.name}`, outs: { ...inputs } };
  },
  async diff(_id: string, olds: any, news: any) {
    return { changes: olds.name !== news.name, replaces: olds.name !== news.name ? ["name"] : [] };
  },
  async read(id: string, props: any) {
    return { id, props: { ...props, seenByRead: "yes" } };
  },
  async delete() {
    /* nothing to do */
  },
};

class Trivial extends pulumi.dynamic.Resource {
  constructor(name: string, args: { name: string }, opts?: pulumi.CustomResourceOptions) {
    super(trivialProvider, name, { ...args }, opts, "probe", "Trivial");
  }
}

const trivialProgram = async () => {
  const r = new Trivial("one", { name: "alpha" });
  return { id: r.id };
};

test("inline program: up creates the dynamic resource, preview shows no changes, destroy removes it", async (t) => {
  const sb = sandbox();
  try {
    const stack = await inlineStack(sb, "engine-probe", trivialProgram);

    let start = process.hrtime.bigint();
    const up = await stack.up();
    t.diagnostic(`up: ${elapsed(start)}`);
    assert.equal(up.summary.result, "succeeded");
    assert.equal(up.summary.resourceChanges?.create, 2, "the stack and one dynamic resource");
    assert.equal(up.outputs.id.value, "probe-alpha");

    const exported = await stack.exportStack();
    const [res] = dynamicResources(exported);
    assert.equal(res.type, "pulumi-nodejs:dynamic/probe:Trivial");
    assert.equal(typeof res.inputs.__provider, "string");
    t.diagnostic(`__provider: ${res.inputs.__provider.length} chars`);

    start = process.hrtime.bigint();
    const preview = await stack.preview();
    t.diagnostic(`preview: ${elapsed(start)}`);
    assert.deepEqual(preview.changeSummary, { same: 2 });

    start = process.hrtime.bigint();
    const down = await stack.destroy();
    t.diagnostic(`destroy: ${elapsed(start)}`);
    assert.equal(down.summary.resourceChanges?.delete, 2);
    assert.equal(dynamicResources(await stack.exportStack()).length, 0);
  } finally {
    fs.rmSync(sb.dir, { recursive: true, force: true });
  }
});

test("a Pulumi.yaml folder: export, refresh and destroy work with only the pulumi binary", async (t) => {
  const sb = sandbox();
  try {
    // State made by an inline program, as our CLI-based tests would.
    const stack = await inlineStack(sb, "engine-probe-cli", trivialProgram);
    await stack.up();

    const proj = path.join(sb.dir, "project");
    fs.mkdirSync(proj);
    fs.writeFileSync(path.join(proj, "Pulumi.yaml"), "name: engine-probe-cli\nruntime: nodejs\n");
    fs.writeFileSync(path.join(proj, "index.js"), "module.exports = {};\n");

    const exp = cli(sb, proj, ["stack", "export", "--stack", "dev"]);
    assert.equal(exp.status, 0, exp.out);
    assert.equal(dynamicResources(JSON.parse(exp.out)).length, 1);

    // Running the program needs the Node language host, which does not build
    // offline. If someone has put one beside the CLI, this is not asserted.
    if (!fs.existsSync(path.join(BIN, "pulumi-language-nodejs"))) {
      const pv = cli(sb, proj, ["preview", "--stack", "dev"]);
      assert.notEqual(pv.status, 0);
      assert.match(pv.out, /no language plugin 'pulumi-language-nodejs' found/);
    }

    let start = process.hrtime.bigint();
    const refresh = cli(sb, proj, ["refresh", "--stack", "dev", "--yes"]);
    t.diagnostic(`cli refresh: ${elapsed(start)}`);
    assert.equal(refresh.status, 0, refresh.out);
    // The refresh really ran the provider's read (through the plugin).
    const [afterRefresh] = dynamicResources(JSON.parse(cli(sb, proj, ["stack", "export", "--stack", "dev"]).out));
    assert.equal(afterRefresh.outputs.seenByRead, "yes");

    start = process.hrtime.bigint();
    const destroy = cli(sb, proj, ["destroy", "--stack", "dev", "--yes"]);
    t.diagnostic(`cli destroy: ${elapsed(start)}`);
    assert.equal(destroy.status, 0, destroy.out);
    assert.equal(dynamicResources(await stack.exportStack()).length, 0);
  } finally {
    fs.rmSync(sb.dir, { recursive: true, force: true });
  }
});

// --- A provider that is a thin shim: a free require at call time. ------------

const MARKER = "body-of-x-js-must-not-be-inlined";

const shimProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: any) {
    return require("probe-shim-pkg/dist/x.js").create(inputs);
  },
};

class Shimmed extends pulumi.dynamic.Resource {
  constructor(name: string, args: { name: string }) {
    super(shimProvider, name, { ...args }, undefined, "probe", "Shimmed");
  }
}

test("a free require in a provider method is serialized as text and resolved by the provider process", async (t) => {
  const sb0 = fs.mkdtempSync(path.join(os.tmpdir(), "chronicle-shim-"));
  const nm = path.join(sb0, "node_modules");
  const pkg = path.join(nm, "probe-shim-pkg");
  fs.mkdirSync(path.join(pkg, "dist"), { recursive: true });
  fs.writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "probe-shim-pkg", version: "1.0.0" }));
  fs.writeFileSync(
    path.join(pkg, "dist", "x.js"),
    `// ${MARKER}\nexports.create = async (inputs) => ({ id: "shim-" + inputs.name, outs: { ...inputs, from: "dist/x.js" } });\n`,
  );
  const sb = sandbox([nm]);
  try {
    const stack = await inlineStack(sb, "engine-probe-shim", async () => {
      const r = new Shimmed("shim", { name: "beta" });
      return { id: r.id };
    });
    const up = await stack.up();
    assert.equal(up.outputs.id.value, "shim-beta");

    const [res] = dynamicResources(await stack.exportStack());
    const text: string = res.inputs.__provider;
    t.diagnostic(`__provider: ${text.length} chars`);
    for (const line of text.split("\n")) if (line.trim()) t.diagnostic(`  ${line}`);
    assert.match(text, /require\("probe-shim-pkg\/dist\/x\.js"\)/);
    assert.ok(!text.includes(MARKER), "the required module is not inlined");
    assert.equal(res.outputs.__provider, text, "stored in inputs and outputs");
    assert.equal(res.outputs.from, "dist/x.js", "create ran the required module");

    await stack.destroy();
  } finally {
    fs.rmSync(sb.dir, { recursive: true, force: true });
    fs.rmSync(sb0, { recursive: true, force: true });
  }
});
