import * as pulumi from "@pulumi/pulumi";

/** What each resource kind implements; the shim forwards the engine's calls to it. */
export type Lifecycle = Required<Omit<pulumi.dynamic.ResourceProvider, "configure">>;

/** Merges secret outputs into the user's options, keeping whatever they listed. */
export function withSecretOutputs(
  opts: pulumi.CustomResourceOptions | undefined,
  secrets: string[],
): pulumi.CustomResourceOptions {
  const listed = opts?.additionalSecretOutputs ?? [];
  return { ...opts, additionalSecretOutputs: [...new Set([...listed, ...secrets])] };
}

/** The plain sentence pulumi-random uses for a missing required property, raised in the constructor. */
export function requireArgs<T extends object>(
  resource: string,
  args: T | undefined,
  required: (keyof T & string)[],
  opts: pulumi.CustomResourceOptions | undefined,
): T {
  if (opts?.urn) return (args ?? {}) as T;
  for (const key of required) {
    if (!args || (args as Record<string, unknown>)[key] === undefined) {
      throw new Error(`Missing required property '${key}' of ${resource}`);
    }
  }
  return args as T;
}
