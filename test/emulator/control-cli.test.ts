import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { after, before, describe, it } from "node:test";
import { startEmulator, type Emulator } from "../../emulator";
import { api, call, createBody, jwtClaims, SCOPE, signJwt } from "./helpers";

const control = (emu: Emulator | string, method: string, path: string, body?: unknown) => call(emu, method, `/__emulator/${path}`, body, null);

describe("control HTTP API", () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ createQuotaPerDay: 1 });
  });
  after(() => emu.close());

  it("health, customers, update, clock, log, faults, options and reset", async () => {
    assert.equal((await control(emu, "GET", "health")).json.status, "ok");
    await api(emu, "POST", "/createcustomer", createBody("ctl"));
    const customers = (await control(emu, "GET", "customers?partner=default-partner")).json as unknown as { customerCode: string; uiEnabled: boolean }[];
    assert.deepEqual(customers.map((c) => c.customerCode), ["ctl"]);

    assert.equal((await control(emu, "POST", "customers/ctl/update", { customerName: "Drifted" })).status, 200);
    assert.equal((await api(emu, "GET", "/getcustomer?customer_code=ctl")).json.customer_name, "Drifted");
    assert.equal((await control(emu, "POST", "customers/ghost/update", {})).status, 400);

    assert.equal((await api(emu, "POST", "/createcustomer", createBody("ctl2"))).status, 429);
    await control(emu, "POST", "clock/advance", { days: 1 });
    assert.equal((await api(emu, "POST", "/createcustomer", createBody("ctl2"))).status, 200);

    const log = (await control(emu, "GET", "log")).json as unknown as { method: string }[];
    assert.ok(log.length >= 4);
    assert.ok(log.every((e) => e.method !== "Control"), "control calls are not in the API log");
    await control(emu, "POST", "log/clear");
    assert.equal(emu.requestLog().length, 0);

    assert.equal((await control(emu, "POST", "faults", { method: "GetCustomer", kind: "status", status: 500 })).status, 200);
    assert.equal((await control(emu, "POST", "faults", { method: "GetCustomer", kind: "explode" })).status, 400);
    assert.equal((await api(emu, "GET", "/getcustomer?customer_code=ctl")).status, 500);
    await control(emu, "POST", "faults", { method: "GetCustomer", kind: "status", status: 500 });
    await control(emu, "DELETE", "faults");
    assert.equal((await api(emu, "GET", "/getcustomer?customer_code=ctl")).status, 200);

    assert.equal((await control(emu, "POST", "options", { camelCase: true })).status, 200);
    assert.equal((await api(emu, "GET", "/getcustomer?customer_code=ctl")).json.customerCode, "ctl");
    assert.equal((await control(emu, "POST", "options", { camelcase: true })).status, 400, "typos are rejected");
    await control(emu, "POST", "options", { camelCase: false });

    await control(emu, "POST", "reset");
    assert.deepEqual((await control(emu, "GET", "customers")).json, []);
    assert.equal((await control(emu, "GET", "nope")).status, 404);
  });

  it("service accounts and subject tokens for another partner", async () => {
    const key = (await control(emu, "POST", "service-accounts", { partner: "p2" })).json as unknown as Parameters<typeof signJwt>[0];
    assert.equal(key.type, "service_account");
    const jwt = signJwt(key, jwtClaims(key, { scope: SCOPE }));
    assert.equal((await api(emu, "POST", "/createcustomer", createBody("p2cust"), jwt)).status, 200);
    assert.deepEqual(emu.customers("p2").map((c) => c.customerCode), ["p2cust"]);
    const { token } = (await control(emu, "POST", "subject-tokens", { partner: "p2" })).json as { token: string };
    assert.ok(token.length > 20);
  });
});

describe("CLI", () => {
  it("prints the URL, serves, and exits cleanly on SIGTERM", async () => {
    const cli = join(__dirname, "..", "..", "emulator", "cli.js");
    const child = spawn(process.execPath, [cli, "--port", "0", "--quota", "5"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const lines = createInterface({ input: child.stdout });
      const [line] = (await once(lines, "line")) as [string];
      const m = /^chronicle-partner-emulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line);
      assert.ok(m, line);
      assert.notEqual(m[2], "0");
      assert.equal((await control(m[1], "GET", "health")).json.status, "ok");
      assert.equal((await api(m[1], "GET", "/listcustomers")).status, 200);
      child.kill("SIGTERM");
      const [code] = (await once(child, "exit")) as [number | null];
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });

  it("exits 0 on SIGINT sent the moment the ready line appears", async () => {
    const cli = join(__dirname, "..", "..", "emulator", "cli.js");
    const child = spawn(process.execPath, [cli, "--port", "0"], { stdio: ["ignore", "pipe", "ignore"] });
    await once(child.stdout, "data");
    child.kill("SIGINT");
    assert.equal(((await once(child, "exit")) as [number | null])[0], 0);
  });

  it("rejects unknown flags with exit code 2 and prints help on --help", async () => {
    const cli = join(__dirname, "..", "..", "emulator", "cli.js");
    const bad = spawn(process.execPath, [cli, "--bogus"], { stdio: "ignore" });
    assert.equal(((await once(bad, "exit")) as [number])[0], 2);
    const help = spawn(process.execPath, [cli, "--help"], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    help.stdout.on("data", (d: Buffer) => (out += d.toString()));
    assert.equal(((await once(help, "exit")) as [number])[0], 0);
    assert.match(out, /--persist FILE/);
  });
});
