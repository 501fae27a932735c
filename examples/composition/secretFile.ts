import * as pulumi from "@pulumi/pulumi";

export interface SecretFileArgs {
    /** Where to write the file. */
    path: pulumi.Input<string>;
    /** The secret to write: pass a secret Output, it stays encrypted in the state. */
    content: pulumi.Input<string>;
}

interface SecretFileInputs {
    path: string;
    content: string;
}

/**
 * Writes a secret to a local file readable by its owner only (mode 0600), for a
 * process on this machine that reads a key from disk, such as a forwarder.
 * The outputs hold the path only: the content stays in the (secret) inputs.
 */
export const secretFileProvider = {
    async create(inputs: SecretFileInputs): Promise<pulumi.dynamic.CreateResult> {
        require("fs").writeFileSync(inputs.path, inputs.content, { mode: 0o600 });
        return { id: inputs.path, outs: { path: inputs.path } };
    },
    async diff(_id: string, olds: { path: string }, news: SecretFileInputs): Promise<pulumi.dynamic.DiffResult> {
        const moved = olds.path !== news.path;
        // The content is not in the outputs, so every up rewrites it: cheap, and it repairs a deleted file.
        return { changes: true, replaces: moved ? ["path"] : [], deleteBeforeReplace: true };
    },
    async update(_id: string, _olds: { path: string }, news: SecretFileInputs): Promise<pulumi.dynamic.UpdateResult> {
        require("fs").writeFileSync(news.path, news.content, { mode: 0o600 });
        return { outs: { path: news.path } };
    },
    async delete(id: string): Promise<void> {
        require("fs").rmSync(id, { force: true });
    },
};

export class SecretFile extends pulumi.dynamic.Resource {
    // `declare`: a plain class field would be redefined as undefined after super() under ES2022 class fields.
    declare public readonly path: pulumi.Output<string>;

    constructor(name: string, args: SecretFileArgs, opts?: pulumi.CustomResourceOptions) {
        super(secretFileProvider, name, { ...args, content: pulumi.secret(args.content) }, opts, "composition", "SecretFile");
    }
}
