/**
 * Peak memory of the dynamic-provider process of one stack. The engine starts
 * it as `node .../@pulumi/pulumi/cmd/dynamic-provider ENGINE_ADDRESS` and ends
 * it with the operation, so it is found by polling /proc: its command line
 * names dynamic-provider and its environment carries this stack's own
 * PULUMI_HOME (other stacks on the machine are not ours). VmHWM only grows,
 * so the last sample before the process exits is its peak, give or take one
 * polling interval.
 */
import * as fs from "node:fs";

const POLL_MS = 20;

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function vmHwmKiB(pid: string): number | undefined {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`) ?? "");
  return m ? Number(m[1]) : undefined;
}

export class ProviderMemory {
  private readonly peaks = new Map<string, number>();
  private readonly ignored = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  /** `marker` is a `NAME=value` environment entry that only this stack's processes carry. */
  constructor(private readonly marker: string) {}

  start(): void {
    this.peaks.clear();
    this.ignored.clear();
    this.timer = setInterval(() => this.sample(), POLL_MS);
  }

  /** Peak VmHWM in KiB of the provider processes seen since start (the largest, if several), and how many there were. */
  stop(): { kib?: number; processes: number } {
    this.sample();
    clearInterval(this.timer);
    return { kib: this.peaks.size ? Math.max(...this.peaks.values()) : undefined, processes: this.peaks.size };
  }

  private sample(): void {
    for (const pid of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(pid) || this.ignored.has(pid)) continue;
      if (!this.peaks.has(pid) && !this.isOurs(pid)) continue;
      const kib = vmHwmKiB(pid);
      if (kib !== undefined) this.peaks.set(pid, Math.max(kib, this.peaks.get(pid) ?? 0));
    }
  }

  private isOurs(pid: string): boolean {
    const cmdline = read(`/proc/${pid}/cmdline`);
    if (cmdline === undefined) return false;
    // `node .../cmd/dynamic-provider ADDRESS`; not the plugin script's `node -e "require.resolve('...dynamic-provider')"`.
    const argv = cmdline.split("\0");
    if (!argv[1]?.includes("dynamic-provider")) {
      // Only a shell may still exec into the provider (the plugin is a sh script that
      // forks `node dynamic-provider`): any other process is not ours for good.
      if (cmdline.length > 0 && !/^(\S*\/)?(ba|da)?sh\0/.test(cmdline)) this.ignored.add(pid);
      return false;
    }
    const ours = (read(`/proc/${pid}/environ`) ?? "").split("\0").includes(this.marker);
    if (!ours) this.ignored.add(pid);
    return ours;
  }
}
