/**
 * The benchmark's scenarios: the measured stack, its two floors, and the
 * workload-identity run that counts token fetches. Each returns figures; the
 * report turns them into tables.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Emulator } from "../emulator";
import { newStack } from "../test/support/engine";
import { FloorOp, FloorRequest } from "./apiFloor";
import { Op, OpFigures, StateFigures, measureOp, measureState } from "./measure";

export const OPS: readonly Op[] = ["up", "preview", "refresh", "update"];

export interface StackRun {
  ops: Record<Op, OpFigures>;
  state: StateFigures;
}

export interface ApiFloor {
  /** Wall time of the minimal calls of each operation; preview needs none. */
  ms: Record<Op, number>;
  maxRssKiB: number;
}

/** The fewest API calls each operation needs on N customers with SSO config and UI state (see docs/benchmarks.md). */
export function minimumCalls(op: Op, n: number): Record<string, number> {
  switch (op) {
    case "up": return { GetCustomer: n, CreateCustomer: n, UpdateSSOConfig: n, SetUIState: n };
    case "preview": return {};
    case "refresh": return { GetCustomer: n };
    case "update": return { UpdateSSOConfig: n };
  }
}

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

/** up, preview, refresh, then an update of every SSO config, of one program on a fresh stack. */
async function runStack(program: string, n: number, config: Record<string, string | { value: string; secret: boolean }>, emu?: Emulator): Promise<StackRun> {
  const stack = newStack({ program, config, project: "chronicle-bench", stack: `n${n}` });
  const ops = {} as Record<Op, OpFigures>;
  let state: StateFigures | undefined;
  for (const op of OPS) {
    ops[op] = await measureOp(stack, op, { n, ssoRevision: op === "update" ? 1 : 0 }, emu);
    log(`${path.basename(program)} n=${n} ${op}: ${(ops[op].wallMs / 1000).toFixed(1)} s`);
    if (op === "up") state = await measureState(stack);
  }
  return { ops, state: state! };
}

/** The engine floor: the same graph of trivial dynamic resources, no I/O, no emulator. */
export function engineFloor(n: number): Promise<StackRun> {
  return runStack("programs/bench/floor.js", n, {});
}

/** The measured stack on a freshly reset emulator. */
export function customersStack(n: number, emu: Emulator, config: Record<string, string | { value: string; secret: boolean }>): Promise<StackRun> {
  emu.reset();
  return runStack("programs/bench/customers.js", n, config, emu);
}

function floorProcess(req: FloorRequest): Promise<{ ms: number; maxRssKiB: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, "apiFloor.js"), JSON.stringify(req)], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`API floor ${req.op} failed: ${err}`))));
  });
}

/** The API floor on a freshly reset emulator: up, then the SSO update, then the refresh reads. */
export async function apiFloor(n: number, emu: Emulator, config: Record<string, string>): Promise<ApiFloor> {
  emu.reset();
  const ms = { preview: 0 } as Record<Op, number>;
  let maxRssKiB = 0;
  for (const op of ["up", "update", "refresh"] as FloorOp[]) {
    const r = await floorProcess({ op, n, ssoRevision: op === "update" ? 1 : 0, config });
    ms[op] = r.ms;
    maxRssKiB = Math.max(maxRssKiB, r.maxRssKiB);
  }
  log(`API floor n=${n}: up ${(ms.up / 1000).toFixed(2)} s`);
  return { ms, maxRssKiB };
}

/** Workload identity federation (external_account) credentials through the emulator's STS: token fetches per operation. */
export function workloadIdentityStack(n: number, emu: Emulator, limits: Record<string, string>): Promise<StackRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chronicle-bench-wif-"));
  const subjectFile = path.join(dir, "subject-token");
  fs.writeFileSync(subjectFile, emu.createSubjectToken(), { mode: 0o600 });
  const credentials = JSON.stringify({
    type: "external_account",
    audience: "//iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/bench/providers/bench",
    subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
    token_url: `${emu.url}/v1/token`,
    credential_source: { file: subjectFile },
  });
  const config = { ...limits, "chronicle:endpoint": emu.url, "chronicle:credentials": { value: credentials, secret: true } };
  return customersStack(n, emu, config);
}
