import * as pulumi from "@pulumi/pulumi";
import provider = require("../../runtime/kinds/workforcePoolProvider");
import { requireArgs } from "../common/lifecycle";

export interface ChronicleWorkforcePoolProviderArgs {
  customerCode: pulumi.Input<string>;
  /** The subdomain (frontend path) that signs in through this provider. */
  customerSubdomain: pulumi.Input<string>;
  /** `locations/global/workforcePools/POOL/providers/PROVIDER`. */
  providerId: pulumi.Input<string>;
}

/** The workforce identity federation provider of a customer subdomain (SetWorkforcePoolProvider). ID: `CODE/SUBDOMAIN`. */
export class ChronicleWorkforcePoolProvider extends pulumi.dynamic.Resource {
  public static readonly typeToken = "pulumi-nodejs:dynamic/chronicle:ChronicleWorkforcePoolProvider";
  public readonly customerCode!: pulumi.Output<string>;
  public readonly customerSubdomain!: pulumi.Output<string>;
  public readonly providerId!: pulumi.Output<string>;

  constructor(name: string, args: ChronicleWorkforcePoolProviderArgs, opts?: pulumi.CustomResourceOptions) {
    const a = requireArgs("ChronicleWorkforcePoolProvider", args, ["customerCode", "customerSubdomain", "providerId"], opts);
    super(provider, name, { ...a }, opts, "chronicle", "ChronicleWorkforcePoolProvider");
  }
}
