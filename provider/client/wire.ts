/**
 * The wire shapes of the partner API and their conversion to and from the
 * camelCase models. Requests go out in snake_case exactly as documented;
 * responses are read whether the server spells keys snake_case or lowerCamelCase.
 */
import {
  AuthVersion, CreateCustomerRequest, Credential, Customer, ForwarderConfigs, IamMigration,
  SsoConfigStatus, UpdateSsoConfigRequest,
} from "./models";
import { malformedResponse } from "./errors";

export interface CreateCustomerBody {
  customer_name: string;
  customer_code: string;
  /** The seed's sample shows a string; responses show an array. We send an array. */
  customer_subdomains: string[];
  /** base64 of the SAML metadata XML (a protobuf bytes field). */
  sso_config?: string;
  retention_duration?: string;
  gcp_project?: string;
  provider_id?: string;
  auth_version?: string;
}

export interface UpdateSsoConfigBody {
  customer_code: string;
  sso_config: string;
  customer_subdomain?: string;
  /** The samples send the string "true"; it is a boolean. */
  update_v2_only?: boolean;
}

export type JsonObject = { [key: string]: unknown };

export function encodeSsoConfig(xml: string): string {
  return Buffer.from(xml, "utf8").toString("base64");
}

export function createCustomerBody(req: CreateCustomerRequest): CreateCustomerBody {
  const body: CreateCustomerBody = {
    customer_name: req.customerName,
    customer_code: req.customerCode,
    customer_subdomains: [...req.customerSubdomains],
  };
  if (req.ssoConfigXml !== undefined) body.sso_config = encodeSsoConfig(req.ssoConfigXml);
  if (req.retentionDuration !== undefined) body.retention_duration = req.retentionDuration;
  if (req.gcpProject !== undefined) body.gcp_project = req.gcpProject;
  if (req.providerId !== undefined) body.provider_id = req.providerId;
  if (req.authVersion !== undefined) body.auth_version = req.authVersion;
  return body;
}

export function updateSsoConfigBody(req: UpdateSsoConfigRequest): UpdateSsoConfigBody {
  const body: UpdateSsoConfigBody = { customer_code: req.customerCode, sso_config: encodeSsoConfig(req.ssoConfigXml) };
  if (req.customerSubdomain !== undefined) body.customer_subdomain = req.customerSubdomain;
  if (req.updateV2Only !== undefined) body.update_v2_only = req.updateV2Only;
  return body;
}

export const setAuthVersionBody = (customerCode: string, authVersion: AuthVersion) =>
  ({ customer_code: customerCode, auth_version: authVersion });
export const setComplianceBody = (customerCode: string, certifications: string[]) =>
  ({ customer_code: customerCode, compliance_certifications: [...certifications] });
export const setUiStateBody = (customerCode: string, enabled: boolean) => ({ customer_code: customerCode, state: enabled });
export const generateIdpMetadataBody = (customerSubdomain: string) => ({ customer_subdomain: customerSubdomain });
export const setWorkforcePoolProviderBody = (customerCode: string, customerSubdomain: string, providerId: string) =>
  ({ customer_code: customerCode, customer_subdomain: customerSubdomain, provider_id: providerId });
export const setGcpProjectLinkBody = (customerCode: string, gcpProject: string) => ({ customer_code: customerCode, gcp_project: gcpProject });
export const customerCodeBody = (customerCode: string) => ({ customer_code: customerCode });

const snakeToCamel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Deeply rewrites snake_case keys to lowerCamelCase; camelCase keys pass unchanged. */
export function camelizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelizeKeys);
  if (value && typeof value === "object") {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value as JsonObject)) out[snakeToCamel(k)] = camelizeKeys(v);
    return out;
  }
  return value;
}

function asObject(method: string, value: unknown, what = "a JSON object"): JsonObject {
  if (value && typeof value === "object" && !Array.isArray(value)) return value as JsonObject;
  // Some methods document an empty answer; an empty body is the same as {}.
  if (value === "" || value === undefined || value === null) return {};
  throw malformedResponse(method, `expected ${what}`);
}

const str = (v: unknown): string => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));
const strList = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(str) : typeof v === "string" && v !== "" ? [v] : [];

function parseSsoConfig(v: unknown): SsoConfigStatus | undefined {
  if (!v || typeof v !== "object") return undefined;
  const o = v as JsonObject;
  return { createTime: str(o.createTime), deployTime: str(o.deployTime), state: str(o.state), config: str(o.config) };
}

function parseCredential(v: unknown): Credential {
  const o = (v && typeof v === "object" ? v : {}) as JsonObject;
  return { id: str(o.id), credentialType: str(o.credentialType), credential: str(o.credential) };
}

function parseCustomerObject(method: string, o: JsonObject): Customer {
  if (typeof o.customerCode !== "string") throw malformedResponse(method, "a customer without customer_code");
  const customer: Customer = {
    id: str(o.id),
    customerId: str(o.customerId),
    customerCode: o.customerCode,
    customerName: str(o.customerName),
    forwarders: strList(o.forwarders),
    customerSubdomains: strList(o.customerSubdomains),
    credentials: Array.isArray(o.credentials) ? o.credentials.map(parseCredential) : [],
  };
  if (o.retentionDuration !== undefined && o.retentionDuration !== null) customer.retentionDuration = str(o.retentionDuration);
  const sso = parseSsoConfig(o.ssoConfig);
  if (sso) customer.ssoConfig = sso;
  return customer;
}

const camelObject = (method: string, raw: unknown) => asObject(method, camelizeKeys(raw));

export function parseCustomer(method: string, raw: unknown): Customer {
  return parseCustomerObject(method, camelObject(method, raw));
}

export interface CustomerPage {
  customers: Customer[];
  nextPageToken?: string;
}

export function parseCustomerPage(raw: unknown): CustomerPage {
  const o = camelObject("ListCustomers", raw);
  const list = o.customers ?? [];
  if (!Array.isArray(list)) throw malformedResponse("ListCustomers", "customers is not a list");
  const page: CustomerPage = { customers: list.map((c) => parseCustomerObject("ListCustomers", asObject("ListCustomers", c))) };
  if (typeof o.nextPageToken === "string" && o.nextPageToken !== "") page.nextPageToken = o.nextPageToken;
  return page;
}

export function parseForwarderConfigs(raw: unknown): ForwarderConfigs {
  const o = camelObject("GetCustomerForwarderConfigs", raw);
  const list = Array.isArray(o.forwarderConfigs) ? o.forwarderConfigs : [];
  return {
    id: str(o.id),
    forwarderConfigs: list.map((c) => {
      const f = asObject("GetCustomerForwarderConfigs", c);
      return { platform: str(f.platform), config: str(f.config) };
    }),
  };
}

export function parseSsoConfigStatus(raw: unknown): SsoConfigStatus {
  const o = camelObject("UpdateSSOConfig", raw);
  // Documented as the SSO config itself; tolerate it wrapped in a customer-style envelope.
  return parseSsoConfig(o.ssoConfig && typeof o.ssoConfig === "object" ? o.ssoConfig : o) as SsoConfigStatus;
}

export const parseAuthVersion = (raw: unknown) => ({ authVersion: str(camelObject("SetAuthVersion", raw).authVersion) });

/** A single string in the seed, a list in the later page: always a list here. */
export const parseCompliance = (raw: unknown) =>
  ({ complianceCertifications: strList(camelObject("SetComplianceRequirements", raw).complianceCertifications) });

export function parseUiState(raw: unknown): { state: boolean } {
  const v = camelObject("SetUIState", raw).state;
  if (typeof v === "boolean") return { state: v };
  if (v === "true" || v === "false") return { state: v === "true" };
  // proto3 JSON omits false booleans: an answer without `state` means false.
  if (v === undefined) return { state: false };
  throw malformedResponse("SetUIState", "state is not a boolean");
}

export const parseIdpMetadata = (raw: unknown) => ({ metadata: str(camelObject("GenerateIdPMetadata", raw).metadata) });
export const parseProviderId = (raw: unknown) => ({ providerId: str(camelObject("SetWorkforcePoolProvider", raw).providerId) });

export function parseIamMigrations(raw: unknown): { migrations: IamMigration[] } {
  const o = camelObject("GenerateIamMigrationCommands", raw);
  const list = Array.isArray(o.migrations) ? o.migrations : [];
  return {
    migrations: list.map((m) => {
      const x = asObject("GenerateIamMigrationCommands", m);
      return { frontendPath: str(x.frontendPath), commands: strList(x.commands) };
    }),
  };
}
