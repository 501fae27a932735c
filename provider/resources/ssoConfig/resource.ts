import * as pulumi from "@pulumi/pulumi";
import provider = require("../../runtime/kinds/ssoConfig");
import { requireArgs } from "../common/lifecycle";

export interface ChronicleSsoConfigArgs {
  /** The customer whose SSO this configures. */
  customerCode: pulumi.Input<string>;
  /** The customer IdP's SAML metadata XML as the file holds it; base64-encoded by the provider. Stored as a secret. */
  ssoConfig: pulumi.Input<string>;
  /** One of the customer's subdomains, when it has several. */
  customerSubdomain?: pulumi.Input<string>;
  /** Update only the AUTH_VERSION_2 configuration; Google recommends true while migrating from AUTH_VERSION_1. Default false. */
  updateV2Only?: pulumi.Input<boolean>;
}

/**
 * The SSO configuration of a customer (UpdateSSOConfig, a PATCH): updated in place, refreshed from
 * GetCustomer. Its ID is `CODE` or `CODE/SUBDOMAIN`. Destroy leaves the configuration as it is.
 */
export class ChronicleSsoConfig extends pulumi.dynamic.Resource {
  public static readonly typeToken = "pulumi-nodejs:dynamic/chronicle:ChronicleSsoConfig";
  public readonly customerCode!: pulumi.Output<string>;
  public readonly ssoConfig!: pulumi.Output<string>;
  public readonly customerSubdomain!: pulumi.Output<string | undefined>;
  public readonly updateV2Only!: pulumi.Output<boolean>;
  /** e.g. `DEPLOYED`. */
  public readonly ssoState!: pulumi.Output<string>;
  public readonly ssoCreateTime!: pulumi.Output<string>;
  public readonly ssoDeployTime!: pulumi.Output<string>;

  constructor(name: string, args: ChronicleSsoConfigArgs, opts?: pulumi.CustomResourceOptions) {
    const a = requireArgs("ChronicleSsoConfig", args, ["customerCode", "ssoConfig"], opts);
    const props = { ...a, ssoConfig: pulumi.secret(a.ssoConfig), ssoState: undefined, ssoCreateTime: undefined, ssoDeployTime: undefined };
    super(provider, name, props, opts, "chronicle", "ChronicleSsoConfig");
  }
}
