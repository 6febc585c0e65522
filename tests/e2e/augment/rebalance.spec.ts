import { expect, test } from "@playwright/test";

// The app starts with the shipped samples (40 per class, about 32 of them in the train split).

test("previews a plan for two classes, runs it, sees them rebalanced, and removes the batch", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/augment");
  await expect(page.getByRole("heading", { name: "Augment" })).toBeVisible();

  const classes = page.getByRole("group", { name: "Classes to rebalance" });
  const before7 = Number(await classes.getByTestId("train-count-7").textContent());
  const before9 = Number(await classes.getByTestId("train-count-9").textContent());
  expect(before7).toBeLessThan(60);
  await classes.getByRole("checkbox", { name: "7", exact: true }).check();
  await classes.getByRole("checkbox", { name: "9", exact: true }).check();
  await page.getByLabel("Target count").fill("60");

  // The preview: per-class numbers, the chart and a gallery row per operation.
  const row7 = page.getByTestId("plan-row-7");
  await expect(row7.getByTestId("to-generate")).toHaveText(String(60 - before7));
  await expect(page.getByTestId("plan-row-9").getByTestId("to-generate")).toHaveText(String(60 - before9));
  await expect(page.getByRole("img", { name: "Class balance chart" })).toBeVisible();
  await expect(page.getByTestId("gallery-pipeline").getByRole("img")).toHaveCount(6);
  await expect(page.getByTestId("gallery-1:rotate").getByRole("img").first()).toBeVisible();

  // Nothing was written by previewing.
  await page.reload();
  await expect(page.getByRole("group", { name: "Classes to rebalance" }).getByTestId("train-count-7")).toHaveText(String(before7));
  await page.getByRole("group", { name: "Classes to rebalance" }).getByRole("checkbox", { name: "7", exact: true }).check();
  await page.getByRole("group", { name: "Classes to rebalance" }).getByRole("checkbox", { name: "9", exact: true }).check();
  await page.getByLabel("Target count").fill("60");
  const total = 120 - before7 - before9;
  await expect(page.getByTestId("total-to-generate")).toHaveText(String(total));

  await page.getByRole("button", { name: `Generate ${total} samples` }).click();
  const progress = page.getByLabel("Augment progress");
  await expect(progress.getByText("succeeded")).toBeVisible({ timeout: 60_000 });

  // The plan and the class counts are refreshed: both classes now hold 60 train samples.
  await expect(row7.getByTestId("current")).toHaveText("60");
  await expect(row7.getByTestId("to-generate")).toHaveText("0");
  await expect(page.getByTestId("plan-row-9").getByTestId("current")).toHaveText("60");
  await expect(page.getByRole("group", { name: "Classes to rebalance" }).getByTestId("train-count-7")).toHaveText("60");

  const runs = page.getByRole("table", { name: "Past runs" });
  const runRow = runs.getByRole("row").nth(1);
  await expect(runRow).toContainText("done");
  await expect(runRow).toContainText(`${total} / ${total}`);

  page.once("dialog", (dialog) => void dialog.accept());
  await runRow.getByRole("button", { name: "Remove this batch" }).click();
  await expect(runRow).toContainText("removed");
  await expect(row7.getByTestId("current")).toHaveText(String(before7));
  await expect(page.getByRole("group", { name: "Classes to rebalance" }).getByTestId("train-count-9")).toHaveText(String(before9));
});

test("an out-of-range parameter is refused naming it, and fixed ranges preview again", async ({ page }) => {
  await page.goto("/augment");
  await page.getByRole("group", { name: "Classes to rebalance" }).getByRole("checkbox", { name: "7", exact: true }).check();
  await page.getByLabel("Target count").fill("60");
  await page.getByLabel("use salt-pepper").check();
  await page.getByLabel("salt-pepper amount max").fill("0.9");
  await expect(page.getByRole("alert", { name: "Plan errors" })).toContainText("salt-pepper.amount must be <= 0.5");
  await expect(page.getByRole("alert", { name: "Gallery errors" })).toContainText("salt-pepper.amount must be <= 0.5");
  await expect(page.getByRole("button", { name: /^Generate/ })).toHaveCount(0);
  await page.getByLabel("salt-pepper amount max").fill("0.05");
  // (Next's route announcer is an empty alert of its own, so count the plan's and gallery's.)
  await expect(page.getByRole("alert", { name: "Plan errors" })).toHaveCount(0);
  await expect(page.getByRole("alert", { name: "Gallery errors" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Generate [\d,]+ samples/ })).toBeEnabled();
  await expect(page.getByTestId("gallery-6:salt-pepper").getByRole("img")).toHaveCount(6);
});

test("the API refuses an unknown operation and names a class without train originals", async ({ request }) => {
  const bad = await request.post("/api/augment/plan", { data: { classes: ["7"], target: 60, pipeline: { steps: [{ op: "blur" }] } } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).message).toContain('unknown operation "blur"');
  const unknown = await request.post("/api/augment/plan", { data: { classes: ["nope"], target: "median" } });
  expect(unknown.status()).toBe(400);
  expect((await unknown.json()).message).toContain('unknown class "nope"');
  const ok = await request.post("/api/augment/plan", { data: { classes: "7,times", target: "largest" } });
  expect(ok.status()).toBe(200);
  const plan = await ok.json();
  expect(plan.classes.map((c: { label: string }) => c.label)).toEqual(["7", "×"]);
});

test("a three-class plan shows its rows and the pipeline gallery", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1400, height: 1800 });
  await page.goto("/augment");
  const classes = page.getByRole("group", { name: "Classes to rebalance" });
  for (const name of ["7", "9", "π"]) await classes.getByRole("checkbox", { name, exact: true }).check();
  await page.getByLabel("Target count").fill("80");
  await expect(page.getByTestId("plan-row-7")).toBeVisible();
  await expect(page.getByTestId("gallery-pipeline").getByRole("img")).toHaveCount(6);
  await page.screenshot({ path: testInfo.outputPath("augment-page.png"), fullPage: true });
});
