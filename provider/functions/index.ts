import * as pulumi from "@pulumi/pulumi";
import { Customer, ForwarderConfig, IamMigration, PartnerApi } from "../client/models";
import { resolveSettings, sharedClient } from "../client";
import { withRerunNote } from "../runtime/rerun";

/**
 * Read-only calls for programs. They run in the program process (not the
 * provider), so they read the same `chronicle:` stack config themselves.
 * Each comes in promise form and in Output form; the Output form of anything
 * carrying credentials or forwarder configs is secret.
 */
function programClient(): PartnerApi {
  return rerunNoted(sharedClient(resolveSettings(pulumi.runtime.allConfig(), process.env)));
}

/** The client, with transient failures saying that a rerun is safe (these calls only read or compute). */
function rerunNoted(api: PartnerApi): PartnerApi {
  return new Proxy(api, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch((err: unknown) => {
        throw withRerunNote(err);
      });
    },
  });
}

export interface GetCustomerArgs {
  customerCode: string;
}

export interface CustomerResult {
  customerCode: string;
  customerName: string;
  /** The response `id`: the Chronicle instance id. */
  instanceId: string;
  customerId: string;
  forwarders: string[];
  customerSubdomains: string[];
  retentionDuration?: string;
  ssoState: string;
  ssoCreateTime: string;
  ssoDeployTime: string;
  credentials: { id: string; credentialType: string; credential: string }[];
  credentialsByType: Record<string, string>;
}

function customerResult(c: Customer): CustomerResult {
  return {
    customerCode: c.customerCode,
    customerName: c.customerName,
    instanceId: c.id,
    customerId: c.customerId,
    forwarders: c.forwarders,
    customerSubdomains: c.customerSubdomains,
    ...(c.retentionDuration ? { retentionDuration: c.retentionDuration } : {}),
    ssoState: c.ssoConfig?.state ?? "",
    ssoCreateTime: c.ssoConfig?.createTime ?? "",
    ssoDeployTime: c.ssoConfig?.deployTime ?? "",
    credentials: c.credentials.map(({ id, credentialType, credential }) => ({ id, credentialType, credential })),
    credentialsByType: Object.fromEntries(c.credentials.map((x) => [x.credentialType, x.credential])),
  };
}

/** GetCustomer. The result holds live credentials: prefer `getCustomerOutput`, which is secret. */
export async function getCustomer(args: GetCustomerArgs): Promise<CustomerResult> {
  return customerResult(await programClient().getCustomer(args.customerCode));
}

export function getCustomerOutput(args: { customerCode: pulumi.Input<string> }): pulumi.Output<CustomerResult> {
  return pulumi.secret(pulumi.output(args.customerCode).apply((customerCode) => getCustomer({ customerCode })));
}

/** ListCustomers: every customer of the partner, credentials included. */
export async function listCustomers(): Promise<{ customers: CustomerResult[] }> {
  return { customers: (await programClient().listCustomers()).map(customerResult) };
}

export function listCustomersOutput(): pulumi.Output<{ customers: CustomerResult[] }> {
  return pulumi.secret(pulumi.output(listCustomers()));
}

export interface ForwarderConfigsResult {
  /** The forwarder whose configs these are: the customer's first active forwarder. */
  id: string;
  /** Each config decoded from base64 to the text the forwarder reads. */
  forwarderConfigs: ForwarderConfig[];
}

/** GetCustomerForwarderConfigs, decoded. The configs carry ingestion secrets: prefer the Output form. */
export async function getCustomerForwarderConfigs(args: GetCustomerArgs): Promise<ForwarderConfigsResult> {
  const res = await programClient().getCustomerForwarderConfigs(args.customerCode);
  return {
    id: res.id,
    forwarderConfigs: res.forwarderConfigs.map((f) => ({ platform: f.platform, config: Buffer.from(f.config, "base64").toString("utf8") })),
  };
}

export function getCustomerForwarderConfigsOutput(args: { customerCode: pulumi.Input<string> }): pulumi.Output<ForwarderConfigsResult> {
  return pulumi.secret(pulumi.output(args.customerCode).apply((customerCode) => getCustomerForwarderConfigs({ customerCode })));
}

/** GenerateIdPMetadata: the SAML service-provider metadata XML to hand to the customer's IdP. */
export async function generateIdpMetadata(args: { customerSubdomain: string }): Promise<{ metadata: string }> {
  return programClient().generateIdpMetadata(args.customerSubdomain);
}

export function generateIdpMetadataOutput(args: { customerSubdomain: pulumi.Input<string> }): pulumi.Output<{ metadata: string }> {
  return pulumi.output(args.customerSubdomain).apply((customerSubdomain) => generateIdpMetadata({ customerSubdomain }));
}

/** GenerateIamMigrationCommands: the commands to run before `ChronicleIamEnablement`. */
export async function generateIamMigrationCommands(args: GetCustomerArgs): Promise<{ migrations: IamMigration[] }> {
  return programClient().generateIamMigrationCommands(args.customerCode);
}

export function generateIamMigrationCommandsOutput(args: { customerCode: pulumi.Input<string> }): pulumi.Output<{ migrations: IamMigration[] }> {
  return pulumi.output(args.customerCode).apply((customerCode) => generateIamMigrationCommands({ customerCode }));
}
