import { startEmulator, Emulator, EmulatorOptions } from "../../emulator";
import { dispatch } from "../../provider/runtime/dispatch";

/**
 * Runs provider lifecycles in this process exactly as the provider host would:
 * through `dispatch`, configured with stack config pointing at a fresh
 * emulator over real HTTP.
 */
export interface ProviderHarness {
  emu: Emulator;
  call<T = any>(kind: string, method: string, ...args: unknown[]): Promise<T>;
  count(method: string): number;
  close(): Promise<void>;
}

export async function startProviderHarness(options: EmulatorOptions = {}, config: Record<string, string> = {}): Promise<ProviderHarness> {
  const emu = await startEmulator({ port: 0, ...options });
  const rawConfig: Record<string, string> = {
    "chronicle:emulatorHost": `127.0.0.1:${emu.port}`,
    "chronicle:requestsPerSecond": "1000",
    "chronicle:maxConcurrency": "16",
    ...config,
  };
  const stackConfig = { rawConfig, get: (k: string) => rawConfig[k], require: (k: string) => rawConfig[k] };
  await dispatch("customer", "configure", [{ config: stackConfig }]);
  return {
    emu,
    call: (kind, method, ...args) => dispatch(kind, method, args) as Promise<any>,
    count: (method) => emu.requestLog().filter((e) => e.method === method).length,
    close: () => emu.close(),
  };
}

/** Runs `fn` and returns the error it throws, failing if it does not. */
export async function rejection(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected a rejection");
}
