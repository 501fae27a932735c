/**
 * An engine program for the fault matrix, load and secrets tests: customers
 * with every resource of the package (or a chosen subset), and the four
 * read-only functions, so that every one of the 13 API methods is called by a
 * real `pulumi up`. Copied into the scratch project by test/support/engine.ts.
 */
import * as chronicle from "pulumi-chronicle-partner";

type Part = "sso" | "ui" | "auth" | "compliance" | "wfpp" | "gcp" | "iam";
const ALL_PARTS: Part[] = ["sso", "ui", "auth", "compliance", "wfpp", "gcp", "iam"];

interface FleetArgs {
  codes: string[];
  /** Which resources hang off each customer; all of them by default. */
  parts?: Part[];
  /** The SSO XML of each customer, by code (secret: it never appears in state in plaintext). */
  sso: Record<string, string>;
  /** Calls the four functions against the last customer. */
  functions?: boolean;
}

function declare(code: string, parts: Part[], ssoXml: string) {
  const customer = new chronicle.ChronicleCustomer(code, { customerName: `Customer ${code}`, customerCode: code, customerSubdomains: [code] });
  const opts = { parent: customer };
  const customerCode = customer.customerCode;
  const has = (p: Part) => parts.includes(p);
  if (has("sso")) new chronicle.ChronicleSsoConfig(`${code}-sso`, { customerCode, ssoConfig: ssoXml, customerSubdomain: code }, opts);
  if (has("ui")) new chronicle.ChronicleUiState(`${code}-ui`, { customerCode, enabled: true }, opts);
  if (has("auth")) new chronicle.ChronicleAuthVersion(`${code}-auth`, { customerCode, authVersion: "AUTH_VERSION_2" }, opts);
  if (has("compliance")) new chronicle.ChronicleComplianceRequirements(`${code}-compliance`, { customerCode, complianceCertifications: ["COMPLIANCE_CERTIFICATION_PCI_DSS"] }, opts);
  if (has("wfpp")) new chronicle.ChronicleWorkforcePoolProvider(`${code}-wfpp`, { customerCode, customerSubdomain: code, providerId: `locations/global/workforcePools/${code}-pool/providers/${code}-idp` }, opts);
  if (has("gcp")) new chronicle.ChronicleGcpProjectLink(`${code}-gcp`, { customerCode, gcpProject: `projects/${code}-secops` }, opts);
  if (has("iam")) new chronicle.ChronicleIamEnablement(`${code}-iam`, { customerCode, acknowledgeIrreversible: true }, opts);
  return customer;
}

export = (args: FleetArgs) => {
  const customers = args.codes.map((code) => declare(code, args.parts ?? ALL_PARTS, args.sso[code]));
  const last = customers[customers.length - 1];
  const outputs: Record<string, unknown> = { codes: customers.map((c) => c.customerCode) };
  if (args.functions && last) {
    const code = last.customerCode;
    outputs.listed = chronicle.listCustomersOutput().apply((r) => r.customers.length);
    outputs.forwarders = chronicle.getCustomerForwarderConfigsOutput({ customerCode: code }).apply((f) => f.forwarderConfigs.length);
    outputs.idpMetadata = chronicle.generateIdpMetadataOutput({ customerSubdomain: code }).apply((m) => m.metadata.length);
    outputs.migrations = chronicle.generateIamMigrationCommandsOutput({ customerCode: code }).apply((m) => m.migrations.length);
  }
  return outputs;
};
