// The onboarding stack, run by `pulumi up` from this folder (see README). It
// reads the inventory named by the `onboarding:inventory` config key.
import * as pulumi from "@pulumi/pulumi";
import { readInventory } from "./onboarding/inventory";
import { onboardingProgram } from "./onboarding/program";

const config = new pulumi.Config("onboarding");
export = onboardingProgram(readInventory(config.get("inventory") ?? "inventory/customers.json"));
