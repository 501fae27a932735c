/** Server-generated material: ids, issued credentials, forwarder configs, SAML metadata, IAM commands. */
import { generateKeyPairSync, randomBytes, randomUUID } from "crypto";
import type { CredentialState } from "./types";

export const CREDENTIAL_TYPES = ["BACKSTORY_API", "INGESTION_API", "BIGQUERY_API"];

let issuerPem: string | undefined;

/** RSA generation costs ~100 ms: one key per process, shared by all issued credentials, keeps create fast. */
function issuerPrivateKeyPem(): string {
  issuerPem ??= generateKeyPairSync("rsa", { modulusLength: 2048 })
    .privateKey.export({ type: "pkcs8", format: "pem" })
    .toString();
  return issuerPem;
}

export function newCustomerId(): string {
  return randomBytes(16).toString("base64");
}

function issuedKeyJson(customerCode: string, type: string): string {
  const projectId = `chronicle-${customerCode}`.slice(0, 30);
  const clientEmail = `${type.toLowerCase().replace(/_/g, "-")}-${randomBytes(3).toString("hex")}@${projectId}.iam.gserviceaccount.com`;
  return JSON.stringify({
    type: "service_account",
    project_id: projectId,
    private_key_id: randomBytes(20).toString("hex"),
    private_key: issuerPrivateKeyPem(),
    client_email: clientEmail,
    client_id: String(BigInt(`0x${randomBytes(8).toString("hex")}`)),
    auth_uri: "https://accounts.google.com/o/oauth2/auth",
    token_uri: "https://oauth2.googleapis.com/token",
  });
}

export function newCredentials(customerCode: string): CredentialState[] {
  return CREDENTIAL_TYPES.map((credentialType) => ({
    id: randomUUID(),
    credentialType,
    credential: Buffer.from(issuedKeyJson(customerCode, credentialType)).toString("base64"),
  }));
}

function ingestionSecret(credentials: CredentialState[]): string {
  const cred = credentials.find((c) => c.credentialType === "INGESTION_API");
  return cred ? Buffer.from(cred.credential, "base64").toString("utf8") : "{}";
}

function forwarderYaml(customerId: string, secret: string, platform: string): string {
  const indented = secret.split("\n").map((l) => `      ${l}`).join("\n");
  const dir = platform === "WINDOWS" ? "C:\\\\ProgramData\\\\chronicle" : "/opt/chronicle";
  return [
    "output:",
    "  url: malachiteingestion-pa.googleapis.com:443",
    "  identity:",
    "    collector_id: " + randomUUID(),
    `    customer_id: ${customerId}`,
    "    secret_key: |",
    indented,
    `  buffer_dir: ${dir}`,
    "collectors: []",
    "",
  ].join("\n");
}

export function forwarderConfigs(customerId: string, credentials: CredentialState[]): { platform: string; config: string }[] {
  const secret = ingestionSecret(credentials);
  return ["UNIX", "WINDOWS"].map((platform) => ({
    platform,
    config: Buffer.from(forwarderYaml(customerId, secret, platform)).toString("base64"),
  }));
}

/** SAML SP metadata the customer's IdP needs for the tenant's login endpoint. */
export function idpMetadata(subdomain: string): string {
  const base = `https://${subdomain}.backstory.chronicle.security`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${base}">`,
    `  <md:SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">`,
    `    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>`,
    `    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${base}/acs" index="0" isDefault="true"/>`,
    `  </md:SPSSODescriptor>`,
    `</md:EntityDescriptor>`,
  ].join("\n");
}

export function iamMigrationCommands(
  customerCode: string,
  subdomains: string[],
  gcpProject: string | undefined,
): { frontendPath: string; commands: string[] }[] {
  const project = gcpProject?.replace(/^projects\//, "") ?? `PROJECT_OF_${customerCode.toUpperCase().replace(/-/g, "_")}`;
  return subdomains.map((sub) => ({
    frontendPath: sub,
    commands: [
      `gcloud projects add-iam-policy-binding ${project} --member="group:${sub}-admins@example.com" --role="roles/chronicle.admin"`,
      `gcloud projects add-iam-policy-binding ${project} --member="group:${sub}-viewers@example.com" --role="roles/chronicle.viewer"`,
    ],
  }));
}
