/**
 * Canaries on the real engine: the service-account key given as secret config,
 * the access tokens issued for external_account credentials (workload identity
 * federation: a subject token exchanged at the emulator's token endpoint), the
 * customers' returned credentials and the SSO XML. None of them may appear in
 * plaintext in the exported state, in `pulumi up` output at the highest
 * verbosity with logs to stderr (and debug), in any error message, or in the
 * emulator's request log.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { EngineResult } from "../support/engine";
import { fleetStack, mustSucceed, ssoDocs, Fleet } from "./support";

const LOUD = { logVerbosity: 11, logToStdErr: true, debug: true };
const CODES = ["s1", "s2"];

/** Distinctive pieces of every secret in play: a leak of any of them is a leak. */
function canaries(emu: Emulator, extra: Record<string, string>, marker: string): Record<string, string> {
  const found: Record<string, string> = { ...extra };
  for (const c of emu.customers()) {
    for (const cred of c.credentials) {
      found[`credential ${cred.credentialType} of ${c.customerCode}`] = cred.credential;
      const inner = JSON.parse(Buffer.from(cred.credential, "base64").toString()) as { private_key?: string };
      if (inner.private_key) found[`credential key of ${c.customerCode}`] = inner.private_key.split("\n")[1];
    }
  }
  for (const [code, xml] of Object.entries(ssoDocs(CODES, marker))) {
    found[`SSO XML of ${code}`] = xml.split("\n")[1];
    found[`SSO XML of ${code}, base64`] = Buffer.from(xml).toString("base64").slice(0, 60);
  }
  for (const t of emu.issuedAccessTokens()) found[`access token ${t.slice(0, 12)}`] = t;
  return found;
}

function assertNoCanary(where: Record<string, string | undefined>, secrets: Record<string, string>): void {
  for (const [place, text] of Object.entries(where)) {
    for (const [what, secret] of Object.entries(secrets)) {
      assert.ok(secret.length >= 16, `canary ${what} is too short to mean anything`);
      assert.ok(!(text ?? "").includes(secret), `${what} appears in plaintext in ${place}`);
    }
  }
}

/**
 * The Pulumi Node.js SDK (3.248, runtime/resource.js) debug-logs every
 * RegisterResource response, outputs included, with secret values in
 * plaintext: at --debug in the output, at -v 11 --logtostderr in stderr. That
 * is outside this package (resource outputs must hold the credentials and the
 * SSO XML for the state to be useful); these entries are cut out and checked
 * separately: only resource outputs may appear there, never the credentials
 * this package authenticates with.
 */
const SDK_RPC_DEBUG = /^.*RegisterResource RPC finished:.*(?:\r?\n {4}.*)*/gm;

function withoutSdkRpcDebug(text: string): { rest: string; sdk: string } {
  const sdk = (text.match(SDK_RPC_DEBUG) ?? []).join("\n");
  return { rest: text.replace(SDK_RPC_DEBUG, ""), sdk };
}

/** An up at the highest verbosity, a failing up (its errors), the state and the emulator's log, all searched. */
async function exercise(emu: Emulator, fleet: Fleet, extra: Record<string, string>, marker: string): Promise<void> {
  const quiet = await fleet.run("up", CODES);
  mustSucceed(quiet, "up");
  assertNoCanary({ "up output": quiet.stdout, "up stderr": quiet.stderr, "exported state": await fleet.stack.exportState() }, canaries(emu, extra, marker));
  emu.injectFault({ method: "GetCustomer", kind: "status", status: 503 });
  const up = await fleet.run("refresh", CODES, { opts: LOUD });
  mustSucceed(up, "loud refresh");
  const upLoud = await fleet.run("up", [...CODES, "s0"], { opts: LOUD });
  mustSucceed(upLoud, "loud up");
  up.stdout += upLoud.stdout;
  up.stderr += upLoud.stderr;
  assert.ok(up.stderr.length > 100_000, `verbose logs reached stderr (${up.stderr.length} characters)`);
  emu.injectFault({ method: "SetUIState", kind: "status", status: 503, count: 100 });
  emu.injectFault({ method: "UpdateSSOConfig", kind: "status", status: 500, count: 100 });
  fleet.config["chronicle:maxRetries"] = "0";
  const failed: EngineResult = await fleet.run("up", [...CODES, "s3"], { opts: { ...LOUD, continueOnError: true } });
  emu.clearFaults();
  assert.equal(failed.ok, false);
  assert.match(failed.stdout, /SetUIState for customer code "s3" failed with HTTP 503/);
  const secrets = canaries(emu, extra, marker);
  assert.ok(Object.keys(secrets).length >= 10);
  // The Automation API's error message carries the CLI's whole output, so it holds the SDK's entries too.
  const loud = [up.stdout, up.stderr, failed.stdout, failed.stderr, failed.error ?? ""].map(withoutSdkRpcDebug);
  assertNoCanary({
    "exported state": await fleet.stack.exportState(),
    "loud up/refresh output (outside the SDK's RPC debug entries)": loud[0].rest, "loud up/refresh stderr (same)": loud[1].rest,
    "failed up output (same)": loud[2].rest, "failed up stderr (same)": loud[3].rest, "error message (same)": loud[4].rest,
    "emulator request log": JSON.stringify(emu.requestLog()),
  }, secrets);
  // Even in the SDK's RPC debug entries: never the credentials this package signs in with, nor a token.
  assertNoCanary({ "the SDK's RegisterResource debug entries": loud.map((l) => l.sdk).join("\n") }, extra);
  for (const t of emu.issuedAccessTokens()) assert.ok(!loud.some((l) => l.sdk.includes(t)), "an access token in the SDK's debug entries");
}

test("a service-account key as secret config: key, customer credentials and SSO XML never in plaintext", async () => {
  const emu = await startEmulator({ port: 0 });
  try {
    const key = emu.createServiceAccountKey();
    const fleet = fleetStack(emu, {
      "chronicle:endpoint": emu.url,
      "chronicle:selfSignedJwt": "true",
      "chronicle:credentials": { value: JSON.stringify(key), secret: true },
    }, "sa");
    await exercise(emu, fleet, { "service-account private key": key.private_key.split("\n")[1], "service-account private key, last line": key.private_key.trim().split("\n").slice(-2)[0] }, "sa");
    assert.equal(emu.requestLog().filter((e) => e.method === "Token").length, 0, "self-signed JWTs: no token call");
    assert.ok(emu.requestLog().every((e) => e.method === "Token" || e.partner === "default-partner"), "every call was authorized by the key");
  } finally {
    await emu.close();
  }
});

test("external_account credentials: the subject token and every issued access token never in plaintext", async () => {
  const emu = await startEmulator({ port: 0 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chronicle-wif-"));
  try {
    const subject = emu.createSubjectToken();
    const file = path.join(dir, "subject-token.txt");
    fs.writeFileSync(file, subject);
    const credentials = JSON.stringify({
      type: "external_account",
      audience: "//iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/ci/providers/gh",
      subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
      token_url: `${emu.url}/v1/token`,
      credential_source: { file },
    });
    const fleet = fleetStack(emu, { "chronicle:endpoint": emu.url, "chronicle:credentials": { value: credentials, secret: true } }, "wif");
    await exercise(emu, fleet, { "subject token": subject }, "wif");
    assert.ok(emu.issuedAccessTokens().length >= 1, "real access tokens were issued (and searched for)");
    assert.ok(emu.requestLog().some((e) => e.method === "Token" && e.status === 200));
  } finally {
    await emu.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
