import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { startEmulator } from "../../emulator";
import { api, createBody, jwtClaims, SCOPE, signJwt } from "./helpers";

describe("persistence", () => {
  it("a restarted emulator on the same file keeps customers, hidden state, quota, keys and tokens", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emu-persist-"));
    const file = join(dir, "state.json");
    const first = await startEmulator({ persistPath: file, createQuotaPerDay: 2 });
    const key = first.createServiceAccountKey();
    const subject = first.createSubjectToken("partner-b");
    const created = await api(first, "POST", "/createcustomer", createBody("kept"));
    await api(first, "POST", "/setuistate:state", { customer_code: "kept", state: false });
    await api(first, "POST", "/createcustomer", createBody("kept2"));
    await first.close();
    assert.deepEqual(readdirSync(dir), ["state.json"], "no temp file left behind");
    assert.ok(readFileSync(file, "utf8").includes('"kept"'));

    const second = await startEmulator({ persistPath: file, createQuotaPerDay: 2 });
    try {
      const got = await api(second, "GET", "/getcustomer?customer_code=kept");
      assert.equal(got.status, 200);
      assert.deepEqual(got.json, created.json);
      assert.equal(second.customers()[0].uiEnabled, false);
      assert.equal((await api(second, "POST", "/createcustomer", createBody("kept3"))).status, 429, "quota counter survived");
      const jwt = signJwt(key, jwtClaims(key, { scope: SCOPE }));
      assert.equal((await api(second, "GET", "/listcustomers", undefined, jwt)).status, 200, "registered key survived");
      const res = await fetch(`${second.url}/v1/token`, {
        method: "POST",
        body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:token-exchange", subject_token: subject, subject_token_type: "urn:ietf:params:oauth:token-type:jwt", scope: SCOPE }),
      });
      assert.equal(res.status, 200, "subject token survived");
    } finally {
      await second.close();
    }
  });

  it("the clock offset persists", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "emu-clock-")), "state.json");
    const first = await startEmulator({ persistPath: file });
    first.advanceClock(3 * 24 * 3600 * 1000);
    await first.close();
    const second = await startEmulator({ persistPath: file });
    try {
      const r = await api(second, "POST", "/createcustomer", createBody("future"));
      const created = Date.parse((r.json.sso_config as Record<string, string>).create_time);
      assert.ok(created - Date.now() > 2.9 * 24 * 3600 * 1000);
    } finally {
      await second.close();
    }
  });
});
