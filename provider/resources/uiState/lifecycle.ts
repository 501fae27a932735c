import { setterLifecycle } from "../common/setter";

export const uiStateLifecycle = setterLifecycle({
  resource: "ChronicleUiState",
  inputs: ["customerCode", "enabled"],
  replaceOn: ["customerCode"],
  validate(c) {
    c.customerCode();
    c.boolean("enabled", true);
  },
  id: (i) => String(i.customerCode),
  async apply(api, i) {
    const { state } = await api.setUiState(String(i.customerCode), i.enabled === true);
    return { enabled: state };
  },
  // The API has no getter for the UI state: refresh can only see that the customer is gone.
  onDelete: (p) =>
    `The web UI state of customer "${p.customerCode}" was released from this stack and left ${p.enabled ? "on" : "off"}.`,
});
