/** The benchmark's tables (markdown) and the description of the machine they ran on. */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT, pulumiBin } from "../test/support/engine";
import { Op, totalCalls } from "./measure";
import { ApiFloor, OPS, StackRun, minimumCalls } from "./scenarios";

export interface Cell {
  n: number;
  latencyMs: number;
  real: StackRun;
  api: ApiFloor;
}

const s = (ms: number) => (ms / 1000).toFixed(2);
const mib = (kib?: number) => (kib === undefined ? "?" : (kib / 1024).toFixed(0));
const x = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : a === 0 ? "-" : "inf");

function callList(calls: Record<string, number>): string {
  const parts = Object.entries(calls).sort(([a], [b]) => a.localeCompare(b)).map(([m, c]) => `${m} ${c}`);
  return parts.length ? parts.join(", ") : "none";
}

export function machine(): string {
  const cpu = /model name\s*:\s*(.*)/.exec(fs.readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? os.cpus()[0]?.model ?? "?";
  const cli = execFileSync(path.join(pulumiBin(), "pulumi"), ["version"], { encoding: "utf8" }).trim();
  const sdk = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8")).version;
  return [
    `- CPUs (nproc): ${os.availableParallelism()}, ${cpu}`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${process.version}, Pulumi CLI ${cli}, @pulumi/pulumi ${sdk}, ${os.type()} ${os.release()}`,
  ].join("\n");
}

/** Wall time, calls, tokens and provider memory of every operation, each against its floor. */
export function operationsTable(cells: Cell[], floors: Map<number, StackRun>): string {
  const rows = [
    "| N | latency | op | wall s | engine floor s | API floor s | wall / (engine + API floor) | API calls | minimum | calls / min | tokens | provider peak MiB | floor provider MiB | memory / floor |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const c of cells) {
    const floor = floors.get(c.n)!;
    for (const op of OPS) {
      const r = c.real.ops[op];
      const f = floor.ops[op];
      const min = minimumCalls(op, c.n);
      rows.push(`| ${c.n} | ${c.latencyMs} ms | ${op} | ${s(r.wallMs)} | ${s(f.wallMs)} | ${s(c.api.ms[op])} | ${x(r.wallMs, f.wallMs + c.api.ms[op])} | ` +
        `${callList(r.calls)}${r.failedCalls ? ` (${r.failedCalls} failed)` : ""} | ${totalCalls(min)} | ${x(totalCalls(r.calls), totalCalls(min))} | ${r.tokens} | ` +
        `${mib(r.providerPeakKiB)} | ${mib(f.providerPeakKiB)} | ${r.providerPeakKiB && f.providerPeakKiB ? x(r.providerPeakKiB, f.providerPeakKiB) : "?"} |`);
    }
  }
  return rows.join("\n");
}

/** State size per resource and `__provider` bytes per resource after `up`, against the engine floor's. */
export function stateTable(cells: Cell[], floors: Map<number, StackRun>): string {
  const rows = [
    "| N | resources | state KiB | state B / resource | floor B / resource | ratio | `__provider` B / resource | floor `__provider` B / resource |",
    "|---|---|---|---|---|---|---|---|",
  ];
  const seen = new Set<number>();
  for (const c of cells) {
    if (seen.has(c.n)) continue;
    seen.add(c.n);
    const r = c.real.state;
    const f = floors.get(c.n)!.state;
    rows.push(`| ${c.n} | ${r.resources} | ${(r.totalBytes / 1024).toFixed(1)} | ${r.bytesPerResource.toFixed(0)} | ${f.bytesPerResource.toFixed(0)} | ` +
      `${x(r.bytesPerResource, f.bytesPerResource)} | ${r.providerBytesPerResource.toFixed(0)} | ${f.providerBytesPerResource.toFixed(0)} |`);
  }
  return rows.join("\n");
}

/** Token fetches and provider processes per operation with external_account credentials. */
export function tokenTable(n: number, run: StackRun): string {
  const rows = ["| op (N = " + n + ", external_account) | provider processes | token fetches | API calls |", "|---|---|---|---|"];
  for (const op of OPS as Op[]) {
    const r = run.ops[op];
    rows.push(`| ${op} | ${r.providerProcesses} | ${r.tokens} | ${totalCalls(r.calls)} |`);
  }
  return rows.join("\n");
}
