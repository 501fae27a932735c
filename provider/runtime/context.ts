import * as pulumi from "@pulumi/pulumi";
import { PartnerApi } from "../client/models";
import { resolveSettings, sharedClient, ClientSettings, SETTINGS_DOC } from "../client";

/**
 * The provider process's view of the stack configuration. `configure` hands
 * over the whole stack config (secrets decrypted) once per serialized
 * provider; every resource kind reads the same `chronicle:` keys, so one
 * module-level copy serves them all. Nothing here is ever serialized.
 */
let config: Record<string, string | undefined> = {};
let settings: ClientSettings | undefined;

export function configure(req: pulumi.dynamic.ConfigureRequest): void {
  config = configMap(req.config);
  settings = undefined;
}

function configMap(cfg: pulumi.dynamic.Config): Record<string, string | undefined> {
  // The host's Config keeps the whole map; the interface only offers get().
  const raw = (cfg as unknown as { rawConfig?: Record<string, string> }).rawConfig;
  if (raw) return { ...raw };
  // Otherwise ask for every documented key, so that no setting is silently dropped.
  return Object.fromEntries(SETTINGS_DOC.map((d) => [d.key, cfg.get(d.key)]));
}

export function configValue(key: string): string | undefined {
  return config[key];
}

export function clientSettings(): ClientSettings {
  settings ??= resolveSettings(config, process.env);
  return settings;
}

export function apiClient(): PartnerApi {
  return sharedClient(clientSettings());
}
