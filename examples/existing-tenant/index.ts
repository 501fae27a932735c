import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { ChronicleCustomer, ChronicleSsoConfig, ChronicleUiState, generateIdpMetadataOutput } from "pulumi-chronicle-partner";

const config = new pulumi.Config();
const customerCode = config.require("customerCode");
const subdomains = config.requireObject<string[]>("customerSubdomains");

// The tenant was created before this stack (by a script, the console, or Google).
// Dynamic resources cannot be `pulumi import`ed: adoptExisting takes the customer
// over instead, after checking that its name and subdomains match the live ones.
const customer = new ChronicleCustomer(customerCode, {
    customerName: config.require("customerName"),
    customerCode,
    customerSubdomains: subdomains,
    adoptExisting: true,
}, { protect: config.getBoolean("protect") ?? false });

// Step 1: the service-provider metadata the customer's IdP administrator needs.
export const serviceProviderMetadata = generateIdpMetadataOutput({ customerSubdomain: subdomains[0] }).metadata;

// Step 2: the IdP metadata they send back. Replacing the file rotates it in place (UpdateSSOConfig).
const sso = new ChronicleSsoConfig(`${customerCode}-sso`, {
    customerCode: customer.customerCode,
    ssoConfig: fs.readFileSync(path.resolve(__dirname, config.require("ssoMetadataFile")), "utf8"),
    // Google recommends updating only the AUTH_VERSION_2 configuration while migrating from version 1.
    updateV2Only: true,
}, { parent: customer });

// Step 3: the web UI, switched on once SSO works; `uiEnabled: false` switches it off again.
new ChronicleUiState(`${customerCode}-ui`, {
    customerCode: customer.customerCode,
    enabled: config.requireBoolean("uiEnabled"),
}, { parent: customer, dependsOn: sso });

export const ssoState = sso.ssoState;
export const instanceId = customer.instanceId;
