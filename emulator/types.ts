/** Public types of the emulator. Other packages code against these names: keep them stable. */

export interface EmulatorOptions {
  /** Default 0 (an ephemeral port). */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** CreateCustomer calls allowed per partner per emulator-day. Default 10 (the seed page's figure). */
  createQuotaPerDay?: number;
  /** Respond with lowerCamelCase keys instead of snake_case. */
  camelCase?: boolean;
  /** JSON state file: loaded at start, rewritten (atomic rename) after every mutation. */
  persistPath?: string;
  /** Added to every API request. */
  latencyMs?: number;
  /** Per-partner token bucket; over it the API answers 429 with Retry-After: 1. */
  requestsPerSecond?: number;
  /** Extra time CreateCustomer takes before it commits. Default 0. */
  createDelayMs?: number;
  /** Partners whose calls fail with 403 PERMISSION_DENIED / SERVICE_DISABLED. */
  serviceDisabledPartners?: string[];
}

export interface RequestLogEntry {
  time: string;
  /** API method name (e.g. "CreateCustomer"), "Token", "Control" or "Unknown". */
  method: string;
  httpMethod: string;
  /** Without the query string: query strings can carry customer codes and we keep the log lean. */
  path: string;
  /** 0 when the socket was dropped without a response. */
  status: number;
  durationMs: number;
  partner?: string;
}

export type Fault =
  | { method: string; kind: "status"; status: 429 | 500 | 503; retryAfterSeconds?: number; count?: number }
  | { method: string; kind: "delay"; ms: number; count?: number }
  | { method: string; kind: "drop"; count?: number }
  | { method: string; kind: "commit-then-drop"; count?: number };

export interface SsoConfigState {
  createTime: string;
  deployTime: string;
  state: string;
  config: string;
}

export interface CredentialState {
  id: string;
  credentialType: string;
  credential: string;
}

/** A customer as the emulator holds it: the wire Customer plus state the API never returns. */
export interface EmulatorCustomer {
  partner: string;
  id: string;
  customerId: string;
  customerCode: string;
  customerName: string;
  forwarders: string[];
  customerSubdomains: string[];
  retentionDuration: string;
  ssoConfig: SsoConfigState;
  credentials: CredentialState[];
  createTime: string;
  uiEnabled: boolean;
  authVersion?: string;
  complianceCertifications: string[];
  /** The last provider set (by CreateCustomer or SetWorkforcePoolProvider). */
  providerId?: string;
  /** subdomain -> provider id, as SetWorkforcePoolProvider recorded it. */
  workforcePoolProviders: Record<string, string>;
  gcpProject?: string;
  iamEnabled: boolean;
  /** How many times EnableIAM was called: tests assert an opt-in guard by this staying 0. */
  iamEnableCalls: number;
  /** The update_v2_only flag of the last UpdateSSOConfig, if any. */
  ssoUpdateV2Only?: boolean;
}

/** Fields a test may change out of band to simulate drift. Identity fields stay fixed. */
export type CustomerPatch = Partial<Omit<EmulatorCustomer, "partner" | "customerCode">>;

/** The JSON of a Google service-account key file. */
export interface ServiceAccountKeyJson {
  type: "service_account";
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  auth_uri: string;
  token_uri: string;
  auth_provider_x509_cert_url: string;
  client_x509_cert_url: string;
  universe_domain: string;
}

export interface Emulator {
  url: string;
  port: number;
  close(): Promise<void>;
  requestLog(): RequestLogEntry[];
  clearLog(): void;
  injectFault(f: Fault): void;
  clearFaults(): void;
  advanceClock(ms: number): void;
  createServiceAccountKey(partner?: string): ServiceAccountKeyJson;
  createSubjectToken(partner?: string): string;
  /** Access tokens the token endpoint has issued and not yet expired (read-only): tests search logs and state for them. */
  issuedAccessTokens(): string[];
  /** Defaults to DEFAULT_PARTNER; pass "*" for every partner. */
  customers(partner?: string): EmulatorCustomer[];
  updateCustomer(code: string, patch: CustomerPatch, partner?: string): void;
  setOptions(o: Partial<EmulatorOptions>): void;
  reset(): void;
}

export const DEFAULT_PARTNER = "default-partner";
export const BACKSTORY_SCOPE = "https://www.googleapis.com/auth/chronicle-backstory";
