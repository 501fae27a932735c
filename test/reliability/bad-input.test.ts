/**
 * The corpus of invalid inputs, every resource: each case names the property
 * that must be reported and what its reason must say. Checked through the
 * provider exactly as the engine calls it; the emulator's log proves no case
 * reached the API. The fuzzing (fuzz.test.ts) covers what a table cannot.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startProviderHarness, ProviderHarness } from "../support/provider";
import { samlMetadata, customerInputs } from "../support/fixtures";
import { assertNoApiCall, checkedFailures } from "./input/checks";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const XML = samlMetadata("corpus-canary");

interface Case {
  kind: string;
  what: string;
  inputs: Record<string, unknown>;
  property: string;
  reason: RegExp;
}

const cust = (extra: Record<string, unknown>) => ({ ...customerInputs("acme"), ...extra });
const setter = (kind: string, valid: Record<string, unknown>) => (what: string, extra: Record<string, unknown>, property: string, reason: RegExp): Case =>
  ({ kind, what, inputs: { customerCode: "acme", ...valid, ...extra }, property, reason });

const CODE = /starts with a lowercase letter.*1 to 18 characters/;
const BAD_CODES: Array<[string, unknown, RegExp]> = [
  ["uppercase", "Acme", CODE], ["too long", "a".repeat(19), CODE], ["trailing hyphen", "acme-", CODE], ["empty", "", CODE],
  ["leading digit", "1acme", CODE], ["underscore", "ac_me", CODE], ["a number", 42, /must be a string, got a number/],
  ["a list", ["acme"], /must be a string, got a list/], ["null", null, /customerCode is required/],
];

const CORPUS: Case[] = [
  ...BAD_CODES.map(([what, code, reason]) => ({ kind: "customer", what: `customerCode ${what}`, inputs: cust({ customerCode: code }), property: "customerCode", reason })),
  { kind: "customer", what: "customerName empty", inputs: cust({ customerName: "  " }), property: "customerName", reason: /must not be empty/ },
  { kind: "customer", what: "customerName too long", inputs: cust({ customerName: "n".repeat(257) }), property: "customerName", reason: /at most 256 characters/ },
  { kind: "customer", what: "customerSubdomains empty list", inputs: cust({ customerSubdomains: [] }), property: "customerSubdomains", reason: /at least one subdomain/ },
  { kind: "customer", what: "customerSubdomains a string", inputs: cust({ customerSubdomains: "acme" }), property: "customerSubdomains", reason: /must be a list of subdomains/ },
  { kind: "customer", what: "customerSubdomains trailing hyphen", inputs: cust({ customerSubdomains: ["ok", "bad-"] }), property: "customerSubdomains[1]", reason: /not a valid subdomain: use lowercase/ },
  { kind: "customer", what: "customerSubdomains duplicate", inputs: cust({ customerSubdomains: ["a1", "a1"] }), property: "customerSubdomains", reason: /more than once/ },
  { kind: "customer", what: "retentionDuration unknown enum", inputs: cust({ retentionDuration: "FOREVER" }), property: "retentionDuration", reason: /use one of SIX_MONTHS, ONE_YEAR/ },
  { kind: "customer", what: "authVersion unknown enum", inputs: cust({ authVersion: "AUTH_VERSION_9" }), property: "authVersion", reason: /use one of AUTH_VERSION_1/ },
  { kind: "customer", what: "ssoConfig truncated XML", inputs: cust({ ssoConfig: XML.replace("</md:EntityDescriptor>", "") }), property: "ssoConfig", reason: /not well-formed XML/ },
  { kind: "customer", what: "ssoConfig base64 instead of XML", inputs: cust({ ssoConfig: Buffer.from(XML).toString("base64") }), property: "ssoConfig", reason: /does not start with '<'/ },
  { kind: "customer", what: "ssoConfig wrong root", inputs: cust({ ssoConfig: "<html><body>corpus-canary</body></html>" }), property: "ssoConfig", reason: /expected EntityDescriptor/ },
  { kind: "customer", what: "gcpProject without projects/", inputs: cust({ gcpProject: "my-project" }), property: "gcpProject", reason: /projects\/PROJECT_ID/ },
  { kind: "customer", what: "providerId malformed", inputs: cust({ providerId: "pool/prov" }), property: "providerId", reason: /locations\/global\/workforcePools/ },
  { kind: "customer", what: "adoptExisting a string", inputs: cust({ adoptExisting: "yes" }), property: "adoptExisting", reason: /true or false/ },
  { kind: "customer", what: "snake_case property", inputs: cust({ customer_name: "x" }), property: "customer_name", reason: /Did you mean 'customerName'/ },
  { kind: "customer", what: "unknown property", inputs: cust({ colour: "red" }), property: "colour", reason: /Allowed properties: customerName/ },
  setter("ssoConfig", { ssoConfig: XML })("ssoConfig missing", { ssoConfig: undefined }, "ssoConfig", /ssoConfig is required/),
  setter("ssoConfig", { ssoConfig: XML })("ssoConfig not XML", { ssoConfig: "C:\\idp\\metadata.xml" }, "ssoConfig", /the file's contents, not base64 or a path/),
  setter("ssoConfig", { ssoConfig: XML })("customerSubdomain uppercase", { customerSubdomain: "SOC" }, "customerSubdomain", /not a valid subdomain/),
  setter("ssoConfig", { ssoConfig: XML })("customerCode uppercase", { customerCode: "ACME" }, "customerCode", CODE),
  setter("uiState", { enabled: true })("enabled a string", { enabled: "true" }, "enabled", /true or false/),
  setter("uiState", { enabled: true })("enabled missing", { enabled: undefined }, "enabled", /enabled is required/),
  setter("authVersion", { authVersion: "AUTH_VERSION_2" })("authVersion unknown enum", { authVersion: "V2" }, "authVersion", /use one of AUTH_VERSION_1/),
  setter("authVersion", { authVersion: "AUTH_VERSION_2" })("authVersion a number", { authVersion: 2 }, "authVersion", /must be a string/),
  setter("complianceRequirements", { complianceCertifications: ["COMPLIANCE_CERTIFICATION_PCI_DSS"] })("empty list", { complianceCertifications: [] }, "complianceCertifications", /at least one certification/),
  setter("complianceRequirements", { complianceCertifications: ["COMPLIANCE_CERTIFICATION_PCI_DSS"] })("unknown certification", { complianceCertifications: ["PCI"] }, "complianceCertifications[0]", /look like COMPLIANCE_CERTIFICATION_/),
  setter("complianceRequirements", { complianceCertifications: ["COMPLIANCE_CERTIFICATION_PCI_DSS"] })("a string", { complianceCertifications: "COMPLIANCE_CERTIFICATION_PCI_DSS" }, "complianceCertifications", /must be a list of certifications/),
  setter("workforcePoolProvider", { customerSubdomain: "acme", providerId: "locations/global/workforcePools/pool1/providers/prov1" })("providerId short pool", { providerId: "locations/global/workforcePools/p/providers/prov1" }, "providerId", /locations\/global\/workforcePools\/POOL/),
  setter("workforcePoolProvider", { customerSubdomain: "acme", providerId: "locations/global/workforcePools/pool1/providers/prov1" })("customerSubdomain missing", { customerSubdomain: undefined }, "customerSubdomain", /customerSubdomain is required/),
  setter("gcpProjectLink", { gcpProject: "projects/acme-proj" })("gcpProject uppercase", { gcpProject: "projects/ACME" }, "gcpProject", /projects\/PROJECT_ID/),
  setter("gcpProjectLink", { gcpProject: "projects/acme-proj" })("gcpProject an object", { gcpProject: { id: "acme" } }, "gcpProject", /must be a string, got a object/),
  setter("iamEnablement", { acknowledgeIrreversible: true })("not acknowledged", { acknowledgeIrreversible: false }, "acknowledgeIrreversible", /must be true: EnableIAM/),
  setter("iamEnablement", { acknowledgeIrreversible: true })("acknowledgement missing", { acknowledgeIrreversible: undefined }, "acknowledgeIrreversible", /is required: true or false/),
];

/** Preview's unknown marker in every position of every kind: never judged, never a failure. */
const UNKNOWN_CASES: Array<[string, Record<string, unknown>]> = [
  ["customer", { customerName: UNKNOWN, customerCode: UNKNOWN, customerSubdomains: UNKNOWN, retentionDuration: UNKNOWN, ssoConfig: UNKNOWN, gcpProject: UNKNOWN, providerId: UNKNOWN, authVersion: UNKNOWN, adoptExisting: UNKNOWN, disableUiOnDelete: UNKNOWN, storeCredentials: UNKNOWN }],
  ["customer", cust({ customerSubdomains: [UNKNOWN, "acme-b"] })],
  ["ssoConfig", { customerCode: UNKNOWN, ssoConfig: UNKNOWN, customerSubdomain: UNKNOWN, updateV2Only: UNKNOWN }],
  ["uiState", { customerCode: UNKNOWN, enabled: UNKNOWN }],
  ["authVersion", { customerCode: UNKNOWN, authVersion: UNKNOWN }],
  ["complianceRequirements", { customerCode: UNKNOWN, complianceCertifications: UNKNOWN }],
  ["complianceRequirements", { customerCode: "acme", complianceCertifications: [UNKNOWN, "COMPLIANCE_CERTIFICATION_PCI_DSS"] }],
  ["workforcePoolProvider", { customerCode: UNKNOWN, customerSubdomain: UNKNOWN, providerId: UNKNOWN }],
  ["gcpProjectLink", { customerCode: UNKNOWN, gcpProject: UNKNOWN }],
  ["iamEnablement", { customerCode: UNKNOWN, acknowledgeIrreversible: UNKNOWN }],
];

let h: ProviderHarness;
before(async () => {
  h = await startProviderHarness();
});
after(() => h.close());

for (const c of CORPUS) {
  test(`${c.kind}: ${c.what} is refused naming ${c.property}`, async () => {
    const inputs = Object.fromEntries(Object.entries(c.inputs).filter(([, v]) => v !== undefined));
    const failures = await checkedFailures(h, c.kind, inputs);
    const hit = failures.find((f) => f.property === c.property);
    assert.ok(hit, `no failure for ${c.property}: ${JSON.stringify(failures)}`);
    assert.match(hit.reason, c.reason);
    assert.ok(failures.every((f) => !f.reason.includes("corpus-canary")), "an SSO document is echoed");
    assertNoApiCall(h);
  });
}

for (const [kind, inputs] of UNKNOWN_CASES) {
  test(`${kind}: unknown preview values (${Object.keys(inputs).length} properties) pass check`, async () => {
    assert.deepEqual(await checkedFailures(h, kind, inputs), []);
    assertNoApiCall(h);
  });
}

test("every property of every kind is refused with a wrong type (number for strings and booleans, string for lists)", async () => {
  const { KINDS } = await import("./input/kinds");
  let cases = 0;
  for (const [kind, props] of Object.entries(KINDS)) {
    for (const prop of Object.keys(props)) {
      const wrong = ["customerSubdomains", "complianceCertifications"].includes(prop) ? "not-a-list" : 7;
      const base = kind === "customer" ? cust({}) : { customerCode: "acme" };
      const failures = await checkedFailures(h, kind, { ...base, [prop]: wrong });
      assert.ok(failures.some((f) => f.property === prop), `${kind}.${prop} = ${JSON.stringify(wrong)} was accepted`);
      cases++;
    }
  }
  assert.equal(cases, 28, "11 customer properties and 17 of the seven other kinds");
  assertNoApiCall(h);
});
