// The short examples of docs/reference.md, as one program: the reference quotes
// each section verbatim, and test/docs/snippets.test.ts runs it on the real engine.
import * as fs from "node:fs";
import * as path from "node:path";
import * as chronicle from "pulumi-chronicle-partner";

// ChronicleCustomer
const globex = new chronicle.ChronicleCustomer("globex", {
    customerName: "Globex",
    customerCode: "globex",
    customerSubdomains: ["globex", "globex-eu"],
    retentionDuration: "SIX_MONTHS",
    disableUiOnDelete: true,
}, { protect: false });

// ChronicleSsoConfig
const sso = new chronicle.ChronicleSsoConfig("globex-sso", {
    customerCode: globex.customerCode,
    ssoConfig: fs.readFileSync(path.join(__dirname, "idp-metadata.xml"), "utf8"),
    customerSubdomain: "globex",
    updateV2Only: true,
});

// ChronicleUiState
new chronicle.ChronicleUiState("globex-ui", { customerCode: globex.customerCode, enabled: true }, { dependsOn: sso });

// ChronicleAuthVersion
new chronicle.ChronicleAuthVersion("globex-auth", { customerCode: globex.customerCode, authVersion: "AUTH_VERSION_3" });

// ChronicleComplianceRequirements
new chronicle.ChronicleComplianceRequirements("globex-compliance", {
    customerCode: globex.customerCode,
    complianceCertifications: ["COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE", "COMPLIANCE_CERTIFICATION_PCI_DSS"],
});

// ChronicleWorkforcePoolProvider
new chronicle.ChronicleWorkforcePoolProvider("globex-eu-wif", {
    customerCode: globex.customerCode,
    customerSubdomain: "globex-eu",
    providerId: "locations/global/workforcePools/globex-pool/providers/globex-entra",
});

// ChronicleGcpProjectLink
new chronicle.ChronicleGcpProjectLink("globex-project", { customerCode: globex.customerCode, gcpProject: "projects/globex-secops" });

// generateIamMigrationCommands, then ChronicleIamEnablement
export const iamMigration = chronicle.generateIamMigrationCommandsOutput({ customerCode: globex.customerCode });
new chronicle.ChronicleIamEnablement("globex-iam", {
    customerCode: globex.customerCode,
    acknowledgeIrreversible: true,
}, { dependsOn: sso });

// getCustomerOutput
export const globexForwarders = chronicle.getCustomerOutput({ customerCode: globex.customerCode }).apply((c) => c.forwarders);

// listCustomersOutput
export const customerCount = chronicle.listCustomersOutput().apply((r) => r.customers.length);

// getCustomerForwarderConfigsOutput
export const forwarderConfigs = chronicle.getCustomerForwarderConfigsOutput({ customerCode: globex.customerCode });

// generateIdpMetadataOutput
export const serviceProviderMetadata = chronicle.generateIdpMetadataOutput({
    customerSubdomain: globex.customerSubdomains.apply((s) => s[0]),
}).metadata;
