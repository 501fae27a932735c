/**
 * One measured engine operation: wall time, the emulator's request log by
 * method, token fetches and the provider process's peak memory; and the state
 * figures of a stack.
 */
import { Emulator } from "../emulator";
import { StackHandle } from "../test/support/engine";
import { ProviderMemory } from "./memory";

export type Op = "up" | "preview" | "refresh" | "update";

export interface OpFigures {
  wallMs: number;
  /** API calls by method; token fetches are counted apart. */
  calls: Record<string, number>;
  tokens: number;
  /** Failed API calls (non-2xx, bar the create pre-check's 404), which a clean run has none of. */
  failedCalls: number;
  providerPeakKiB?: number;
  providerProcesses: number;
}

export interface StateFigures {
  resources: number;
  totalBytes: number;
  bytesPerResource: number;
  providerBytesPerResource: number;
}

export function callsByMethod(emu: Emulator | undefined): Pick<OpFigures, "calls" | "tokens" | "failedCalls"> {
  const calls: Record<string, number> = {};
  let tokens = 0;
  let failedCalls = 0;
  for (const e of emu?.requestLog() ?? []) {
    // The create pre-check's 404 is the expected answer, not a failure.
    const expected = e.status === 404 && e.method === "GetCustomer";
    if ((e.status < 200 || e.status >= 300) && !expected) failedCalls++;
    if (e.method === "Token") tokens++;
    else calls[e.method] = (calls[e.method] ?? 0) + 1;
  }
  return { calls, tokens, failedCalls };
}

export function totalCalls(calls: Record<string, number>): number {
  return Object.values(calls).reduce((a, b) => a + b, 0);
}

/** Runs one operation (the update is an `up` with the SSO revision bumped) and measures it. */
export async function measureOp(stack: StackHandle, op: Op, programArgs: Record<string, unknown>, emu?: Emulator): Promise<OpFigures> {
  emu?.clearLog();
  const memory = new ProviderMemory(`PULUMI_HOME=${stack.env.PULUMI_HOME}`);
  memory.start();
  const started = process.hrtime.bigint();
  const r = await stack.run(op === "update" ? "up" : op, { programArgs });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const peak = memory.stop();
  if (!r.ok) throw new Error(`${op} failed: ${r.error}\n${r.stdout.slice(-3000)}`);
  return { wallMs, ...callsByMethod(emu), providerPeakKiB: peak.kib, providerProcesses: peak.processes };
}

interface ExportedResource {
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

const bytes = (v: unknown): number => (v === undefined ? 0 : Buffer.byteLength(typeof v === "string" ? v : JSON.stringify(v)));

/** The dynamic resources of the exported state: their size, and that of `__provider` (stored in inputs and outputs). */
export async function measureState(stack: StackHandle): Promise<StateFigures> {
  const text = await stack.exportState();
  const resources = ((JSON.parse(text).deployment?.resources ?? []) as ExportedResource[]).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"));
  const n = Math.max(1, resources.length);
  const total = resources.reduce((a, r) => a + bytes(r), 0);
  const provider = resources.reduce((a, r) => a + bytes(r.inputs?.__provider) + bytes(r.outputs?.__provider), 0);
  return { resources: resources.length, totalBytes: Buffer.byteLength(text), bytesPerResource: total / n, providerBytesPerResource: provider / n };
}
