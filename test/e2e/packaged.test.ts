import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startEmulator, Emulator } from "../../emulator";
import { newStack, StackHandle } from "../support/engine";
import { samlMetadata } from "../support/fixtures";

/**
 * Every resource, from the packed package installed in a scratch project, on
 * the real engine: the serialized providers are small, hold no secret from
 * the stack config, and the state holds no secret in plaintext. The stack
 * authenticates with a service-account key given as a secret config value.
 */
let emu: Emulator;
let stack: StackHandle;
let key: ReturnType<Emulator["createServiceAccountKey"]>;
const sso = samlMetadata("packaged-sso-canary");

before(async () => {
  emu = await startEmulator({ port: 0 });
  key = emu.createServiceAccountKey();
  stack = newStack({
    program: "programs/all-resources.js",
    project: "chronicle-packaged",
    config: {
      "chronicle:endpoint": emu.url,
      "chronicle:selfSignedJwt": "true",
      "chronicle:credentials": { value: JSON.stringify(key), secret: true },
      "chronicle:requestsPerSecond": "100",
    },
  });
});
after(() => emu?.close());

test("up of every resource authenticates with the secret key and creates them all", async () => {
  const up = await stack.run("up", { programArgs: { ssoConfig: sso } });
  assert.ok(up.ok, `${up.error}\n${up.stdout.slice(-3000)}`);
  assert.equal(up.summary!.create, 9);
  assert.equal(up.outputs!.ingestionCredential, "[secret]");
  assert.equal(up.outputs!.forwarderConfigs, "[secret]");
  const c = emu.customers()[0];
  assert.equal(c.iamEnabled, true);
  assert.equal(c.gcpProject, "projects/allres-secops");
  assert.ok(emu.requestLog().every((e) => e.partner === emu.customers()[0].partner || e.method === "Control"));
});

test("each serialized provider is small, requires the installed package, and holds no secret", async () => {
  const state = JSON.parse(await stack.exportState());
  const resources = (state.deployment.resources as { type: string; inputs?: Record<string, unknown> }[]).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/chronicle:"));
  assert.equal(resources.length, 8);
  const secrets = [key.private_key.split("\n")[1], key.private_key_id, JSON.stringify(key), sso, "packaged-sso-canary"];
  for (const r of resources) {
    const provider = r.inputs!.__provider as string;
    console.log(`${r.type}: __provider ${provider.length} bytes`);
    // Installed from the tarball, the provider is a require() of its kind's module, not its code.
    assert.ok(provider.length <= 512, `${r.type}: ${provider.length} bytes`);
    assert.match(provider, /require\("pulumi-chronicle-partner\/dist\/provider\/runtime\/kinds\/\w+\.js"\)/);
    for (const s of secrets) assert.ok(!provider.includes(s), `${r.type} __provider holds a secret`);
  }
});

test("the exported state holds no key, credential, forwarder secret or SSO XML in plaintext", async () => {
  const text = await stack.exportState();
  const c = emu.customers()[0];
  const canaries = [
    key.private_key.split("\n")[1],
    ...c.credentials.map((x) => x.credential),
    ...c.credentials.map((x) => JSON.parse(Buffer.from(x.credential, "base64").toString()).private_key.split("\n")[1]),
    "packaged-sso-canary",
    Buffer.from(sso).toString("base64").slice(0, 40),
  ];
  for (const s of canaries) assert.ok(!text.includes(s), `plaintext secret in state: ${s.slice(0, 12)}...`);
});

test("destroy releases everything and leaves the customer", async () => {
  const destroy = await stack.run("destroy");
  assert.ok(destroy.ok, destroy.error);
  assert.equal(emu.customers().length, 1);
  assert.match(destroy.stdout, /EnableIAM cannot be undone/);
});
