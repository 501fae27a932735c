/**
 * The engine floor: the same resource graph as customers.ts (a root and two
 * children that take an input from the root's output), made of trivial
 * dynamic resources that do no I/O. What the engine, the program and the
 * dynamic-provider process cost with nothing of ours inside.
 */
import * as pulumi from "@pulumi/pulumi";
import { FleetArgs, customerCode } from "./fleet";

type Props = Record<string, unknown>;

// Defined here, outside node_modules, so Pulumi serializes it by value: a few lines, no require.
const trivial: pulumi.dynamic.ResourceProvider = {
  async create(inputs: Props) {
    return { id: String(inputs.key), outs: inputs };
  },
  async diff(_id: string, olds: Props, news: Props) {
    return { changes: olds.value !== news.value };
  },
  async update(_id: string, _olds: Props, news: Props) {
    return { outs: news };
  },
  async read(id: string, props: Props) {
    return { id, props };
  },
};

class Trivial extends pulumi.dynamic.Resource {
  public readonly key!: pulumi.Output<string>;

  constructor(name: string, props: { key: pulumi.Input<string>; value: pulumi.Input<string>; root?: pulumi.Input<string> }, opts?: pulumi.CustomResourceOptions) {
    super(trivial, name, props, opts, "bench", "Trivial");
  }
}

export = (args: FleetArgs): { resources: number } => {
  for (let i = 0; i < args.n; i++) {
    const code = customerCode(i);
    const root = new Trivial(code, { key: code, value: "customer" });
    const opts = { parent: root };
    new Trivial(`${code}-sso`, { key: `${code}-sso`, root: root.key, value: `sso-r${args.ssoRevision}` }, opts);
    new Trivial(`${code}-ui`, { key: `${code}-ui`, root: root.key, value: "ui" }, opts);
  }
  return { resources: 3 * args.n };
};
