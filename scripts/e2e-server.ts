/** The app as Playwright runs it: `npm start` on an empty data folder (data/e2e by default). */
import fs from "node:fs";
import path from "node:path";

const dir = path.resolve(process.env.INKSET_DATA_DIR ?? "data/e2e");
if (!dir.startsWith(path.resolve("data"))) throw new Error(`refusing to wipe ${dir}: e2e data must live under data/`);
fs.rmSync(dir, { recursive: true, force: true });
if (process.env.DATABASE_URL === "") delete process.env.DATABASE_URL;
require("./start");
