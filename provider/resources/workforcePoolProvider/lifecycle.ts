import { setterLifecycle } from "../common/setter";

export const workforcePoolProviderLifecycle = setterLifecycle({
  resource: "ChronicleWorkforcePoolProvider",
  inputs: ["customerCode", "customerSubdomain", "providerId"],
  replaceOn: ["customerCode", "customerSubdomain"],
  validate(c) {
    c.customerCode();
    c.subdomain("customerSubdomain", true);
    c.providerId("providerId", true);
  },
  id: (i) => `${i.customerCode}/${i.customerSubdomain}`,
  async apply(api, i) {
    await api.setWorkforcePoolProvider(String(i.customerCode), String(i.customerSubdomain), String(i.providerId));
    return {};
  },
  onDelete: (p) =>
    `The workforce pool provider of "${p.customerCode}/${p.customerSubdomain}" was released from this stack and left as it is.`,
});
