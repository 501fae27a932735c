import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { startEmulator, Emulator } from "../../emulator";
import { newStack, StackHandle, EngineResult } from "../support/engine";
import { samlMetadata } from "../support/fixtures";

/**
 * The real engine (packed package, Automation API, file backend) against the
 * emulator while it fails: an unconfirmed create, a used-up daily quota, a
 * storm of transient errors, an outage during refresh, and bad input. After
 * each, the emulator holds every customer exactly once, the state tracks
 * exactly the customers that exist, and no SSO XML or credential appears in
 * state, output or errors.
 */
/** What programs/customers.ts takes for each customer. */
interface ProgramCustomer {
  code: string;
  subdomains?: string[];
  ssoConfig?: string;
  uiEnabled?: boolean;
}

const DAY = 24 * 60 * 60 * 1000;
const PROGRAM = "programs/reliability/customers.js";

let emu: Emulator;
before(async () => {
  emu = await startEmulator({ port: 0 });
});
after(() => emu?.close());
beforeEach(() => emu.reset());

function stackWith(extra: Record<string, string> = {}): StackHandle {
  return newStack({
    program: PROGRAM,
    config: {
      "chronicle:emulatorHost": `127.0.0.1:${emu.port}`,
      "chronicle:requestsPerSecond": "200",
      "chronicle:maxConcurrency": "8",
      "chronicle:requestTimeoutSeconds": "10",
      ...extra,
    },
  });
}

const run = (stack: StackHandle, op: "up" | "preview" | "refresh" | "destroy", customers: ProgramCustomer[]) =>
  stack.run(op, { programArgs: { customers } });

function mustSucceed(r: EngineResult): void {
  assert.ok(r.ok, `engine failed: ${r.error}\n${r.stdout.slice(-3000)}`);
}

const count = (method: string) => emu.requestLog().filter((e) => e.method === method).length;
const liveCodes = () => emu.customers().map((c) => c.customerCode).sort();

interface StateResource { type: string; id?: string; urn: string }

async function stateResources(stack: StackHandle, type = "ChronicleCustomer"): Promise<StateResource[]> {
  const state = JSON.parse(await stack.exportState());
  return ((state.deployment.resources ?? []) as StateResource[]).filter((r) => r.type.endsWith(`:${type}`));
}

/** Every secret the emulator handed out, and the SSO documents the program sent: none may appear in `texts`. */
function assertNothingLeaked(texts: Record<string, string | undefined>, ssoDocs: string[]): void {
  const secrets: string[] = [];
  for (const c of emu.customers()) {
    for (const cred of c.credentials) {
      secrets.push(cred.credential);
      secrets.push((JSON.parse(Buffer.from(cred.credential, "base64").toString()).private_key as string).split("\n")[1]);
    }
  }
  for (const xml of ssoDocs) secrets.push(xml.split("\n")[1], Buffer.from(xml).toString("base64").slice(0, 60));
  for (const [where, text] of Object.entries(texts)) {
    for (const s of secrets) assert.ok(!(text ?? "").includes(s), `a secret (${s.slice(0, 12)}...) appears in ${where}`);
  }
}

test("a CreateCustomer whose answer is lost leaves a partial record with no secret in it; the next up finishes without a duplicate", async () => {
  const xml = samlMetadata("lost-answer");
  const customers = [{ code: "acme", ssoConfig: xml }];
  const stack = stackWith({ "chronicle:maxRetries": "0" });
  emu.injectFault({ method: "CreateCustomer", kind: "commit-then-drop" });
  const failed = await run(stack, "up", customers);
  assert.equal(failed.ok, false);
  assert.match(failed.stdout + failed.error, /did not confirm/);
  assert.deepEqual(liveCodes(), ["acme"], "the create committed server-side");
  const partial = await stateResources(stack);
  assert.deepEqual(partial.map((r) => r.id), ["acme"], "the engine keeps track of the customer it may have created");
  assertNothingLeaked({ state: await stack.exportState(), stdout: failed.stdout, stderr: failed.stderr, error: failed.error }, [xml]);

  emu.clearLog();
  const up = await run(stack, "up", customers);
  mustSucceed(up);
  assert.equal(count("CreateCustomer"), 0, "the customer is found by its code, never created again");
  assert.deepEqual(liveCodes(), ["acme"]);
  const preview = await run(stack, "preview", customers);
  mustSucceed(preview);
  assert.deepEqual(Object.keys(preview.summary!).filter((k) => k !== "same"), []);
  assertNothingLeaked({ state: await stack.exportState(), stdout: up.stdout + preview.stdout, stderr: up.stderr + preview.stderr }, [xml]);
});

test("a used-up daily quota: the customers over it are neither retried nor recorded; the next day finishes the rest", async () => {
  emu.setOptions({ createQuotaPerDay: 2 });
  try {
    const customers = ["acme", "globex", "initech"].map((code) => ({ code, uiEnabled: true }));
    const stack = stackWith();
    const first = await run(stack, "up", customers);
    assert.equal(first.ok, false);
    assert.match(first.stdout + first.error, /daily CreateCustomer quota is used up/);
    assert.equal(count("CreateCustomer"), 3, "one call per customer: a daily quota is never retried");
    assert.equal(liveCodes().length, 2);
    assert.deepEqual((await stateResources(stack)).map((r) => r.id).sort(), liveCodes(), "the state tracks exactly what exists");
    // The engine stops scheduling at the first error, so a created customer's UI state may wait for the next up.
    const uiOf = async () => (await stateResources(stack, "ChronicleUiState")).map((r) => r.id!);
    for (const code of await uiOf()) assert.ok(liveCodes().includes(code), `UI state of ${code}, a customer that was not created`);

    emu.clearLog();
    const sameDay = await run(stack, "up", customers);
    assert.equal(sameDay.ok, false);
    assert.equal(count("CreateCustomer"), 1, "the same day, only the missing customer is tried, once");

    emu.advanceClock(DAY);
    emu.clearLog();
    const nextDay = await run(stack, "up", customers);
    mustSucceed(nextDay);
    assert.equal(count("CreateCustomer"), 1);
    assert.deepEqual(liveCodes(), ["acme", "globex", "initech"]);
    assert.deepEqual((await stateResources(stack)).map((r) => r.id).sort(), ["acme", "globex", "initech"]);
    assert.deepEqual((await uiOf()).sort(), ["acme", "globex", "initech"]);
  } finally {
    emu.setOptions({ createQuotaPerDay: 10 });
  }
});

test("transient errors, dropped connections and lost answers during up are absorbed: one up, each customer once", async () => {
  const docs = ["acme", "globex", "initech", "hooli"].map((code) => samlMetadata(`storm-${code}`));
  const customers = ["acme", "globex", "initech", "hooli"].map((code, i) => ({ code, ssoConfig: docs[i], uiEnabled: i % 2 === 0 }));
  emu.injectFault({ method: "CreateCustomer", kind: "commit-then-drop" });
  emu.injectFault({ method: "CreateCustomer", kind: "drop" });
  emu.injectFault({ method: "CreateCustomer", kind: "status", status: 503 });
  emu.injectFault({ method: "GetCustomer", kind: "status", status: 500, count: 2 });
  emu.injectFault({ method: "SetUIState", kind: "commit-then-drop" });
  emu.injectFault({ method: "SetUIState", kind: "status", status: 429, retryAfterSeconds: 0 });
  const stack = stackWith();
  const up = await run(stack, "up", customers);
  mustSucceed(up);
  assert.deepEqual(liveCodes(), ["acme", "globex", "hooli", "initech"]);
  assert.equal(emu.requestLog().filter((e) => e.status === 0).length, 3, "the injected drops happened");
  assert.deepEqual((await stateResources(stack)).map((r) => r.id).sort(), ["acme", "globex", "hooli", "initech"]);
  assert.equal(emu.customers().find((c) => c.customerCode === "globex")!.uiEnabled, false);
  const preview = await run(stack, "preview", customers);
  mustSucceed(preview);
  assert.deepEqual(Object.keys(preview.summary!).filter((k) => k !== "same"), []);
  assertNothingLeaked({ state: await stack.exportState(), stdout: up.stdout, stderr: up.stderr }, docs);
});

test("an outage during refresh fails the refresh and loses nothing from the state", async () => {
  const customers = [{ code: "acme", uiEnabled: true }, { code: "globex" }];
  const stack = stackWith({ "chronicle:maxRetries": "1" });
  mustSucceed(await run(stack, "up", customers));
  const before = await stack.exportState();
  emu.injectFault({ method: "*", kind: "status", status: 503, count: 1000 });
  const refresh = await run(stack, "refresh", customers);
  assert.equal(refresh.ok, false);
  assert.match(refresh.stdout + refresh.error, /HTTP 503 UNAVAILABLE/);
  emu.clearFaults();
  const resources = (text: string) => (JSON.parse(text).deployment.resources as StateResource[]).map((r) => `${r.urn}=${r.id}`).sort();
  assert.deepEqual(resources(await stack.exportState()), resources(before));
  const preview = await run(stack, "preview", customers);
  mustSucceed(preview);
  assert.deepEqual(Object.keys(preview.summary!).filter((k) => k !== "same"), []);
});

test("bad input stops the up before any API call, names every bad property, and never echoes the SSO document", async () => {
  const broken = samlMetadata("bad-input-canary").replace("</md:EntityDescriptor>", "");
  const stack = stackWith();
  const up = await run(stack, "up", [{ code: "Acme_1", subdomains: ["-bad-"], ssoConfig: broken }]);
  assert.equal(up.ok, false);
  const text = up.stdout + up.error;
  assert.match(text, /customerCode "Acme_1" is not valid/);
  assert.match(text, /ssoConfig must be the identity provider's SAML metadata XML/);
  assert.match(text, /customerSubdomains\[0\] "-bad-" is not a valid subdomain/);
  assert.ok(!text.includes("bad-input-canary") && !up.stderr.includes("bad-input-canary"), "the SSO document is not echoed");
  assert.equal(emu.requestLog().length, 0, "no API call was made");
  assert.deepEqual(liveCodes(), []);
  assert.deepEqual(await stateResources(stack), []);
});
