import * as pulumi from "@pulumi/pulumi";
import { Customer, RetentionDuration, AuthVersion } from "../../client/models";
import { apiClient } from "../../runtime/context";
import { warn } from "../../runtime/log";
import { InputChecker, isUnknown } from "../common/validation";
import { changedProps, definedOnly, diffInputs, pickInputs, sameValue } from "../common/diff";
import { isAlreadyExists, isAmbiguous, isNotFound, messageOf, partialCreate } from "../common/errors";
import { Lifecycle } from "../common/lifecycle";
import { decodeSsoXml } from "../common/sso";
import { notePlannedCreate } from "./quota";

export interface CustomerInputs {
  customerName: string;
  customerCode: string;
  customerSubdomains: string[];
  retentionDuration: RetentionDuration;
  ssoConfig?: string;
  gcpProject?: string;
  providerId?: string;
  authVersion?: AuthVersion;
  adoptExisting: boolean;
  disableUiOnDelete: boolean;
  storeCredentials: boolean;
}

export interface CustomerCredentialOutput {
  id: string;
  credentialType: string;
  credential?: string;
}

export interface CustomerOutputs extends CustomerInputs {
  instanceId: string;
  customerId: string;
  forwarders: string[];
  ssoState: string;
  ssoCreateTime: string;
  ssoDeployTime: string;
  credentials: CustomerCredentialOutput[];
  credentialsByType: Record<string, string>;
}

export const INPUTS = [
  "customerName", "customerCode", "customerSubdomains", "retentionDuration", "ssoConfig", "gcpProject",
  "providerId", "authVersion", "adoptExisting", "disableUiOnDelete", "storeCredentials",
] as const;

/** Fixed at creation: the partner API has no call that changes them (or, for the last three, another resource does). */
const IMMUTABLE: Record<string, string> = {
  customerName: "the partner API cannot rename a customer",
  customerSubdomains: "the partner API cannot change a customer's subdomains",
  retentionDuration: "the partner API cannot change a customer's retention after creation",
  gcpProject: "it is only used at creation; to link another project declare a ChronicleGcpProjectLink",
  providerId: "it is only used at creation; to change it declare a ChronicleWorkforcePoolProvider",
  authVersion: "it is only used at creation; to change it declare a ChronicleAuthVersion",
};

export const SECRET_OUTPUTS = ["credentials", "credentialsByType"];

const DEFAULTS = { retentionDuration: "ONE_YEAR", adoptExisting: false, disableUiOnDelete: false, storeCredentials: true };

function immutableRefusal(prop: string, old: unknown): string {
  return (
    `${prop} cannot be changed on an existing customer: ${IMMUTABLE[prop]}. ` +
    `Set ${prop} back to ${JSON.stringify(old ?? null)}, or give the customer a new customerCode to create a new customer ` +
    `(the old one is released from the stack, not deleted).`
  );
}

async function check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
  const c = new InputChecker(news, INPUTS);
  c.customerCode();
  c.nonEmptyString("customerName");
  c.subdomainList("customerSubdomains");
  c.retentionDuration();
  c.samlMetadata("ssoConfig", false);
  c.gcpProject("gcpProject", false);
  c.providerId("providerId", false);
  c.authVersion();
  c.boolean("adoptExisting");
  c.boolean("disableUiOnDelete");
  c.boolean("storeCredentials");
  const inputs = { ...news };
  for (const [k, v] of Object.entries(DEFAULTS)) if (inputs[k] === undefined) inputs[k] = v;

  const sameCustomer = olds.customerCode !== undefined && !isUnknown(inputs.customerCode) && olds.customerCode === inputs.customerCode;
  // A new resource, or a new code (a replacement), means one CreateCustomer: counted against the daily budget.
  const code = isUnknown(inputs.customerCode) ? undefined : String(inputs.customerCode);
  const plansCreate = olds.customerCode === undefined || (code !== undefined && olds.customerCode !== code);
  if (plansCreate && c.failures.length === 0) await notePlannedCreate(code);
  if (sameCustomer) {
    for (const prop of Object.keys(IMMUTABLE)) {
      if (!isUnknown(inputs[prop]) && !sameValue(olds[prop], inputs[prop])) c.fail(prop, immutableRefusal(prop, olds[prop]));
    }
  }
  return { inputs, failures: c.failures };
}

async function diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.DiffResult> {
  const result = diffInputs(olds, news, INPUTS, ["customerCode"]);
  // A create that never confirmed leaves no instance id: update finishes it.
  if (!olds.instanceId && !result.replaces?.length) return { ...result, changes: true };
  return result;
}

function outputs(inputs: CustomerInputs, customer: Customer, ssoConfig = inputs.ssoConfig): CustomerOutputs {
  const credentials = customer.credentials.map((c) =>
    inputs.storeCredentials ? { id: c.id, credentialType: c.credentialType, credential: c.credential } : { id: c.id, credentialType: c.credentialType },
  );
  const byType = inputs.storeCredentials ? Object.fromEntries(customer.credentials.map((c) => [c.credentialType, c.credential])) : {};
  return definedOnly({
    ...inputs,
    customerName: customer.customerName,
    customerSubdomains: customer.customerSubdomains,
    retentionDuration: (customer.retentionDuration as RetentionDuration | undefined) ?? inputs.retentionDuration,
    ssoConfig,
    instanceId: customer.id,
    customerId: customer.customerId,
    forwarders: customer.forwarders,
    ssoState: customer.ssoConfig?.state ?? "",
    ssoCreateTime: customer.ssoConfig?.createTime ?? "",
    ssoDeployTime: customer.ssoConfig?.deployTime ?? "",
    credentials,
    credentialsByType: byType,
  });
}

/** What a live customer says about the fields the user declared; only fields it reports are compared. */
function liveDifferences(inputs: CustomerInputs, customer: Customer): string[] {
  const diffs: string[] = [];
  if (customer.customerName !== inputs.customerName) diffs.push(`customerName is ${JSON.stringify(customer.customerName)}`);
  if (!sameValue(customer.customerSubdomains, inputs.customerSubdomains)) diffs.push(`customerSubdomains is ${JSON.stringify(customer.customerSubdomains)}`);
  if (customer.retentionDuration && customer.retentionDuration !== inputs.retentionDuration) diffs.push(`retentionDuration is ${customer.retentionDuration}`);
  return diffs;
}

/** Takes over a customer that already exists, after making sure the declared fixed fields match it. */
async function adopt(inputs: CustomerInputs, customer: Customer, why: string): Promise<pulumi.dynamic.CreateResult> {
  const diffs = liveDifferences(inputs, customer);
  if (diffs.length > 0) {
    throw new Error(
      `Customer "${inputs.customerCode}" already exists and differs from this stack's inputs: ${diffs.join("; ")}. ` +
        `These cannot be changed through the partner API, so nothing was adopted. Set the inputs to the live values and run again.`,
    );
  }
  let live = customer;
  const liveXml = decodeSsoXml(customer.ssoConfig?.config);
  if (inputs.ssoConfig && liveXml !== inputs.ssoConfig) {
    const sso = await apiClient().updateSsoConfig({ customerCode: inputs.customerCode, ssoConfigXml: inputs.ssoConfig });
    live = { ...customer, ssoConfig: sso };
  }
  await warn(`Customer "${inputs.customerCode}" already existed and was adopted by this stack (${why}). Nothing about it was recreated.`);
  return { id: inputs.customerCode, outs: outputs(inputs, live) };
}

function alreadyExists(code: string): Error {
  return new Error(
    `A customer with code "${code}" already exists for this partner. To manage it with this stack, set adoptExisting: true ` +
      `(the partner API has no import: adoption takes the customer over and changes nothing that cannot be changed). ` +
      `If an earlier, interrupted run of this stack created it, adopting it is safe.`,
  );
}

async function createCustomer(inputs: CustomerInputs, recovering: boolean): Promise<pulumi.dynamic.CreateResult> {
  const api = apiClient();
  const code = inputs.customerCode;
  const existing = await api.findCustomer(code);
  if (existing) {
    if (recovering) return adopt(inputs, existing, "an earlier run's CreateCustomer had not confirmed");
    if (inputs.adoptExisting) return adopt(inputs, existing, "adoptExisting is set");
    throw alreadyExists(code);
  }
  try {
    const customer = await api.createCustomer({
      customerName: inputs.customerName,
      customerCode: code,
      customerSubdomains: inputs.customerSubdomains,
      ssoConfigXml: inputs.ssoConfig,
      retentionDuration: inputs.retentionDuration,
      gcpProject: inputs.gcpProject,
      providerId: inputs.providerId,
      authVersion: inputs.authVersion,
    });
    return { id: code, outs: outputs(inputs, customer) };
  } catch (err) {
    // Ambiguity first: a conflict the client could not resolve after its own unanswered
    // attempt (outcomeUnknown) may be our own create still provisioning.
    if (isAmbiguous(err)) {
      throw partialCreate(code, { ...inputs }, `CreateCustomer for "${code}" did not confirm: ${messageOf(err)} ` +
        `The customer may or may not exist. Running \`pulumi up\` again is safe: it looks the customer up by its code and finishes without creating a duplicate.`);
    }
    // The client already recognises its own unanswered attempts; a plain conflict that reaches us
    // means someone else created the code since our lookup (another stack, the console), or,
    // when recovering, that an earlier run's create finished provisioning meanwhile.
    if (isAlreadyExists(err)) {
      if (recovering) return adopt(inputs, await api.getCustomer(code), "an earlier run's CreateCustomer finished meanwhile");
      if (inputs.adoptExisting) return adopt(inputs, await api.getCustomer(code), "adoptExisting is set");
      throw alreadyExists(code);
    }
    throw err;
  }
}

async function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
  return createCustomer(inputs as unknown as CustomerInputs, false);
}

async function read(id: string, props: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
  const customer = await apiClient().findCustomer(id);
  if (!customer) return {};
  const inputs = { ...DEFAULTS, ...pickInputs(props, INPUTS) } as unknown as CustomerInputs;
  // SSO drift is this resource's business only when it declares the SSO config;
  // otherwise a ChronicleSsoConfig (or nobody) manages it.
  const liveXml = inputs.ssoConfig === undefined ? undefined : decodeSsoXml(customer.ssoConfig?.config);
  return { id, props: outputs(inputs, customer, liveXml ?? inputs.ssoConfig) };
}

async function update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult> {
  const inputs = news as unknown as CustomerInputs;
  if (!olds.instanceId) return { outs: (await createCustomer(inputs, true)).outs };
  const drifted = changedProps(olds, news, Object.keys(IMMUTABLE)).filter((p) => olds[p] !== undefined || news[p] !== undefined);
  if (drifted.length > 0) {
    const live = drifted.map((p) => `${p} is ${JSON.stringify(olds[p] ?? null)}`).join("; ");
    throw new Error(`Customer "${id}" differs from this stack's inputs in fields the partner API cannot change (${live}). Set the inputs to the live values.`);
  }
  const api = apiClient();
  let customer: Customer | undefined;
  let sso = { state: olds.ssoState, createTime: olds.ssoCreateTime, deployTime: olds.ssoDeployTime };
  if (inputs.ssoConfig !== undefined && inputs.ssoConfig !== olds.ssoConfig) {
    const updated = await api.updateSsoConfig({ customerCode: id, ssoConfigXml: inputs.ssoConfig });
    sso = { state: updated.state, createTime: updated.createTime, deployTime: updated.deployTime };
  } else if (inputs.ssoConfig === undefined && olds.ssoConfig !== undefined) {
    await warn(`ssoConfig was removed from customer "${id}": the partner API cannot remove an SSO configuration, so it stays as it is.`);
  }
  if (inputs.storeCredentials && !olds.storeCredentials) customer = await api.getCustomer(id);
  if (customer) return { outs: outputs(inputs, customer) };
  const previous = olds as unknown as CustomerOutputs;
  const credentials = inputs.storeCredentials ? previous.credentials : previous.credentials.map(({ id: cid, credentialType }) => ({ id: cid, credentialType }));
  return {
    outs: definedOnly({
      ...previous,
      ...inputs,
      ssoState: sso.state, ssoCreateTime: sso.createTime, ssoDeployTime: sso.deployTime,
      credentials,
      credentialsByType: inputs.storeCredentials ? previous.credentialsByType : {},
    }),
  };
}

async function remove(id: string, props: Record<string, unknown>): Promise<void> {
  let uiNote = "";
  if (props.disableUiOnDelete === true) {
    try {
      await apiClient().setUiState(id, false);
      uiNote = " Its web UI was switched off (disableUiOnDelete).";
    } catch (err) {
      if (!isNotFound(err)) throw err;
      uiNote = " It could not be found to switch its web UI off.";
    }
  }
  await warn(
    `Customer "${id}" was released from this stack but still exists in Chronicle: the partner API cannot delete customers.${uiNote} ` +
      `Offboarding goes through Google support; to manage it again, declare it with adoptExisting: true.`,
  );
}

export const customerLifecycle: Lifecycle = { check, diff, create, read, update, delete: remove };
