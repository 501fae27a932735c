/** The partner API's route table: path, verb, method name, accepted fields and handler. */
import * as m from "./methods";

export const API_BASE = "/v1/partner/customer";

export interface Route {
  name: string;
  httpMethod: "GET" | "POST" | "PATCH";
  path: string;
  /** camelCase names of accepted body (or query) fields; either spelling is accepted on the wire. */
  fields: readonly string[];
  handler: (ctx: m.MethodContext) => Promise<m.Reply>;
}

const r = (name: string, httpMethod: Route["httpMethod"], path: string, fields: string[], handler: Route["handler"]): Route => ({
  name,
  httpMethod,
  path: `${API_BASE}${path}`,
  fields,
  handler,
});

export const ROUTES: readonly Route[] = [
  r("CreateCustomer", "POST", "/createcustomer",
    ["customerName", "customerCode", "customerSubdomains", "ssoConfig", "retentionDuration", "gcpProject", "providerId", "authVersion"],
    m.createCustomer),
  r("GetCustomer", "GET", "/getcustomer", ["customerCode"], m.getCustomer),
  r("GetCustomerForwarderConfigs", "GET", "/forwarder/getconfigs", ["customerCode"], m.getForwarderConfigs),
  // No paging is documented; a page token a client passes through is accepted and ignored.
  r("ListCustomers", "GET", "/listcustomers", ["pageToken", "pageSize"], m.listCustomers),
  r("SetAuthVersion", "POST", "/setauthversion", ["customerCode", "authVersion"], m.setAuthVersion),
  r("SetComplianceRequirements", "POST", "/setcompliancerequirements", ["customerCode", "complianceCertifications"], m.setComplianceRequirements),
  r("SetUIState", "POST", "/setuistate:state", ["customerCode", "state"], m.setUiState),
  r("UpdateSSOConfig", "PATCH", "/updatessoconfig", ["customerCode", "ssoConfig", "customerSubdomain", "updateV2Only"], m.updateSsoConfig),
  r("GenerateIdPMetadata", "POST", "/generateidpmetadata", ["customerSubdomain"], m.generateIdpMetadata),
  r("SetWorkforcePoolProvider", "POST", "/setworkforcepoolprovider", ["customerCode", "customerSubdomain", "providerId"], m.setWorkforcePoolProvider),
  r("SetGCPProjectLink", "POST", "/setgcpprojectlink", ["customerCode", "gcpProject"], m.setGcpProjectLink),
  r("GenerateIamMigrationCommands", "POST", "/iammigration:generateIamMigrationCommands", ["customerCode"], m.generateIamMigrationCommands),
  r("EnableIAM", "POST", "/iammigration:enableIam", ["customerCode"], m.enableIam),
];

export const API_METHOD_NAMES = ROUTES.map((route) => route.name);

/** Clients may percent-encode the colon of `setuistate:state`; both spellings name one route. */
export function findRoute(path: string): Route | undefined {
  const decoded = path.replace(/%3A/gi, ":");
  return ROUTES.find((route) => route.path === decoded);
}
