/** The control API under /__emulator/: lets other processes drive an emulator started by the CLI. No auth. */
import type { IncomingMessage, ServerResponse } from "http";
import { checkFault } from "./faults";
import type { EmulatorCore } from "./core";
import { readBody, sendJson } from "./http";
import type { CustomerPatch, EmulatorOptions } from "./types";

export const CONTROL_PREFIX = "/__emulator/";
const DAY_MS = 24 * 60 * 60 * 1000;

type Body = Record<string, unknown>;
type ControlHandler = (core: EmulatorCore, body: Body, url: URL) => unknown;

function advance(core: EmulatorCore, body: Body): unknown {
  const ms = typeof body.ms === "number" ? body.ms : typeof body.days === "number" ? body.days * DAY_MS : NaN;
  core.advanceClock(ms);
  return { now: core.store.now().toISOString() };
}

function optionalPartner(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

const STATIC: Record<string, ControlHandler> = {
  "GET health": (core) => ({ status: "ok", url: core.url, now: core.store.now().toISOString() }),
  "GET log": (core) => core.log,
  "POST log/clear": (core) => {
    core.log = [];
    return {};
  },
  "POST faults": (core, body) => {
    core.injectFault(checkFault(body));
    return {};
  },
  "DELETE faults": (core) => {
    core.faults.clear();
    return {};
  },
  "POST clock/advance": advance,
  "GET customers": (core, _b, url) => core.customers(optionalPartner(url.searchParams.get("partner"))),
  "POST service-accounts": (core, body) => core.createServiceAccountKey(optionalPartner(body.partner)),
  "POST subject-tokens": (core, body) => ({ token: core.createSubjectToken(optionalPartner(body.partner)) }),
  "POST options": (core, body) => {
    core.setOptions(body as Partial<EmulatorOptions>);
    return core.options;
  },
  "POST reset": (core) => {
    core.reset();
    return {};
  },
};

function resolve(method: string, sub: string): ControlHandler | undefined {
  const fixed = STATIC[`${method} ${sub}`];
  if (fixed) return fixed;
  const update = /^customers\/([^/]+)\/update$/.exec(sub);
  if (method === "POST" && update) {
    const code = decodeURIComponent(update[1]);
    return (core, body, url) => {
      core.updateCustomer(code, body as CustomerPatch, optionalPartner(url.searchParams.get("partner") ?? body.partner));
      return {};
    };
  }
  return undefined;
}

export async function handleControl(core: EmulatorCore, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const handler = resolve(req.method ?? "GET", url.pathname.slice(CONTROL_PREFIX.length));
  if (!handler) return sendJson(res, 404, { error: `unknown control call ${req.method} ${url.pathname}` });
  try {
    const raw = await readBody(req);
    const body = raw.trim() ? (JSON.parse(raw) as Body) : {};
    sendJson(res, 200, handler(core, body, url) ?? {});
  } catch (e) {
    sendJson(res, 400, { error: e instanceof Error ? e.message : String(e) });
  }
}
