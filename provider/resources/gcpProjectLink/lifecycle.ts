import { setterLifecycle } from "../common/setter";

export const gcpProjectLinkLifecycle = setterLifecycle({
  resource: "ChronicleGcpProjectLink",
  inputs: ["customerCode", "gcpProject"],
  replaceOn: ["customerCode"],
  validate(c) {
    c.customerCode();
    c.gcpProject("gcpProject", true);
  },
  id: (i) => String(i.customerCode),
  async apply(api, i) {
    await api.setGcpProjectLink(String(i.customerCode), String(i.gcpProject));
    return {};
  },
  onDelete: (p) =>
    `The Google Cloud project link of customer "${p.customerCode}" was released from this stack and left as it is.`,
});
