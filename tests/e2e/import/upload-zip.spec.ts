import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { writeZip } from "../../helpers/make-archives";

test("home page shows the shipped sample classes", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const classes = page.getByLabel("Classes");
  await expect(classes.getByTestId("class-times")).toContainText("×");
  await expect(classes.getByTestId("class-7")).toContainText("40");
  await expect(page.getByRole("img", { name: "a sample of 7" })).toBeVisible();
});

test("imports a small zip through the UI and reports new, duplicate and rejected files", async ({ page }) => {
  // Two new pictures (one drawn here, so it cannot already be stored), one copy of a shipped
  // sample, and one corrupt file.
  const shipped = path.join("data", "sample", "kaggle", "7");
  const existing = fs.readFileSync(path.join(shipped, fs.readdirSync(shipped).sort()[0]!));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkset-e2e-"));
  const zip = path.join(dir, "tiny-dataset.zip");
  writeZip(zip, [
    { name: "tiny/7/copy-of-shipped.jpg", data: existing },
    { name: "tiny/z/new-z.png", data: drawPng("z") },
    { name: "tiny/y/new-y.png", data: drawPng("y") },
    { name: "tiny/7/broken.jpg", data: Buffer.from("this is not a jpeg") },
  ]);

  await page.goto("/import");
  await page.getByLabel("Archive").setInputFiles(zip);
  await page.getByRole("button", { name: "Upload and import" }).click();
  const summary = page.getByLabel("Import summary");
  await expect(summary).toBeVisible();
  await expect(summary.getByTestId("summary-imported")).toHaveText("2");
  await expect(summary.getByTestId("summary-duplicates")).toHaveText("1");
  await expect(summary.getByTestId("summary-rejected")).toHaveText("1");
  await expect(summary.getByRole("cell", { name: "7/broken.jpg" })).toBeVisible();
  await expect(summary.getByText(/not an image/)).toBeVisible();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a wrong folder path is refused with the reason", async ({ page }) => {
  await page.goto("/import");
  await page.getByLabel("Path").fill("/definitely/not/here");
  await page.getByRole("button", { name: "Import folder" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "does not exist" })).toContainText("/definitely/not/here does not exist");
});

/** A 45x45 PNG with a few dark strokes: a picture no shipped sample can equal. */
function drawPng(seed: string): Buffer {
  const w = 45;
  const px = Buffer.alloc(w * w, 255);
  const s = seed.charCodeAt(0);
  for (let i = 5; i < 40; i++) {
    px[i * w + ((i * s) % 30) + 5] = 0;
    px[10 * w + i] = 0;
    px[(35 - (s % 7)) * w + i] = 0;
  }
  return encodeGrayPng(px, w, w);
}

function encodeGrayPng(px: Buffer, w: number, h: number): Buffer {
  const zlib = require("node:zlib") as typeof import("node:zlib");
  const raw = Buffer.alloc((w + 1) * h);
  for (let y = 0; y < h; y++) px.copy(raw, y * (w + 1) + 1, y * w, (y + 1) * w);
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}
