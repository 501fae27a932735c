import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as chronicle from "../../provider";
import { API_METHODS, REGIONS } from "../../provider/client/models";
import { regionBaseUrl, route } from "../../provider/client/endpoints";
import { ROOT } from "../support/engine";
import { generatedSection, settingsTable, tableAfter } from "./markdown";

/** The README's tables are the code's facts: they cannot drift apart. */

test("the README configuration table is SETTINGS_DOC, rendered", () => {
  assert.equal(
    generatedSection("README.md", "settings"),
    settingsTable(),
    "README.md's table between <!-- settings:start --> and <!-- settings:end --> must be exactly (run node -e 'console.log(require(\"./dist/test/docs/markdown\").settingsTable())'):\n" + settingsTable(),
  );
});

test("the README region table lists exactly the 19 regions with their hosts, and says europe, not eu", () => {
  const rows = tableAfter("README.md", "## Regions");
  const strip = (c: string) => c.replace(/`/g, "");
  assert.deepEqual(rows.map((r) => strip(r[0])), [...REGIONS]);
  assert.equal(REGIONS.length, 19);
  for (const [region, host] of rows.map((r) => r.map(strip))) {
    assert.equal(host, new URL(regionBaseUrl(region)).host, `host of ${region}`);
  }
  const section = fs.readFileSync(path.join(ROOT, "README.md"), "utf8").split("## Regions")[1];
  assert.match(section, /The `eu` trap/);
  assert.match(section, /`europe` \(`europe-backstory\.googleapis\.com`\)/);
});

test("the README lists the 13 API methods with their verb and path, each reached through an export of the package", () => {
  const rows = tableAfter("README.md", "## The 13 API methods and how each is reached");
  assert.deepEqual(rows.map((r) => r[0]).sort(), [...API_METHODS].sort());
  assert.equal(rows.length, 13);
  for (const [method, verb, p, reachedBy] of rows) {
    const r = route(method as (typeof API_METHODS)[number]);
    assert.equal(verb, r.httpMethod, `${method} verb`);
    assert.equal(p.replace(/`/g, ""), r.path, `${method} path`);
    const names = [...reachedBy.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]).filter((n) => !/^(ssoConfig|disableUiOnDelete|acknowledgeIrreversible|true)$/.test(n));
    assert.ok(names.length > 0, `${method}: reached through nothing`);
    for (const n of names) assert.ok(n in chronicle, `${method}: ${n} is not exported by the package`);
  }
});

test("the reference has a section for every resource and function the package exports", () => {
  const reference = fs.readFileSync(path.join(ROOT, "docs", "reference.md"), "utf8");
  const exported = Object.keys(chronicle).filter((k) => k !== "client");
  assert.ok(exported.length >= 18);
  for (const name of exported) {
    if (/^Chronicle/.test(name)) assert.match(reference, new RegExp(`^## ${name}$`, "m"), `docs/reference.md has no section for ${name}`);
    else assert.ok(reference.includes(`\`${name}\``), `docs/reference.md does not mention ${name}`);
  }
});
