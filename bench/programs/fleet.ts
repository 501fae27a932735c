/**
 * The benchmark fleet: customer codes and SSO metadata, shared by the engine
 * programs (which run in the scratch project) and the API floor, so both make
 * the same calls with the same bodies.
 */
import { createHash } from "node:crypto";

/** `b0`, `b1`, ...: valid customer codes at every N the benchmark uses. */
export function customerCode(i: number): string {
  return `b${i}`;
}

/**
 * SAML IdP metadata of a realistic size (about 1.5 KB, most of it a signing
 * certificate), distinct per customer and per revision: the update scenario
 * bumps the revision to touch every customer's SSO config.
 */
export function samlMetadata(code: string, revision: number): string {
  const seed = `${code}/${revision}`;
  let cert = "";
  for (let i = 0; cert.length < 1100; i++) cert += createHash("sha256").update(`${seed}#${i}`).digest("base64");
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://${code}.idp.example.com/saml/r${revision}">`,
    `  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">`,
    `    <md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data>`,
    `      <ds:X509Certificate>${cert.slice(0, 1100)}</ds:X509Certificate>`,
    `    </ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
    `    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://${code}.idp.example.com/sso"/>`,
    `  </md:IDPSSODescriptor>`,
    `</md:EntityDescriptor>`,
  ].join("\n");
}

/** What the engine programs take as `programArgs`. */
export interface FleetArgs {
  n: number;
  /** Bumped by the update scenario. */
  ssoRevision: number;
}
