import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { writeZip } from "../../helpers/make-archives";

const FIXTURES = path.resolve("tests/fixtures/ink");

test("imports a tiny InkML zip through the UI and shows its expression with LaTeX and boxed symbols", async ({ page }) => {
  // The CROHME-style fixture (writer w042, a √ and an X), renamed so no earlier run can have
  // stored it under this path, plus a broken file that must be listed, not fatal.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkset-e2e-ink-"));
  const zip = path.join(dir, "tiny-ink.zip");
  writeZip(zip, [
    { name: "TINY/sqrt-x.inkml", data: fs.readFileSync(path.join(FIXTURES, "crohme-two-symbols.inkml")) },
    { name: "TINY/broken.inkml", data: fs.readFileSync(path.join(FIXTURES, "broken-xml.inkml")) },
  ]);

  await page.goto("/import");
  await page.getByLabel("InkML stroke width (px)").fill("2");
  await page.getByLabel("Archive").setInputFiles(zip);
  await page.getByRole("button", { name: "Upload and import" }).click();
  const summary = page.getByLabel("Import summary");
  await expect(summary).toBeVisible();
  await expect(summary.getByTestId("summary-expressions")).toHaveText("1");
  await expect(summary.getByTestId("summary-writers")).toHaveText("1");
  await expect(summary.getByTestId("summary-imported")).toHaveText("2");
  await expect(summary.getByTestId("summary-rejected")).toHaveText("1");
  await expect(summary.getByRole("cell", { name: "TINY/broken.inkml" })).toBeVisible();
  await expect(summary.getByText(/malformed-xml/)).toBeVisible();

  await summary.getByRole("link", { name: "Its expressions" }).click();
  await expect(page.getByRole("heading", { name: "Expressions" })).toBeVisible();
  await expect(page.getByTestId("writer-count")).not.toHaveText("0");
  const row = page.getByRole("table", { name: "Expressions" }).getByRole("row").filter({ hasText: "TINY/sqrt-x.inkml" });
  await expect(row).toContainText("TINY:w042");
  await row.getByRole("link", { name: "\\sqrt{X}" }).click();

  await expect(page.getByRole("heading", { name: /Expression #\d+/ })).toBeVisible();
  await expect(page.getByTestId("latex-truth")).toHaveText("\\sqrt{X}");
  await expect(page.getByTestId("expression-writer")).toHaveText("TINY:w042");
  const ink = page.getByRole("img", { name: "Ink with symbol boxes" });
  await expect(ink.locator("polyline")).toHaveCount(3);
  await expect(ink.getByTestId("symbol-box")).toHaveCount(2);
  await expect(ink.getByLabel("symbol √")).toContainText("√");
  await expect(ink.getByLabel("symbol x")).toContainText("x");
  const symbols = page.getByRole("table", { name: "Symbols" });
  await expect(symbols.getByRole("row")).toHaveCount(3);
  await expect(symbols.getByRole("img", { name: /: √$/ })).toBeVisible();
  const rendered = page.getByRole("img", { name: /rendered$/ });
  await expect(rendered).toBeVisible();
  expect(await rendered.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(50);
  await page.screenshot({ path: path.join("test-results", "expression-page.png"), fullPage: true });

  // Filtering the list by LaTeX text finds it; a text it does not contain does not.
  await page.goto("/expressions?q=sqrt");
  await expect(page.getByRole("table", { name: "Expressions" })).toContainText("TINY/sqrt-x.inkml");
  await page.goto("/expressions?q=definitely-not-there");
  await expect(page.getByText("No expressions match these filters")).toBeVisible();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the nav leads to Expressions, and a missing expression is a not-found page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Expressions" }).click();
  await expect(page.getByRole("heading", { name: "Expressions" })).toBeVisible();
  await page.goto("/expressions/999999");
  await expect(page.getByRole("heading", { name: "No such expression" })).toBeVisible();
});
