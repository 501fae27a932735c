/** startEmulator: binds the HTTP server and wraps the core in the public Emulator object. */
import { createServer, type Server } from "http";
import type { AddressInfo, Socket } from "net";
import { EmulatorCore } from "./core";
import { createRequestHandler } from "./server";
import type { Emulator, EmulatorOptions } from "./types";

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Keep-alive sockets would hold close() open until they time out; track them so close() is prompt. */
function trackSockets(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return sockets;
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const core = new EmulatorCore(options);
  const server = createServer(createRequestHandler(core));
  const sockets = trackSockets(server);
  const host = options.host ?? "127.0.0.1";
  core.port = await listen(server, options.port ?? 0, host);
  core.url = `http://${urlHost(host)}:${core.port}`;
  return {
    url: core.url,
    port: core.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        for (const s of sockets) s.destroy();
      }),
    requestLog: () => core.log.map((e) => ({ ...e })),
    clearLog: () => {
      core.log = [];
    },
    injectFault: (f) => core.injectFault(f),
    clearFaults: () => core.faults.clear(),
    advanceClock: (ms) => core.advanceClock(ms),
    createServiceAccountKey: (partner) => core.createServiceAccountKey(partner),
    createSubjectToken: (partner) => core.createSubjectToken(partner),
    issuedAccessTokens: () => Object.keys(core.store.state.auth.accessTokens),
    customers: (partner) => core.customers(partner),
    updateCustomer: (code, patch, partner) => core.updateCustomer(code, patch, partner),
    setOptions: (o) => core.setOptions(o),
    reset: () => core.reset(),
  };
}
