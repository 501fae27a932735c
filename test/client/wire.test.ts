/** Wire conversion and the retry/error policy as pure functions. */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as wire from "../../provider/client/wire";
import { backoffDelayMs, parseRetryAfter } from "../../provider/client/transport";
import { ChronicleApiError, errorFromResponse } from "../../provider/client/errors";

test("CreateCustomer body: snake_case, subdomains as an array, SSO XML as base64, optional fields only when set", () => {
  const body = wire.createCustomerBody({ customerName: "N", customerCode: "c", customerSubdomains: ["s"], ssoConfigXml: "<x/>", authVersion: "AUTH_VERSION_3" });
  assert.deepEqual(body, { customer_name: "N", customer_code: "c", customer_subdomains: ["s"], sso_config: "PHgvPg==", auth_version: "AUTH_VERSION_3" });
  assert.deepEqual(wire.updateSsoConfigBody({ customerCode: "c", ssoConfigXml: "<x/>", updateV2Only: false }),
    { customer_code: "c", sso_config: "PHgvPg==", update_v2_only: false });
  assert.deepEqual(wire.setComplianceBody("c", ["COMPLIANCE_CERTIFICATION_PCI_DSS"]), { customer_code: "c", compliance_certifications: ["COMPLIANCE_CERTIFICATION_PCI_DSS"] });
});

test("responses: either spelling, deeply; unknown fields ignored; missing lists empty", () => {
  const snake = { id: "i", customer_id: "ci", customer_code: "c", customer_name: "n", sso_config: { create_time: "t1", deploy_time: "t2", state: "DEPLOYED", config: "x" },
    credentials: [{ id: "k", credential_type: "BACKSTORY_API", credential: "Zm9v" }], surprise: 1 };
  const camel = { id: "i", customerId: "ci", customerCode: "c", customerName: "n", ssoConfig: { createTime: "t1", deployTime: "t2", state: "DEPLOYED", config: "x" },
    credentials: [{ id: "k", credentialType: "BACKSTORY_API", credential: "Zm9v" }] };
  const a = wire.parseCustomer("GetCustomer", snake);
  assert.deepEqual(a, wire.parseCustomer("GetCustomer", camel));
  assert.deepEqual(a.forwarders, []);
  assert.equal(a.ssoConfig?.deployTime, "t2");
  assert.equal(a.credentials[0].credentialType, "BACKSTORY_API");
  assert.ok(!("surprise" in a));
});

test("the seed's single-string forms and string booleans are normalized", () => {
  assert.deepEqual(wire.parseCompliance({ complianceCertifications: "COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE" }),
    { complianceCertifications: ["COMPLIANCE_CERTIFICATION_FEDRAMP_MODERATE"] });
  assert.deepEqual(wire.parseUiState({ state: "true" }), { state: true });
  assert.deepEqual(wire.parseUiState({}), { state: false });
  assert.equal(wire.parseCustomer("GetCustomer", { customer_code: "c", customer_subdomains: "one" }).customerSubdomains[0], "one");
});

test("a body that is not the documented shape is MALFORMED_RESPONSE", () => {
  assert.throws(() => wire.parseCustomer("GetCustomer", { id: "no code" }), (e: unknown) => e instanceof ChronicleApiError && e.status === "MALFORMED_RESPONSE");
  assert.throws(() => wire.parseCustomerPage({ customers: "nope" }), /ListCustomers/);
  assert.throws(() => wire.parseUiState({ state: 3 }), /SetUIState/);
});

test("Retry-After: seconds and HTTP dates", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  assert.equal(parseRetryAfter("3", now), 3000);
  assert.equal(parseRetryAfter("Thu, 01 Jan 2026 00:00:10 GMT", now), 10_000);
  assert.equal(parseRetryAfter("Wed, 31 Dec 2025 00:00:00 GMT", now), 0);
  assert.equal(parseRetryAfter("soon", now), undefined);
  assert.equal(parseRetryAfter(undefined, now), undefined);
});

test("backoff: full jitter under an exponential ceiling, capped, never below Retry-After", () => {
  const s = { retryBaseDelayMs: 100, retryMaxDelayMs: 1000 };
  assert.equal(backoffDelayMs(1, s, undefined, () => 0.999), 99);
  assert.equal(backoffDelayMs(3, s, undefined, () => 0.5), 200);
  assert.equal(backoffDelayMs(10, s, undefined, () => 0.999), 999);
  assert.equal(backoffDelayMs(1, s, 5000, () => 0.5), 5000);
  assert.equal(backoffDelayMs(4, s, undefined, () => 0), 0);
});

test("429 classification: per-day quota fails fast, per-second rate limit is retryable", () => {
  const body = (reason: string, limit: string, message = "x") => ({ error: { code: 429, status: "RESOURCE_EXHAUSTED", message,
    details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason, metadata: { quota_limit: limit } }] } });
  const daily = errorFromResponse({ method: "CreateCustomer" }, 429, body("RATE_LIMIT_EXCEEDED", "CreateCustomerRequestsPerDay"));
  assert.equal(daily.dailyQuota, true);
  assert.equal(daily.retryable, false);
  const rate = errorFromResponse({ method: "CreateCustomer" }, 429, body("RATE_LIMIT_EXCEEDED", "RequestsPerSecondPerPartner", "rate limit exceeded"));
  assert.equal(rate.dailyQuota, false);
  assert.equal(rate.retryable, true);
  const other = errorFromResponse({ method: "GetCustomer" }, 429, { error: { message: "Resource has been exhausted (e.g. check quota)." } });
  assert.equal(other.retryable, true);
});

test("status mapping without a Google body; 5xx marks the outcome unknown", () => {
  const e502 = errorFromResponse({ method: "GetCustomer" }, 502, "<html>Bad Gateway</html>");
  assert.equal(e502.status, "UNAVAILABLE");
  assert.equal(e502.outcomeUnknown, true);
  assert.ok(!e502.message.includes("html"));
  const e403 = errorFromResponse({ method: "GetCustomer", customerCode: "c" }, 403, {});
  assert.match(e403.message, /not authorized for this customer/);
  const scope = errorFromResponse({ method: "GetCustomer" }, 403, { error: { status: "PERMISSION_DENIED", details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "ACCESS_TOKEN_SCOPE_INSUFFICIENT" }] } });
  assert.match(scope.message, /lacks the scope/);
});
