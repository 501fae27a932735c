import * as pulumi from "@pulumi/pulumi";
import provider = require("../../runtime/kinds/authVersion");
import { requireArgs } from "../common/lifecycle";

export interface ChronicleAuthVersionArgs {
  customerCode: pulumi.Input<string>;
  /**
   * `AUTH_VERSION_1` or `AUTH_VERSION_2` (seed page), `AUTH_VERSION_3` (workforce identity federation) or
   * `AUTH_VERSION_4` (Cloud Identity) (later page). Set it only once end-to-end authentication works.
   */
  authVersion: pulumi.Input<"AUTH_VERSION_1" | "AUTH_VERSION_2" | "AUTH_VERSION_3" | "AUTH_VERSION_4">;
}

/** The authentication version of a customer (SetAuthVersion). No getter: refresh cannot see drift. */
export class ChronicleAuthVersion extends pulumi.dynamic.Resource {
  public static readonly typeToken = "pulumi-nodejs:dynamic/chronicle:ChronicleAuthVersion";
  public readonly customerCode!: pulumi.Output<string>;
  public readonly authVersion!: pulumi.Output<string>;

  constructor(name: string, args: ChronicleAuthVersionArgs, opts?: pulumi.CustomResourceOptions) {
    const a = requireArgs("ChronicleAuthVersion", args, ["customerCode", "authVersion"], opts);
    super(provider, name, { ...a }, opts, "chronicle", "ChronicleAuthVersion");
  }
}
