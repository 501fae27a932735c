import * as pulumi from "@pulumi/pulumi";
import { tenant } from "./tenant";

export const { instanceId } = tenant(new pulumi.Config().get("customerCode") ?? "acme");
