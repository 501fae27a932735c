import { ChronicleCustomer, ChronicleUiState } from "pulumi-chronicle-partner";

/** The stack's resources, in a function so that tests can run it as an inline program. */
export function tenant(code: string) {
    const customer = new ChronicleCustomer(code, {
        customerName: `Tenant ${code}`,
        customerCode: code,
        customerSubdomains: [code],
    });
    new ChronicleUiState(`${code}-ui`, { customerCode: customer.customerCode, enabled: true }, { parent: customer });
    return { instanceId: customer.instanceId };
}
