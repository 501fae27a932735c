/**
 * The one error type of the client, and the redaction every message goes through.
 * Error bodies can echo request data (SSO XML, keys); a message is built from
 * the status, the ErrorInfo reason and a redacted, truncated server message,
 * never from the raw body.
 */

export const BACKSTORY_API = "backstory.googleapis.com";
const SCOPE = "https://www.googleapis.com/auth/chronicle-backstory";

export interface ChronicleApiErrorInit {
  message: string;
  /** 0 when no HTTP response arrived (timeout, network error, credentials). */
  httpStatus: number;
  status: string;
  reason?: string;
  method: string;
  retryable: boolean;
  customerCode?: string;
  attempts?: number;
  /** Node/axios error code for failures without a response (ECONNRESET, ETIMEDOUT...). */
  code?: string;
  /** Parsed Retry-After, in milliseconds, when the server sent one. */
  retryAfterMs?: number;
  /** True when the request may have been processed although no answer arrived (timeout, lost response, 5xx). */
  outcomeUnknown?: boolean;
  /** For 429: a daily quota that a short backoff cannot wait out. */
  dailyQuota?: boolean;
  activationUrl?: string;
}

export class ChronicleApiError extends Error {
  override readonly name = "ChronicleApiError";
  readonly httpStatus: number;
  /** Google status string: NOT_FOUND (only when the API's error body says so), PERMISSION_DENIED, DEADLINE_EXCEEDED, UNAVAILABLE... */
  readonly status: string;
  /** ErrorInfo reason (e.g. SERVICE_DISABLED), when the server gave one. */
  readonly reason?: string;
  /** API method name, e.g. "CreateCustomer". */
  readonly method: string;
  /** The failure is transient: the same request may succeed later. Whether it is re-sent also depends on idempotency. */
  readonly retryable: boolean;
  readonly customerCode?: string;
  readonly attempts?: number;
  readonly code?: string;
  readonly retryAfterMs?: number;
  readonly outcomeUnknown: boolean;
  readonly dailyQuota: boolean;
  readonly activationUrl?: string;

  constructor(init: ChronicleApiErrorInit) {
    super(redact(init.message, 2000));
    this.httpStatus = init.httpStatus;
    this.status = init.status;
    this.reason = init.reason;
    this.method = init.method;
    this.retryable = init.retryable;
    this.customerCode = init.customerCode;
    this.attempts = init.attempts;
    this.code = init.code;
    this.retryAfterMs = init.retryAfterMs;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
    this.dailyQuota = init.dailyQuota ?? false;
    this.activationUrl = init.activationUrl;
  }
}

const REDACTED = "[REDACTED]";
const SECRET_FIELDS =
  "private_key|privateKey|private_key_id|client_secret|refresh_token|access_token|id_token|credential|credentials|" +
  "sso_config|ssoConfig|config|subject_token|assertion|token|password|secret|metadata";

/**
 * Strips what looks like a secret: PEM keys, XML (SAML metadata), bearer tokens,
 * JWTs, `ya29.` access tokens, secret-named JSON fields and key=value pairs, and
 * long base64 blobs (credentials, encoded SSO configs). Then truncates.
 */
export function redact(text: string, maxLength = 300): string {
  let s = String(text);
  s = s.replace(/-----BEGIN [^-]*-----[\s\S]*?(?:-----END [^-]*-----|$)/g, "[REDACTED KEY]");
  s = s.replace(/(?:\\n|\\r|[\r\n])+/g, " ");
  const firstTag = s.search(/<[A-Za-z?!/]/);
  if (firstTag >= 0) {
    const lastClose = s.lastIndexOf(">");
    s = s.slice(0, firstTag) + "[REDACTED XML]" + (lastClose > firstTag ? s.slice(lastClose + 1) : "");
  }
  s = s.replace(/\bBearer\s+\S+/gi, `Bearer ${REDACTED}`);
  s = s.replace(/\bya29\.[\w.-]+/g, REDACTED);
  s = s.replace(/\beyJ[\w-]*\.[\w-]*\.?[\w-]*/g, REDACTED);
  s = s.replace(new RegExp(`("(?:${SECRET_FIELDS})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"?`, "gi"), `$1"${REDACTED}"`);
  s = s.replace(/\b((?:access_?|refresh_?|id_?)?token|key|secret|password|assertion|credential)s?(\s*[=:]\s*)(?!\[REDACTED)[^\s&,;"'}]+/gi, `$1$2${REDACTED}`);
  s = s.replace(/[A-Za-z0-9+/_-]{32,}={0,2}/g, (m) => (/[0-9]/.test(m) && /[A-Z]/.test(m) && /[a-z]/.test(m) ? REDACTED : m));
  s = s.replace(/[A-Za-z0-9+/]{16,}={1,2}/g, REDACTED);
  return s.length > maxLength ? `${s.slice(0, maxLength)}...` : s;
}

/** Status of a 404 that did not come from the partner API (no Google error body): not NOT_FOUND on purpose. */
export const ENDPOINT_NOT_FOUND = "ENDPOINT_NOT_FOUND";

const STATUS_BY_HTTP: Record<number, string> = {
  400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED", 404: "NOT_FOUND",
  409: "ALREADY_EXISTS", 429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 501: "UNIMPLEMENTED",
  502: "UNAVAILABLE", 503: "UNAVAILABLE", 504: "DEADLINE_EXCEEDED",
};

export interface ErrorContext {
  method: string;
  customerCode?: string;
  attempt?: number;
  host?: string;
  timeoutMs?: number;
  /** The setting that controls the timeout, named in the message. */
  timeoutSetting?: string;
}

interface GoogleErrorBody {
  code?: unknown;
  message?: unknown;
  status?: unknown;
  details?: unknown;
}

interface ErrorInfo {
  reason?: string;
  metadata: Record<string, string>;
  helpUrls: string[];
}

function readErrorBody(body: unknown): GoogleErrorBody {
  if (body && typeof body === "object" && "error" in body) {
    const e = (body as { error: unknown }).error;
    if (e && typeof e === "object") return e as GoogleErrorBody;
  }
  return {};
}

function readErrorInfo(details: unknown): ErrorInfo {
  const info: ErrorInfo = { metadata: {}, helpUrls: [] };
  if (!Array.isArray(details)) return info;
  for (const d of details) {
    if (!d || typeof d !== "object") continue;
    const rec = d as Record<string, unknown>;
    const type = String(rec["@type"] ?? "");
    if (type.endsWith("google.rpc.ErrorInfo")) {
      if (typeof rec.reason === "string") info.reason = rec.reason;
      if (rec.metadata && typeof rec.metadata === "object") {
        for (const [k, v] of Object.entries(rec.metadata as Record<string, unknown>)) {
          if (typeof v === "string") info.metadata[k] = v;
        }
      }
    } else if (type.endsWith("google.rpc.Help") && Array.isArray(rec.links)) {
      for (const l of rec.links) {
        if (l && typeof l === "object" && typeof (l as { url?: unknown }).url === "string") info.helpUrls.push((l as { url: string }).url);
      }
    }
  }
  return info;
}

/** Only a plain https console/cloud URL is echoed back; anything else could smuggle data. */
function safeUrl(candidate: string | undefined): string | undefined {
  if (!candidate || candidate.length > 300) return undefined;
  return /^https:\/\/[A-Za-z0-9.-]+\.google\.com\/[A-Za-z0-9_\-./?=&%]*$/.test(candidate) ? candidate : undefined;
}

function isDailyQuota(method: string, reason: string | undefined, metadata: Record<string, string>, message: string): boolean {
  const text = `${reason ?? ""} ${Object.values(metadata).join(" ")} ${message}`;
  if (/per ?day|daily|\bQPD\b|PerDay/i.test(text)) return true;
  // The only documented quota of CreateCustomer is a daily one: unless the server
  // says it is a plain rate limit, a 429 on it means "come back tomorrow".
  return method === "CreateCustomer" && !/RATE_LIMIT/i.test(reason ?? "") && !/rate/i.test(message);
}

function serverSaid(message: string): string {
  return message ? ` Server said: "${redact(message)}".` : "";
}

function tries(ctx: ErrorContext): string {
  return ctx.attempt && ctx.attempt > 1 ? ` after ${ctx.attempt} attempts` : "";
}

function who(ctx: ErrorContext): string {
  return ctx.customerCode ? ` for customer code "${ctx.customerCode}"` : "";
}

/**
 * A 404 without a Google API error body (an HTML page, an empty body) comes
 * from something that is not the partner API: a wrong endpoint, a proxy. It
 * says nothing about the customer, so it is never NOT_FOUND: a refresh must
 * not take it for "the customer is gone" and empty the state.
 */
function endpointNotFound(ctx: ErrorContext, body: unknown): ChronicleApiError {
  const what = typeof body === "string" && /<html|<!doctype/i.test(body) ? "an HTML page" : "no Google API error";
  return new ChronicleApiError({
    httpStatus: 404, status: ENDPOINT_NOT_FOUND, method: ctx.method, customerCode: ctx.customerCode, attempts: ctx.attempt, retryable: false,
    message: `${ctx.method}${who(ctx)} failed with HTTP 404 from${ctx.host ? ` ${ctx.host}` : " the endpoint"} with ${what} in the answer: ` +
      `this address does not serve the partner API. Check chronicle:region, chronicle:endpoint and chronicle:emulatorHost (and any proxy). ` +
      `Nothing was concluded about the customer.`,
  });
}

/** Maps a non-2xx HTTP answer to the error a person can act on. */
export function errorFromResponse(ctx: ErrorContext, httpStatus: number, body: unknown, retryAfterMs?: number): ChronicleApiError {
  const e = readErrorBody(body);
  const apiStatus = typeof e.status === "string" && /^[A-Z_]+$/.test(e.status) ? e.status : undefined;
  if (httpStatus === 404 && apiStatus === undefined) return endpointNotFound(ctx, body);
  const status = apiStatus ?? STATUS_BY_HTTP[httpStatus] ?? (httpStatus >= 500 ? "INTERNAL" : "UNKNOWN");
  const info = readErrorInfo(e.details);
  const serverMessage = typeof e.message === "string" ? e.message : "";
  const base = { httpStatus, status, reason: info.reason, method: ctx.method, customerCode: ctx.customerCode, attempts: ctx.attempt, retryAfterMs };
  const head = `${ctx.method}${who(ctx)} failed with HTTP ${httpStatus} ${status}${tries(ctx)}:`;

  if (info.reason === "SERVICE_DISABLED") {
    const activationUrl = safeUrl(info.metadata.activationUrl) ?? info.helpUrls.map(safeUrl).find((u) => u);
    const project = /^[\w-]+$/.test(info.metadata.consumer?.replace(/^projects\//, "") ?? "") ? ` (${info.metadata.consumer})` : "";
    return new ChronicleApiError({
      ...base, retryable: false, activationUrl,
      message: `${head} the Chronicle Backstory API (${BACKSTORY_API}) is not enabled on the Google Cloud project of the ` +
        `service account${project}. Enable it${activationUrl ? ` at ${activationUrl}` : " in the Google Cloud console (APIs & Services)"}, ` +
        `wait a few minutes for it to propagate, then retry.`,
    });
  }
  if (info.reason === "ACCESS_TOKEN_SCOPE_INSUFFICIENT") {
    return new ChronicleApiError({
      ...base, retryable: false,
      message: `${head} the access token lacks the scope ${SCOPE}. Credentials from gcloud or application default credentials ` +
        `often carry only cloud-platform: use a service-account key, workload identity federation or impersonation, which request the scope.`,
    });
  }
  switch (httpStatus) {
    case 400:
      return new ChronicleApiError({ ...base, retryable: false, message: `${head} the API rejected the request as invalid; fix the input named below.${serverSaid(serverMessage)}` });
    case 401:
      return new ChronicleApiError({
        ...base, retryable: false,
        message: `${head} the credentials were rejected: they are invalid or expired, or the token lacks the scope ${SCOPE}. ` +
          `Check chronicle:credentials / chronicle:credentialsFile (or CHRONICLE_CREDENTIALS, GOOGLE_APPLICATION_CREDENTIALS) and that the key has not been revoked.`,
      });
    case 403:
      return new ChronicleApiError({
        ...base, retryable: false,
        message: `${head} permission denied. Either this partner is not authorized for this customer, or the service account ` +
          `is not the partner service account Google registered (or lacks its role). Check the credentials in use and the customer code.${serverSaid(serverMessage)}`,
      });
    case 404:
      return new ChronicleApiError({
        ...base, retryable: false,
        message: `${head} no customer with that code is managed by this partner in this region. Check the customer code and chronicle:region ` +
          `(each region is a separate endpoint).`,
      });
    case 409:
      return new ChronicleApiError({
        ...base, retryable: false,
        message: `${head} the customer already exists for this partner. To manage an existing customer, adopt it (import it into the stack) instead of creating it.`,
      });
    case 429: {
      const dailyQuota = isDailyQuota(ctx.method, info.reason, info.metadata, serverMessage);
      return new ChronicleApiError({
        ...base, retryable: !dailyQuota, dailyQuota,
        message: dailyQuota
          ? `${head} the partner's daily ${ctx.method} quota is used up (10 CreateCustomer calls per day per the original reference, 30 per the later one). ` +
            `A daily quota cannot be waited out: nothing was sent again. Rerun tomorrow, or ask your Google representative for a higher quota.`
          : `${head} rate limited by the API. Lower chronicle:requestsPerSecond or chronicle:maxConcurrency, or retry later.`,
      });
    }
  }
  if (httpStatus >= 500) {
    return new ChronicleApiError({
      ...base, retryable: true, outcomeUnknown: true,
      message: `${head} a server-side error at Google. It is usually transient: retry later; if it persists, contact Google support with the time of the call.`,
    });
  }
  return new ChronicleApiError({ ...base, retryable: false, message: `${head} unexpected answer.${serverSaid(serverMessage)}` });
}

const RETRYABLE_NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "ECONNABORTED", "EPIPE", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "ERR_SOCKET_CONNECTION_TIMEOUT"]);

/** Maps a failure without an HTTP answer: timeout, dropped connection, DNS, refused. */
export function errorFromNetwork(ctx: ErrorContext, err: { code?: string; message?: string }): ChronicleApiError {
  const code = err.code ?? "UNKNOWN";
  const timedOut = code === "ETIMEDOUT" || code === "ECONNABORTED" || /timeout/i.test(err.message ?? "");
  const where = ctx.host ? ` ${ctx.host}` : " the API";
  if (timedOut) {
    const secs = ctx.timeoutMs !== undefined ? `${Math.round(ctx.timeoutMs / 100) / 10} s` : "the configured time";
    return new ChronicleApiError({
      httpStatus: 0, status: "DEADLINE_EXCEEDED", method: ctx.method, customerCode: ctx.customerCode, attempts: ctx.attempt, code: "ETIMEDOUT",
      retryable: true, outcomeUnknown: true,
      message: `${ctx.method}${who(ctx)} timed out after ${secs}${tries(ctx)} waiting for${where}. ` +
        `Raise ${ctx.timeoutSetting ?? "chronicle:requestTimeoutSeconds"} if the API is slow, or check network and proxy settings.`,
    });
  }
  const lost = code === "ECONNRESET" || code === "EPIPE" || /socket hang up/i.test(err.message ?? "");
  return new ChronicleApiError({
    httpStatus: 0, status: "UNAVAILABLE", method: ctx.method, customerCode: ctx.customerCode, attempts: ctx.attempt, code,
    retryable: RETRYABLE_NETWORK_CODES.has(code) || lost, outcomeUnknown: lost,
    message: lost
      ? `${ctx.method}${who(ctx)}: the connection to${where} was lost before an answer arrived (${code})${tries(ctx)}. Retry later.`
      : `${ctx.method}${who(ctx)}: could not reach${where} (${code})${tries(ctx)}. Check chronicle:region / chronicle:endpoint, DNS, and proxy settings.`,
  });
}

/** Credentials could not produce a token. The library's message is redacted: token endpoints echo assertions. */
export function errorFromAuth(ctx: ErrorContext, err: unknown): ChronicleApiError {
  const detail = err instanceof Error ? err.message : String(err);
  return new ChronicleApiError({
    httpStatus: 0, status: "UNAUTHENTICATED", method: ctx.method, customerCode: ctx.customerCode, retryable: false,
    message: `${ctx.method}${who(ctx)}: could not obtain an access token for scope ${SCOPE}: ${redact(detail, 200)}. ` +
      `Check chronicle:credentials / chronicle:credentialsFile / chronicle:impersonateServiceAccount, or application default credentials.`,
  });
}

/** A 2xx answer whose body is not what the API documents. */
export function malformedResponse(method: string, what: string): ChronicleApiError {
  return new ChronicleApiError({
    httpStatus: 200, status: "MALFORMED_RESPONSE", method, retryable: false,
    message: `${method}: the API answered with an unexpected body (${what}). This client may be out of date with the API.`,
  });
}
