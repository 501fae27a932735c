/** Bearer-token authentication: the emulator token, issued access tokens, and self-signed RS256 JWTs. */
import { createPublicKey, generateKeyPairSync, randomBytes, verify } from "crypto";
import { ApiError, errorInfo } from "./errors";
import type { IssuedToken, Store } from "./store";
import { BACKSTORY_SCOPE, DEFAULT_PARTNER, type ServiceAccountKeyJson } from "./types";

/** Firebase-emulator style: a client pointed at the emulator may send this instead of a real token. */
export const EMULATOR_OWNER_TOKEN = "owner";
export const ACCESS_TOKEN_LIFETIME_S = 3600;

export interface Principal {
  partner: string;
}

export interface JwtClaims {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  scope?: string;
  exp?: number;
  iat?: number;
}

/** What `authenticate` failed with, plus the partner when the token itself was good (for the log). */
export type AuthResult = { ok: true; principal: Principal } | { ok: false; error: ApiError; partner?: string };

function slug(partner: string): string {
  return partner.toLowerCase().replace(/[^a-z0-9-]/g, "-").slice(0, 24) || "partner";
}

export function createServiceAccountKey(store: Store, partner: string, tokenUri: string): ServiceAccountKeyJson {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomBytes(20).toString("hex");
  const projectId = `${slug(partner)}-proj`;
  const clientEmail = `sa-${randomBytes(4).toString("hex")}@${projectId}.iam.gserviceaccount.com`;
  store.state.auth.keys.push({
    kid,
    clientEmail,
    partner,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  });
  store.save();
  return {
    type: "service_account",
    project_id: projectId,
    private_key_id: kid,
    private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    client_email: clientEmail,
    client_id: String(BigInt(`0x${randomBytes(8).toString("hex")}`)),
    auth_uri: "https://accounts.google.com/o/oauth2/auth",
    token_uri: tokenUri,
    auth_provider_x509_cert_url: "https://www.googleapis.com/oauth2/v1/certs",
    client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(clientEmail)}`,
    universe_domain: "googleapis.com",
  };
}

export function createSubjectToken(store: Store, partner: string): string {
  const token = `emulator-subject-${randomBytes(24).toString("base64url")}`;
  store.state.auth.subjectTokens[token] = partner;
  store.save();
  return token;
}

export function issueAccessToken(store: Store, partner: string, scopes: string[]): string {
  const token = `ya29.emulator-${randomBytes(32).toString("base64url")}`;
  const issued: IssuedToken = { partner, scopes, expiresAt: Date.now() + ACCESS_TOKEN_LIFETIME_S * 1000 };
  dropExpiredTokens(store);
  store.state.auth.accessTokens[token] = issued;
  store.save();
  return token;
}

function dropExpiredTokens(store: Store): void {
  const tokens = store.state.auth.accessTokens;
  for (const [t, v] of Object.entries(tokens)) if (v.expiresAt <= Date.now()) delete tokens[t];
}

function decodeSegment<T>(segment: string): T | undefined {
  try {
    return JSON.parse(Buffer.from(segment, "base64url").toString("utf8")) as T;
  } catch {
    return undefined;
  }
}

/** Verifies an RS256 JWT against the registered public keys. Returns undefined on any defect. */
export function verifyJwt(store: Store, jwt: string): { claims: JwtClaims; partner: string } | undefined {
  const parts = jwt.split(".");
  if (parts.length !== 3) return undefined;
  const header = decodeSegment<{ alg?: string; kid?: string }>(parts[0]);
  const claims = decodeSegment<JwtClaims>(parts[1]);
  if (!header || !claims || header.alg !== "RS256") return undefined;
  const key = store.state.auth.keys.find((k) => (header.kid ? k.kid === header.kid : k.clientEmail === claims.iss));
  if (!key || claims.iss !== key.clientEmail) return undefined;
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
  const ok = verify("RSA-SHA256", signed, createPublicKey(key.publicKeyPem), Buffer.from(parts[2], "base64url"));
  if (!ok) return undefined;
  if (typeof claims.exp !== "number" || claims.exp * 1000 <= Date.now()) return undefined;
  return { claims, partner: key.partner };
}

function unauthenticated(why: string): ApiError {
  return new ApiError(
    "UNAUTHENTICATED",
    `Request had invalid authentication credentials (${why}). Expected OAuth 2 access token, login cookie or other valid authentication credential.`,
    [errorInfo("ACCESS_TOKEN_TYPE_UNSUPPORTED", { service: "backstory.googleapis.com" })],
  );
}

function scopeInsufficient(): ApiError {
  return new ApiError("PERMISSION_DENIED", "Request had insufficient authentication scopes.", [
    errorInfo("ACCESS_TOKEN_SCOPE_INSUFFICIENT", { service: "backstory.googleapis.com" }),
  ]);
}

/** A self-signed JWT may name the API by audience instead of by scope (google-auth-library's JWTAccess does). */
function audienceMatches(aud: JwtClaims["aud"], apiOrigins: string[]): boolean {
  const auds = Array.isArray(aud) ? aud : aud ? [aud] : [];
  const backstory = /^https:\/\/([a-z0-9-]+-)?backstory\.googleapis\.com(\/|$)/;
  return auds.some((a) => backstory.test(a) || apiOrigins.some((o) => a === o || a.startsWith(`${o}/`)));
}

function authenticateJwt(store: Store, jwt: string, apiOrigins: string[]): AuthResult {
  const verified = verifyJwt(store, jwt);
  if (!verified) return { ok: false, error: unauthenticated("JWT not signed by a registered key, malformed or expired") };
  const scopes = (verified.claims.scope ?? "").split(" ");
  if (scopes.includes(BACKSTORY_SCOPE) || (!verified.claims.scope && audienceMatches(verified.claims.aud, apiOrigins))) {
    return { ok: true, principal: { partner: verified.partner } };
  }
  return { ok: false, error: scopeInsufficient(), partner: verified.partner };
}

function authenticateAccessToken(store: Store, token: string): AuthResult {
  const issued = store.state.auth.accessTokens[token];
  if (!issued || issued.expiresAt <= Date.now()) return { ok: false, error: unauthenticated("unknown or expired access token") };
  if (!issued.scopes.includes(BACKSTORY_SCOPE)) return { ok: false, error: scopeInsufficient(), partner: issued.partner };
  return { ok: true, principal: { partner: issued.partner } };
}

export function authenticate(store: Store, authorization: string | undefined, apiOrigins: string[]): AuthResult {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) {
    return { ok: false, error: unauthenticated("missing Authorization: Bearer header") };
  }
  const token = match[1];
  if (token === EMULATOR_OWNER_TOKEN) return { ok: true, principal: { partner: DEFAULT_PARTNER } };
  if (token.split(".").length === 3 && !token.startsWith("ya29.")) return authenticateJwt(store, token, apiOrigins);
  return authenticateAccessToken(store, token);
}
