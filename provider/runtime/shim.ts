import * as pulumi from "@pulumi/pulumi";

/** The provider methods in the order the shim numbers them. Append only. */
export const METHODS = ["configure", "check", "diff", "create", "read", "update", "delete"] as const;

/**
 * The serialized half of every dynamic provider in this package.
 *
 * Pulumi stores the provider's closure in the state of every resource (inputs
 * and outputs), so it is kept to a few lines that `require` the installed
 * package at run time. That keeps `__provider` small, means `destroy` and
 * `refresh` run the code installed today rather than the code frozen when the
 * resource was created, and keeps native objects (HTTP clients, auth) and
 * secrets out of the closure. Only the resource kind string is captured.
 * Resources pass the shim as the exports of `kinds/<kind>.js`, which Pulumi
 * stores as a mere `require()` of that module in users' projects (kinds/README.md).
 */
export function providerShim(kind: string): pulumi.dynamic.ResourceProvider {
  // The package name, not a path: the provider process resolves it from the
  // program's directory, where the user installed this package. This text is
  // stored twice per resource, hence the terse names and the method numbers
  // (indexes into METHODS); `pulumi-chronicle-partner/dynamic` and those
  // numbers are a contract every future version must keep.
  const c = (m: number, a: unknown[]): Promise<any> => require("pulumi-chronicle-partner/dynamic").dispatch(kind, m, a);
  return {
    configure: (...a) => c(0, a),
    check: (...a) => c(1, a),
    diff: (...a) => c(2, a),
    create: (...a) => c(3, a),
    read: (...a) => c(4, a),
    update: (...a) => c(5, a),
    delete: (...a) => c(6, a),
  };
}
