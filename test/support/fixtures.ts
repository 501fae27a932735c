/** Test data shared by the provider and engine tests. */

/** A SAML IdP metadata document; `marker` makes each one distinct and searchable in state and logs. */
export function samlMetadata(marker = "idp"): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://${marker}.example.com/saml">`,
    `  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">`,
    `    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://${marker}.example.com/sso"/>`,
    `  </md:IDPSSODescriptor>`,
    `</md:EntityDescriptor>`,
  ].join("\n");
}

export function customerInputs(code: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    customerName: `Customer ${code}`,
    customerCode: code,
    customerSubdomains: [`${code}-soc`],
    ...extra,
  };
}
