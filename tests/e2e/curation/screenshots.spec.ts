import { expect, test } from "@playwright/test";

// Pictures of the curation pages for review (written outside test-results, which runs clear).
test("screenshots of the samples, draw, classes and balance pages", async ({ page }) => {
  await page.setViewportSize({ width: 1300, height: 900 });
  for (const [path, heading] of [
    ["/samples?label=x", "Samples"],
    ["/draw", "Draw"],
    ["/classes", "Classes"],
    ["/balance", "Class balance"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    await page.waitForLoadState("networkidle");
    if (path === "/draw") {
      const box = (await page.getByRole("img", { name: "Drawing area" }).boundingBox())!;
      await page.mouse.move(box.x + 80, box.y + 60);
      await page.mouse.down();
      await page.mouse.move(box.x + 240, box.y + 60, { steps: 8 });
      await page.mouse.move(box.x + 130, box.y + 280, { steps: 8 });
      await page.mouse.up();
      await page.mouse.move(box.x + 120, box.y + 170);
      await page.mouse.down();
      await page.mouse.move(box.x + 220, box.y + 170, { steps: 5 });
      await page.mouse.up();
    }
    await page.screenshot({ path: `/tmp/curation-screens/${heading.toLowerCase().replace(/ /g, "-")}.png`, fullPage: true });
  }
});
