import * as pulumi from "@pulumi/pulumi";
import provider = require("../../runtime/kinds/gcpProjectLink");
import { requireArgs } from "../common/lifecycle";

export interface ChronicleGcpProjectLinkArgs {
  customerCode: pulumi.Input<string>;
  /** `projects/PROJECT_ID`. */
  gcpProject: pulumi.Input<string>;
}

/** The Google Cloud project linked to a customer (SetGCPProjectLink). No getter: refresh cannot see drift. */
export class ChronicleGcpProjectLink extends pulumi.dynamic.Resource {
  public static readonly typeToken = "pulumi-nodejs:dynamic/chronicle:ChronicleGcpProjectLink";
  public readonly customerCode!: pulumi.Output<string>;
  public readonly gcpProject!: pulumi.Output<string>;

  constructor(name: string, args: ChronicleGcpProjectLinkArgs, opts?: pulumi.CustomResourceOptions) {
    const a = requireArgs("ChronicleGcpProjectLink", args, ["customerCode", "gcpProject"], opts);
    super(provider, name, { ...a }, opts, "chronicle", "ChronicleGcpProjectLink");
  }
}
