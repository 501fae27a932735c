import * as pulumi from "@pulumi/pulumi";
import { clientSettings, configure } from "./context";
import { LIFECYCLES } from "../resources/registry";
import { METHODS } from "./shim";
import { withRerunNote } from "./rerun";

type Method = "check" | "diff" | "create" | "read" | "update" | "delete";

/**
 * The entry point the serialized shim calls in the provider process. It runs
 * the lifecycle of the resource kind from the package installed today.
 */
export async function dispatch(kind: string, methodOrIndex: string | number, args: unknown[]): Promise<unknown> {
  const method = typeof methodOrIndex === "number" ? METHODS[methodOrIndex] : methodOrIndex;
  if (method === "configure") return configure(args[0] as pulumi.dynamic.ConfigureRequest);
  const lifecycle = LIFECYCLES[kind];
  if (!lifecycle) {
    throw new Error(
      `This stack has a chronicle resource of kind "${kind}", which the installed pulumi-chronicle-partner does not know. ` +
        `Install the version of pulumi-chronicle-partner that created it (or a newer one) and run the command again.`,
    );
  }
  // A bad `chronicle:` setting (say region "eu") stops the preview, before any API call.
  if (method === "check") clientSettings();
  const fn = lifecycle[method as Method] as (...a: unknown[]) => Promise<unknown>;
  if (!fn) throw new Error(`pulumi-chronicle-partner: unknown provider method "${method}"`);
  try {
    return await fn.apply(lifecycle, args);
  } catch (err) {
    throw withRerunNote(err);
  }
}
