// Prints, after `mvn test`, which checks ran and which were skipped (and why), from Surefire's XML reports.
// Plain Node, no dependencies: CI machines have Node but not necessarily anything else.
"use strict";
const fs = require("fs");
const path = require("path");

const dir = path.join(__dirname, "..", "target", "surefire-reports");
if (!fs.existsSync(dir)) {
  console.log("no test reports in target/surefire-reports");
  process.exit(0);
}
const decode = (s) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
let ran = 0, skipped = 0, failed = 0;
for (const file of fs.readdirSync(dir).filter((f) => f.startsWith("TEST-") && f.endsWith(".xml")).sort()) {
  const xml = fs.readFileSync(path.join(dir, file), "utf8");
  const suite = file.replace(/^TEST-io\.platform\.redis\./, "").replace(/\.xml$/, "");
  const counts = { ran: 0, skipped: [], failed: 0 };
  const detailed = /Terraform|Cdktf|GeneratedFiles|MainCommand|RealClients|HclModule|ExampleConsumer|TypedApi/.test(suite);
  const lines = [];
  for (const m of xml.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const name = decode((m[1].match(/name="([^"]*)"/) || [])[1] || "?");
    const body = m[3] || "";
    const skip = body.match(/<skipped(?:\s+message="([^"]*)")?/);
    if (skip) {
      // JUnit puts an assumption's text in the element's body; older reports use the message attribute.
      const assumption = body.match(/Assumption failed: ([^\n\]]*)/);
      const reason = assumption ? assumption[1] : skip[1] ? decode(skip[1]) : "no reason given";
      counts.skipped.push(`${name}: ${reason}`);
    } else if (/<(failure|error)\b/.test(body)) {
      counts.failed++;
      if (detailed) lines.push(`  FAILED  ${name}`);
    } else {
      counts.ran++;
      if (detailed) lines.push(`  ran     ${name}`);
    }
  }
  ran += counts.ran; skipped += counts.skipped.length; failed += counts.failed;
  console.log(`${suite}: ${counts.ran} ran${counts.failed ? `, ${counts.failed} FAILED` : ""}${counts.skipped.length ? `, ${counts.skipped.length} skipped` : ""}`);
  for (const line of lines) console.log(line);
  for (const s of counts.skipped) console.log(`  skipped ${s}`);
}
console.log(`checks: ${ran + failed} ran (${failed} failed), ${skipped} skipped`);
