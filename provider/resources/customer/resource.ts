import * as pulumi from "@pulumi/pulumi";
import provider = require("../../runtime/kinds/customer");
import { requireArgs, withSecretOutputs } from "../common/lifecycle";
import { SECRET_OUTPUTS } from "./lifecycle";

export interface ChronicleCustomerArgs {
  /** Display name of the customer. Fixed at creation. */
  customerName: pulumi.Input<string>;
  /**
   * The partner-unique code every other call takes: starts with a lowercase letter, only `[a-z0-9-]`,
   * does not end with `-`, 1 to 18 characters. It is the resource's ID; a new code means a new customer.
   */
  customerCode: pulumi.Input<string>;
  /** At least one subdomain; each becomes `SUBDOMAIN.backstory.chronicle.security`. Fixed at creation. */
  customerSubdomains: pulumi.Input<pulumi.Input<string>[]>;
  /** `SIX_MONTHS` or `ONE_YEAR` (the default). Fixed at creation. */
  retentionDuration?: pulumi.Input<"SIX_MONTHS" | "ONE_YEAR">;
  /**
   * The customer IdP's SAML metadata XML, as the file holds it (the provider base64-encodes it).
   * Stored as a secret. Changing it later calls UpdateSSOConfig in place.
   */
  ssoConfig?: pulumi.Input<string>;
  /** `projects/PROJECT_ID` to link at creation. Later changes: `ChronicleGcpProjectLink`. */
  gcpProject?: pulumi.Input<string>;
  /** `locations/global/workforcePools/POOL/providers/PROVIDER`, used at creation. Later: `ChronicleWorkforcePoolProvider`. */
  providerId?: pulumi.Input<string>;
  /** `AUTH_VERSION_1` to `AUTH_VERSION_4`, used at creation. Later: `ChronicleAuthVersion`. */
  authVersion?: pulumi.Input<"AUTH_VERSION_1" | "AUTH_VERSION_2" | "AUTH_VERSION_3" | "AUTH_VERSION_4">;
  /**
   * Take over a customer that already exists with this code instead of failing (the replacement for
   * `pulumi import`, which dynamic resources cannot do). Default false.
   */
  adoptExisting?: pulumi.Input<boolean>;
  /** On destroy (or replacement), switch the customer's web UI off with SetUIState(false) before releasing it. Default false. */
  disableUiOnDelete?: pulumi.Input<boolean>;
  /**
   * Keep the returned service-account credentials in the state (as secrets). Default true. With false, only
   * their ids and types are kept; read the keys with `getCustomer` when needed.
   */
  storeCredentials?: pulumi.Input<boolean>;
}

export interface ChronicleCustomerCredential {
  id: string;
  /** `BACKSTORY_API`, `INGESTION_API`, `BIGQUERY_API`, ... */
  credentialType: string;
  /** base64 of a service-account JSON key. Absent when `storeCredentials` is false. */
  credential?: string;
}

/**
 * A Chronicle customer (tenant) managed by the partner: CreateCustomer, read with GetCustomer.
 *
 * The API cannot delete customers: destroying this resource releases the customer from the stack
 * and warns; set `protect: true` on customers you mean to keep. Name, subdomains, retention and the
 * creation-time fields cannot change; a change to them is refused at preview.
 */
export class ChronicleCustomer extends pulumi.dynamic.Resource {
  public static readonly typeToken = "pulumi-nodejs:dynamic/chronicle:ChronicleCustomer";

  public readonly customerName!: pulumi.Output<string>;
  public readonly customerCode!: pulumi.Output<string>;
  public readonly customerSubdomains!: pulumi.Output<string[]>;
  public readonly retentionDuration!: pulumi.Output<string>;
  public readonly ssoConfig!: pulumi.Output<string | undefined>;
  public readonly gcpProject!: pulumi.Output<string | undefined>;
  public readonly providerId!: pulumi.Output<string | undefined>;
  public readonly authVersion!: pulumi.Output<string | undefined>;
  public readonly adoptExisting!: pulumi.Output<boolean>;
  public readonly disableUiOnDelete!: pulumi.Output<boolean>;
  public readonly storeCredentials!: pulumi.Output<boolean>;
  /** The response `id`: the UUID used as the Chronicle instance id elsewhere. */
  public readonly instanceId!: pulumi.Output<string>;
  /** base64 of 16 bytes. */
  public readonly customerId!: pulumi.Output<string>;
  /** Forwarder ids. */
  public readonly forwarders!: pulumi.Output<string[]>;
  /** The SSO config's state, e.g. `DEPLOYED`, and its times. */
  public readonly ssoState!: pulumi.Output<string>;
  public readonly ssoCreateTime!: pulumi.Output<string>;
  public readonly ssoDeployTime!: pulumi.Output<string>;
  /** Secret. */
  public readonly credentials!: pulumi.Output<ChronicleCustomerCredential[]>;
  /** Secret: credential material keyed by credential type, e.g. `credentialsByType["INGESTION_API"]`. */
  public readonly credentialsByType!: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: ChronicleCustomerArgs, opts?: pulumi.CustomResourceOptions) {
    const a = requireArgs("ChronicleCustomer", args, ["customerName", "customerCode", "customerSubdomains"], opts);
    const props = {
      ...a,
      ssoConfig: a.ssoConfig === undefined ? undefined : pulumi.secret(a.ssoConfig),
      instanceId: undefined, customerId: undefined, forwarders: undefined, ssoState: undefined,
      ssoCreateTime: undefined, ssoDeployTime: undefined, credentials: undefined, credentialsByType: undefined,
    };
    super(provider, name, props, withSecretOutputs(opts, SECRET_OUTPUTS), "chronicle", "ChronicleCustomer");
  }
}
