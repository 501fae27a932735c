import { setterLifecycle } from "../common/setter";

export const complianceRequirementsLifecycle = setterLifecycle({
  resource: "ChronicleComplianceRequirements",
  inputs: ["customerCode", "complianceCertifications"],
  replaceOn: ["customerCode"],
  validate(c) {
    c.customerCode();
    c.complianceList("complianceCertifications");
  },
  id: (i) => String(i.customerCode),
  async apply(api, i) {
    const declared = i.complianceCertifications as string[];
    await api.setComplianceRequirements(String(i.customerCode), declared);
    // Echo what was declared: the response may spell a one-item list as a string.
    return { complianceCertifications: declared };
  },
  onDelete: (p) =>
    `The compliance requirements of customer "${p.customerCode}" were released from this stack and left as they are.`,
});
