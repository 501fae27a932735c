import * as pulumi from "@pulumi/pulumi";
import provider = require("../../runtime/kinds/uiState");
import { requireArgs } from "../common/lifecycle";

export interface ChronicleUiStateArgs {
  customerCode: pulumi.Input<string>;
  /** true switches the customer's web application on, false off. */
  enabled: pulumi.Input<boolean>;
}

/**
 * The web UI switch of a customer (SetUIState). The API has no getter for it, so `refresh` cannot see
 * a change made outside the stack (only that the customer is gone). Destroy leaves the UI as it is.
 */
export class ChronicleUiState extends pulumi.dynamic.Resource {
  public static readonly typeToken = "pulumi-nodejs:dynamic/chronicle:ChronicleUiState";
  public readonly customerCode!: pulumi.Output<string>;
  public readonly enabled!: pulumi.Output<boolean>;

  constructor(name: string, args: ChronicleUiStateArgs, opts?: pulumi.CustomResourceOptions) {
    const a = requireArgs("ChronicleUiState", args, ["customerCode", "enabled"], opts);
    super(provider, name, { ...a }, opts, "chronicle", "ChronicleUiState");
  }
}
