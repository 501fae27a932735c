import * as pulumi from "@pulumi/pulumi";

/**
 * The serialized half of every dynamic provider in this package.
 *
 * Pulumi stores the provider's closure in the state of every resource (inputs
 * and outputs), so it is kept to a few lines that `require` the installed
 * package at run time. That keeps `__provider` small, means `destroy` and
 * `refresh` run the code installed today rather than the code frozen when the
 * resource was created, and keeps native objects (HTTP clients, auth) and
 * secrets out of the closure. Only the resource kind string is captured.
 */
export function providerShim(kind: string): pulumi.dynamic.ResourceProvider {
  // The package name, not a path: the provider process resolves it from the
  // program's directory, where the user installed this package.
  const call = (method: string, args: unknown[]): Promise<any> =>
    require("pulumi-chronicle-partner/dist/provider/runtime/dispatch.js").dispatch(kind, method, args);
  return {
    configure: (...a) => call("configure", a),
    check: (...a) => call("check", a),
    diff: (...a) => call("diff", a),
    create: (...a) => call("create", a),
    read: (...a) => call("read", a),
    update: (...a) => call("update", a),
    delete: (...a) => call("delete", a),
  };
}
