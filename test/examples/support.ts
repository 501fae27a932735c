/**
 * Runs the examples as a partner's own project gets them: each example folder
 * is copied into the end-to-end scratch project (where "pulumi-chronicle-partner"
 * is the packed package, installed as users install it), type-checked and
 * compiled there with the example's own tsconfig.json, and its `index.ts` run
 * on the real engine as an inline program (the Node language host that a plain
 * `pulumi up` needs cannot be built offline; the program is the same code).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import assert from "node:assert/strict";
import { EngineResult, ROOT, newStack, scratchProject, StackHandle } from "../support/engine";

export const EXAMPLES_DIR = path.join(ROOT, "examples");
const TSC = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");

/** Files of a program folder that are the user's, not install or build output. */
function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder).filter((f) => f !== "node_modules" && !f.endsWith(".js"));
}

/**
 * Copies `examples/<name>` into a fresh folder under `base` and compiles it in
 * place with its own tsconfig.json, so `__dirname` in the program is the
 * folder holding its data files. Returns the folder. A type error fails here.
 */
export function compileExample(name: string, base: string, source = path.join(EXAMPLES_DIR, name)): string {
  const dir = fs.mkdtempSync(path.join(base, `example-${name}-`));
  for (const f of sourceFiles(source)) fs.cpSync(path.join(source, f), path.join(dir, f), { recursive: true });
  try {
    execFileSync(process.execPath, [TSC, "-p", path.join(dir, "tsconfig.json")], { cwd: dir, encoding: "utf8", stdio: "pipe" });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    throw new Error(`${path.relative(ROOT, source)} does not type-check against the package:\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
  return dir;
}

/** The example compiled inside the scratch project, i.e. against the packed package. */
export function compileInScratch(name: string, source?: string): string {
  return compileExample(name, scratchProject(), source);
}

/** The project name the example's Pulumi.yaml declares: its config keys are namespaced by it. */
export function projectName(dir: string): string {
  const m = /^name:\s*(\S+)\s*$/m.exec(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8"));
  assert.ok(m, `${dir}/Pulumi.yaml has no name`);
  return m[1];
}

/**
 * A stack of the example's project. Its Pulumi.yaml goes into the stack's
 * project folder, so the project-level config defaults it declares apply as
 * they do for a user; `config` is the stack's own config on top.
 */
export function exampleStack(dir: string, config: Record<string, string | { value: string; secret: boolean }>): StackHandle {
  const program = path.join(dir, "program.js");
  // The inline program is the example's compiled index.ts: requiring it declares the resources, its exports are the stack outputs.
  fs.writeFileSync(program, `module.exports = () => require("./index.js");\n`);
  const stack = newStack({ program, project: projectName(dir), stack: "dev", config });
  fs.copyFileSync(path.join(dir, "Pulumi.yaml"), path.join(stack.workDir, "Pulumi.yaml"));
  return stack;
}

export function mustSucceed(r: EngineResult): EngineResult {
  assert.ok(r.ok, `engine failed: ${r.error}\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-2000)}`);
  return r;
}
