/** The partner API client: the only code in the package that talks HTTP. */
export * from "./models";
export { PartnerClient, sharedClient, type ClientHooks } from "./client";
export { resolveSettings, settingsFingerprint, SETTINGS_DOC, type ClientSettings, type SettingDoc } from "./settings";
export { ChronicleApiError, redact } from "./errors";
export { regionBaseUrl, resolveBaseUrl, route, BASE_PATH, type Route } from "./endpoints";
export { BACKSTORY_SCOPE, createAuthorizer, type Authorizer } from "./auth";
export { limiterStats, type RequestEvent, type TransportHooks } from "./transport";
