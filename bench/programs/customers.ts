/**
 * The measured stack: N customers, each with its SSO config and UI state, as
 * the onboarding program declares them (settings are children of the customer
 * and take its code from the customer's output).
 */
import { ChronicleCustomer, ChronicleSsoConfig, ChronicleUiState } from "pulumi-chronicle-partner";
import { FleetArgs, customerCode, samlMetadata } from "./fleet";

export = (args: FleetArgs): { customers: number } => {
  for (let i = 0; i < args.n; i++) {
    const code = customerCode(i);
    const customer = new ChronicleCustomer(code, { customerName: `Bench ${code}`, customerCode: code, customerSubdomains: [`${code}-soc`] });
    const opts = { parent: customer };
    new ChronicleSsoConfig(`${code}-sso`, { customerCode: customer.customerCode, ssoConfig: samlMetadata(code, args.ssoRevision) }, opts);
    new ChronicleUiState(`${code}-ui`, { customerCode: customer.customerCode, enabled: true }, opts);
  }
  return { customers: args.n };
};
