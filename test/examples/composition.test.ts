import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { ROOT } from "../support/engine";
import { compileExample } from "./support";

/**
 * examples/composition under `pulumi.runtime.setMocks`: its `@pulumi/random`
 * resource needs the pulumi-resource-random plugin, which cannot be built
 * offline, so the engine cannot run it here. The mocks check the wiring: the
 * random suffix becomes the customer code, the customer's credential reaches
 * the file resource as a secret, and every output derived from it is secret.
 * The example's own dynamic provider (the file writer) is run directly.
 */
const SUFFIX = "k3x9q2";
const KEY = JSON.stringify({ type: "service_account", client_email: "ingestion@poc.iam.gserviceaccount.com", private_key: "-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n" });
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const isWireSecret = (v: unknown) => typeof v === "object" && v !== null && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
/** How the engine returns an output listed in additionalSecretOutputs: mocks do not do it themselves. */
const wireSecret = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value });

/** What the engine would be asked, by resource name: type, plain inputs, and inputs as they travel (secrets wrapped). */
const registered = new Map<string, { type: string; inputs: Record<string, unknown>; wire: Record<string, unknown> }>();
let dir: string;
let example: Record<string, pulumi.Output<unknown>>;

const value = <T>(o: pulumi.Output<T>): Promise<T> => new Promise((resolve) => o.apply((v) => resolve(v)));
const secret = <T>(o: pulumi.Output<T>): Promise<boolean> => pulumi.isSecret(o);

before(async () => {
  const { MockMonitor } = require("@pulumi/pulumi/runtime/mocks") as { MockMonitor: new (m: pulumi.runtime.Mocks) => { registerResource(req: unknown, cb: unknown): Promise<void> } };
  const settings = require("@pulumi/pulumi/runtime/settings");
  const wire = new Map<string, Record<string, unknown>>();
  const secretOutputs = new Map<string, string[]>();
  class RecordingMonitor extends MockMonitor {
    override async registerResource(req: any, callback: unknown) {
      wire.set(req.getName(), req.getObject().toJavaScript());
      secretOutputs.set(req.getName(), req.getAdditionalsecretoutputsList());
      return super.registerResource(req, callback);
    }
  }
  const mocks: pulumi.runtime.Mocks = {
    newResource(args) {
      const outs: Record<string, unknown> = { ...args.inputs };
      if (args.type === "random:index/randomString:RandomString") outs.result = SUFFIX;
      if (args.type.endsWith(":ChronicleCustomer")) {
        Object.assign(outs, {
          instanceId: "5f0cbd5e-0000-4000-8000-000000000001",
          credentials: [{ id: "k1", credentialType: "INGESTION_API", credential: Buffer.from(KEY).toString("base64") }],
          credentialsByType: { INGESTION_API: Buffer.from(KEY).toString("base64") },
        });
      }
      for (const key of secretOutputs.get(args.name) ?? []) if (key in outs) outs[key] = wireSecret(outs[key]);
      registered.set(args.name, { type: args.type, inputs: args.inputs, wire: wire.get(args.name) ?? {} });
      return { id: `${args.name}-id`, state: outs };
    },
    call: () => ({}),
  };
  await pulumi.runtime.setMocks(mocks, "chronicle-composition", "dev", false);
  settings.setMockOptions(new RecordingMonitor(mocks), "chronicle-composition", "dev", false);
  require("@pulumi/pulumi/runtime/state").getStore().supportsSecrets = true;
  // Compiled beside the repo's own node_modules: @pulumi/random and this package (self link), one @pulumi/pulumi.
  const base = path.join(ROOT, "dist", "examples-build");
  fs.mkdirSync(base, { recursive: true });
  dir = compileExample("composition", base);
  example = require(path.join(dir, "index.js"));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the random suffix becomes the customer code and subdomain", async () => {
  assert.equal(await value(example.customerCode), `poc-${SUFFIX}`);
  await value(example.instanceId);
  const customer = registered.get("poc")!;
  assert.equal(customer.type, "pulumi-nodejs:dynamic/chronicle:ChronicleCustomer");
  assert.equal(customer.inputs.customerCode, `poc-${SUFFIX}`);
  assert.deepEqual(customer.inputs.customerSubdomains, [`poc-${SUFFIX}`]);
  assert.equal(registered.get("code-suffix")!.type, "random:index/randomString:RandomString");
  assert.equal(registered.get("code-suffix")!.inputs.special, false);
});

test("the customer's ingestion key reaches the file resource as a secret, decoded", async () => {
  await value(example.ingestionKeyFile);
  const file = registered.get("ingestion-key")!;
  assert.equal(file.type, "pulumi-nodejs:dynamic/composition:SecretFile");
  const content = file.wire.content as { value: string };
  assert.ok(isWireSecret(content), "content is sent to the engine as a secret");
  assert.equal(content.value, KEY);
  const { content: _, ...rest } = file.wire;
  assert.ok(!JSON.stringify(rest).includes("PRIVATE KEY"), "no key material outside the secret input (e.g. in __provider)");
});

test("outputs derived from the credentials are secret; the code and instance id are not", async () => {
  assert.equal(await secret(example.ingestionServiceAccount), true);
  assert.equal(await value(example.ingestionServiceAccount), "ingestion@poc.iam.gserviceaccount.com");
  assert.equal(await secret(example.customerCode), false);
  assert.equal(await secret(example.instanceId), false);
});

test("the file writer writes the key with mode 0600 and removes it on delete", async () => {
  const { secretFileProvider } = require(path.join(dir, "secretFile.js"));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "secret-file-")), "ingestion-key.json");
  const created = await secretFileProvider.create({ path: file, content: KEY });
  assert.deepEqual(created, { id: file, outs: { path: file } });
  assert.equal(fs.readFileSync(file, "utf8"), KEY);
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  await secretFileProvider.update(file, { path: file }, { path: file, content: "rotated" });
  assert.equal(fs.readFileSync(file, "utf8"), "rotated");
  assert.deepEqual((await secretFileProvider.diff(file, { path: file }, { path: `${file}.new`, content: "x" })).replaces, ["path"]);
  await secretFileProvider.delete(file);
  assert.equal(fs.existsSync(file), false);
});
