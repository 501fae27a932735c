/** Field rules of the partner API. Every failure is 400 INVALID_ARGUMENT naming the field, never its value. */
import { invalidArgument } from "./errors";

export const RETENTION_DURATIONS = ["SIX_MONTHS", "ONE_YEAR"];
export const AUTH_VERSIONS = ["AUTH_VERSION_1", "AUTH_VERSION_2", "AUTH_VERSION_3", "AUTH_VERSION_4"];

const CUSTOMER_CODE = /^[a-z][a-z0-9-]{0,17}$/;
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const COMPLIANCE = /^COMPLIANCE_CERTIFICATION_[A-Z0-9_]+$/;
const GCP_PROJECT = /^projects\/[A-Za-z0-9][A-Za-z0-9.:_-]{0,99}$/;
const PROVIDER_ID = /^locations\/global\/workforcePools\/[a-z0-9-]+\/providers\/[a-z0-9-]+$/;
// Standard or URL-safe alphabet, padding optional: what protobuf's JSON parser accepts for bytes.
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

export function requireString(value: unknown, field: string): string {
  if (typeof value !== "string" || value.trim() === "") throw invalidArgument(field, "is required and must be a non-empty string");
  return value;
}

export function customerCode(value: unknown, field = "customer_code"): string {
  const code = requireString(value, field);
  if (!CUSTOMER_CODE.test(code) || code.endsWith("-")) {
    throw invalidArgument(field, "must start with a lowercase letter, contain only [a-z0-9-], not end with '-', and be 1 to 18 characters");
  }
  return code;
}

export function subdomain(value: unknown, field: string): string {
  const s = requireString(value, field);
  if (!DNS_LABEL.test(s)) throw invalidArgument(field, "must be a DNS label: lowercase letters, digits and inner hyphens, at most 63 characters");
  return s;
}

/** The seed sends one string, responses hold an array: accept both. */
export function subdomains(value: unknown, field = "customer_subdomains"): string[] {
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) throw invalidArgument(field, "at least one subdomain is required");
  const out = list.map((v, i) => subdomain(v, `${field}[${i}]`));
  if (new Set(out).size !== out.length) throw invalidArgument(field, "contains duplicates");
  return out;
}

/** bytes on the wire: base64 of the IdP's SAML metadata XML. */
export function ssoConfig(value: unknown, field = "sso_config"): string {
  const b64 = requireString(value, field).trim();
  if (!BASE64.test(b64) || b64.length % 4 === 1) throw invalidArgument(field, "must be base64 (a bytes field)");
  const xml = Buffer.from(b64, "base64").toString("utf8").trim();
  if (!xml.startsWith("<")) throw invalidArgument(field, "must be base64 of SAML metadata XML");
  return b64;
}

export function oneOf(value: unknown, allowed: readonly string[], field: string): string {
  if (typeof value !== "string" || !allowed.includes(value)) throw invalidArgument(field, `must be one of ${allowed.join(", ")}`);
  return value;
}

export function gcpProject(value: unknown, field = "gcp_project"): string {
  const p = requireString(value, field);
  if (!GCP_PROJECT.test(p)) throw invalidArgument(field, "must be projects/PROJECT_ID");
  return p;
}

export function providerId(value: unknown, field = "provider_id"): string {
  const p = requireString(value, field);
  if (!PROVIDER_ID.test(p)) throw invalidArgument(field, "must be locations/global/workforcePools/POOL/providers/PROVIDER");
  return p;
}

/** A single string in the seed, a list in the later page. */
export function complianceCertifications(value: unknown, field = "compliance_certifications"): string[] {
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list)) throw invalidArgument(field, "must be a string or a list of strings");
  return list.map((v, i) => {
    if (typeof v !== "string" || !COMPLIANCE.test(v)) throw invalidArgument(`${field}[${i}]`, "must match COMPLIANCE_CERTIFICATION_[A-Z0-9_]+");
    return v;
  });
}

/** The samples send the string "true" for a bool field; Google's JSON mapping accepts it. */
export function bool(value: unknown, field: string): boolean {
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  throw invalidArgument(field, "must be a boolean");
}
