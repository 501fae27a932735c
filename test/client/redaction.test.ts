/**
 * No error message or hook event ever carries a credential, private key, token
 * or SSO XML, even when the server echoes the request back in its error body.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ChronicleApiError, redact } from "../../provider/client/errors";
import { PartnerClient } from "../../provider/client/client";
import { resolveSettings } from "../../provider/client/settings";
import { encodeSsoConfig } from "../../provider/client/wire";
import { createRequest, recordingHooks, SSO_XML, withEmulator } from "./helpers";

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

async function withServer(handler: Handler, fn: (hostPort: string) => Promise<void>): Promise<void> {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => handler(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await fn(`127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

const FAKE_PEM = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n-----END PRIVATE KEY-----\n";

test("redact(): keys, XML, tokens, JWTs, secret fields and base64 blobs go; plain words stay", () => {
  const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJhQGIuY29tIn0.c2lnbmF0dXJlLWJ5dGVz";
  const b64 = encodeSsoConfig(SSO_XML);
  const input = `customer code "acme" failed: ${FAKE_PEM} ${SSO_XML} Authorization: Bearer ya29.a0AfH6SMBx-secret ${jwt} ` +
    `{"private_key":"abc\\ndef","credential":"MTIzNDU2Nzg5MGFiY2RlZg==","sso_config":"${b64}"} access_token=opaque-123 blob ${b64}`;
  const out = redact(input, 10_000);
  for (const secret of ["MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj", "EntityDescriptor", "X509Certificate", "ya29.", "a0AfH6SMBx",
    "eyJhbGciOiJSUzI1NiJ9", "abc\\ndef", "MTIzNDU2Nzg5MGFiY2RlZg==", b64.slice(0, 40), "opaque-123"]) {
    assert.ok(!out.includes(secret), `leaked ${secret}: ${out}`);
  }
  assert.match(out, /customer code "acme" failed/);
  assert.equal(redact("x".repeat(500)).length, 303);
  assert.equal(redact("GetCustomer: no customer /v1/partner/customer/getcustomer"), "GetCustomer: no customer /v1/partner/customer/getcustomer");
});

test("a server that echoes the request and its headers into error bodies: nothing secret reaches messages or hook events", async () => {
  const echo: Handler = (req, body, res) => {
    const status = req.url?.includes("listcustomers") ? 500 : 400;
    json(res, status, {
      error: {
        code: status, status: status === 500 ? "INTERNAL" : "INVALID_ARGUMENT",
        message: `bad request ${body} auth=${req.headers.authorization} key=${FAKE_PEM}`,
        details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "ECHO", metadata: { echoed: body } }],
      },
    });
  };
  await withEmulator({}, async (emu) => {
    const key = emu.createServiceAccountKey();
    await withServer(echo, async (hostPort) => {
      const hooks = recordingHooks();
      const settings = { ...resolveSettings({ "chronicle:emulatorHost": hostPort, "chronicle:credentials": JSON.stringify(key) }, {}), retryBaseDelayMs: 1, maxRetries: 1 };
      const client = new PartnerClient(settings, hooks);
      const messages: string[] = [];
      const collect = (e: unknown) => {
        assert.ok(e instanceof ChronicleApiError);
        messages.push(e.message, String(e.stack), JSON.stringify(e));
        return true;
      };
      await assert.rejects(client.createCustomer(createRequest("leaky")), collect);
      await assert.rejects(client.updateSsoConfig({ customerCode: "leaky", ssoConfigXml: SSO_XML }), collect);
      await assert.rejects(client.listCustomers(), collect);
      assert.equal(messages.length, 9);
      const everything = messages.join("\n") + JSON.stringify(hooks.events);
      const keyLine = key.private_key.split("\n")[1];
      for (const secret of ["EntityDescriptor", encodeSsoConfig(SSO_XML).slice(0, 24), "Bearer ey", "eyJ", keyLine, "PRIVATE KEY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj"]) {
        assert.ok(!everything.includes(secret), `leaked ${secret.slice(0, 20)}...`);
      }
      // The useful part survives: which call, which status.
      assert.match(messages[0], /CreateCustomer for customer code "leaky" failed with HTTP 400 INVALID_ARGUMENT/);
      assert.match(messages[6], /ListCustomers failed with HTTP 500 INTERNAL after 2 attempts/);
      assert.deepEqual(hooks.events.map((e) => Object.keys(e).sort().join(",")), Array(hooks.events.length).fill("attempt,durationMs,httpMethod,method,status"));
    });
  });
});

test("customer credentials in a successful answer never reach hook events", async () => {
  await withEmulator({}, async (emu) => {
    const hooks = recordingHooks();
    const client = new PartnerClient({ ...resolveSettings({ "chronicle:emulatorHost": `127.0.0.1:${emu.port}` }, {}), requestsPerSecond: 10_000 }, hooks);
    const c = await client.createCustomer(createRequest("creds"));
    const dump = JSON.stringify(hooks.events);
    assert.ok(c.credentials.length > 0);
    for (const cred of c.credentials) assert.ok(!dump.includes(cred.credential));
    assert.ok(!dump.includes("owner"));
  });
});

test("ListCustomers follows next_page_token (either spelling) and passes it as page_token", async () => {
  const seen: string[] = [];
  const customer = (code: string) => ({ id: code, customer_id: "x", customer_code: code, customer_name: code, credentials: [] });
  await withServer((req, _body, res) => {
    const token = new URL(req.url ?? "", "http://x").searchParams.get("page_token") ?? "";
    seen.push(token);
    if (token === "") return json(res, 200, { customers: [customer("a")], next_page_token: "p2" });
    if (token === "p2") return json(res, 200, { customers: [customer("b")], nextPageToken: "p3", extraField: { ignored: true } });
    return json(res, 200, { customers: [customer("c")] });
  }, async (hostPort) => {
    const client = new PartnerClient({ ...resolveSettings({ "chronicle:emulatorHost": hostPort }, {}), requestsPerSecond: 10_000 });
    const list = await client.listCustomers();
    assert.deepEqual(list.map((c) => c.customerCode), ["a", "b", "c"]);
    assert.deepEqual(seen, ["", "p2", "p3"]);
  });
});
