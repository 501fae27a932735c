/** The OAuth token endpoint: STS token exchange (workload identity federation) and the JWT-bearer grant. */
import { ACCESS_TOKEN_LIFETIME_S, issueAccessToken, verifyJwt } from "./auth";
import type { Store } from "./store";

export const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
export const JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
export const ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

export interface TokenResult {
  status: number;
  body: Record<string, unknown>;
  partner?: string;
}

/** OAuth errors use RFC 6749's shape, which google-auth-library turns into a readable message. */
function oauthError(error: string, description: string, status = 400): TokenResult {
  return { status, body: { error, error_description: description } };
}

/** google-auth-library posts a form; a hand-written client may post JSON. Accept both. */
export function parseTokenBody(raw: string, contentType: string | undefined): Record<string, string> {
  if ((contentType ?? "").includes("application/json")) {
    const parsed = JSON.parse(raw || "{}") as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

function scopesOf(scope: string | undefined): string[] {
  return (scope ?? "").split(/\s+/).filter(Boolean);
}

function tokenExchange(store: Store, form: Record<string, string>): TokenResult {
  if (!form.subject_token || !form.subject_token_type) {
    return oauthError("invalid_request", "subject_token and subject_token_type are required");
  }
  if (form.requested_token_type && form.requested_token_type !== ACCESS_TOKEN_TYPE) {
    return oauthError("invalid_request", "requested_token_type must be an access token");
  }
  const partner = store.state.auth.subjectTokens[form.subject_token];
  if (!partner) return oauthError("invalid_grant", "The subject token is not one this emulator issued");
  const accessToken = issueAccessToken(store, partner, scopesOf(form.scope));
  return {
    status: 200,
    partner,
    body: { access_token: accessToken, issued_token_type: ACCESS_TOKEN_TYPE, token_type: "Bearer", expires_in: ACCESS_TOKEN_LIFETIME_S },
  };
}

function jwtBearer(store: Store, form: Record<string, string>): TokenResult {
  const verified = form.assertion ? verifyJwt(store, form.assertion) : undefined;
  if (!verified) return oauthError("invalid_grant", "Invalid JWT Signature, unknown key, or expired assertion.");
  const scopes = scopesOf(verified.claims.scope);
  if (scopes.length === 0) return oauthError("invalid_scope", "Invalid OAuth scope or ID token audience provided.");
  const accessToken = issueAccessToken(store, verified.partner, scopes);
  return {
    status: 200,
    partner: verified.partner,
    body: { access_token: accessToken, expires_in: ACCESS_TOKEN_LIFETIME_S, token_type: "Bearer" },
  };
}

export function handleToken(store: Store, form: Record<string, string>): TokenResult {
  switch (form.grant_type) {
    case TOKEN_EXCHANGE_GRANT:
      return tokenExchange(store, form);
    case JWT_BEARER_GRANT:
      return jwtBearer(store, form);
    default:
      return oauthError("unsupported_grant_type", "grant_type must be token-exchange or jwt-bearer");
  }
}
