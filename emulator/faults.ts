/** Injected faults: matched by API method name (or "*"), consumed in insertion order, `count` times each. */
import type { Fault } from "./types";

interface Pending {
  fault: Fault;
  remaining: number;
}

export class FaultQueue {
  private pending: Pending[] = [];

  inject(fault: Fault): void {
    this.pending.push({ fault: checkFault(fault), remaining: fault.count ?? 1 });
  }

  clear(): void {
    this.pending = [];
  }

  /** "*" covers API methods only: a token fetch eating a test's fault would make tests flaky. */
  take(method: string, isApiMethod: boolean): Fault | undefined {
    const hit = this.pending.find((p) => p.fault.method === method || (p.fault.method === "*" && isApiMethod));
    if (!hit) return undefined;
    hit.remaining -= 1;
    if (hit.remaining <= 0) this.pending = this.pending.filter((p) => p !== hit);
    return hit.fault;
  }
}

/** Control-API input is untrusted JSON: reject malformed faults instead of misbehaving later. */
export function checkFault(input: unknown): Fault {
  const f = input as Partial<Record<string, unknown>>;
  if (!f || typeof f.method !== "string") throw new Error("fault.method must be a string");
  if (f.count !== undefined && (typeof f.count !== "number" || f.count < 1)) throw new Error("fault.count must be >= 1");
  switch (f.kind) {
    case "status":
      if (![429, 500, 503].includes(f.status as number)) throw new Error("fault.status must be 429, 500 or 503");
      return input as Fault;
    case "delay":
      if (typeof f.ms !== "number" || f.ms < 0) throw new Error("fault.ms must be a non-negative number");
      return input as Fault;
    case "drop":
    case "commit-then-drop":
      return input as Fault;
    default:
      throw new Error("fault.kind must be status, delay, drop or commit-then-drop");
  }
}
