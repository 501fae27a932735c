/**
 * Credentials for the partner API through google-auth-library. One Authorizer
 * per client (so one per settings per process): the library caches the token
 * and refreshes it before expiry; nothing here fetches a token per request.
 */
import { promises as fs } from "node:fs";
import {
  AuthClient, ExternalAccountClient, GoogleAuth, Impersonated, JWT, UserRefreshClient,
} from "google-auth-library";
import { ClientSettings, validateCredentialsJson } from "./settings";

export const BACKSTORY_SCOPE = "https://www.googleapis.com/auth/chronicle-backstory";
/** The emulator accepts this static bearer token as its default partner. */
/** What an impersonation source needs to call iamcredentials.generateAccessToken. */
const IMPERSONATION_SOURCE_SCOPE = "https://www.googleapis.com/auth/cloud-platform";
export const EMULATOR_DEFAULT_TOKEN = "owner";

export interface Authorizer {
  /** The value of the Authorization header for a request to `url`. */
  authorization(url: string): Promise<string>;
  /** Which kind of credentials is in use, for messages and logs: never the credentials. */
  readonly kind: string;
}

type CredentialsJson = { type: string } & Record<string, unknown>;

class StaticToken implements Authorizer {
  readonly kind = "emulator default partner token";
  constructor(private readonly token: string) {}
  async authorization(): Promise<string> {
    return `Bearer ${this.token}`;
  }
}

class LibraryAuthorizer implements Authorizer {
  private client?: Promise<AuthClient>;
  constructor(readonly kind: string, private readonly build: () => Promise<AuthClient>) {}

  async authorization(url: string): Promise<string> {
    // Build once; a failed build is retried on the next call rather than cached forever.
    this.client ??= this.build().catch((e) => {
      this.client = undefined;
      throw e;
    });
    const headers = await (await this.client).getRequestHeaders(url);
    const value = headers.get("authorization");
    if (!value) throw new Error(`${this.kind} produced no Authorization header`);
    return value;
  }
}

async function loadCredentials(s: ClientSettings): Promise<CredentialsJson | undefined> {
  if (s.credentials !== undefined) return JSON.parse(s.credentials) as CredentialsJson;
  if (s.credentialsFile === undefined) return undefined;
  let text: string;
  try {
    text = await fs.readFile(s.credentialsFile, "utf8");
  } catch (e) {
    throw new Error(`cannot read the credentials file ${s.credentialsFile} (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  validateCredentialsJson(text, `credentials file ${s.credentialsFile}`);
  return JSON.parse(text) as CredentialsJson;
}

/** Type-specific constructors rather than GoogleAuth.fromJSON: only the credential kinds we document are accepted. */
function clientFromJson(json: CredentialsJson, scope: string, selfSignedJwt: boolean): AuthClient {
  switch (json.type) {
    case "service_account": {
      const jwt = new JWT({
        email: json.client_email as string,
        key: json.private_key as string,
        keyId: json.private_key_id as string | undefined,
        scopes: [scope],
      });
      // Sign a scoped JWT locally: no call to oauth2.googleapis.com, which the
      // library hard-codes and an emulator cannot stand in for.
      jwt.useJWTAccessWithScope = selfSignedJwt;
      return jwt;
    }
    case "external_account": {
      const client = ExternalAccountClient.fromJSON({ ...(json as object), scopes: [scope] } as Parameters<typeof ExternalAccountClient.fromJSON>[0]);
      if (!client) throw new Error("the external_account credentials could not be loaded");
      return client;
    }
    case "authorized_user":
      // A user refresh token carries the scopes it was granted at consent time.
      return new UserRefreshClient({
        clientId: json.client_id as string,
        clientSecret: json.client_secret as string,
        refreshToken: json.refresh_token as string,
      });
    default:
      // impersonated_service_account / external_account_authorized_user: the library knows them.
      return new GoogleAuth({ scopes: [scope] }).fromJSON(json as Parameters<GoogleAuth["fromJSON"]>[0]);
  }
}

async function sourceClient(s: ClientSettings, scope: string): Promise<AuthClient> {
  const json = await loadCredentials(s);
  if (json) return clientFromJson(json, scope, s.selfSignedJwt);
  const client = await new GoogleAuth({ scopes: [scope] }).getClient();
  if (client instanceof JWT) client.useJWTAccessWithScope = s.selfSignedJwt;
  return client;
}

function describe(s: ClientSettings): string {
  const source = s.credentials !== undefined ? "credentials JSON"
    : s.credentialsFile !== undefined ? "credentials file"
      : "application default credentials";
  return s.impersonateServiceAccount ? `${source} impersonating ${s.impersonateServiceAccount}` : source;
}

export function createAuthorizer(s: ClientSettings): Authorizer {
  const hasCredentials = s.credentials !== undefined || s.credentialsFile !== undefined || s.impersonateServiceAccount !== undefined;
  if (s.emulatorHost && !hasCredentials) return new StaticToken(EMULATOR_DEFAULT_TOKEN);
  return new LibraryAuthorizer(describe(s), async () => {
    if (!s.impersonateServiceAccount) return sourceClient(s, BACKSTORY_SCOPE);
    const source = await sourceClient(s, IMPERSONATION_SOURCE_SCOPE);
    return new Impersonated({
      sourceClient: source,
      targetPrincipal: s.impersonateServiceAccount,
      targetScopes: [BACKSTORY_SCOPE],
      lifetime: 3600,
      ...(s.impersonationEndpoint ? { endpoint: s.impersonationEndpoint } : {}),
    });
  });
}
