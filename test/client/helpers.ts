/** Shared fixtures of the client tests: an emulator, settings pointed at it, a recording sleep. */
import { startEmulator, type Emulator, type EmulatorOptions } from "../../emulator";
import { ClientSettings, resolveSettings } from "../../provider/client/settings";
import { CreateCustomerRequest } from "../../provider/client/models";
import { PartnerClient, ClientHooks } from "../../provider/client/client";
import { RequestEvent } from "../../provider/client/transport";

export const SSO_XML =
  `<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com/secret-entity">` +
  `<md:IDPSSODescriptor><ds:X509Certificate>MIIC8DCCAdigAwIBAgIQSECRETSECRETSECRET</ds:X509Certificate></md:IDPSSODescriptor></md:EntityDescriptor>`;

export function createRequest(code: string, overrides: Partial<CreateCustomerRequest> = {}): CreateCustomerRequest {
  return { customerName: `Customer ${code}`, customerCode: code, customerSubdomains: [`${code}-sub`], ssoConfigXml: SSO_XML, ...overrides };
}

/** Settings for the emulator's default partner (static `owner` token), with fast retries and a loose limiter. */
export function emulatorSettings(emu: Emulator, extra: Partial<ClientSettings> = {}): ClientSettings {
  const base = resolveSettings({ "chronicle:emulatorHost": `127.0.0.1:${emu.port}` }, {});
  return { ...base, retryBaseDelayMs: 1, retryMaxDelayMs: 60_000, requestsPerSecond: 10_000, maxConcurrency: 16, ...extra };
}

/** Records every backoff delay and returns at once: tests count, they do not wait. */
export function recordingHooks(): ClientHooks & { sleeps: number[]; events: RequestEvent[] } {
  const sleeps: number[] = [];
  const events: RequestEvent[] = [];
  return {
    sleeps,
    events,
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
    onRequest: (e) => events.push(e),
  };
}

export async function withEmulator<T>(options: EmulatorOptions, fn: (emu: Emulator) => Promise<T>): Promise<T> {
  const emu = await startEmulator({ port: 0, ...options });
  try {
    return await fn(emu);
  } finally {
    await emu.close();
  }
}

export function clientFor(emu: Emulator, extra: Partial<ClientSettings> = {}, hooks: ClientHooks = recordingHooks()): PartnerClient {
  return new PartnerClient(emulatorSettings(emu, extra), hooks);
}

/** API method names in the emulator's log, in order. */
export function loggedMethods(emu: Emulator): string[] {
  return emu.requestLog().map((e) => e.method);
}

export function count(emu: Emulator, method: string): number {
  return loggedMethods(emu).filter((m) => m === method).length;
}
