/** HTTP routing and the API request pipeline: faults, latency, auth, service state, rate limit, quota, handler. */
import type { IncomingMessage, ServerResponse } from "http";
import { authenticate, type AuthResult } from "./auth";
import { handleControl, CONTROL_PREFIX } from "./control";
import type { EmulatorCore } from "./core";
import { ApiError, errorInfo, statusForCode } from "./errors";
import { BodyTooLarge, readBody, sendJson, sleep } from "./http";
import { findRoute, ROUTES, type Route } from "./routes";
import { handleToken, parseTokenBody } from "./token";
import type { Fault } from "./types";
import { normalizeFields, queryToObject, shapeKeys } from "./wire";

const TOKEN_PATHS = ["/v1/token", "/token"];
const SERVICE = "backstory.googleapis.com";

/** Logs one request. Only names, verbs, paths and numbers: never bodies, headers, tokens or query strings. */
function logger(core: EmulatorCore, req: IncomingMessage, method: string, path: string) {
  const started = Date.now();
  return (status: number, partner?: string): void => {
    core.log.push({
      time: new Date().toISOString(),
      method,
      httpMethod: req.method ?? "",
      path,
      status,
      durationMs: Date.now() - started,
      ...(partner ? { partner } : {}),
    });
  };
}

function sendError(res: ServerResponse, err: ApiError): number {
  sendJson(res, err.code, err.body(), err.headers);
  return err.code;
}

function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof BodyTooLarge) return new ApiError("INVALID_ARGUMENT", "Request body too large.");
  // Internal details stay in the emulator: they could hold request data.
  return new ApiError("INTERNAL", "Internal error encountered.");
}

function faultError(f: Extract<Fault, { kind: "status" }>): ApiError {
  const messages = { 429: "Resource has been exhausted (e.g. check quota).", 500: "Internal error encountered.", 503: "The service is currently unavailable." };
  const headers: Record<string, string> = f.retryAfterSeconds !== undefined ? { "retry-after": String(f.retryAfterSeconds) } : {};
  return new ApiError(statusForCode(f.status), messages[f.status], [], headers);
}

function serviceDisabled(): ApiError {
  return new ApiError(
    "PERMISSION_DENIED",
    "Chronicle API has not been used in project 123 before or it is disabled. Enable it by visiting the activation URL, then retry.",
    [errorInfo("SERVICE_DISABLED", {
      service: SERVICE,
      consumer: "projects/123",
      activationUrl: `https://console.developers.google.com/apis/api/${SERVICE}/overview?project=123`,
    })],
  );
}

function quotaExceeded(partner: string, limit: number): ApiError {
  return new ApiError(
    "RESOURCE_EXHAUSTED",
    `Quota exceeded for quota metric 'CreateCustomer requests' and limit 'CreateCustomerRequestsPerDay' of service '${SERVICE}'.`,
    [errorInfo("RATE_LIMIT_EXCEEDED", {
      quota_limit: "CreateCustomerRequestsPerDay",
      quota_limit_value: String(limit),
      quota_metric: `${SERVICE}/create_customer_requests`,
      quota_location: "global",
      service: SERVICE,
      consumer: partner,
    })],
  );
}

function rateLimited(): ApiError {
  return new ApiError("RESOURCE_EXHAUSTED", "Too many requests: rate limit exceeded.", [
    errorInfo("RATE_LIMIT_EXCEEDED", { quota_limit: "RequestsPerSecondPerPartner", service: SERVICE }),
  ], { "retry-after": "1" });
}

function parseJsonBody(raw: string): Record<string, unknown> {
  if (!raw.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ApiError("INVALID_ARGUMENT", "Invalid JSON payload received.");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new ApiError("INVALID_ARGUMENT", "Invalid JSON payload received: expected an object.");
  return parsed as Record<string, unknown>;
}

function readInput(route: Route, rawBody: string, url: URL): Record<string, unknown> {
  if (route.httpMethod === "GET") return normalizeFields(queryToObject(url.searchParams), route.fields, "query string");
  return normalizeFields(parseJsonBody(rawBody), route.fields);
}

/** The gate every authenticated call passes before its handler. Order matches Google's front end. */
function admit(core: EmulatorCore, route: Route, auth: AuthResult): string {
  if (!auth.ok) throw auth.error;
  const partner = auth.principal.partner;
  if (core.options.serviceDisabledPartners?.includes(partner)) throw serviceDisabled();
  if (!core.limiter.allow(partner, core.options.requestsPerSecond)) throw rateLimited();
  // Google counts quota on arrival, before the request is validated.
  const limit = core.options.createQuotaPerDay ?? 10;
  if (route.name === "CreateCustomer" && !core.store.takeCreateQuota(partner, limit)) throw quotaExceeded(partner, limit);
  return partner;
}

async function runApi(core: EmulatorCore, route: Route, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const log = logger(core, req, route.name, url.pathname);
  const auth = authenticate(core.store, req.headers.authorization, core.apiOrigins());
  const logPartner = auth.ok ? auth.principal.partner : auth.partner;
  const fault = core.faults.take(route.name, true);
  if (fault?.kind === "drop") {
    req.socket.destroy();
    return log(0, logPartner);
  }
  try {
    // The whole request is read before any delay: a slow server goes on with a
    // request the client has stopped waiting for, which is what makes a timed-out
    // CreateCustomer ambiguous.
    const rawBody = route.httpMethod === "GET" ? "" : await readBody(req);
    if (fault?.kind === "delay") await sleep(fault.ms);
    if (core.options.latencyMs) await sleep(core.options.latencyMs);
    if (fault?.kind === "status") throw faultError(fault);
    const partner = admit(core, route, auth);
    const input = readInput(route, rawBody, url);
    const reply = await route.handler({ store: core.store, partner, input, createDelayMs: core.options.createDelayMs ?? 0 });
    if (fault?.kind === "commit-then-drop") {
      req.socket.destroy();
      return log(0, partner);
    }
    sendJson(res, 200, reply.verbatim ? reply.body : shapeKeys(reply.body, core.options.camelCase === true));
    log(200, partner);
  } catch (e) {
    log(sendError(res, toApiError(e)), logPartner);
  }
}

async function runToken(core: EmulatorCore, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const log = logger(core, req, "Token", url.pathname);
  const fault = core.faults.take("Token", false);
  if (fault?.kind === "drop") {
    req.socket.destroy();
    return log(0);
  }
  if (fault?.kind === "delay") await sleep(fault.ms);
  if (fault?.kind === "status") {
    sendJson(res, fault.status, { error: "temporarily_unavailable", error_description: "injected fault" });
    return log(fault.status);
  }
  try {
    const result = handleToken(core.store, parseTokenBody(await readBody(req), req.headers["content-type"]));
    if (fault?.kind === "commit-then-drop") {
      req.socket.destroy();
      return log(0, result.partner);
    }
    sendJson(res, result.status, result.body, { "cache-control": "no-store" });
    log(result.status, result.partner);
  } catch {
    sendJson(res, 400, { error: "invalid_request", error_description: "malformed token request" });
    log(400);
  }
}

function notFoundRoute(core: EmulatorCore, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const log = logger(core, req, "Unknown", url.pathname);
  const known = ROUTES.find((r) => r.path === url.pathname.replace(/%3A/gi, ":"));
  const message = known
    ? `${req.method} is not allowed on ${url.pathname}; it takes ${known.httpMethod}.`
    : `The requested URL ${url.pathname} was not found on this server.`;
  const err = new ApiError("NOT_FOUND", message, [], known ? { allow: known.httpMethod } : {});
  log(sendError(res, err));
}

export function createRequestHandler(core: EmulatorCore): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const route = findRoute(url.pathname);
    let work: Promise<void>;
    if (url.pathname.startsWith(CONTROL_PREFIX)) work = handleControl(core, req, res, url);
    else if (TOKEN_PATHS.includes(url.pathname) && req.method === "POST") work = runToken(core, req, res, url);
    else if (route && route.httpMethod === req.method) work = runApi(core, route, req, res, url);
    else work = Promise.resolve(notFoundRoute(core, req, res, url));
    work.catch(() => {
      if (!res.headersSent) sendError(res, new ApiError("INTERNAL", "Internal error encountered."));
    });
  };
}

