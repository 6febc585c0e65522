import { expect, test } from "@playwright/test";

// The shipped samples are images only; canvas drawings posted here are ink (they keep strokes).

test("offers stroke-width, previews it on ink samples and warns about parents without strokes", async ({ page, request }) => {
  // Splits come from the content hash, so post a few drawings until some land in train.
  let inkTrain = 0;
  for (let i = 0; i < 12 && inkTrain < 2; i++) {
    const a = 10 + i * 3;
    const res = await request.post("/api/drawings", {
      data: { label: "+", strokes: [[[a, 50], [90, 52 + i]], [[50, a], [48 + i, 90]]] },
    });
    expect(res.status()).toBe(201);
    const saved = (await res.json()) as { split: string; duplicate: boolean };
    if (saved.split === "train" && !saved.duplicate) inkTrain++;
  }
  expect(inkTrain).toBeGreaterThan(0);

  await page.goto("/augment");
  await page.getByRole("group", { name: "Classes to rebalance" }).getByRole("checkbox", { name: "+", exact: true }).check();
  await page.getByLabel("Target count").fill("300");
  await page.getByLabel("use stroke-width").check();
  await page.getByLabel("stroke-width width min").fill("3");
  await page.getByLabel("stroke-width width max").fill("4");

  await expect(page.getByRole("list", { name: "Plan warnings" })).toContainText(/\d+ source images have no strokes; stroke-width applies only to ink samples/);
  const row = page.getByTestId("gallery-0:stroke-width");
  await expect(row.getByRole("img")).not.toHaveCount(0);
  await expect(row.getByText(/applies only to samples with strokes/)).toHaveCount(0);

  await page.getByLabel("stroke-width width max").fill("9");
  await expect(page.getByRole("alert", { name: "Plan errors" })).toContainText("stroke-width.width must be <= 8");
});

test("the API refuses a stroke-width step after pixel steps", async ({ request }) => {
  const res = await request.post("/api/augment/plan", {
    data: { classes: ["7"], target: 60, pipeline: { steps: [{ op: "rotate" }, { op: "stroke-width", params: { width: [1, 4] } }] } },
  });
  expect(res.status()).toBe(400);
  expect((await res.json()).message).toContain("stroke-width must be the first step");
});
