// mermaid-check parses each Mermaid file named on the command line with
// Mermaid itself, and exits non-zero if any fails to parse.
//
// Usage: node .ci/mermaid-check.mjs FILE...
import { readFile } from "node:fs/promises";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>", { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;

const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("mermaid-check: no files given");
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  const text = await readFile(file, "utf8");
  try {
    await mermaid.parse(text);
    console.log(`ok    ${file}`);
  } catch (err) {
    failed++;
    const msg = String(err && err.message ? err.message : err).split("\n").slice(0, 6).join("\n      ");
    console.log(`FAIL  ${file}\n      ${msg}`);
  }
}
console.log(`${files.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
