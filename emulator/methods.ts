/** The partner API's methods over the store. HTTP concerns (auth, faults, quotas, spelling) live in server.ts. */
import { randomUUID } from "crypto";
import { alreadyExists, invalidArgument, notFound } from "./errors";
import { forwarderConfigs, iamMigrationCommands, idpMetadata, newCredentials, newCustomerId } from "./generate";
import type { Store } from "./store";
import type { EmulatorCustomer, SsoConfigState } from "./types";
import * as v from "./validation";
import type { Json } from "./wire";

export interface MethodContext {
  store: Store;
  partner: string;
  input: Record<string, unknown>;
  createDelayMs: number;
}

/**
 * `verbatim` bodies skip key re-spelling: the docs show SetAuthVersion, SetComplianceRequirements,
 * SetUIState and SetWorkforcePoolProvider answering in lowerCamelCase even where the rest is snake_case.
 */
export interface Reply {
  body: Json;
  verbatim?: boolean;
}

export function customerToWire(c: EmulatorCustomer): Json {
  return {
    id: c.id,
    customerId: c.customerId,
    customerCode: c.customerCode,
    customerName: c.customerName,
    forwarders: [...c.forwarders],
    customerSubdomains: [...c.customerSubdomains],
    retentionDuration: c.retentionDuration,
    ssoConfig: { ...c.ssoConfig },
    credentials: c.credentials.map((cr) => ({ ...cr })),
  };
}

function owned(ctx: MethodContext, field = "customerCode"): EmulatorCustomer {
  const code = v.customerCode(ctx.input[field]);
  const c = ctx.store.find(ctx.partner, code);
  if (!c) throw notFound(`Customer with customer_code "${code}"`);
  return c;
}

function ssoState(config: string | undefined, now: string): SsoConfigState {
  return config
    ? { createTime: now, deployTime: now, state: "DEPLOYED", config }
    : { createTime: "", deployTime: "", state: "NOT_CONFIGURED", config: "" };
}

function checkConflicts(store: Store, partner: string, code: string, subdomains: string[]): void {
  if (store.find(partner, code)) throw alreadyExists(`Customer with customer_code "${code}"`);
  for (const s of subdomains) {
    if (store.subdomainOwner(s)) throw alreadyExists(`Subdomain "${s}"`);
  }
}

interface CreateInput {
  code: string;
  name: string;
  subdomains: string[];
  sso?: string;
  retention: string;
  gcpProject?: string;
  providerId?: string;
  authVersion?: string;
}

function parseCreate(input: Record<string, unknown>): CreateInput {
  const opt = <T>(key: string, check: (x: unknown) => T): T | undefined => (input[key] === undefined ? undefined : check(input[key]));
  return {
    code: v.customerCode(input.customerCode),
    name: v.requireString(input.customerName, "customer_name"),
    subdomains: v.subdomains(input.customerSubdomains),
    sso: opt("ssoConfig", (x) => v.ssoConfig(x)),
    retention: opt("retentionDuration", (x) => v.oneOf(x, v.RETENTION_DURATIONS, "retention_duration")) ?? "ONE_YEAR",
    gcpProject: opt("gcpProject", (x) => v.gcpProject(x)),
    providerId: opt("providerId", (x) => v.providerId(x)),
    authVersion: opt("authVersion", (x) => v.oneOf(x, v.AUTH_VERSIONS, "auth_version")),
  };
}

function buildCustomer(partner: string, req: CreateInput, now: string): EmulatorCustomer {
  return {
    partner,
    id: randomUUID(),
    customerId: newCustomerId(),
    customerCode: req.code,
    customerName: req.name,
    forwarders: [randomUUID()],
    customerSubdomains: req.subdomains,
    retentionDuration: req.retention,
    ssoConfig: ssoState(req.sso, now),
    credentials: newCredentials(req.code),
    createTime: now,
    uiEnabled: true,
    authVersion: req.authVersion,
    complianceCertifications: [],
    providerId: req.providerId,
    workforcePoolProviders: req.providerId ? Object.fromEntries(req.subdomains.map((s) => [s, req.providerId as string])) : {},
    gcpProject: req.gcpProject,
    iamEnabled: false,
    iamEnableCalls: 0,
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function createCustomer(ctx: MethodContext): Promise<Reply> {
  const req = parseCreate(ctx.input);
  checkConflicts(ctx.store, ctx.partner, req.code, req.subdomains);
  if (ctx.createDelayMs > 0) {
    await sleep(ctx.createDelayMs);
    // Another create may have committed the same code or subdomain while this one "provisioned".
    checkConflicts(ctx.store, ctx.partner, req.code, req.subdomains);
  }
  const customer = buildCustomer(ctx.partner, req, ctx.store.now().toISOString());
  ctx.store.add(customer);
  return { body: customerToWire(customer) };
}

export async function getCustomer(ctx: MethodContext): Promise<Reply> {
  return { body: customerToWire(owned(ctx)) };
}

export async function getForwarderConfigs(ctx: MethodContext): Promise<Reply> {
  const c = owned(ctx);
  return { body: { id: c.forwarders[0] ?? "", forwarderConfigs: forwarderConfigs(c.customerId, c.credentials) } };
}

/** proto3 JSON omits an empty repeated field: with no customers the body is `{}`, as the real API would send. */
export async function listCustomers(ctx: MethodContext): Promise<Reply> {
  const customers = ctx.store.customersOf(ctx.partner).map(customerToWire);
  return { body: customers.length ? { customers } : {} };
}

export async function setAuthVersion(ctx: MethodContext): Promise<Reply> {
  const c = owned(ctx);
  const authVersion = v.oneOf(ctx.input.authVersion, v.AUTH_VERSIONS, "auth_version");
  c.authVersion = authVersion;
  ctx.store.save();
  return { body: { authVersion }, verbatim: true };
}

export async function setComplianceRequirements(ctx: MethodContext): Promise<Reply> {
  const c = owned(ctx);
  const certs = v.complianceCertifications(ctx.input.complianceCertifications);
  c.complianceCertifications = certs;
  ctx.store.save();
  return { body: { complianceCertifications: [...certs] }, verbatim: true };
}

export async function setUiState(ctx: MethodContext): Promise<Reply> {
  const c = owned(ctx);
  if (ctx.input.state === undefined) throw invalidArgument("state", "is required");
  c.uiEnabled = v.bool(ctx.input.state, "state");
  ctx.store.save();
  return { body: { state: c.uiEnabled }, verbatim: true };
}

function ownSubdomain(c: EmulatorCustomer, value: unknown): string {
  const s = v.subdomain(value, "customer_subdomain");
  if (!c.customerSubdomains.includes(s)) throw invalidArgument("customer_subdomain", "is not a subdomain of this customer");
  return s;
}

export async function updateSsoConfig(ctx: MethodContext): Promise<Reply> {
  const c = owned(ctx);
  const config = v.ssoConfig(ctx.input.ssoConfig);
  if (ctx.input.customerSubdomain !== undefined) ownSubdomain(c, ctx.input.customerSubdomain);
  if (ctx.input.updateV2Only !== undefined) c.ssoUpdateV2Only = v.bool(ctx.input.updateV2Only, "update_v2_only");
  const now = ctx.store.now().toISOString();
  c.ssoConfig = { createTime: c.ssoConfig.createTime || now, deployTime: now, state: "DEPLOYED", config };
  ctx.store.save();
  return { body: { ...c.ssoConfig } };
}

export async function generateIdpMetadata(ctx: MethodContext): Promise<Reply> {
  const s = v.subdomain(ctx.input.customerSubdomain, "customer_subdomain");
  const owner = ctx.store.subdomainOwner(s);
  // Another partner's subdomain is reported exactly like a free one: no cross-partner existence leak.
  if (!owner || owner.partner !== ctx.partner) throw notFound(`Customer subdomain "${s}"`);
  return { body: { metadata: idpMetadata(s) } };
}

export async function setWorkforcePoolProvider(ctx: MethodContext): Promise<Reply> {
  const c = owned(ctx);
  const sub = ownSubdomain(c, ctx.input.customerSubdomain);
  const providerId = v.providerId(ctx.input.providerId);
  c.workforcePoolProviders[sub] = providerId;
  c.providerId = providerId;
  ctx.store.save();
  return { body: { providerId }, verbatim: true };
}

export async function setGcpProjectLink(ctx: MethodContext): Promise<Reply> {
  const c = owned(ctx);
  c.gcpProject = v.gcpProject(ctx.input.gcpProject);
  ctx.store.save();
  return { body: {} };
}

export async function generateIamMigrationCommands(ctx: MethodContext): Promise<Reply> {
  const c = owned(ctx);
  return { body: { migrations: iamMigrationCommands(c.customerCode, c.customerSubdomains, c.gcpProject) } };
}

export async function enableIam(ctx: MethodContext): Promise<Reply> {
  const c = owned(ctx);
  c.iamEnabled = true;
  c.iamEnableCalls += 1;
  ctx.store.save();
  return { body: {} };
}
