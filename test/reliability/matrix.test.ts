/**
 * The fault matrix on the real engine: every fault the emulator can inject, on
 * every one of the 13 API methods, during a `pulumi up` of customers carrying
 * every resource and calling every function (programs/fleet.ts). One stack and
 * one emulator per fault kind, three phases each:
 *   1. within the retry budget (chronicle:maxRetries 3): the fault once on all
 *      13 methods at once, one up with a new customer; it should converge alone;
 *   2. beyond the budget (maxRetries 0): the fault on the 7 Set* methods and the
 *      4 function methods, one up with a new customer; it fails, its message
 *      names the method and says a rerun is safe, and one rerun converges;
 *   3. beyond the budget on GetCustomer and CreateCustomer, with two new
 *      customers (one meets each fault), then one rerun.
 * Afterwards the emulator holds exactly the intended customers with every
 * resource applied, the state tracks exactly them, and a preview plans nothing.
 * Prints the matrix; the "lost or duplicated" column must be all zeros.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { startEmulator, API_METHOD_NAMES, type Emulator, type Fault, type RequestLogEntry } from "../../emulator";
import { EngineResult } from "../support/engine";
import { assertNoChanges, fleetStack, lostOrDuplicated, mustSucceed, table, Fleet } from "./support";

const TIMEOUT_S = 2;
const DELAY_MS = 4000;
const CONTINUE = { continueOnError: true };

interface FaultKind {
  name: string;
  make(method: string): Fault;
  /** The emulator's log shows that this fault was served. */
  served(e: RequestLogEntry): boolean;
  /** A delayed request is logged when the emulator finally answers it, possibly after the client has moved on. */
  settleMs?: number;
  /** Methods this fault means nothing for, and why. */
  notApplicable?: Record<string, string>;
}

const KINDS: FaultKind[] = [
  { name: "429 + Retry-After: 1", make: (method) => ({ method, kind: "status", status: 429, retryAfterSeconds: 1 }), served: (e) => e.status === 429 },
  { name: "500", make: (method) => ({ method, kind: "status", status: 500 }), served: (e) => e.status === 500 },
  { name: "503", make: (method) => ({ method, kind: "status", status: 503 }), served: (e) => e.status === 503 },
  { name: "dropped connection", make: (method) => ({ method, kind: "drop" }), served: (e) => e.status === 0 },
  { name: `delay ${DELAY_MS / 1000} s > timeout ${TIMEOUT_S} s`, make: (method) => ({ method, kind: "delay", ms: DELAY_MS }), served: (e) => e.durationMs >= DELAY_MS, settleMs: DELAY_MS },
  { name: "committed, answer lost", make: (method) => ({ method, kind: "commit-then-drop" }), served: (e) => e.status === 0,
    // In an up, GetCustomer only looks up customers that do not exist yet: it answers 404 and commits nothing. A lost read is "dropped connection".
    notApplicable: { GetCustomer: "a lookup of a missing customer commits nothing (same as a dropped connection)" } },
];

const SETTERS = ["UpdateSSOConfig", "SetUIState", "SetAuthVersion", "SetComplianceRequirements", "SetWorkforcePoolProvider", "SetGCPProjectLink", "EnableIAM"];
const FUNCTIONS = ["ListCustomers", "GetCustomerForwarderConfigs", "GenerateIdPMetadata", "GenerateIamMigrationCommands"];
const LOOKUP_AND_CREATE = ["GetCustomer", "CreateCustomer"];

type Outcome = "without" | "rerun";
interface Row { fault: string; method: string; injected: number; without: number; rerun: number; lost: number }

/** Runs one phase: faults on `methods`, an up with `codes`; a failed up is checked and rerun once. */
async function phase(emu: Emulator, fleet: Fleet, kind: FaultKind, methods: string[], codes: string[]): Promise<Record<string, Outcome>> {
  methods = methods.filter((m) => !kind.notApplicable?.[m]);
  const from = emu.requestLog().length;
  for (const m of methods) emu.injectFault(kind.make(m));
  const up = await fleet.run("up", codes, { opts: CONTINUE });
  const outcomes: Record<string, Outcome> = Object.fromEntries(methods.map((m) => [m, "without" as Outcome]));
  if (!up.ok) {
    assertFailureIsExplained(up, kind);
    for (const m of methods) if (new RegExp(`\\b${m}\\b`).test(failureText(up))) outcomes[m] = "rerun";
    assert.ok(Object.values(outcomes).includes("rerun"), `${kind.name}: the up failed without naming any faulted method: ${up.error}`);
    // A fault whose call never ran (its customer failed first) meets the rerun instead, within its retry budget or not.
    mustSucceed(await fleet.run("up", codes, { opts: CONTINUE }), `${kind.name}: the rerun`);
  }
  if (kind.settleMs) await new Promise((resolve) => setTimeout(resolve, kind.settleMs));
  const log = emu.requestLog().slice(from);
  for (const m of methods) assert.ok(log.some((e) => e.method === m && kind.served(e)), `${kind.name}: the fault on ${m} was never served`);
  return outcomes;
}

const failureText = (r: EngineResult) => `${r.stdout}\n${r.error ?? ""}`;

/** A failed up says what happened and that running it again is safe (a daily-quota 429 says to rerun later). */
function assertFailureIsExplained(up: EngineResult, kind: FaultKind): void {
  const text = failureText(up);
  assert.match(text, /failed with HTTP (429|500|503)|connection .* was lost|timed out after|did not confirm/, `${kind.name}: the failure does not say what happened`);
  assert.match(text, /again is safe|daily CreateCustomer quota is used up/, `${kind.name}: the failure does not say that a rerun is safe`);
}

async function runKind(kind: FaultKind): Promise<Row[]> {
  const emu = await startEmulator({ port: 0 });
  try {
    const fleet = fleetStack(emu, {
      "chronicle:maxRetries": "3",
      "chronicle:requestTimeoutSeconds": String(TIMEOUT_S),
      "chronicle:createTimeoutSeconds": String(TIMEOUT_S),
    });
    // The first customer exists before any fault: the phases add customers to a live stack.
    mustSucceed(await fleet.run("up", ["m0"]), `${kind.name}: the first up`);
    const within = await phase(emu, fleet, kind, [...LOOKUP_AND_CREATE, ...SETTERS, ...FUNCTIONS], ["m0", "m1"]);
    fleet.config["chronicle:maxRetries"] = "0";
    const beyondSet = await phase(emu, fleet, kind, [...SETTERS, ...FUNCTIONS], ["m0", "m1", "m2"]);
    const beyondCreate = await phase(emu, fleet, kind, LOOKUP_AND_CREATE, ["m0", "m1", "m2", "m3", "m4"]);
    const intended = ["m0", "m1", "m2", "m3", "m4"];
    const lost = await lostOrDuplicated(emu, fleet, intended);
    assert.deepEqual(lost.details, [], `${kind.name}: lost or duplicated`);
    await assertNoChanges(fleet, intended);
    return API_METHOD_NAMES.map((method) => {
      const outcomes = [within[method], beyondSet[method], beyondCreate[method]].filter((o): o is Outcome => o !== undefined);
      return {
        fault: kind.name, method, injected: outcomes.length,
        without: outcomes.filter((o) => o === "without").length, rerun: outcomes.filter((o) => o === "rerun").length, lost: lost.count,
      };
    });
  } finally {
    await emu.close();
  }
}

/** Two fault kinds at a time: each has its own emulator and stack. */
async function inPairs<T, R>(items: T[], fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += 2) out.push(...(await Promise.all(items.slice(i, i + 2).map(fn))));
  return out;
}

test("fault matrix: every fault on every API method during pulumi up converges, alone or with one rerun; nothing lost or duplicated", async () => {
  const rows = (await inPairs(KINDS, runKind)).flat();
  assert.equal(rows.length, KINDS.length * 13);
  const notApplicable = (r: Row) => KINDS.find((k) => k.name === r.fault)?.notApplicable?.[r.method];
  const detail = table(["fault injected", "method", "faults injected", "survived without rerun", "survived with one rerun", "lost or duplicated"],
    rows.map((r) => (notApplicable(r) ? [r.fault, r.method, "n/a*", "-", "-", r.lost] : [r.fault, r.method, r.injected, r.without, r.rerun, r.lost])));
  const notes = rows.filter(notApplicable).map((r) => `* ${r.fault} on ${r.method}: ${notApplicable(r)}`).join("\n");
  const summary = table(["fault injected", "faults injected", "survived without rerun", "survived with one rerun", "lost or duplicated"],
    KINDS.map((k) => {
      const of = rows.filter((r) => r.fault === k.name);
      const sum = (f: (r: Row) => number) => of.reduce((n, r) => n + f(r), 0);
      return [k.name, sum((r) => r.injected), sum((r) => r.without), sum((r) => r.rerun), of[0].lost];
    }));
  console.log(`\nFault matrix, by fault:\n${summary}\n\nFault matrix, by fault and method:\n${detail}\n${notes}\n`);
  for (const r of rows) {
    assert.equal(r.lost, 0, `${r.fault} on ${r.method}: lost or duplicated`);
    assert.equal(r.without + r.rerun, r.injected, `${r.fault} on ${r.method}: a fault neither survived nor converged`);
  }
  // Each method met each fault at least twice: once within the retry budget, once beyond it.
  for (const r of rows) if (!notApplicable(r)) assert.ok(r.injected >= 2, `${r.fault} on ${r.method}: injected ${r.injected} times`);
});
