import { test, before } from "node:test";
import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";

/**
 * The program side under `pulumi.runtime.setMocks`: wiring, type tokens,
 * declared outputs, secrets, and that each resource's provider serializes
 * into a small `__provider`. Mocks never run provider methods.
 */
const registered: { type: string; name: string; inputs: any }[] = [];
/** What the engine would be asked: secret outputs and whether inputs arrive as secrets. */
const requests = new Map<string, { secretOutputs: string[]; object: Record<string, unknown> }>();
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const isWireSecret = (v: unknown) => typeof v === "object" && v !== null && (v as Record<string, unknown>)[SECRET_SIG] !== undefined;

before(async () => {
  const { MockMonitor } = require("@pulumi/pulumi/runtime/mocks") as { MockMonitor: any };
  const settings = require("@pulumi/pulumi/runtime/settings");
  const Base = MockMonitor as new (m: unknown) => { registerResource(req: unknown, cb: unknown): Promise<void> };
  class RecordingMonitor extends Base {
    override async registerResource(req: any, callback: unknown) {
      requests.set(req.getName(), { secretOutputs: req.getAdditionalsecretoutputsList(), object: req.getObject().toJavaScript() });
      return super.registerResource(req, callback);
    }
  }
  const mocks: pulumi.runtime.Mocks = {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        const outs: Record<string, unknown> = { ...args.inputs };
        if (args.type.endsWith(":ChronicleCustomer")) {
          Object.assign(outs, {
            instanceId: "00000000-0000-4000-8000-000000000000",
            credentials: [{ id: "c1", credentialType: "INGESTION_API", credential: "secret-material" }],
            credentialsByType: { INGESTION_API: "secret-material" },
          });
        }
        return { id: `${args.name}-id`, state: outs };
      },
      call: () => ({}),
  };
  await pulumi.runtime.setMocks(mocks, "project", "stack", false);
  settings.setMockOptions(new RecordingMonitor(mocks), "project", "stack", false);
  require("@pulumi/pulumi/runtime/state").getStore().supportsSecrets = true;
});

const value = <T>(o: pulumi.Output<T>): Promise<T> => new Promise((resolve) => o.apply((v) => resolve(v)));

test("every resource registers under a stable chronicle type token with a small serialized provider", async () => {
  const chronicle = await import("../../provider");
  const xml = "<EntityDescriptor/>";
  const resources = [
    new chronicle.ChronicleCustomer("c", { customerName: "Acme", customerCode: "acme", customerSubdomains: ["acme"], ssoConfig: xml }),
    new chronicle.ChronicleSsoConfig("s", { customerCode: "acme", ssoConfig: xml }),
    new chronicle.ChronicleUiState("u", { customerCode: "acme", enabled: true }),
    new chronicle.ChronicleAuthVersion("a", { customerCode: "acme", authVersion: "AUTH_VERSION_2" }),
    new chronicle.ChronicleComplianceRequirements("r", { customerCode: "acme", complianceCertifications: ["COMPLIANCE_CERTIFICATION_PCI_DSS"] }),
    new chronicle.ChronicleWorkforcePoolProvider("w", { customerCode: "acme", customerSubdomain: "acme", providerId: "locations/global/workforcePools/pool/providers/prov" }),
    new chronicle.ChronicleGcpProjectLink("g", { customerCode: "acme", gcpProject: "projects/acme-1" }),
    new chronicle.ChronicleIamEnablement("i", { customerCode: "acme", acknowledgeIrreversible: true }),
  ];
  const ids = await Promise.all(resources.map((r) => value(r.id)));
  assert.equal(ids.length, 8);
  const expected = [
    "ChronicleCustomer", "ChronicleSsoConfig", "ChronicleUiState", "ChronicleAuthVersion", "ChronicleComplianceRequirements",
    "ChronicleWorkforcePoolProvider", "ChronicleGcpProjectLink", "ChronicleIamEnablement",
  ].map((t) => `pulumi-nodejs:dynamic/chronicle:${t}`);
  // Registration completes out of order: match by resource name.
  const byName = ["c", "s", "u", "a", "r", "w", "g", "i"].map((n) => registered.find((r) => r.name === n)!);
  assert.deepEqual(byName.map((r) => r.type), expected);
  for (const [i, r] of byName.entries()) {
    assert.equal((chronicle as any)[expected[i].split(":").pop()!].typeToken, r.type);
    const provider = r.inputs.__provider as string;
    assert.match(provider, /require\("pulumi-chronicle-partner\/dynamic"\)/);
    assert.ok(provider.length <= 2048, `${r.type} __provider is ${provider.length} bytes`);
    assert.ok(!provider.includes(xml));
    console.log(`${r.type}: __provider ${provider.length} bytes`);
  }
});

test("ChronicleCustomer declares its outputs and keeps secrets secret", async () => {
  const { ChronicleCustomer } = await import("../../provider");
  const c = new ChronicleCustomer("acme", { customerName: "Acme", customerCode: "acme", customerSubdomains: ["acme"], ssoConfig: "<EntityDescriptor/>" });
  assert.equal(await value(c.instanceId), "00000000-0000-4000-8000-000000000000");
  assert.equal(await value(c.customerCode), "acme");
  assert.equal((await value(c.credentialsByType)).INGESTION_API, "secret-material");
  assert.deepEqual(await value(c.forwarders), undefined);
  // Mocks do not apply secret outputs; the engine does, given this list (checked end to end on the real engine).
  const req = requests.get("acme")!;
  assert.deepEqual(req.secretOutputs.sort(), ["credentials", "credentialsByType"]);
  assert.equal(isWireSecret(req.object.ssoConfig), true, "the SSO XML travels as a secret input");
  assert.equal(isWireSecret(req.object.customerCode), false);
});

test("user additionalSecretOutputs are kept beside the declared ones", async () => {
  const { ChronicleCustomer } = await import("../../provider");
  const c = new ChronicleCustomer("acme2", { customerName: "Acme", customerCode: "acme2", customerSubdomains: ["acme2"] }, { additionalSecretOutputs: ["instanceId"] });
  await value(c.id);
  assert.deepEqual(requests.get("acme2")!.secretOutputs.sort(), ["credentials", "credentialsByType", "instanceId"]);
});

test("missing required properties are refused with a plain sentence", async () => {
  const chronicle = await import("../../provider");
  assert.throws(() => new chronicle.ChronicleCustomer("x", { customerName: "X", customerCode: "x" } as any), /Missing required property 'customerSubdomains' of ChronicleCustomer/);
  assert.throws(() => new chronicle.ChronicleUiState("x", { customerCode: "x" } as any), /Missing required property 'enabled'/);
  assert.throws(() => new chronicle.ChronicleIamEnablement("x", { customerCode: "x" } as any), /acknowledgeIrreversible/);
});
