import * as pulumi from "@pulumi/pulumi";
import { XMLValidator, XMLParser } from "fast-xml-parser";
import { AUTH_VERSIONS, RETENTION_DURATIONS } from "../../client/models";

/** The value the engine passes for not-yet-known inputs during preview, whatever their type. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(isUnknown);
  if (value && typeof value === "object") return Object.values(value).some(isUnknown);
  return false;
}

export const CUSTOMER_CODE_RULE =
  "a customer code starts with a lowercase letter, uses only lowercase letters, digits and '-', does not end with '-', and has 1 to 18 characters";
const CUSTOMER_CODE = /^[a-z](?:[a-z0-9-]{0,16}[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const SUBDOMAIN_RULE =
  "use lowercase letters, digits and '-', 1 to 63 characters, not starting or ending with '-' (it becomes SUBDOMAIN.backstory.chronicle.security)";
const GCP_PROJECT = /^projects\/(?:[a-z][a-z0-9-]{4,28}[a-z0-9]|\d{1,20})$/;
const PROVIDER_ID = /^locations\/global\/workforcePools\/[a-z0-9-]{4,63}\/providers\/[a-z0-9-]{4,32}$/;
const COMPLIANCE = /^COMPLIANCE_CERTIFICATION_[A-Z0-9_]+$/;

export function isValidCustomerCode(code: string): boolean {
  return CUSTOMER_CODE.test(code);
}

/** A short, non-secret description of a value for an error message. */
function describe(value: unknown): string {
  if (typeof value === "string") return value.length > 40 ? `a ${value.length}-character string` : JSON.stringify(value);
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return `a ${typeof value}`;
}

/**
 * Collects every problem with a resource's inputs so that `check` reports them
 * all at once, each naming the property and what is allowed. Unknown values
 * (preview) are never judged: they are checked again when known.
 */
export class InputChecker {
  readonly failures: pulumi.dynamic.CheckFailure[] = [];

  constructor(private readonly inputs: Record<string, unknown>, allowed: readonly string[]) {
    for (const key of Object.keys(inputs)) {
      if (key.startsWith("__") || allowed.includes(key)) continue;
      const camel = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      const hint = allowed.includes(camel) ? ` Did you mean '${camel}'?` : ` Allowed properties: ${allowed.join(", ")}.`;
      this.fail(key, `'${key}' is not a property of this resource.${hint}`);
    }
  }

  fail(property: string, reason: string): void {
    this.failures.push({ property, reason });
  }

  /** Returns the value when it is present and known, after checking that it is a string. */
  private str(prop: string, required: boolean): string | undefined {
    const v = this.inputs[prop];
    if (v === undefined || v === null) {
      if (required) this.fail(prop, `${prop} is required.`);
      return undefined;
    }
    if (isUnknown(v)) return undefined;
    if (typeof v !== "string") {
      this.fail(prop, `${prop} must be a string, got ${describe(v)}.`);
      return undefined;
    }
    return v;
  }

  customerCode(prop = "customerCode"): void {
    const v = this.str(prop, true);
    if (v !== undefined && !CUSTOMER_CODE.test(v)) {
      this.fail(prop, `${prop} ${describe(v)} is not valid: ${CUSTOMER_CODE_RULE}.`);
    }
  }

  nonEmptyString(prop: string, required = true, maxLength = 256): void {
    const v = this.str(prop, required);
    if (v === undefined) return;
    if (v.trim() === "") this.fail(prop, `${prop} must not be empty.`);
    else if (v.length > maxLength) this.fail(prop, `${prop} must have at most ${maxLength} characters, got ${v.length}.`);
  }

  /** A string that must match `pattern`; `rule` says what is allowed. */
  private matching(prop: string, required: boolean, noun: string, pattern: RegExp, rule: string): void {
    const v = this.str(prop, required);
    if (v !== undefined && !pattern.test(v)) this.fail(prop, `${prop} ${describe(v)} is not a valid ${noun}: ${rule}.`);
  }

  /** A non-empty list whose items each match `pattern`. */
  private list(prop: string, what: { noun: string; pattern: RegExp; rule: string; unique?: boolean }): void {
    const v = this.inputs[prop];
    if (v === undefined || v === null) return this.fail(prop, `${prop} is required: a list of at least one ${what.noun} (${what.rule}).`);
    if (isUnknown(v) && !Array.isArray(v)) return;
    if (!Array.isArray(v)) return this.fail(prop, `${prop} must be a list of ${what.noun}s, got ${describe(v)}.`);
    if (v.length === 0) return this.fail(prop, `${prop} must contain at least one ${what.noun}.`);
    v.forEach((item, i) => {
      if (isUnknown(item)) return;
      if (typeof item !== "string" || !what.pattern.test(item)) {
        this.fail(`${prop}[${i}]`, `${prop}[${i}] ${describe(item)} is not a valid ${what.noun}: ${what.rule}.`);
      }
    });
    const known = v.filter((x) => typeof x === "string" && !isUnknown(x));
    if (what.unique && new Set(known).size !== known.length) this.fail(prop, `${prop} lists the same ${what.noun} more than once.`);
  }

  subdomain(prop: string, required: boolean): void {
    this.matching(prop, required, "subdomain", SUBDOMAIN, SUBDOMAIN_RULE);
  }

  subdomainList(prop: string): void {
    this.list(prop, { noun: "subdomain", pattern: SUBDOMAIN, rule: SUBDOMAIN_RULE, unique: true });
  }

  enumValue(prop: string, allowed: readonly string[], required = false): void {
    const v = this.str(prop, required);
    if (v !== undefined && !allowed.includes(v)) {
      this.fail(prop, `${prop} ${describe(v)} is not allowed: use one of ${allowed.join(", ")}.`);
    }
  }

  retentionDuration(prop = "retentionDuration"): void {
    this.enumValue(prop, RETENTION_DURATIONS);
  }

  authVersion(prop = "authVersion", required = false): void {
    this.enumValue(prop, AUTH_VERSIONS, required);
  }

  boolean(prop: string, required = false): void {
    const v = this.inputs[prop];
    if (v === undefined || v === null) {
      if (required) this.fail(prop, `${prop} is required: true or false.`);
      return;
    }
    if (!isUnknown(v) && typeof v !== "boolean") this.fail(prop, `${prop} must be true or false, got ${describe(v)}.`);
  }

  gcpProject(prop: string, required: boolean): void {
    this.matching(prop, required, "project", GCP_PROJECT, `use "projects/PROJECT_ID" (or "projects/PROJECT_NUMBER")`);
  }

  providerId(prop: string, required: boolean): void {
    this.matching(prop, required, "workforce pool provider", PROVIDER_ID, `use "locations/global/workforcePools/POOL/providers/PROVIDER"`);
  }

  complianceList(prop: string): void {
    this.list(prop, {
      noun: "certification",
      pattern: COMPLIANCE,
      rule: "certifications look like COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE or COMPLIANCE_CERTIFICATION_PCI_DSS",
    });
  }

  /** The IdP's SAML metadata XML. The reason never quotes the value: it is treated as a secret. */
  samlMetadata(prop: string, required: boolean): void {
    const v = this.str(prop, required);
    if (v === undefined) return;
    const problem = samlMetadataProblem(v);
    if (problem) this.fail(prop, `${prop} must be the identity provider's SAML metadata XML (the file's contents, not base64 or a path): ${problem}.`);
  }
}

export function samlMetadataProblem(xml: string): string | undefined {
  const text = xml.trim();
  if (!text.startsWith("<")) return "it does not start with '<'";
  const result = XMLValidator.validate(text);
  if (result !== true) return `it is not well-formed XML (line ${result.err.line}: ${result.err.code})`;
  const doc = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true }).parse(text) as Record<string, unknown>;
  const roots = Object.keys(doc).filter((k) => k !== "?xml");
  if (!roots.some((r) => r === "EntityDescriptor" || r === "EntitiesDescriptor")) {
    return `its root element is ${roots[0] ?? "missing"}, expected EntityDescriptor`;
  }
  return undefined;
}
