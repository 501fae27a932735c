/** Emulator state (customers, hidden state, quotas, clock, auth registrations) and its persistence. */
import { existsSync, readFileSync, renameSync, writeFileSync } from "fs";
import type { EmulatorCustomer } from "./types";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RegisteredKey {
  kid: string;
  clientEmail: string;
  partner: string;
  publicKeyPem: string;
}

export interface IssuedToken {
  partner: string;
  scopes: string[];
  /** Wall-clock ms: clients compute token expiry from their own clock, not the emulator's. */
  expiresAt: number;
}

export interface AuthState {
  keys: RegisteredKey[];
  accessTokens: Record<string, IssuedToken>;
  subjectTokens: Record<string, string>;
}

interface QuotaCounter {
  day: number;
  count: number;
}

export interface State {
  version: 1;
  clockOffsetMs: number;
  customers: EmulatorCustomer[];
  createQuota: Record<string, QuotaCounter>;
  auth: AuthState;
}

function emptyState(): State {
  return {
    version: 1,
    clockOffsetMs: 0,
    customers: [],
    createQuota: {},
    auth: { keys: [], accessTokens: {}, subjectTokens: {} },
  };
}

export class Store {
  state: State;

  constructor(private readonly persistPath?: string) {
    this.state = persistPath && existsSync(persistPath) ? load(persistPath) : emptyState();
  }

  /** Emulator time: wall clock plus whatever advanceClock added. */
  now(): Date {
    return new Date(Date.now() + this.state.clockOffsetMs);
  }

  advanceClock(ms: number): void {
    this.state.clockOffsetMs += ms;
    this.save();
  }

  /** Writes to a temp file and renames, so a crash mid-write never leaves half a state file. */
  save(): void {
    if (!this.persistPath) return;
    const tmp = `${this.persistPath}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state, null, 2), { mode: 0o600 });
    renameSync(tmp, this.persistPath);
  }

  customersOf(partner: string): EmulatorCustomer[] {
    return this.state.customers.filter((c) => partner === "*" || c.partner === partner);
  }

  find(partner: string, code: string): EmulatorCustomer | undefined {
    return this.state.customers.find((c) => c.partner === partner && c.customerCode === code);
  }

  /** Subdomains are DNS names: unique across every partner. */
  subdomainOwner(subdomain: string): EmulatorCustomer | undefined {
    return this.state.customers.find((c) => c.customerSubdomains.includes(subdomain));
  }

  add(customer: EmulatorCustomer): void {
    this.state.customers.push(customer);
    this.save();
  }

  /** Counts one CreateCustomer call; false once the partner's count for this emulator-day is over `limit`. */
  takeCreateQuota(partner: string, limit: number): boolean {
    const day = Math.floor(this.now().getTime() / DAY_MS);
    const counter = this.state.createQuota[partner];
    const current = counter && counter.day === day ? counter : { day, count: 0 };
    if (current.count >= limit) return false;
    this.state.createQuota[partner] = { day, count: current.count + 1 };
    this.save();
    return true;
  }

  /** Clears data but keeps auth registrations, so keys and tokens handed to a test keep working. */
  resetData(): void {
    const auth = this.state.auth;
    this.state = { ...emptyState(), auth };
    this.save();
  }
}

function load(path: string): State {
  const raw = JSON.parse(readFileSync(path, "utf8")) as Partial<State>;
  const base = emptyState();
  return {
    ...base,
    ...raw,
    version: 1,
    auth: { ...base.auth, ...(raw.auth ?? {}) },
  };
}
