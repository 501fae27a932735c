import { Lifecycle } from "./common/lifecycle";
import { customerLifecycle } from "./customer/lifecycle";
import { ssoConfigLifecycle } from "./ssoConfig/lifecycle";
import { uiStateLifecycle } from "./uiState/lifecycle";
import { authVersionLifecycle } from "./authVersion/lifecycle";
import { complianceRequirementsLifecycle } from "./complianceRequirements/lifecycle";
import { workforcePoolProviderLifecycle } from "./workforcePoolProvider/lifecycle";
import { gcpProjectLinkLifecycle } from "./gcpProjectLink/lifecycle";
import { iamEnablementLifecycle } from "./iamEnablement/lifecycle";

/**
 * Every resource kind, by the name its shim captures. These names are stored in
 * every stack's state: never rename one.
 */
export const LIFECYCLES: Record<string, Lifecycle> = {
  customer: customerLifecycle,
  ssoConfig: ssoConfigLifecycle,
  uiState: uiStateLifecycle,
  authVersion: authVersionLifecycle,
  complianceRequirements: complianceRequirementsLifecycle,
  workforcePoolProvider: workforcePoolProviderLifecycle,
  gcpProjectLink: gcpProjectLinkLifecycle,
  iamEnablement: iamEnablementLifecycle,
};
