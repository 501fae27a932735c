/** Shared helpers for the emulator tests: real HTTP over 127.0.0.1 with fetch. */
import { createSign } from "crypto";
import { startEmulator, type Emulator, type EmulatorOptions, type ServiceAccountKeyJson } from "../../emulator";

export const BASE = "/v1/partner/customer";
export const SCOPE = "https://www.googleapis.com/auth/chronicle-backstory";
export const SSO_XML = '<?xml version="1.0"?><md:EntityDescriptor entityID="https://idp.example.com/secret-marker-7731"/>';
export const SSO_B64 = Buffer.from(SSO_XML).toString("base64");

export interface ApiResponse {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
  text: string;
}

export async function call(
  emu: Emulator | string,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = "owner",
): Promise<ApiResponse> {
  const url = typeof emu === "string" ? emu : emu.url;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    json = {};
  }
  return { status: res.status, headers: res.headers, json, text };
}

export const api = (emu: Emulator | string, method: string, path: string, body?: unknown, token?: string | null) =>
  call(emu, method, `${BASE}${path}`, body, token);

export function createBody(code: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { customer_name: `Customer ${code}`, customer_code: code, customer_subdomains: [code], sso_config: SSO_B64, ...extra };
}

export function errorOf(r: ApiResponse): { code: number; status: string; message: string; details?: Record<string, unknown>[] } {
  return r.json.error as { code: number; status: string; message: string; details?: Record<string, unknown>[] };
}

export async function withEmulator(options: EmulatorOptions, fn: (emu: Emulator) => Promise<void>): Promise<void> {
  const emu = await startEmulator(options);
  try {
    await fn(emu);
  } finally {
    await emu.close();
  }
}

/** Signs an RS256 JWT the way google-auth-library's JWTAccess / gtoken do. */
export function signJwt(key: ServiceAccountKeyJson, claims: Record<string, unknown>, kid: string | undefined = key.private_key_id): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const header = kid ? { alg: "RS256", typ: "JWT", kid } : { alg: "RS256", typ: "JWT" };
  const input = `${b64(header)}.${b64(claims)}`;
  const sig = createSign("RSA-SHA256").update(input).sign(key.private_key).toString("base64url");
  return `${input}.${sig}`;
}

export function jwtClaims(key: ServiceAccountKeyJson, extra: Record<string, unknown>): Record<string, unknown> {
  const iat = Math.floor(Date.now() / 1000);
  return { iss: key.client_email, sub: key.client_email, iat, exp: iat + 3600, ...extra };
}
