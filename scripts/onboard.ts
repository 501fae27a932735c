/**
 * The main job: `pulumi up` of the onboarding stack (this folder's Pulumi.yaml),
 * non-interactively. When the stack points at a local emulator (the default),
 * the emulator is started first, with its customers kept in .onboarding/ so
 * that a second run changes nothing, and stopped at the end.
 *
 * The program runs as an Automation API inline program: it is this folder's
 * own `index.ts` (compiled), so `pulumi up` with a full CLI runs the same code.
 */
import * as path from "path";
import * as fs from "fs";
import { LocalWorkspace, PulumiCommand } from "@pulumi/pulumi/automation";
import { startEmulator, Emulator } from "../emulator";

const ROOT = path.resolve(__dirname, "..", "..");
const STATE_DIR = path.join(ROOT, ".onboarding");

function localEmulatorPort(host: string | undefined): number | undefined {
  const m = /^(?:127\.0\.0\.1|localhost):(\d+)$/.exec(host ?? "");
  return m ? Number(m[1]) : undefined;
}

async function main(): Promise<void> {
  const stackName = process.env.ONBOARDING_STACK ?? "emulator";
  fs.mkdirSync(path.join(STATE_DIR, "state"), { recursive: true });
  const envVars: Record<string, string> = {
    PULUMI_BACKEND_URL: process.env.PULUMI_BACKEND_URL ?? `file://${path.join(STATE_DIR, "state")}`,
  };
  const pulumiCommand = await PulumiCommand.get({ root: path.dirname(process.env.PULUMI_BIN!), skipVersionCheck: true });
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName, projectName: "chronicle-onboarding", program: async () => require(path.join(ROOT, "dist", "index.js")) },
    { workDir: ROOT, pulumiCommand, envVars },
  );
  const config = await stack.getAllConfig();
  const port = localEmulatorPort(config["chronicle:emulatorHost"]?.value);
  let emulator: Emulator | undefined;
  if (port !== undefined) {
    emulator = await startEmulator({ port, persistPath: path.join(STATE_DIR, "emulator.json") });
    console.log(`Started the partner API emulator at ${emulator.url} (customers kept in .onboarding/emulator.json)`);
  }
  try {
    const result = await stack.up({ onOutput: (s) => process.stdout.write(s), color: "never" });
    const customers = (result.outputs.customers?.value ?? []) as { code: string; instanceId: string; url: string }[];
    console.log(`\nOnboarded ${customers.length} customer(s) on stack "${stackName}":`);
    for (const c of customers) console.log(`  ${c.code.padEnd(18)} instance ${c.instanceId}  ${c.url}`);
    const changes = result.summary.resourceChanges ?? {};
    console.log(`Changes: ${Object.entries(changes).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  } finally {
    await emulator?.close();
  }
}

main().catch((err) => {
  console.error(`onboarding failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
