import * as pulumi from "@pulumi/pulumi";
import {
  ChronicleAuthVersion,
  ChronicleComplianceRequirements,
  ChronicleCustomer,
  ChronicleSsoConfig,
  ChronicleUiState,
} from "pulumi-chronicle-partner";
import { Inventory, InventoryCustomer } from "./inventory";

export interface OnboardedCustomer {
  code: string;
  instanceId: pulumi.Output<string>;
  url: string;
  ssoState?: pulumi.Output<string>;
  uiEnabled?: boolean;
}

/** Declares one customer and the settings the inventory gives it; each setting hangs off the customer. */
function onboardCustomer(c: InventoryCustomer & { ssoMetadata?: string }): OnboardedCustomer {
  const customer = new ChronicleCustomer(
    c.code,
    {
      customerName: c.name,
      customerCode: c.code,
      customerSubdomains: c.subdomains,
      retentionDuration: c.retention as "SIX_MONTHS" | "ONE_YEAR" | undefined,
      adoptExisting: c.adopt,
    },
    { protect: c.protect },
  );
  const opts = { parent: customer };
  const sso = c.ssoMetadata
    ? new ChronicleSsoConfig(`${c.code}-sso`, { customerCode: customer.customerCode, ssoConfig: c.ssoMetadata }, opts)
    : undefined;
  if (c.uiEnabled !== undefined) new ChronicleUiState(`${c.code}-ui`, { customerCode: customer.customerCode, enabled: c.uiEnabled }, opts);
  if (c.compliance?.length) {
    new ChronicleComplianceRequirements(`${c.code}-compliance`, { customerCode: customer.customerCode, complianceCertifications: c.compliance }, opts);
  }
  if (c.authVersion) new ChronicleAuthVersion(`${c.code}-auth`, { customerCode: customer.customerCode, authVersion: c.authVersion as never }, opts);
  return {
    code: c.code,
    instanceId: customer.instanceId,
    url: `https://${c.subdomains[0]}.backstory.chronicle.security`,
    ssoState: sso?.ssoState,
    uiEnabled: c.uiEnabled,
  };
}

/** The onboarding stack: every customer of the inventory. Its outputs carry no secret. */
export function onboardingProgram(inventory: Inventory): { customers: OnboardedCustomer[] } {
  return { customers: inventory.customers.map(onboardCustomer) };
}
