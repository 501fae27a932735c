import { setterLifecycle } from "../common/setter";
import { decodeSsoXml } from "../common/sso";

export const SSO_INPUTS = ["customerCode", "ssoConfig", "customerSubdomain", "updateV2Only"] as const;

export const ssoConfigLifecycle = setterLifecycle({
  resource: "ChronicleSsoConfig",
  inputs: SSO_INPUTS,
  replaceOn: ["customerCode", "customerSubdomain"],
  defaults: { updateV2Only: false },
  validate(c) {
    c.customerCode();
    c.samlMetadata("ssoConfig", true);
    c.subdomain("customerSubdomain", false);
    c.boolean("updateV2Only");
  },
  id: (i) => (i.customerSubdomain ? `${i.customerCode}/${i.customerSubdomain}` : String(i.customerCode)),
  async apply(api, i) {
    const sso = await api.updateSsoConfig({
      customerCode: String(i.customerCode),
      ssoConfigXml: String(i.ssoConfig),
      customerSubdomain: i.customerSubdomain as string | undefined,
      updateV2Only: i.updateV2Only as boolean | undefined,
    });
    return { ssoState: sso.state, ssoCreateTime: sso.createTime, ssoDeployTime: sso.deployTime };
  },
  async readLive(api, props) {
    const customer = await api.findCustomer(String(props.customerCode));
    if (!customer) return undefined;
    const sso = customer.ssoConfig;
    // A config that decodes to XML is compared with ours; a placeholder is not comparable.
    const liveXml = decodeSsoXml(sso?.config);
    return {
      ...props,
      ssoConfig: liveXml ?? props.ssoConfig,
      ssoState: sso?.state ?? "",
      ssoCreateTime: sso?.createTime ?? "",
      ssoDeployTime: sso?.deployTime ?? "",
    };
  },
  onDelete: (p) =>
    `The SSO configuration of customer "${p.customerCode}" was released from this stack and left as it is: the partner API cannot remove it.`,
});
