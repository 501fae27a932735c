/**
 * Declares one of every resource of the package for one customer. Copied into
 * the end-to-end scratch project, where "pulumi-chronicle-partner" is the
 * packed package as a user installs it.
 */
import * as chronicle from "pulumi-chronicle-partner";

export = (args: { code?: string; ssoConfig: string }) => {
  const code = args.code ?? "allres";
  const customer = new chronicle.ChronicleCustomer("customer", { customerName: "All Resources", customerCode: code, customerSubdomains: [code] });
  const opts = { parent: customer };
  const customerCode = customer.customerCode;
  new chronicle.ChronicleSsoConfig("sso", { customerCode, ssoConfig: args.ssoConfig, customerSubdomain: code }, opts);
  new chronicle.ChronicleUiState("ui", { customerCode, enabled: true }, opts);
  new chronicle.ChronicleAuthVersion("auth", { customerCode, authVersion: "AUTH_VERSION_2" }, opts);
  new chronicle.ChronicleComplianceRequirements("compliance", { customerCode, complianceCertifications: ["COMPLIANCE_CERTIFICATION_PCI_DSS"] }, opts);
  new chronicle.ChronicleWorkforcePoolProvider("wfpp", { customerCode, customerSubdomain: code, providerId: "locations/global/workforcePools/allres-pool/providers/allres-idp" }, opts);
  new chronicle.ChronicleGcpProjectLink("gcp", { customerCode, gcpProject: "projects/allres-secops" }, opts);
  new chronicle.ChronicleIamEnablement("iam", { customerCode, acknowledgeIrreversible: true }, opts);
  const forwarders = chronicle.getCustomerForwarderConfigsOutput({ customerCode });
  return {
    instanceId: customer.instanceId,
    ingestionCredential: customer.credentialsByType.apply((c) => c["INGESTION_API"]),
    forwarderPlatforms: forwarders.apply((f) => f.forwarderConfigs.map((c) => c.platform)),
    forwarderConfigs: forwarders,
  };
};
