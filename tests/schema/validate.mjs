// Validates catalog files against spec/errcat.schema.json (JSON Schema
// 2020-12), as an editor would: node tests/schema/validate.mjs FILE...
// Ajv checks the schema against the 2020-12 meta-schema; its extra "strict"
// lints (beyond the standard) are off.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import YAML from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const schema = JSON.parse(readFileSync(join(root, "spec", "errcat.schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

let failed = 0;
const files = process.argv.slice(2).filter((f) => !f.includes("*"));
for (const file of files) {
  const doc = YAML.parse(readFileSync(file, "utf8"), { schema: "core", uniqueKeys: true });
  if (validate(doc)) continue;
  failed++;
  for (const e of validate.errors) console.log(`${file}: ${e.instancePath || "/"} ${e.message}`);
}
console.log(`schema: ${files.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
