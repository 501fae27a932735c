import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "../support/engine";
import { EXAMPLES_DIR } from "./support";

/**
 * Each example is a project a partner can copy: Pulumi.yaml, package.json with
 * its dependencies, index.ts, tsconfig.json and a README; and each is run by a
 * test of its own in this folder.
 */
const examples = fs.readdirSync(EXAMPLES_DIR).filter((d) => fs.statSync(path.join(EXAMPLES_DIR, d)).isDirectory());

test("the five examples exist", () => {
  assert.deepEqual(examples.sort(), ["composition", "customer-fleet", "emulator-in-tests", "existing-tenant", "single-customer"]);
});

for (const name of examples) {
  test(`examples/${name} is a complete project, run by test/examples/${name}.test.ts`, () => {
    const dir = path.join(EXAMPLES_DIR, name);
    for (const f of ["Pulumi.yaml", "package.json", "index.ts", "tsconfig.json", "README.md"]) {
      assert.ok(fs.existsSync(path.join(dir, f)), `examples/${name}/${f} is missing`);
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    const deps = Object.keys(pkg.dependencies ?? {});
    assert.ok(deps.includes("pulumi-chronicle-partner") && deps.includes("@pulumi/pulumi"), `examples/${name}/package.json dependencies: ${deps}`);
    if (name === "composition") assert.ok(deps.includes("@pulumi/random"));
    // The tarball `npm pack` writes at the root: a symlink to the checkout would load a second @pulumi/pulumi.
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
    assert.equal(pkg.dependencies["pulumi-chronicle-partner"], `file:../../pulumi-chronicle-partner-${version}.tgz`);
    assert.match(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8"), /^name: chronicle-[a-z-]+$/m);
    const testFile = path.join(ROOT, "test", "examples", `${name}.test.ts`);
    assert.ok(fs.existsSync(testFile), `no test runs examples/${name}`);
    assert.ok(fs.readFileSync(testFile, "utf8").includes(`"${name}"`), `test/examples/${name}.test.ts does not run examples/${name}`);
  });
}
