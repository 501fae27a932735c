/**
 * Warnings from inside the provider process.
 *
 * The dynamic-provider host does not connect `pulumi.log` to the engine, so a
 * warning logged there would vanish. The engine's address is the host's first
 * argument; its Log service shows our messages as real warnings in `pulumi up`.
 * Outside an engine (tests calling the provider directly) they go to stderr.
 */
let engine: { log(req: unknown, cb: (err: unknown) => void): void } | undefined | null;
const captured: string[] = [];

function engineClient() {
  if (engine !== undefined) return engine;
  engine = null;
  const address = process.argv[2];
  if (!address || !/^[\w.-]+:\d+$/.test(address) || !process.argv[1]?.includes("dynamic-provider")) return engine;
  try {
    // grpc-js is @pulumi/pulumi's dependency, not ours: load the copy it uses.
    const pulumiDir = require("path").dirname(require.resolve("@pulumi/pulumi/package.json"));
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));
    const { EngineClient } = require("@pulumi/pulumi/proto/engine_grpc_pb");
    engine = new EngineClient(address, grpc.credentials.createInsecure());
  } catch {
    engine = null;
  }
  return engine;
}

export async function warn(message: string): Promise<void> {
  captured.push(message);
  const client = engineClient();
  if (!client) {
    process.stderr.write(`warning: ${message}\n`);
    return;
  }
  const pb = require("@pulumi/pulumi/proto/engine_pb");
  const req = new pb.LogRequest();
  req.setSeverity(pb.LogSeverity.WARNING);
  req.setMessage(message);
  await new Promise<void>((resolve) => client.log(req, () => resolve()));
}

/** Warnings emitted so far in this process; tests read them. */
export function warnings(): readonly string[] {
  return captured;
}
