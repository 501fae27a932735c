/**
 * The partner API client: the PartnerApi interface over HTTP, and one shared
 * client per distinct settings per process (one token cache, one limiter).
 */
import {
  AuthVersion, CUSTOMER_CODE_PATTERN, CreateCustomerRequest, Customer, ForwarderConfigs, IamMigration,
  PartnerApi, SsoConfigStatus, UpdateSsoConfigRequest, ApiMethod,
} from "./models";
import { Authorizer, createAuthorizer } from "./auth";
import { ClientSettings, settingsFingerprint } from "./settings";
import { ChronicleApiError } from "./errors";
import { CallOptions, Transport, TransportHooks } from "./transport";
import * as wire from "./wire";

export type ClientHooks = TransportHooks;

/** Guards against a server that keeps handing out page tokens. */
const MAX_PAGES = 1000;

export class PartnerClient implements PartnerApi {
  private readonly transport: Transport;
  /** GetCustomer requests in flight, by customer code. */
  private readonly reads = new Map<string, Promise<Customer>>();

  constructor(readonly settings: ClientSettings, hooks: ClientHooks = {}, auth: Authorizer = createAuthorizer(settings)) {
    this.transport = new Transport(settings, auth, hooks);
  }

  /**
   * CreateCustomer is never re-sent blindly: a daily-quota 429 fails at once;
   * after a timeout, a lost response or a 5xx the customer is looked up by code
   * first, and only when it does not exist is the create sent again (the API
   * documents that re-sending the same request retries a failed creation).
   */
  async createCustomer(req: CreateCustomerRequest): Promise<Customer> {
    const code = req.customerCode;
    if (!CUSTOMER_CODE_PATTERN.test(code)) {
      // Checked here because Google counts the daily quota before validating.
      throw new ChronicleApiError({
        httpStatus: 0, status: "INVALID_ARGUMENT", method: "CreateCustomer", retryable: false, customerCode: code,
        message: `CreateCustomer: customer code "${code}" is invalid: it must start with a lowercase letter, contain only a-z, 0-9 and "-", ` +
          `not end with "-", and be 1 to 18 characters long. Nothing was sent.`,
      });
    }
    this.reads.delete(code);
    const call: CallOptions = { customerCode: code, body: wire.createCustomerBody(req) };
    let outcomeUnknown = false;
    for (let attempt = 1; ; attempt++) {
      try {
        return wire.parseCustomer("CreateCustomer", await this.transport.attempt("CreateCustomer", call, attempt));
      } catch (e) {
        if (!(e instanceof ChronicleApiError)) throw e;
        if (e.status === "ALREADY_EXISTS" && outcomeUnknown) {
          // Our earlier, unanswered attempt may be the one that created it.
          return this.ownCustomerOr(req, e);
        }
        const delay = this.transport.retryDelay(e, attempt);
        if (delay === undefined) throw e;
        await this.transport.sleep(delay);
        if (e.outcomeUnknown) {
          outcomeUnknown = true;
          const existing = await this.findCustomer(code);
          if (existing) return this.sameCustomerOrThrow(existing, req, e);
        }
      }
    }
  }

  /**
   * Concurrent reads of one customer share one request: a refresh reads a
   * customer, its SSO config and its UI state at once, and one GetCustomer
   * answers all three. A write to the customer forgets the shared read, so a
   * read started after a write is never answered from before it.
   */
  getCustomer(customerCode: string): Promise<Customer> {
    const inFlight = this.reads.get(customerCode);
    if (inFlight) return inFlight;
    const read = this.get("GetCustomer", customerCode).then((body) => wire.parseCustomer("GetCustomer", body));
    this.reads.set(customerCode, read);
    const forget = () => {
      if (this.reads.get(customerCode) === read) this.reads.delete(customerCode);
    };
    read.then(forget, forget);
    return read;
  }

  async findCustomer(customerCode: string): Promise<Customer | undefined> {
    try {
      return await this.getCustomer(customerCode);
    } catch (e) {
      // Only the API's own NOT_FOUND means "no such customer"; a plain 404 (wrong endpoint) is an error.
      if (e instanceof ChronicleApiError && e.httpStatus === 404 && e.status === "NOT_FOUND") return undefined;
      throw e;
    }
  }

  async getCustomerForwarderConfigs(customerCode: string): Promise<ForwarderConfigs> {
    return wire.parseForwarderConfigs(await this.get("GetCustomerForwarderConfigs", customerCode));
  }

  /** No paging is documented; a `next_page_token`, if one ever appears, is followed. */
  async listCustomers(): Promise<Customer[]> {
    const customers: Customer[] = [];
    const seen = new Set<string>();
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = pageToken ? { page_token: pageToken } : undefined;
      const parsed = wire.parseCustomerPage(await this.transport.call("ListCustomers", { query }));
      customers.push(...parsed.customers);
      pageToken = parsed.nextPageToken;
      if (!pageToken || seen.has(pageToken)) break;
      seen.add(pageToken);
    }
    return customers;
  }

  async setAuthVersion(customerCode: string, authVersion: AuthVersion): Promise<{ authVersion: string }> {
    return wire.parseAuthVersion(await this.post("SetAuthVersion", customerCode, wire.setAuthVersionBody(customerCode, authVersion)));
  }

  async setComplianceRequirements(customerCode: string, certifications: string[]): Promise<{ complianceCertifications: string[] }> {
    return wire.parseCompliance(await this.post("SetComplianceRequirements", customerCode, wire.setComplianceBody(customerCode, certifications)));
  }

  async setUiState(customerCode: string, enabled: boolean): Promise<{ state: boolean }> {
    return wire.parseUiState(await this.post("SetUIState", customerCode, wire.setUiStateBody(customerCode, enabled)));
  }

  async updateSsoConfig(req: UpdateSsoConfigRequest): Promise<SsoConfigStatus> {
    return wire.parseSsoConfigStatus(await this.post("UpdateSSOConfig", req.customerCode, wire.updateSsoConfigBody(req)));
  }

  async generateIdpMetadata(customerSubdomain: string): Promise<{ metadata: string }> {
    return wire.parseIdpMetadata(await this.post("GenerateIdPMetadata", undefined, wire.generateIdpMetadataBody(customerSubdomain)));
  }

  async setWorkforcePoolProvider(customerCode: string, customerSubdomain: string, providerId: string): Promise<{ providerId: string }> {
    const body = wire.setWorkforcePoolProviderBody(customerCode, customerSubdomain, providerId);
    return wire.parseProviderId(await this.post("SetWorkforcePoolProvider", customerCode, body));
  }

  async setGcpProjectLink(customerCode: string, gcpProject: string): Promise<void> {
    await this.post("SetGCPProjectLink", customerCode, wire.setGcpProjectLinkBody(customerCode, gcpProject));
  }

  async generateIamMigrationCommands(customerCode: string): Promise<{ migrations: IamMigration[] }> {
    return wire.parseIamMigrations(await this.post("GenerateIamMigrationCommands", customerCode, wire.customerCodeBody(customerCode)));
  }

  async enableIam(customerCode: string): Promise<void> {
    await this.post("EnableIAM", customerCode, wire.customerCodeBody(customerCode));
  }

  private get(method: ApiMethod, customerCode: string): Promise<unknown> {
    return this.transport.call(method, { customerCode, query: { customer_code: customerCode } });
  }

  private post(method: ApiMethod, customerCode: string | undefined, body: unknown): Promise<unknown> {
    if (customerCode !== undefined) this.reads.delete(customerCode);
    return this.transport.call(method, { customerCode, body });
  }

  private async ownCustomerOr(req: CreateCustomerRequest, conflict: ChronicleApiError): Promise<Customer> {
    const existing = await this.findCustomer(req.customerCode);
    if (!existing) throw unconfirmedConflict(req.customerCode, conflict);
    return this.sameCustomerOrThrow(existing, req, conflict);
  }

  /** A customer found by code is our create's result only if it is the customer we asked for. */
  private sameCustomerOrThrow(existing: Customer, req: CreateCustomerRequest, cause: ChronicleApiError): Customer {
    if (existing.customerName === req.customerName) return existing;
    throw new ChronicleApiError({
      httpStatus: 409, status: "ALREADY_EXISTS", method: "CreateCustomer", retryable: false, customerCode: req.customerCode,
      attempts: cause.attempts,
      message: `CreateCustomer for customer code "${req.customerCode}": a customer with this code already exists with another name. ` +
        `Choose another customer code, or adopt the existing customer (import it into the stack).`,
    });
  }
}

/**
 * After an unanswered attempt, the re-send met a conflict but the code still
 * cannot be read: our first attempt may still be provisioning it. Whether the
 * customer exists is unknown, so the caller must record a possible create
 * (outcomeUnknown) and look again later, never conclude "not created".
 */
function unconfirmedConflict(code: string, conflict: ChronicleApiError): ChronicleApiError {
  return new ChronicleApiError({
    httpStatus: conflict.httpStatus, status: conflict.status, reason: conflict.reason, method: "CreateCustomer", retryable: false,
    customerCode: code, attempts: conflict.attempts, outcomeUnknown: true,
    message: `CreateCustomer for customer code "${code}" did not confirm: an earlier attempt got no answer, the re-send was refused ` +
      `as a conflict (HTTP ${conflict.httpStatus} ${conflict.status}), and the customer cannot be read yet (it may still be provisioning, ` +
      `or a subdomain may belong to another customer). Whether it was created is unknown; running again looks it up by its code first.`,
  });
}

const shared = new Map<string, PartnerClient>();
const hookIds = new WeakMap<object, number>();
let nextHookId = 1;

/**
 * One client per distinct settings (and hooks object) per process, so the
 * token is fetched once and cached by google-auth-library across resources.
 */
export function sharedClient(settings: ClientSettings, hooks?: ClientHooks): PartnerApi {
  let key = settingsFingerprint(settings);
  if (hooks) {
    if (!hookIds.has(hooks)) hookIds.set(hooks, nextHookId++);
    key += `#hooks${hookIds.get(hooks)}`;
  }
  let client = shared.get(key);
  if (!client) {
    client = new PartnerClient(settings, hooks);
    shared.set(key, client);
  }
  return client;
}
