import { JSDOM } from "jsdom";
import fs from "node:fs";
const [file, which] = process.argv.slice(2);
const html = fs.readFileSync(file, "utf8");
const dom = new JSDOM(html, { url: "https://x.com/" });
const doc = dom.window.document;
const arts = [...doc.querySelectorAll('article[data-testid="tweet"]')];
console.log("articles", arts.length, "cells", doc.querySelectorAll('[data-testid="cellInnerDiv"]').length);
function walk(el, depth, out) {
  for (const n of el.childNodes) {
    if (n.nodeType === 3) { const t = n.textContent; if (t.trim()) out.push("  ".repeat(depth) + JSON.stringify(t)); continue; }
    if (n.nodeType !== 1) continue;
    if (n.tagName === "svg" || n.tagName==="path") { if (n.getAttribute("aria-label")) out.push("  ".repeat(depth)+"<svg aria-label="+n.getAttribute("aria-label")+">"); continue; }
    const attrs = [];
    for (const a of ["data-testid","role","aria-label","href","datetime","lang","alt","tabindex","dir"]) if (n.hasAttribute(a)) attrs.push(`${a}=${JSON.stringify(n.getAttribute(a))}`);
    const interesting = attrs.length > 0 || ["A","TIME","IMG","ARTICLE","SPAN","BUTTON"].includes(n.tagName);
    if (interesting && !(n.tagName==="SPAN" && attrs.length===0)) { out.push("  ".repeat(depth) + `<${n.tagName.toLowerCase()} ${attrs.join(" ")}>`); walk(n, depth+1, out); }
    else walk(n, depth, out);
  }
}
const idxs = which === undefined ? arts.map((_, i) => i) : which.split(",").map(Number);
for (const i of idxs) { const out = []; console.log("=== ARTICLE", i); walk(arts[i], 0, out); console.log(out.join("\n")); }
