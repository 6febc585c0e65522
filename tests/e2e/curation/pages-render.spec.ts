import { expect, test } from "@playwright/test";

test("the samples, draw, classes and balance pages render with the shipped data", async ({ page }) => {
  await page.setViewportSize({ width: 1300, height: 900 });
  for (const [path, heading] of [
    ["/samples?label=x", "Samples"],
    ["/draw", "Draw"],
    ["/classes", "Classes"],
    ["/balance", "Class balance"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
  }
});
