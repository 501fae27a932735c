/**
 * Shared by the engine reliability tests: stacks of the fleet program against an
 * emulator, what "converged" means (the emulator holds exactly the intended
 * customers with every resource applied, the state tracks exactly them, a
 * preview plans nothing), and the printed tables.
 */
import assert from "node:assert/strict";
import type { Emulator, EmulatorCustomer } from "../../emulator";
import { newStack, StackHandle, EngineResult } from "../support/engine";
import { samlMetadata } from "../support/fixtures";

export const FLEET = "programs/reliability/fleet.js";
export type Part = "sso" | "ui" | "auth" | "compliance" | "wfpp" | "gcp" | "iam";
export const ALL_PARTS: Part[] = ["sso", "ui", "auth", "compliance", "wfpp", "gcp", "iam"];

export interface Fleet {
  stack: StackHandle;
  /** The stack's config: mutate it between runs (setAllConfig runs before each operation). */
  config: Record<string, string | { value: string; secret: boolean }>;
  run(op: "up" | "preview" | "refresh", codes: string[], extra?: { parallel?: number; opts?: Record<string, unknown>; functions?: boolean; parts?: Part[] }): Promise<EngineResult>;
}

export function fleetStack(emu: Emulator, config: Record<string, string | { value: string; secret: boolean }> = {}, marker = "fleet"): Fleet {
  const cfg: Fleet["config"] = {
    "chronicle:emulatorHost": `127.0.0.1:${emu.port}`,
    "chronicle:requestsPerSecond": "200",
    "chronicle:maxConcurrency": "8",
    ...config,
  };
  if ("chronicle:endpoint" in cfg) delete cfg["chronicle:emulatorHost"];
  const stack = newStack({ program: FLEET, config: cfg });
  return {
    stack,
    config: cfg,
    run: (op, codes, extra = {}) => stack.run(op, {
      programArgs: { codes, sso: ssoDocs(codes, marker), functions: extra.functions ?? true, parts: extra.parts },
      parallel: extra.parallel,
      opts: extra.opts,
    }),
  };
}

/** Each customer's SSO document, with a marker that can be searched for in state and logs. */
export function ssoDocs(codes: string[], marker = "fleet"): Record<string, string> {
  return Object.fromEntries(codes.map((c) => [c, samlMetadata(`${marker}-sso-${c}`)]));
}

export function mustSucceed(r: EngineResult, what = "engine run"): void {
  assert.ok(r.ok, `${what} failed: ${r.error}\n${r.stdout.slice(-4000)}`);
}

/** What each part leaves on the emulator's customer: a part whose effect is missing was lost. */
const APPLIED: Record<Part, (c: EmulatorCustomer, marker: string) => boolean> = {
  sso: (c, marker) => Buffer.from(c.ssoConfig.config, "base64").toString().includes(`${marker}-sso-${c.customerCode}`),
  ui: (c) => c.uiEnabled,
  auth: (c) => c.authVersion === "AUTH_VERSION_2",
  compliance: (c) => c.complianceCertifications.join() === "COMPLIANCE_CERTIFICATION_PCI_DSS",
  wfpp: (c) => c.workforcePoolProviders[c.customerCode] === `locations/global/workforcePools/${c.customerCode}-pool/providers/${c.customerCode}-idp`,
  gcp: (c) => c.gcpProject === `projects/${c.customerCode}-secops`,
  iam: (c) => c.iamEnabled,
};

interface StateResource { type: string; id?: string; urn: string }

/**
 * Lost or duplicated things after a run that should have converged: intended
 * customers missing from the emulator, customers nobody intended, resources
 * whose effect is missing, state entries that do not match, and creates sent
 * beyond one per customer that got a 200 (a duplicate create would show there).
 */
export async function lostOrDuplicated(emu: Emulator, fleet: Fleet, intended: string[], parts: Part[] = ALL_PARTS, marker = "fleet"): Promise<{ count: number; details: string[] }> {
  const details: string[] = [];
  const live = emu.customers();
  const liveCodes = live.map((c) => c.customerCode);
  for (const code of intended) if (!liveCodes.includes(code)) details.push(`missing customer ${code}`);
  for (const code of liveCodes) if (!intended.includes(code)) details.push(`unintended customer ${code}`);
  for (const c of live) for (const p of parts) if (!APPLIED[p](c, marker)) details.push(`${p} of ${c.customerCode} not applied`);
  const state = JSON.parse(await fleet.stack.exportState());
  const customers = ((state.deployment.resources ?? []) as StateResource[]).filter((r) => r.type.endsWith(":ChronicleCustomer"));
  const ids = customers.map((r) => r.id ?? "").sort();
  if (JSON.stringify(ids) !== JSON.stringify([...intended].sort())) details.push(`state tracks ${JSON.stringify(ids)}`);
  const created = emu.requestLog().filter((e) => e.method === "CreateCustomer" && e.status === 200).length;
  if (created > intended.length) details.push(`${created} successful CreateCustomer calls for ${intended.length} customers`);
  return { count: details.length, details };
}

/** A preview plans nothing: the state is consistent with the emulator. */
export async function assertNoChanges(fleet: Fleet, codes: string[], extra: { parts?: Part[] } = {}): Promise<void> {
  const preview = await fleet.run("preview", codes, extra);
  mustSucceed(preview, "preview");
  assert.deepEqual(Object.keys(preview.summary ?? {}).filter((k) => k !== "same"), [], `preview plans changes: ${JSON.stringify(preview.summary)}`);
}

/** A plain-text table, columns padded. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.slice(1).map(line)].join("\n");
}
