/**
 * An engine program for the reliability tests: customers declared straight from
 * the program arguments, each with its SSO config on the customer itself (so a
 * secret input rides through create, partial create and refresh) and, when asked,
 * a UI state hanging off it. Copied into the scratch project by
 * test/support/engine.ts; it requires only the installed package.
 */
import { ChronicleCustomer, ChronicleUiState } from "pulumi-chronicle-partner";

/** One customer as the test passes it (test/reliability/engine.test.ts builds these). */
interface ProgramCustomer {
  code: string;
  subdomains?: string[];
  ssoConfig?: string;
  uiEnabled?: boolean;
}

export = (args: { customers: ProgramCustomer[] }) => {
  const codes = args.customers.map((c) => {
    const customer = new ChronicleCustomer(c.code, {
      customerName: `Customer ${c.code}`,
      customerCode: c.code,
      customerSubdomains: c.subdomains ?? [`${c.code}-soc`],
      ssoConfig: c.ssoConfig,
    });
    if (c.uiEnabled !== undefined) {
      new ChronicleUiState(`${c.code}-ui`, { customerCode: customer.customerCode, enabled: c.uiEnabled }, { parent: customer });
    }
    return customer.customerCode;
  });
  return { codes };
};
