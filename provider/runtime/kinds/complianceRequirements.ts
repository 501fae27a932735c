// The serialized provider of this resource kind; see kinds/README.md.
import { providerShim } from "../shim";

export = providerShim("complianceRequirements");
