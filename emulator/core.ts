/** Everything an emulator instance holds, shared by the HTTP handlers, the control API and the Emulator object. */
import { createServiceAccountKey, createSubjectToken } from "./auth";
import { FaultQueue } from "./faults";
import { RateLimiter } from "./ratelimit";
import { Store } from "./store";
import {
  DEFAULT_PARTNER,
  type CustomerPatch,
  type EmulatorCustomer,
  type EmulatorOptions,
  type Fault,
  type RequestLogEntry,
  type ServiceAccountKeyJson,
} from "./types";

export const DEFAULT_CREATE_QUOTA = 10;

/** Options that may change at run time; port, host and persistPath are fixed at start. */
export type RuntimeOptions = Omit<EmulatorOptions, "port" | "host" | "persistPath">;
const RUNTIME_KEYS: readonly (keyof RuntimeOptions)[] = [
  "createQuotaPerDay", "camelCase", "latencyMs", "requestsPerSecond", "createDelayMs", "serviceDisabledPartners",
];

export class EmulatorCore {
  readonly store: Store;
  readonly faults = new FaultQueue();
  readonly limiter = new RateLimiter();
  log: RequestLogEntry[] = [];
  options: RuntimeOptions;
  url = "";
  port = 0;

  constructor(options: EmulatorOptions) {
    this.store = new Store(options.persistPath);
    this.options = { createQuotaPerDay: DEFAULT_CREATE_QUOTA };
    this.setOptions(options);
  }

  /** Unknown keys are rejected so a typo in a control call fails loudly instead of doing nothing. */
  setOptions(o: Partial<EmulatorOptions>): void {
    for (const [key, value] of Object.entries(o)) {
      if (["port", "host", "persistPath"].includes(key)) continue;
      if (!RUNTIME_KEYS.includes(key as keyof RuntimeOptions)) throw new Error(`unknown option "${key}"`);
      this.options = { ...this.options, [key]: value };
    }
  }

  apiOrigins(): string[] {
    return [this.url, `http://127.0.0.1:${this.port}`, `http://localhost:${this.port}`];
  }

  tokenUri(): string {
    return `${this.url}/v1/token`;
  }

  createServiceAccountKey(partner = DEFAULT_PARTNER): ServiceAccountKeyJson {
    return createServiceAccountKey(this.store, partner, this.tokenUri());
  }

  createSubjectToken(partner = DEFAULT_PARTNER): string {
    return createSubjectToken(this.store, partner);
  }

  /** Deep copies, so a test cannot mutate emulator state by accident. */
  customers(partner = DEFAULT_PARTNER): EmulatorCustomer[] {
    return this.store.customersOf(partner).map((c) => structuredClone(c));
  }

  updateCustomer(code: string, patch: CustomerPatch, partner = DEFAULT_PARTNER): void {
    const c = this.store.find(partner, code);
    if (!c) throw new Error(`no customer "${code}" for partner "${partner}"`);
    const { partner: _p, customerCode: _c, ...allowed } = patch as Partial<EmulatorCustomer>;
    Object.assign(c, structuredClone(allowed));
    this.store.save();
  }

  injectFault(f: Fault): void {
    this.faults.inject(f);
  }

  advanceClock(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error("advanceClock takes a non-negative number of ms");
    this.store.advanceClock(ms);
  }

  reset(): void {
    this.store.resetData();
    this.faults.clear();
    this.limiter.reset();
    this.log = [];
  }
}
