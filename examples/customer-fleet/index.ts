import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { ChronicleComplianceRequirements, ChronicleCustomer, ChronicleUiState } from "pulumi-chronicle-partner";

/** One entry of customers.json: the single file the team edits to onboard a customer. */
interface InventoryEntry {
    code: string;
    name: string;
    subdomains: string[];
    retention?: "SIX_MONTHS" | "ONE_YEAR";
    uiEnabled?: boolean;
    compliance?: string[];
}

const config = new pulumi.Config();
const inventoryFile = path.resolve(__dirname, config.get("inventory") ?? "customers.json");
const inventory: { customers: InventoryEntry[] } = JSON.parse(fs.readFileSync(inventoryFile, "utf8"));

function onboard(entry: InventoryEntry) {
    const customer = new ChronicleCustomer(entry.code, {
        customerName: entry.name,
        customerCode: entry.code,
        customerSubdomains: entry.subdomains,
        retentionDuration: entry.retention,
    }, { protect: config.getBoolean("protect") ?? false });
    // Settings hang off their customer: `pulumi stack` shows each tenant as one tree.
    const opts = { parent: customer };
    if (entry.uiEnabled !== undefined) {
        new ChronicleUiState(`${entry.code}-ui`, { customerCode: customer.customerCode, enabled: entry.uiEnabled }, opts);
    }
    if (entry.compliance?.length) {
        new ChronicleComplianceRequirements(`${entry.code}-compliance`, {
            customerCode: customer.customerCode,
            complianceCertifications: entry.compliance,
        }, opts);
    }
    return { code: entry.code, instanceId: customer.instanceId, url: `https://${entry.subdomains[0]}.backstory.chronicle.security` };
}

export const customers = inventory.customers.map(onboard);
