// Parses HCL files with HashiCorp's own HCL parser (@cdktf/hcl2json: hcl2json compiled to WebAssembly) and prints
// {"<file>": <its JSON>} for the files named on the command line. Used by the tests to read the exported module back.
"use strict";
const fs = require("fs");
const { parse } = require("@cdktf/hcl2json");

(async () => {
  const result = {};
  for (const file of process.argv.slice(2)) {
    result[file] = await parse(file, fs.readFileSync(file, "utf8"));
  }
  process.stdout.write(JSON.stringify(result));
})().catch((error) => {
  console.error(`hcl2json: ${error.message || error}`);
  process.exit(1);
});
