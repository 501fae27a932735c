/**
 * The API floor: the minimal calls each scenario needs, made by a plain script
 * through our client (`sharedClient`, so the same rate limit and concurrency
 * settings apply) with every customer in flight at once, as the engine's
 * unbounded parallelism would have them. Run as a child process so that the
 * emulator, in the parent, does not share its event loop.
 *
 * Usage: node dist/bench/apiFloor.js '{"op":"up","n":10,"ssoRevision":0,"config":{...}}'
 * Prints one JSON line: {"ms": wall time of the calls, "maxRssKiB": peak memory}.
 */
import { resolveSettings, sharedClient } from "../provider/client";
import { PartnerApi } from "../provider/client/models";
import { customerCode, samlMetadata } from "./programs/fleet";

export type FloorOp = "up" | "update" | "refresh";

export interface FloorRequest {
  op: FloorOp;
  n: number;
  ssoRevision: number;
  config: Record<string, string>;
}

/** One customer's share of `up`: look it up (the create pre-check), create it, then its two settings at once. */
async function onboard(api: PartnerApi, code: string, revision: number): Promise<void> {
  if (await api.findCustomer(code)) throw new Error(`API floor: customer ${code} already exists; the emulator was not reset`);
  await api.createCustomer({ customerName: `Bench ${code}`, customerCode: code, customerSubdomains: [`${code}-soc`], retentionDuration: "ONE_YEAR" });
  await Promise.all([
    api.updateSsoConfig({ customerCode: code, ssoConfigXml: samlMetadata(code, revision), updateV2Only: false }),
    api.setUiState(code, true),
  ]);
}

const OPS: Record<FloorOp, (api: PartnerApi, code: string, revision: number) => Promise<unknown>> = {
  up: onboard,
  update: (api, code, revision) => api.updateSsoConfig({ customerCode: code, ssoConfigXml: samlMetadata(code, revision), updateV2Only: false }),
  // One read per customer: GetCustomer tells what the customer and its SSO config are (the UI state has no getter).
  refresh: (api, code) => api.findCustomer(code),
};

async function main(): Promise<void> {
  const req = JSON.parse(process.argv[2] ?? "{}") as FloorRequest;
  const api = sharedClient(resolveSettings(req.config, {}));
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: req.n }, (_, i) => OPS[req.op](api, customerCode(i), req.ssoRevision)));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS }));
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
