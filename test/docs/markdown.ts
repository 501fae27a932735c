/**
 * Reading the docs as data: fenced code blocks, the tables that must match
 * the code, and the set of markdown files that count as docs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { SETTINGS_DOC } from "../../provider/client/settings";
import { ROOT } from "../support/engine";

/** README.md, docs/*.md and every example's README.md, as paths relative to the repo. */
export function docFiles(): string[] {
  const docs = fs.readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`);
  const examples = fs.readdirSync(path.join(ROOT, "examples"))
    .filter((d) => fs.existsSync(path.join(ROOT, "examples", d, "README.md")))
    .map((d) => `examples/${d}/README.md`);
  return ["README.md", ...docs, ...examples];
}

export interface CodeBlock {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  code: string;
}

/** Every fenced block (``` fences, optionally indented), with its language tag. */
export function codeBlocks(file: string): CodeBlock[] {
  const lines = fs.readFileSync(path.join(ROOT, file), "utf8").split("\n");
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\S*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const indent = open[1].length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]); j++) body.push(lines[j].slice(Math.min(indent, lines[j].search(/\S|$/))));
    if (j >= lines.length) throw new Error(`${file}:${i + 1}: code block is never closed`);
    blocks.push({ file, line: i + 1, lang: open[2], code: body.join("\n") });
    i = j;
  }
  return blocks;
}

/** Shell lines of a block: comments and blank lines dropped, `\` continuations joined, trailing comments cut. */
export function shellCommands(code: string): string[] {
  const joined = code.replace(/\\\n\s*/g, "");
  return joined
    .split("\n")
    .map((l) => l.replace(/\s+#\s.*$/, "").trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

/** The text between `<!-- NAME:start -->` and `<!-- NAME:end -->` in a file. */
export function generatedSection(file: string, name: string): string {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const m = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`).exec(text);
  if (!m) throw new Error(`${file} has no <!-- ${name}:start --> ... <!-- ${name}:end --> section`);
  return m[1];
}

/** The configuration table, rendered from SETTINGS_DOC: the README holds exactly this. */
export function settingsTable(): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|");
  const rows = SETTINGS_DOC.map((s) =>
    `| \`${s.key}\` | ${s.env ? `\`${s.env}\`` : "-"} | ${s.secret ? "**yes**" : "no"} | ${s.default ? cell(s.default) : "-"} | ${cell(s.description)} |`,
  );
  return ["| Stack config key | Environment variable | Secret | Default | Meaning |", "|---|---|---|---|---|", ...rows].join("\n") + "\n";
}

/** Rows of the first markdown table after `heading`, as cells with backticks kept. */
export function tableAfter(file: string, heading: string): string[][] {
  const lines = fs.readFileSync(path.join(ROOT, file), "utf8").split("\n");
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) throw new Error(`${file} has no heading "${heading}"`);
  const rows: string[][] = [];
  let inTable = false;
  for (const l of lines.slice(start + 1)) {
    if (l.startsWith("|")) {
      inTable = true;
      if (/^\|[\s|:-]+\|$/.test(l)) continue;
      rows.push(l.slice(1, -1).split("|").map((c) => c.trim()));
    } else if (inTable || l.startsWith("#")) {
      break;
    }
  }
  return rows.slice(1);
}
