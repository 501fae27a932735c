#!/usr/bin/env node
/** chronicle-partner-emulator: runs the emulator until SIGINT/SIGTERM. */
import { startEmulator } from "./emulator";
import type { EmulatorOptions } from "./types";

export const DEFAULT_PORT = 8473;

const USAGE = `Usage: chronicle-partner-emulator [options]

Local emulator of the Chronicle partner Customer Management API.

Options:
  --port N          port to listen on (default ${DEFAULT_PORT}; 0 picks a free port)
  --host HOST       interface to bind (default 127.0.0.1)
  --quota N         CreateCustomer calls per partner per emulator-day (default 10)
  --camel-case      answer with lowerCamelCase keys instead of snake_case
  --persist FILE    load state from FILE and rewrite it after every change
  --latency-ms N    add N ms to every API request
  --rps N           per-partner rate limit in requests per second
  --create-delay-ms N  extra time CreateCustomer takes
  --help            show this help

Clients authenticate with "Authorization: Bearer owner" (the default partner), or with keys and
subject tokens from the control API under /__emulator/. The control API has no auth:
keep the default host 127.0.0.1 unless the network is trusted.
`;

class UsageError extends Error {}

function intArg(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 0) throw new UsageError(`${flag} needs a non-negative integer`);
  return n;
}

function stringArg(flag: string, value: string | undefined): string {
  if (value === undefined || value.startsWith("--")) throw new UsageError(`${flag} needs a value`);
  return value;
}

export function parseArgs(argv: string[]): EmulatorOptions | "help" {
  const o: EmulatorOptions = { port: DEFAULT_PORT };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const next = (): string | undefined => argv[++i];
    switch (flag) {
      case "--help": case "-h": return "help";
      case "--port": o.port = intArg(flag, next()); break;
      case "--host": o.host = stringArg(flag, next()); break;
      case "--quota": o.createQuotaPerDay = intArg(flag, next()); break;
      case "--camel-case": o.camelCase = true; break;
      case "--persist": o.persistPath = stringArg(flag, next()); break;
      case "--latency-ms": o.latencyMs = intArg(flag, next()); break;
      case "--rps": o.requestsPerSecond = intArg(flag, next()); break;
      case "--create-delay-ms": o.createDelayMs = intArg(flag, next()); break;
      default: throw new UsageError(`unknown option ${flag}`);
    }
  }
  return o;
}

async function main(): Promise<void> {
  let options: EmulatorOptions | "help";
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === "help") {
    process.stdout.write(USAGE);
    return;
  }
  const emulator = await startEmulator(options);
  const stop = (): void => {
    emulator.close().then(() => process.exit(0), () => process.exit(1));
  };
  // Handlers first: a supervisor may signal the moment it reads the ready line.
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  process.stdout.write(`chronicle-partner-emulator listening on ${emulator.url}\n`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`chronicle-partner-emulator: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
