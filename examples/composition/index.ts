import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { ChronicleCustomer } from "pulumi-chronicle-partner";
import { SecretFile } from "./secretFile";

const config = new pulumi.Config();

// A proof-of-concept tenant per prospect. A customer code can never be reused for
// another customer, so each one gets a random suffix that stays fixed in the state.
const suffix = new random.RandomString("code-suffix", { length: 6, upper: false, special: false });
const customerCode = pulumi.interpolate`poc-${suffix.result}`;

const customer = new ChronicleCustomer("poc", {
    customerName: config.get("customerName") ?? "Proof of concept",
    customerCode,
    customerSubdomains: [customerCode],
    retentionDuration: "SIX_MONTHS",
});

// The customer's credentials are secret outputs: anything derived from them stays secret.
const ingestionKey = customer.credentialsByType.apply((byType) => Buffer.from(byType["INGESTION_API"], "base64").toString("utf8"));

// The forwarder on this host reads its ingestion key from disk.
const keyFile = new SecretFile("ingestion-key", {
    path: config.get("keyFile") ?? "ingestion-key.json",
    content: ingestionKey,
});

export { customerCode };
export const instanceId = customer.instanceId;
export const ingestionKeyFile = keyFile.path;
export const ingestionServiceAccount = ingestionKey.apply((key) => JSON.parse(key).client_email as string);
