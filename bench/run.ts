/**
 * `npm run bench`: what a stack of N customers (each with SSO config and UI
 * state) costs on the real engine against the emulator, next to the engine
 * floor and the API floor measured in the same run. Prints markdown tables;
 * a benchmark reports figures, it never fails on them.
 *
 * Flags: --n 1,10,50 (default; add 200 with --n 1,10,50,200 or --big),
 * --latency 0,100, --rps 100, --concurrency 16, --wif-n 10 (0 skips the
 * token-count run), --skip-checkpoints (sets PULUMI_SKIP_CHECKPOINTS=true for
 * every engine run, floors included), --out FILE (also write the tables there).
 */
import * as fs from "node:fs";
import { startEmulator } from "../emulator";
import { StackRun, apiFloor, customersStack, engineFloor, workloadIdentityStack } from "./scenarios";
import { Cell, machine, operationsTable, stateTable, tokenTable } from "./report";

interface Options {
  ns: number[];
  latencies: number[];
  rps: string;
  concurrency: string;
  wifN: number;
  skipCheckpoints: boolean;
  out?: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { ns: [1, 10, 50], latencies: [0, 100], rps: "100", concurrency: "16", wifN: 10, skipCheckpoints: false };
  const list = (v: string | undefined, flag: string) => {
    const ns = (v ?? "").split(",").map(Number);
    if (!ns.length || ns.some((n) => !Number.isInteger(n) || n < 0)) throw new Error(`${flag} takes a comma-separated list of whole numbers, got "${v}"`);
    return ns;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const next = () => argv[++i];
    switch (flag) {
      case "--n": o.ns = list(next(), flag); break;
      case "--big": o.ns = [...new Set([...o.ns, 200])]; break;
      case "--latency": o.latencies = list(next(), flag); break;
      case "--rps": o.rps = next(); break;
      case "--concurrency": o.concurrency = next(); break;
      case "--wif-n": o.wifN = list(next(), flag)[0]; break;
      case "--skip-checkpoints": o.skipCheckpoints = true; break;
      case "--out": o.out = next(); break;
      default: throw new Error(`unknown flag ${flag}; see the header of bench/run.ts`);
    }
  }
  return o;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  // The engine's children inherit it: no state snapshot after each step, one at the end.
  if (o.skipCheckpoints) process.env.PULUMI_SKIP_CHECKPOINTS = "true";
  const started = Date.now();
  // Creates are capped per day by Google (10 to 30); the benchmark creates far more, on purpose.
  const emu = await startEmulator({ port: 0, createQuotaPerDay: 1_000_000 });
  const limits = { "chronicle:requestsPerSecond": o.rps, "chronicle:maxConcurrency": o.concurrency };
  const config = { ...limits, "chronicle:emulatorHost": `127.0.0.1:${emu.port}` };
  try {
    const floors = new Map<number, StackRun>();
    const cells: Cell[] = [];
    for (const n of o.ns) {
      floors.set(n, await engineFloor(n));
      for (const latencyMs of o.latencies) {
        emu.setOptions({ latencyMs });
        const api = await apiFloor(n, emu, config);
        cells.push({ n, latencyMs, api, real: await customersStack(n, emu, config) });
      }
    }
    emu.setOptions({ latencyMs: 0 });
    const wif = o.wifN > 0 ? await workloadIdentityStack(o.wifN, emu, limits) : undefined;
    const text = [
      `## Machine\n\n${machine()}`,
      `## Settings\n\nchronicle:requestsPerSecond ${o.rps}, chronicle:maxConcurrency ${o.concurrency}; engine parallelism unbounded (the CLI default); emulator create quota lifted; ` +
        `${o.skipCheckpoints ? "PULUMI_SKIP_CHECKPOINTS=true" : "engine checkpoints on (the default)"}. ` +
        `Whole run: ${((Date.now() - started) / 60000).toFixed(1)} min.`,
      `## Operations\n\n${operationsTable(cells, floors)}`,
      `## State after up\n\n${stateTable(cells, floors)}`,
      wif ? `## Token fetches\n\n${tokenTable(o.wifN, wif)}` : "",
    ].filter(Boolean).join("\n\n") + "\n";
    process.stdout.write(text);
    if (o.out) fs.writeFileSync(o.out, text);
  } finally {
    await emu.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : String(err));
  process.exit(1);
});
