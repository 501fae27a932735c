import * as fs from "fs";
import * as path from "path";

/**
 * The partner's inventory of customers: the single file a partner edits to
 * onboard, change or release a customer. Paths inside it are relative to it.
 */
export interface InventoryCustomer {
  /** The customer code: the partner-unique key, never changed once created. */
  code: string;
  name: string;
  subdomains: string[];
  /** `SIX_MONTHS` or `ONE_YEAR`. */
  retention?: string;
  /** Path to the customer IdP's SAML metadata XML. */
  ssoMetadataFile?: string;
  /** Web UI on (true) or off (false). Omitted: not managed. */
  uiEnabled?: boolean;
  compliance?: string[];
  authVersion?: string;
  /** Take over a customer that already exists with this code. */
  adopt?: boolean;
  /** Keep the customer from being released by `pulumi destroy` (recommended for real tenants). */
  protect?: boolean;
}

export interface Inventory {
  customers: (InventoryCustomer & { ssoMetadata?: string })[];
}

const KEYS = ["code", "name", "subdomains", "retention", "ssoMetadataFile", "uiEnabled", "compliance", "authVersion", "adopt", "protect"];

function fail(file: string, where: string, message: string): never {
  throw new Error(`${file}: ${where}: ${message}`);
}

function checkCustomer(file: string, c: unknown, i: number): InventoryCustomer {
  const where = `customers[${i}]`;
  if (!c || typeof c !== "object" || Array.isArray(c)) fail(file, where, "each customer must be an object");
  const entry = c as Record<string, unknown>;
  for (const key of Object.keys(entry)) {
    if (!KEYS.includes(key)) fail(file, `${where}.${key}`, `unknown field; allowed: ${KEYS.join(", ")}`);
  }
  if (typeof entry.code !== "string") fail(file, `${where}.code`, "required: the customer code, e.g. \"acme\"");
  if (typeof entry.name !== "string") fail(file, `${where}.name`, "required: the customer's display name");
  if (!Array.isArray(entry.subdomains) || !entry.subdomains.every((s) => typeof s === "string")) {
    fail(file, `${where}.subdomains`, "required: a list of subdomains, e.g. [\"acme\"]");
  }
  if (entry.uiEnabled !== undefined && typeof entry.uiEnabled !== "boolean") fail(file, `${where}.uiEnabled`, "true or false");
  if (entry.compliance !== undefined && !Array.isArray(entry.compliance)) fail(file, `${where}.compliance`, "a list of certifications");
  return entry as unknown as InventoryCustomer;
}

/** Reads and checks the inventory; SSO metadata files are read here so that a missing file fails before any API call. */
export function readInventory(file: string): Inventory {
  const text = fs.readFileSync(file, "utf8");
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid JSON: ${(err as Error).message}`);
  }
  const list = (doc as { customers?: unknown })?.customers;
  if (!Array.isArray(list)) fail(file, "customers", "required: a list of customers");
  const customers = list.map((c, i) => checkCustomer(file, c, i));
  const codes = new Set<string>();
  customers.forEach((c, i) => {
    if (codes.has(c.code)) fail(file, `customers[${i}].code`, `"${c.code}" appears twice`);
    codes.add(c.code);
  });
  return {
    customers: customers.map((c) => ({
      ...c,
      ssoMetadata: c.ssoMetadataFile ? fs.readFileSync(path.resolve(path.dirname(file), c.ssoMetadataFile), "utf8") : undefined,
    })),
  };
}
