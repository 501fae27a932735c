import { setterLifecycle } from "../common/setter";

export const authVersionLifecycle = setterLifecycle({
  resource: "ChronicleAuthVersion",
  inputs: ["customerCode", "authVersion"],
  replaceOn: ["customerCode"],
  validate(c) {
    c.customerCode();
    c.authVersion("authVersion", true);
  },
  id: (i) => String(i.customerCode),
  async apply(api, i) {
    const { authVersion } = await api.setAuthVersion(String(i.customerCode), i.authVersion as never);
    return { authVersion: authVersion || i.authVersion };
  },
  onDelete: (p) =>
    `The auth version of customer "${p.customerCode}" was released from this stack and left at ${p.authVersion}.`,
});
