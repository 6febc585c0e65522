import { expect, test } from "@playwright/test";

interface ClassCount {
  name: string;
  total: number;
  bySource: Record<string, number>;
  bySplit: Record<string, number>;
}

test("the balance chart shows the counts the API returns and opens a class on click", async ({ page, request }) => {
  const { items } = (await (await request.get("/api/classes")).json()) as { items: ClassCount[] };
  expect(items.length).toBeGreaterThanOrEqual(39);
  await page.goto("/balance");
  const chart = page.getByRole("region", { name: "Class balance" });
  for (const c of items) {
    for (const [source, n] of Object.entries(c.bySource)) {
      await expect(chart.getByRole("img", { name: `${c.name} ${source}: ${n} of ${c.total}`, exact: true })).toHaveCount(1);
    }
  }
  const totals = items.map((c) => c.total).filter((n) => n > 0);
  await expect(chart.getByTestId("imbalance-ratio")).toHaveText(`${(Math.max(...totals) / Math.min(...totals)).toFixed(1)}×`);

  await chart.getByLabel("by split").check();
  const seven = items.find((c) => c.name === "7")!;
  for (const [split, n] of Object.entries(seven.bySplit)) {
    await expect(chart.getByRole("img", { name: `7 ${split}: ${n} of ${seven.total}`, exact: true })).toHaveCount(1);
  }

  const target = Math.max(...totals) + 1;
  await chart.getByLabel("Target per class").fill(String(target));
  await expect(chart.getByTestId("below-target")).toContainText(`${items.filter((c) => c.total < target).length} classes below ${target}`);

  await chart.getByRole("img", { name: new RegExp(`^7 train: `) }).click();
  await expect(page).toHaveURL(/\/samples\?label=7$/);
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText(`${seven.total} samples`);
});
