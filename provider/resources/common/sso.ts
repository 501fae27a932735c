/**
 * The API returns the deployed SSO config as protobuf bytes (base64). When it
 * decodes to XML we can compare it with the declared metadata to see drift;
 * anything else (a placeholder such as "SSO_CONFIG_DEPLOYED") is not comparable.
 */
export function decodeSsoXml(config: string | undefined): string | undefined {
  if (!config) return undefined;
  if (!/^[A-Za-z0-9+/=\s]+$/.test(config)) return undefined;
  const text = Buffer.from(config, "base64").toString("utf8");
  return text.trimStart().startsWith("<") ? text : undefined;
}
