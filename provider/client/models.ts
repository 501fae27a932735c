/**
 * Typed models of the partner Customer Management API. The wire speaks
 * snake_case (and sometimes lowerCamelCase); these types speak camelCase and
 * are what the rest of the package sees. `wire.ts` converts between the two.
 */

/** The 19 documented Backstory regions. `us` is the un-prefixed multi-region host. */
export const REGIONS = [
  "us", "europe", "europe-west2", "europe-west3", "europe-west6", "europe-west9", "europe-west12",
  "europe-central2", "asia-southeast1", "asia-southeast2", "asia-south1", "asia-northeast1",
  "australia-southeast1", "me-west1", "me-central1", "me-central2", "africa-south1",
  "northamerica-northeast2", "southamerica-east1",
] as const;
export type Region = (typeof REGIONS)[number];

export const RETENTION_DURATIONS = ["SIX_MONTHS", "ONE_YEAR"] as const;
export type RetentionDuration = (typeof RETENTION_DURATIONS)[number];

/** The seed page allows 1 and 2, the later page 3 and 4: all four are accepted. */
export const AUTH_VERSIONS = ["AUTH_VERSION_1", "AUTH_VERSION_2", "AUTH_VERSION_3", "AUTH_VERSION_4"] as const;
export type AuthVersion = (typeof AUTH_VERSIONS)[number];

/** Known values only; the set is open, so any `COMPLIANCE_CERTIFICATION_*` string is allowed. */
export const KNOWN_COMPLIANCE_CERTIFICATIONS = [
  "COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE",
  "COMPLIANCE_CERTIFICATION_PCI_DSS",
] as const;

export const CREDENTIAL_TYPES = ["BACKSTORY_API", "INGESTION_API", "BIGQUERY_API", "FORWARDER_API", "ADMIN"] as const;

export interface Credential {
  id: string;
  credentialType: string;
  /** base64 of a service-account JSON key: a live secret. */
  credential: string;
}

export interface SsoConfigStatus {
  createTime: string;
  deployTime: string;
  state: string;
  config: string;
}

export interface Customer {
  /** UUID; the Chronicle instance id. */
  id: string;
  /** base64 of 16 bytes. */
  customerId: string;
  customerCode: string;
  customerName: string;
  forwarders: string[];
  customerSubdomains: string[];
  /** Absent from the seed page's samples; present in the later page. */
  retentionDuration?: string;
  ssoConfig?: SsoConfigStatus;
  credentials: Credential[];
}

export interface CreateCustomerRequest {
  customerName: string;
  customerCode: string;
  customerSubdomains: string[];
  /** The IdP's SAML metadata XML as the user holds it; the client base64-encodes it for the wire. */
  ssoConfigXml?: string;
  retentionDuration?: RetentionDuration;
  /** `projects/ID` */
  gcpProject?: string;
  /** `locations/global/workforcePools/POOL/providers/PROVIDER` */
  providerId?: string;
  authVersion?: AuthVersion;
}

export interface ForwarderConfig {
  platform: "UNIX" | "WINDOWS" | string;
  /** base64 of the forwarder configuration as the API returns it. */
  config: string;
}

export interface ForwarderConfigs {
  id: string;
  forwarderConfigs: ForwarderConfig[];
}

export interface UpdateSsoConfigRequest {
  customerCode: string;
  ssoConfigXml: string;
  customerSubdomain?: string;
  updateV2Only?: boolean;
}

export interface IamMigration {
  frontendPath: string;
  commands: string[];
}

/**
 * Every method of the partner API. The HTTP back end implements it; a second
 * back end (the Chronicle API TenantService that succeeds Backstory in 2027)
 * can implement it beside the first.
 */
export interface PartnerApi {
  createCustomer(req: CreateCustomerRequest): Promise<Customer>;
  getCustomer(customerCode: string): Promise<Customer>;
  /** Like getCustomer, but resolves `undefined` on NOT_FOUND. */
  findCustomer(customerCode: string): Promise<Customer | undefined>;
  getCustomerForwarderConfigs(customerCode: string): Promise<ForwarderConfigs>;
  listCustomers(): Promise<Customer[]>;
  setAuthVersion(customerCode: string, authVersion: AuthVersion): Promise<{ authVersion: string }>;
  setComplianceRequirements(customerCode: string, certifications: string[]): Promise<{ complianceCertifications: string[] }>;
  setUiState(customerCode: string, enabled: boolean): Promise<{ state: boolean }>;
  updateSsoConfig(req: UpdateSsoConfigRequest): Promise<SsoConfigStatus>;
  generateIdpMetadata(customerSubdomain: string): Promise<{ metadata: string }>;
  setWorkforcePoolProvider(customerCode: string, customerSubdomain: string, providerId: string): Promise<{ providerId: string }>;
  setGcpProjectLink(customerCode: string, gcpProject: string): Promise<void>;
  generateIamMigrationCommands(customerCode: string): Promise<{ migrations: IamMigration[] }>;
  /** Irreversible. Callers must have an explicit opt-in from the user. */
  enableIam(customerCode: string): Promise<void>;
}

/**
 * The documented customer code rule: starts with a lowercase letter, only `[a-z0-9-]`,
 * does not end with `-`, 1 to 18 characters.
 */
export const CUSTOMER_CODE_PATTERN = /^[a-z](?:[a-z0-9-]{0,16}[a-z0-9])?$/;

/** The 13 methods of the partner API, by the names the reference page uses. */
export const API_METHODS = [
  "CreateCustomer", "GetCustomer", "GetCustomerForwarderConfigs", "ListCustomers", "SetAuthVersion",
  "SetComplianceRequirements", "SetUIState", "UpdateSSOConfig", "GenerateIdPMetadata",
  "SetWorkforcePoolProvider", "SetGCPProjectLink", "GenerateIamMigrationCommands", "EnableIAM",
] as const;
export type ApiMethod = (typeof API_METHODS)[number];
