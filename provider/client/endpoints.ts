/**
 * The one place that knows where the partner API lives: base URLs per region,
 * endpoint overrides, the emulator host, and the path and verb of every method.
 */
import { ApiMethod, REGIONS, Region } from "./models";

export const BASE_PATH = "/v1/partner/customer";
const US_HOST = "backstory.googleapis.com";

export function isRegion(value: string): value is Region {
  return (REGIONS as readonly string[]).includes(value);
}

/**
 * Explains why a region is not valid. `eu` gets its own sentence: it is valid
 * for the newer `eu-chronicle` hosts but not for backstory, and users mix them up.
 */
export function regionError(value: string): string {
  if (value === "eu") {
    return `region "eu" is not a Backstory region: "eu" only exists for the newer Chronicle API hosts ` +
      `(eu-chronicle.googleapis.com). The Europe multi-region of the partner API is "europe" ` +
      `(europe-backstory.googleapis.com).`;
  }
  return `region "${value}" is not a Backstory region. Allowed: ${REGIONS.join(", ")}.`;
}

/** `https://backstory.googleapis.com/v1/partner/customer` for us, `https://{region}-backstory...` otherwise. */
export function regionBaseUrl(region: string): string {
  if (!isRegion(region)) throw new Error(regionError(region));
  const host = region === "us" ? US_HOST : `${region}-${US_HOST}`;
  return `https://${host}${BASE_PATH}`;
}

/**
 * An explicit endpoint: a full base URL (kept as given when it has a path),
 * a URL with no path (the API path is appended), or a bare host (https assumed).
 */
export function endpointBaseUrl(endpoint: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`endpoint "${endpoint}" is neither a URL nor a host name.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`endpoint "${endpoint}" must use http or https.`);
  }
  if (url.search || url.hash) throw new Error(`endpoint "${endpoint}" must not carry a query or fragment.`);
  const path = url.pathname.replace(/\/+$/, "");
  return `${url.protocol}//${url.host}${path === "" ? BASE_PATH : path}`;
}

/** `host:port` in the style of FIRESTORE_EMULATOR_HOST: plain http, the standard API path. */
export function emulatorBaseUrl(hostPort: string): string {
  if (!/^[A-Za-z0-9.-]+:\d{1,5}$/.test(hostPort) && !/^\[[0-9a-fA-F:]+\]:\d{1,5}$/.test(hostPort)) {
    throw new Error(`emulator host "${hostPort}" must be host:port, e.g. 127.0.0.1:8080 (no scheme, no path).`);
  }
  return `http://${hostPort}${BASE_PATH}`;
}

/** Emulator host beats an explicit endpoint, which beats the region. */
export function resolveBaseUrl(o: { region: string; endpoint?: string; emulatorHost?: string }): string {
  if (o.emulatorHost) return emulatorBaseUrl(o.emulatorHost);
  if (o.endpoint) return endpointBaseUrl(o.endpoint);
  return regionBaseUrl(o.region);
}

export type HttpVerb = "GET" | "POST" | "PATCH";

export interface Route {
  httpMethod: HttpVerb;
  /** Relative to the base URL, starting with `/`. */
  path: string;
  /** GETs take the customer code as a query parameter; everything else sends a JSON body. */
  takesQuery: boolean;
}

const ROUTES: Record<ApiMethod, Route> = {
  CreateCustomer: { httpMethod: "POST", path: "/createcustomer", takesQuery: false },
  GetCustomer: { httpMethod: "GET", path: "/getcustomer", takesQuery: true },
  GetCustomerForwarderConfigs: { httpMethod: "GET", path: "/forwarder/getconfigs", takesQuery: true },
  ListCustomers: { httpMethod: "GET", path: "/listcustomers", takesQuery: false },
  SetAuthVersion: { httpMethod: "POST", path: "/setauthversion", takesQuery: false },
  SetComplianceRequirements: { httpMethod: "POST", path: "/setcompliancerequirements", takesQuery: false },
  // The ":state" is part of the documented path, not a template.
  SetUIState: { httpMethod: "POST", path: "/setuistate:state", takesQuery: false },
  UpdateSSOConfig: { httpMethod: "PATCH", path: "/updatessoconfig", takesQuery: false },
  GenerateIdPMetadata: { httpMethod: "POST", path: "/generateidpmetadata", takesQuery: false },
  SetWorkforcePoolProvider: { httpMethod: "POST", path: "/setworkforcepoolprovider", takesQuery: false },
  SetGCPProjectLink: { httpMethod: "POST", path: "/setgcpprojectlink", takesQuery: false },
  GenerateIamMigrationCommands: { httpMethod: "POST", path: "/iammigration:generateIamMigrationCommands", takesQuery: false },
  EnableIAM: { httpMethod: "POST", path: "/iammigration:enableIam", takesQuery: false },
};

export function route(method: ApiMethod): Route {
  return ROUTES[method];
}
