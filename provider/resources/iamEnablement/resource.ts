import * as pulumi from "@pulumi/pulumi";
import provider = require("../../runtime/kinds/iamEnablement");
import { requireArgs } from "../common/lifecycle";

export interface ChronicleIamEnablementArgs {
  customerCode: pulumi.Input<string>;
  /**
   * Must be true. EnableIAM moves the customer to Google Cloud IAM and cannot be undone: the resource
   * refuses to call it without this acknowledgement.
   */
  acknowledgeIrreversible: pulumi.Input<boolean>;
}

/** Switches a customer to Google Cloud IAM (EnableIAM). Irreversible; destroy only releases it. */
export class ChronicleIamEnablement extends pulumi.dynamic.Resource {
  public static readonly typeToken = "pulumi-nodejs:dynamic/chronicle:ChronicleIamEnablement";
  public readonly customerCode!: pulumi.Output<string>;
  public readonly acknowledgeIrreversible!: pulumi.Output<boolean>;

  constructor(name: string, args: ChronicleIamEnablementArgs, opts?: pulumi.CustomResourceOptions) {
    const a = requireArgs("ChronicleIamEnablement", args, ["customerCode", "acknowledgeIrreversible"], opts);
    super(provider, name, { ...a }, opts, "chronicle", "ChronicleIamEnablement");
  }
}
