/**
 * The HTTP transport: one axios instance per client that owns the auth header,
 * per-method timeouts, the retry policy and the process-wide rate limit.
 *
 * Retry policy (the only one in the package): a transient failure (429 rate
 * limit, 5xx, timeout, network error) is re-sent with exponential backoff and
 * full jitter, honouring Retry-After, at most `maxRetries` times, and only for
 * idempotent calls. Every method is idempotent except CreateCustomer: the GETs
 * read, the Set and Update calls set a state (same body, same result), the
 * Generate* calls compute, and EnableIAM enables a state that stays enabled, so
 * sending it twice has the effect of sending it once. CreateCustomer is never
 * re-sent here: the client looks the customer up first (client.ts).
 */
import axios, { AxiosInstance, AxiosResponse } from "axios";
import { ApiMethod } from "./models";
import { route } from "./endpoints";
import { Authorizer } from "./auth";
import { ClientSettings } from "./settings";
import { ChronicleApiError, ErrorContext, errorFromAuth, errorFromNetwork, errorFromResponse } from "./errors";

const USER_AGENT = "pulumi-chronicle-partner/0.1";

/** What the debug hook sees: never URLs with bodies, headers or tokens. */
export interface RequestEvent {
  method: string;
  httpMethod: string;
  /** HTTP status, or 0 when no answer arrived. */
  status: number;
  /** Network error code when status is 0 (ETIMEDOUT, ECONNRESET...). */
  errorCode?: string;
  /** 1 for the first try. */
  attempt: number;
  durationMs: number;
}

export interface TransportHooks {
  /** Debug logging; exceptions thrown by the hook are ignored. */
  onRequest?: (e: RequestEvent) => void;
  /** The backoff sleep; tests inject one that records and returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1); tests may pin it. */
  random?: () => number;
}

export interface CallOptions {
  customerCode?: string;
  /** Sent as the JSON body (non-GET methods). */
  body?: unknown;
  /** Query parameters (GET methods): `customer_code`, `page_token`. */
  query?: Record<string, string>;
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- rate limit

/** A token bucket (requests per second) and a semaphore (requests in flight). */
export class RateLimiter {
  private tokens: number;
  private last = Date.now();
  private inFlight = 0;
  private peak = 0;
  private readonly waiting: Array<() => void> = [];
  private bucketChain: Promise<void> = Promise.resolve();

  constructor(private rps: number, private concurrency: number) {
    this.tokens = Math.max(1, rps);
  }

  /** Several clients of one endpoint can ask for different limits: the strictest wins. */
  tighten(rps: number, concurrency: number): void {
    this.rps = Math.min(this.rps, rps);
    this.concurrency = Math.min(this.concurrency, concurrency);
  }

  stats(): { inFlight: number; peakInFlight: number; concurrency: number; requestsPerSecond: number } {
    return { inFlight: this.inFlight, peakInFlight: this.peak, concurrency: this.concurrency, requestsPerSecond: this.rps };
  }

  /** Waits for a slot and a token; call the returned function when the request is done. */
  async acquire(): Promise<() => void> {
    if (this.inFlight < this.concurrency) {
      this.inFlight++;
      this.peak = Math.max(this.peak, this.inFlight);
    } else {
      // release() hands its slot over directly: inFlight does not change.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    try {
      await this.takeToken();
    } catch (e) {
      this.release();
      throw e;
    }
    let released = false;
    return () => {
      if (!released) {
        released = true;
        this.release();
      }
    };
  }

  private release(): void {
    // Hand the slot over so that no newcomer can slip in between; after a
    // tighten() the surplus slots are retired first.
    const next = this.inFlight <= this.concurrency ? this.waiting.shift() : undefined;
    if (next) next();
    else this.inFlight--;
  }

  private takeToken(): Promise<void> {
    const turn = this.bucketChain.then(async () => {
      const now = Date.now();
      const capacity = Math.max(1, this.rps);
      this.tokens = Math.min(capacity, this.tokens + ((now - this.last) / 1000) * this.rps);
      this.last = now;
      if (this.tokens < 1) {
        await realSleep(((1 - this.tokens) / this.rps) * 1000);
        this.tokens = 1;
        this.last = Date.now();
      }
      this.tokens -= 1;
    });
    this.bucketChain = turn;
    return turn;
  }
}

// Module-level: every client in the process that talks to the same endpoint shares one limiter.
const limiters = new Map<string, RateLimiter>();

export function sharedLimiter(baseUrl: string, rps: number, concurrency: number): RateLimiter {
  let limiter = limiters.get(baseUrl);
  if (!limiter) {
    limiter = new RateLimiter(rps, concurrency);
    limiters.set(baseUrl, limiter);
  } else {
    limiter.tighten(rps, concurrency);
  }
  return limiter;
}

/** For tests and diagnostics. */
export function limiterStats(baseUrl: string) {
  return limiters.get(baseUrl)?.stats();
}

// ---------------------------------------------------------------- retries

/** Retry-After as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const when = Date.parse(v);
  return Number.isNaN(when) ? undefined : Math.max(0, when - now);
}

/** Full jitter: uniform in [0, min(cap, base * 2^(attempt-1))], but never shorter than Retry-After. */
export function backoffDelayMs(attempt: number, s: Pick<ClientSettings, "retryBaseDelayMs" | "retryMaxDelayMs">, retryAfterMs: number | undefined, random: () => number): number {
  const ceiling = Math.min(s.retryMaxDelayMs, s.retryBaseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.floor(random() * ceiling);
  return retryAfterMs === undefined ? jittered : Math.max(retryAfterMs, jittered);
}

// ---------------------------------------------------------------- transport

export class Transport {
  private readonly http: AxiosInstance;
  private readonly limiter: RateLimiter;
  private readonly host: string;

  constructor(private readonly settings: ClientSettings, private readonly auth: Authorizer, private readonly hooks: TransportHooks = {}) {
    this.host = new URL(settings.baseUrl).host;
    this.limiter = sharedLimiter(settings.baseUrl, settings.requestsPerSecond, settings.maxConcurrency);
    this.http = axios.create({
      baseURL: settings.baseUrl,
      headers: { "Content-Type": "application/json", Accept: "application/json", "User-Agent": USER_AGENT },
      // Every status is mapped here, not by axios: its errors carry the request config, auth header included.
      validateStatus: () => true,
      // A redirect would carry the bearer token to another host.
      maxRedirects: 0,
      transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: true },
    });
  }

  sleep(ms: number): Promise<void> {
    return (this.hooks.sleep ?? realSleep)(ms);
  }

  /** One call with the retry policy; `idempotent: false` sends exactly once. */
  async call(method: ApiMethod, o: CallOptions, idempotent = method !== "CreateCustomer"): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(method, o, attempt);
      } catch (e) {
        const delay = idempotent ? this.retryDelay(e, attempt) : undefined;
        if (delay === undefined) throw e;
        await this.sleep(delay);
      }
    }
  }

  /**
   * How long to wait before attempt `attempt + 1`, or undefined when the error
   * must not be retried: not transient, budget spent, or a Retry-After longer
   * than we are willing to wait.
   */
  retryDelay(e: unknown, attempt: number): number | undefined {
    if (!(e instanceof ChronicleApiError) || !e.retryable || attempt > this.settings.maxRetries) return undefined;
    if (e.retryAfterMs !== undefined && e.retryAfterMs > this.settings.retryMaxDelayMs) return undefined;
    return backoffDelayMs(attempt, this.settings, e.retryAfterMs, this.hooks.random ?? Math.random);
  }

  /** Exactly one HTTP request. Throws ChronicleApiError, never an axios error. */
  async attempt(method: ApiMethod, o: CallOptions, attempt: number): Promise<unknown> {
    const r = route(method);
    const timeoutMs = method === "CreateCustomer" ? this.settings.createTimeoutMs : this.settings.requestTimeoutMs;
    const ctx: ErrorContext = {
      method, customerCode: o.customerCode, attempt, host: this.host, timeoutMs,
      timeoutSetting: method === "CreateCustomer" ? "chronicle:createTimeoutSeconds" : "chronicle:requestTimeoutSeconds",
    };
    let authorization: string;
    try {
      authorization = await this.auth.authorization(this.settings.baseUrl);
    } catch (e) {
      throw errorFromAuth(ctx, e);
    }
    const release = await this.limiter.acquire();
    const started = Date.now();
    let response: AxiosResponse | undefined;
    let failure: { code?: string; message?: string } | undefined;
    try {
      response = await this.http.request({
        method: r.httpMethod,
        url: r.path,
        params: o.query,
        data: r.httpMethod === "GET" ? undefined : o.body ?? {},
        timeout: timeoutMs,
        headers: { Authorization: authorization },
      });
    } catch (e) {
      failure = { code: (e as { code?: string }).code, message: (e as Error).message };
    } finally {
      release();
    }
    this.emit({
      method, httpMethod: r.httpMethod, status: response?.status ?? 0, attempt, durationMs: Date.now() - started,
      ...(failure ? { errorCode: failure.code ?? "UNKNOWN" } : {}),
    });
    if (!response) throw errorFromNetwork(ctx, failure ?? {});
    if (response.status >= 200 && response.status < 300) return response.data;
    throw errorFromResponse(ctx, response.status, response.data, parseRetryAfter(response.headers["retry-after"]));
  }

  private emit(e: RequestEvent): void {
    try {
      this.hooks.onRequest?.(e);
    } catch {
      // A broken debug hook must not break the call.
    }
  }
}
