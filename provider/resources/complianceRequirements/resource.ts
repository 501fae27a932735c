import * as pulumi from "@pulumi/pulumi";
import provider = require("../../runtime/kinds/complianceRequirements");
import { requireArgs } from "../common/lifecycle";

export interface ChronicleComplianceRequirementsArgs {
  customerCode: pulumi.Input<string>;
  /**
   * e.g. `COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE`, `COMPLIANCE_CERTIFICATION_PCI_DSS`. The set is open:
   * any `COMPLIANCE_CERTIFICATION_*` value is sent as given.
   */
  complianceCertifications: pulumi.Input<pulumi.Input<string>[]>;
}

/** The compliance requirements of a customer (SetComplianceRequirements). No getter: refresh cannot see drift. */
export class ChronicleComplianceRequirements extends pulumi.dynamic.Resource {
  public static readonly typeToken = "pulumi-nodejs:dynamic/chronicle:ChronicleComplianceRequirements";
  public readonly customerCode!: pulumi.Output<string>;
  public readonly complianceCertifications!: pulumi.Output<string[]>;

  constructor(name: string, args: ChronicleComplianceRequirementsArgs, opts?: pulumi.CustomResourceOptions) {
    const a = requireArgs("ChronicleComplianceRequirements", args, ["customerCode", "complianceCertifications"], opts);
    super(provider, name, { ...a }, opts, "chronicle", "ChronicleComplianceRequirements");
  }
}
