import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalWorkspace } from "@pulumi/pulumi/automation";
import { startEmulator, Emulator } from "pulumi-chronicle-partner/emulator";
import { tenant } from "./tenant";

let emulator: Emulator;

before(async () => {
    // Port 0: a free port, so tests can run side by side.
    emulator = await startEmulator({ port: 0 });
});
after(() => emulator.close());

/** A throwaway stack on a local state folder, pointed at the emulator. */
async function testStack(program: () => Promise<Record<string, unknown>>) {
    const state = fs.mkdtempSync(path.join(os.tmpdir(), "tenant-test-"));
    const stack = await LocalWorkspace.createOrSelectStack(
        { stackName: "test", projectName: "chronicle-emulator-in-tests", program },
        { envVars: { PULUMI_BACKEND_URL: `file://${state}`, PULUMI_CONFIG_PASSPHRASE: "test" } },
    );
    await stack.setConfig("chronicle:emulatorHost", { value: `127.0.0.1:${emulator.port}` });
    return stack;
}

test("the stack creates the tenant with its web UI on, and a second up changes nothing", async () => {
    const stack = await testStack(async () => tenant("acme"));
    const up = await stack.up();
    assert.equal(up.summary.resourceChanges?.create, 3);
    const [acme] = emulator.customers();
    assert.equal(acme.customerCode, "acme");
    assert.equal(acme.uiEnabled, true);
    assert.equal(up.outputs.instanceId.value, acme.id);

    emulator.clearLog();
    const again = await stack.up();
    assert.equal(again.summary.resourceChanges?.same, 3);
    // The request log counts API calls: no second CreateCustomer, whatever the timing.
    assert.equal(emulator.requestLog().filter((e) => e.method === "CreateCustomer").length, 0);
    await stack.destroy();
});

test("a daily CreateCustomer quota that is used up fails the up with a clear message", async () => {
    emulator.reset();
    emulator.setOptions({ createQuotaPerDay: 0 });
    const stack = await testStack(async () => tenant("globex"));
    await assert.rejects(stack.up(), /daily CreateCustomer quota is used up/);
    assert.equal(emulator.customers().length, 0);
    emulator.setOptions({ createQuotaPerDay: 10 });
});
