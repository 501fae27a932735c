import * as pulumi from "@pulumi/pulumi";
import { ChronicleCustomer } from "pulumi-chronicle-partner";

const config = new pulumi.Config();
const code = config.get("customerCode") ?? "acme";

const customer = new ChronicleCustomer(code, {
    customerName: config.get("customerName") ?? "Acme Corporation",
    customerCode: code,
    customerSubdomains: [code],
    retentionDuration: "ONE_YEAR",
}, {
    // The partner API cannot delete a customer: `pulumi destroy` only releases it
    // from the stack. Protect real tenants so nobody releases one by accident.
    protect: config.getBoolean("protect") ?? false,
});

export const instanceId = customer.instanceId;
export const url = `https://${code}.backstory.chronicle.security`;
// Secret: read it with `pulumi stack output ingestionCredential --show-secrets`.
export const ingestionCredential = customer.credentialsByType.apply((c) => c["INGESTION_API"]);
