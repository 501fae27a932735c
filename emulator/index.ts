/** Local emulator of the Chronicle partner Customer Management API. */
export { startEmulator } from "./emulator";
export { EMULATOR_OWNER_TOKEN } from "./auth";
export { API_METHOD_NAMES, API_BASE } from "./routes";
export {
  DEFAULT_PARTNER,
  BACKSTORY_SCOPE,
  type Emulator,
  type EmulatorOptions,
  type EmulatorCustomer,
  type CustomerPatch,
  type Fault,
  type RequestLogEntry,
  type ServiceAccountKeyJson,
  type SsoConfigState,
  type CredentialState,
} from "./types";
