/**
 * Every resource kind's inputs, as fast-check generators of valid values, for
 * the bad-input corpus and the fuzzing of `check`. `required` mirrors what the
 * lifecycles enforce; a generator that drifts from them makes the valid-input
 * property fail, so this table cannot silently go stale.
 */
import fc from "fast-check";
import { samlMetadata } from "../../support/fixtures";

export interface PropSpec {
  valid: fc.Arbitrary<unknown>;
  required: boolean;
}

const LOWER = "abcdefghijklmnopqrstuvwxyz".split("");
const LOWER_DIGIT = [...LOWER, ..."0123456789".split("")];
const chars = (set: string[], min: number, max: number) => fc.array(fc.constantFrom(...set), { minLength: min, maxLength: max }).map((a) => a.join(""));

/** [a-z]([a-z0-9-]{0,16}[a-z0-9])?: valid customer codes. */
export const customerCode = fc.tuple(fc.constantFrom(...LOWER), fc.option(fc.tuple(chars([...LOWER_DIGIT, "-"], 0, 16), fc.constantFrom(...LOWER_DIGIT)), { nil: undefined }))
  .map(([head, rest]) => head + (rest ? rest[0] + rest[1] : ""));
export const subdomain = fc.tuple(fc.constantFrom(...LOWER_DIGIT), chars([...LOWER_DIGIT, "-"], 0, 20), fc.constantFrom(...LOWER_DIGIT))
  .map(([a, b, c]) => a + b + c);
const ssoXml = fc.stringMatching(/^[a-z]{1,12}$/).map((m) => samlMetadata(m));
const gcpProject = fc.oneof(
  fc.tuple(fc.constantFrom(...LOWER), chars([...LOWER_DIGIT, "-"], 4, 28), fc.constantFrom(...LOWER_DIGIT)).map(([a, b, c]) => `projects/${a}${b}${c}`),
  fc.bigInt({ min: 1n, max: 99999999999n }).map((n) => `projects/${n}`),
);
const providerId = fc.tuple(chars([...LOWER_DIGIT, "-"], 4, 20), chars([...LOWER_DIGIT, "-"], 4, 20))
  .map(([pool, prov]) => `locations/global/workforcePools/${pool}/providers/${prov}`);
const certification = fc.stringMatching(/^[A-Z0-9_]{1,20}$/).map((s) => `COMPLIANCE_CERTIFICATION_${s}`);

export const KINDS: Record<string, Record<string, PropSpec>> = {
  customer: {
    customerName: { valid: fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== ""), required: true },
    customerCode: { valid: customerCode, required: true },
    customerSubdomains: { valid: fc.uniqueArray(subdomain, { minLength: 1, maxLength: 4 }), required: true },
    retentionDuration: { valid: fc.constantFrom("SIX_MONTHS", "ONE_YEAR"), required: false },
    ssoConfig: { valid: ssoXml, required: false },
    gcpProject: { valid: gcpProject, required: false },
    providerId: { valid: providerId, required: false },
    authVersion: { valid: fc.constantFrom("AUTH_VERSION_1", "AUTH_VERSION_2", "AUTH_VERSION_3", "AUTH_VERSION_4"), required: false },
    adoptExisting: { valid: fc.boolean(), required: false },
    disableUiOnDelete: { valid: fc.boolean(), required: false },
    storeCredentials: { valid: fc.boolean(), required: false },
  },
  ssoConfig: {
    customerCode: { valid: customerCode, required: true },
    ssoConfig: { valid: ssoXml, required: true },
    customerSubdomain: { valid: subdomain, required: false },
    updateV2Only: { valid: fc.boolean(), required: false },
  },
  uiState: {
    customerCode: { valid: customerCode, required: true },
    enabled: { valid: fc.boolean(), required: true },
  },
  authVersion: {
    customerCode: { valid: customerCode, required: true },
    authVersion: { valid: fc.constantFrom("AUTH_VERSION_1", "AUTH_VERSION_2", "AUTH_VERSION_3", "AUTH_VERSION_4"), required: true },
  },
  complianceRequirements: {
    customerCode: { valid: customerCode, required: true },
    complianceCertifications: { valid: fc.array(certification, { minLength: 1, maxLength: 4 }), required: true },
  },
  workforcePoolProvider: {
    customerCode: { valid: customerCode, required: true },
    customerSubdomain: { valid: subdomain, required: true },
    providerId: { valid: providerId, required: true },
  },
  gcpProjectLink: {
    customerCode: { valid: customerCode, required: true },
    gcpProject: { valid: gcpProject, required: true },
  },
  iamEnablement: {
    customerCode: { valid: customerCode, required: true },
    acknowledgeIrreversible: { valid: fc.constant(true), required: true },
  },
};

/** Valid inputs of `kind`: required properties always, optional ones sometimes. */
export function validInputs(kind: string): fc.Arbitrary<Record<string, unknown>> {
  const spec = KINDS[kind];
  const requiredKeys = Object.keys(spec).filter((k) => spec[k].required);
  return fc.record(Object.fromEntries(Object.entries(spec).map(([k, p]) => [k, p.valid])), { requiredKeys });
}
