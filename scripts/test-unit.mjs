// Runs every tests/unit/**/*.test.ts with node's test runner (Node 20 does not expand globs).
// Extra arguments filter by path: `npm run test:unit -- dataset jobs`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const filters = process.argv.slice(2);
const files = [];
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith(".test.ts") && (filters.length === 0 || filters.some((f) => p.includes(f)))) files.push(p);
  }
};
walk(path.join("tests", "unit"));
files.sort();
if (files.length === 0) {
  console.error("no unit test files found");
  process.exit(1);
}
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=1", ...files], { stdio: "inherit" });
process.exit(result.status ?? 1);
