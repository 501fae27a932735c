import { setterLifecycle } from "../common/setter";

export const iamEnablementLifecycle = setterLifecycle({
  resource: "ChronicleIamEnablement",
  inputs: ["customerCode", "acknowledgeIrreversible"],
  replaceOn: ["customerCode"],
  validate(c, news) {
    c.customerCode();
    c.boolean("acknowledgeIrreversible", true);
    if (news.acknowledgeIrreversible === false) {
      c.fail(
        "acknowledgeIrreversible",
        "acknowledgeIrreversible must be true: EnableIAM moves the customer to Google Cloud IAM for good and cannot be undone. " +
          "Run generateIamMigrationCommands first, apply its commands, then set acknowledgeIrreversible: true.",
      );
    }
  },
  id: (i) => String(i.customerCode),
  async apply(api, i) {
    await api.enableIam(String(i.customerCode));
    return {};
  },
  onDelete: (p) =>
    `Customer "${p.customerCode}" keeps Google Cloud IAM: EnableIAM cannot be undone. The resource was only released from this stack.`,
});
