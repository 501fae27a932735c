/**
 * Client settings: read from the Pulumi stack config (`chronicle:*` keys, as the
 * dynamic provider's `configure` receives them), then environment fallbacks,
 * validated once with errors that name the key and what is allowed.
 */
import { createHash } from "node:crypto";
import { REGIONS, Region } from "./models";
import { emulatorBaseUrl, endpointBaseUrl, isRegion, regionError, resolveBaseUrl } from "./endpoints";

export interface ClientSettings {
  region: Region;
  /** The resolved base URL, e.g. `https://europe-backstory.googleapis.com/v1/partner/customer`. */
  baseUrl: string;
  endpoint?: string;
  /** `host:port` of a local emulator: plain http, and the static `owner` token when no credentials are set. */
  emulatorHost?: string;
  /** Secret: a credentials JSON document (service_account, external_account, authorized_user, impersonated_service_account). */
  credentials?: string;
  credentialsFile?: string;
  impersonateServiceAccount?: string;
  /** IAM Credentials API base for impersonation (default https://iamcredentials.googleapis.com); not a config key, for tests and private endpoints. */
  impersonationEndpoint?: string;
  requestTimeoutMs: number;
  createTimeoutMs: number;
  maxRetries: number;
  requestsPerSecond: number;
  maxConcurrency: number;
  /** Service-account keys sign their own scoped JWT instead of calling the token endpoint. */
  selfSignedJwt: boolean;
  /** Base of the exponential backoff (full jitter). Tests make it tiny. */
  retryBaseDelayMs: number;
  /** Cap of one backoff sleep, and of an honoured Retry-After; longer Retry-After values fail instead of waiting. */
  retryMaxDelayMs: number;
}

export interface SettingDoc {
  key: string;
  env?: string;
  description: string;
  secret: boolean;
  default?: string;
}

/** Every configuration key, as data: the docs render this table. */
export const SETTINGS_DOC: readonly SettingDoc[] = [
  { key: "chronicle:region", env: "CHRONICLE_REGION", default: "us", secret: false,
    description: `Backstory region of the partner API: ${REGIONS.join(", ")}. "eu" is not one (use "europe").` },
  { key: "chronicle:endpoint", env: "CHRONICLE_ENDPOINT", secret: false,
    description: "Explicit API endpoint, a full base URL or a host name; overrides the region." },
  { key: "chronicle:emulatorHost", env: "CHRONICLE_PARTNER_EMULATOR_HOST", secret: false,
    description: "host:port of a local partner API emulator (plain http). Without credentials the client sends the emulator's default partner token." },
  { key: "chronicle:credentials", env: "CHRONICLE_CREDENTIALS", secret: true,
    description: "Credentials JSON as a string: a service-account key, an external_account (workload identity federation) or an authorized_user document." },
  { key: "chronicle:credentialsFile", env: "CHRONICLE_CREDENTIALS_FILE", secret: false,
    description: "Path to a credentials JSON file. Without credentials or a file, application default credentials are used (GOOGLE_APPLICATION_CREDENTIALS, gcloud, metadata server)." },
  { key: "chronicle:impersonateServiceAccount", env: "CHRONICLE_IMPERSONATE_SERVICE_ACCOUNT", secret: false,
    description: "Email of a service account to impersonate; the credentials above (or ADC) are the source and need roles/iam.serviceAccountTokenCreator on it." },
  { key: "chronicle:requestTimeoutSeconds", default: "60", secret: false, description: "Timeout of one API request, in seconds." },
  { key: "chronicle:createTimeoutSeconds", default: "1200", secret: false, description: "Timeout of one CreateCustomer request, in seconds (provisioning can take minutes)." },
  { key: "chronicle:maxRetries", default: "5", secret: false, description: "Retries of a transient failure (429 rate limit, 5xx, network) for idempotent calls." },
  { key: "chronicle:requestsPerSecond", default: "5", secret: false, description: "Client-side rate limit, shared by every client of the same endpoint in the process." },
  { key: "chronicle:maxConcurrency", default: "4", secret: false, description: "Requests in flight at once, shared by every client of the same endpoint in the process." },
  { key: "chronicle:createQuotaRemaining", secret: false,
    description: "Optional whole number: the CreateCustomer calls left today (the daily quota minus today's creations). Used only to warn at preview " +
      "when a plan creates more customers than that; not a client setting, nothing is refused because of it." },
  { key: "chronicle:selfSignedJwt", default: "true with the emulator, false otherwise", secret: false,
    description: "Service-account keys sign a scoped JWT themselves instead of calling oauth2.googleapis.com for a token." },
];

type Source = { key?: string; env?: string };

class Reader {
  constructor(private readonly config: Record<string, string | undefined>, private readonly env: NodeJS.ProcessEnv) {}

  /** Config key first, then its environment variable; blank counts as absent. */
  get(s: Source): { value: string; from: string } | undefined {
    const c = s.key ? this.config[s.key] : undefined;
    if (s.key && c !== undefined && c.trim() !== "") return { value: c.trim(), from: s.key };
    const e = s.env ? this.env[s.env] : undefined;
    if (s.env && e !== undefined && e.trim() !== "") return { value: e.trim(), from: s.env };
    return undefined;
  }
}

function bad(from: string, what: string): Error {
  return new Error(`Invalid ${from}: ${what}`);
}

function number(r: Reader, key: string, dflt: number, o: { integer: boolean; min: number; max: number }): number {
  const got = r.get({ key });
  if (!got) return dflt;
  const n = Number(got.value);
  const kind = o.integer ? "a whole number" : "a number";
  if (!Number.isFinite(n) || (o.integer && !Number.isInteger(n)) || n < o.min || n > o.max) {
    throw bad(got.from, `"${got.value}" is not allowed; expected ${kind} from ${o.min} to ${o.max}.`);
  }
  return n;
}

function bool(r: Reader, key: string): boolean | undefined {
  const got = r.get({ key });
  if (!got) return undefined;
  const v = got.value.toLowerCase();
  if (v === "true" || v === "1" || v === "yes") return true;
  if (v === "false" || v === "0" || v === "no") return false;
  throw bad(got.from, `"${got.value}" is not allowed; expected true or false.`);
}

const CREDENTIAL_TYPES = ["service_account", "external_account", "authorized_user", "impersonated_service_account", "external_account_authorized_user"];

/** Checks the shape without ever echoing the content: it is a secret. */
export function validateCredentialsJson(text: string, from: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw bad(from, "the value is not valid JSON (expected a credentials JSON document; content not shown).");
  }
  const type = parsed && typeof parsed === "object" ? (parsed as { type?: unknown }).type : undefined;
  if (typeof type !== "string" || !CREDENTIAL_TYPES.includes(type)) {
    throw bad(from, `the JSON has no supported "type"; expected one of ${CREDENTIAL_TYPES.join(", ")}.`);
  }
}

function credentialsSource(r: Reader): Pick<ClientSettings, "credentials" | "credentialsFile"> {
  const fromConfig = pickOne(r, { key: "chronicle:credentials" }, { key: "chronicle:credentialsFile" });
  const chosen = fromConfig ?? pickOne(r, { env: "CHRONICLE_CREDENTIALS" }, { env: "CHRONICLE_CREDENTIALS_FILE" });
  if (!chosen) return {};
  if (chosen.which === 0) {
    validateCredentialsJson(chosen.value, chosen.from);
    return { credentials: chosen.value };
  }
  return { credentialsFile: chosen.value };
}

/** One of two mutually exclusive sources at the same level. */
function pickOne(r: Reader, a: Source, b: Source): { which: 0 | 1; value: string; from: string } | undefined {
  const x = r.get(a);
  const y = r.get(b);
  if (x && y) throw new Error(`Set only one of ${x.from} and ${y.from}: both name the credentials to use.`);
  if (x) return { which: 0, ...x };
  if (y) return { which: 1, ...y };
  return undefined;
}

export function resolveSettings(config: Record<string, string | undefined>, env: NodeJS.ProcessEnv = process.env): ClientSettings {
  const r = new Reader(config, env);
  const regionGot = r.get({ key: "chronicle:region", env: "CHRONICLE_REGION" });
  const region = regionGot?.value ?? "us";
  if (!isRegion(region)) throw bad(regionGot?.from ?? "chronicle:region", regionError(region));

  const endpoint = r.get({ key: "chronicle:endpoint", env: "CHRONICLE_ENDPOINT" });
  const emulator = r.get({ key: "chronicle:emulatorHost", env: "CHRONICLE_PARTNER_EMULATOR_HOST" });
  if (endpoint && emulator) {
    throw new Error(`Set only one of ${endpoint.from} and ${emulator.from}: both choose where the client sends requests.`);
  }
  try {
    if (endpoint) endpointBaseUrl(endpoint.value);
    if (emulator) emulatorBaseUrl(emulator.value);
  } catch (e) {
    throw bad((endpoint ?? emulator)!.from, (e as Error).message);
  }

  const impersonate = r.get({ key: "chronicle:impersonateServiceAccount", env: "CHRONICLE_IMPERSONATE_SERVICE_ACCOUNT" });
  if (impersonate && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(impersonate.value)) {
    throw bad(impersonate.from, `"${impersonate.value}" is not a service account email (name@project.iam.gserviceaccount.com).`);
  }

  const settings: ClientSettings = {
    region,
    baseUrl: resolveBaseUrl({ region, endpoint: endpoint?.value, emulatorHost: emulator?.value }),
    ...credentialsSource(r),
    requestTimeoutMs: number(r, "chronicle:requestTimeoutSeconds", 60, { integer: false, min: 0.001, max: 3600 }) * 1000,
    createTimeoutMs: number(r, "chronicle:createTimeoutSeconds", 1200, { integer: false, min: 0.001, max: 7200 }) * 1000,
    maxRetries: number(r, "chronicle:maxRetries", 5, { integer: true, min: 0, max: 20 }),
    requestsPerSecond: number(r, "chronicle:requestsPerSecond", 5, { integer: false, min: 0.01, max: 10000 }),
    maxConcurrency: number(r, "chronicle:maxConcurrency", 4, { integer: true, min: 1, max: 256 }),
    selfSignedJwt: bool(r, "chronicle:selfSignedJwt") ?? emulator !== undefined,
    retryBaseDelayMs: 500,
    retryMaxDelayMs: 30_000,
  };
  if (endpoint) settings.endpoint = endpoint.value;
  if (emulator) settings.emulatorHost = emulator.value;
  if (impersonate) settings.impersonateServiceAccount = impersonate.value;
  return settings;
}

/** sha256 prefix: equal secrets give equal fingerprints without the secret appearing. */
function digest(secret: string): string {
  return `sha256:${createHash("sha256").update(secret).digest("hex").slice(0, 32)}`;
}

/**
 * A stable string per distinct settings, used to share one client (one token
 * cache) per settings in a process. Secrets appear only as hashes.
 */
export function settingsFingerprint(s: ClientSettings): string {
  const fields: Record<string, unknown> = {
    baseUrl: s.baseUrl,
    emulatorHost: s.emulatorHost ?? null,
    credentials: s.credentials === undefined ? null : digest(s.credentials),
    credentialsFile: s.credentialsFile ?? null,
    impersonateServiceAccount: s.impersonateServiceAccount ?? null,
    impersonationEndpoint: s.impersonationEndpoint ?? null,
    requestTimeoutMs: s.requestTimeoutMs,
    createTimeoutMs: s.createTimeoutMs,
    maxRetries: s.maxRetries,
    requestsPerSecond: s.requestsPerSecond,
    maxConcurrency: s.maxConcurrency,
    selfSignedJwt: s.selfSignedJwt,
    retryBaseDelayMs: s.retryBaseDelayMs,
    retryMaxDelayMs: s.retryMaxDelayMs,
  };
  return JSON.stringify(fields);
}
