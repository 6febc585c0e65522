import { expect, test } from "@playwright/test";

test("relabels every sample matching a filter in one action, then undoes it", async ({ page, request }) => {
  await page.goto("/samples");
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByLabel("Label", { exact: true }).selectOption("÷");
  await filters.getByLabel("Split", { exact: true }).selectOption("train");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/label=%C3%B7&split=train/);
  const before = (await (await request.get("/api/samples?label=%C3%B7&split=train")).json()) as { total: number };
  expect(before.total).toBeGreaterThan(0);
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText(`${before.total} samples`);

  const toolbar = page.getByRole("toolbar", { name: "Relabel" });
  await toolbar.getByRole("button", { name: `Select all ${before.total} matching` }).click();
  await expect(toolbar).toContainText(`All ${before.total} matching samples selected`);
  await toolbar.getByLabel("New label").selectOption("/");
  await toolbar.getByRole("button", { name: "Relabel selected" }).click();
  await expect(page.getByRole("status").first()).toHaveText(`Relabelled ${before.total} samples to /`);
  await expect(page.getByText("No sample matches these filters.")).toBeVisible();
  const after = (await (await request.get("/api/samples?label=%C3%B7&split=train")).json()) as { total: number };
  expect(after.total).toBe(0);

  await toolbar.getByRole("button", { name: "Undo last change" }).click();
  await expect(page.getByRole("status").first()).toHaveText(`Undid ${before.total} changes`);
  await expect(page.getByRole("table", { name: "Samples" }).getByRole("row")).toHaveCount(before.total + 1);

  // The API refuses bad input with the field named, and unknown ids with 404, changing nothing.
  const bad = await request.patch("/api/samples", { data: { ids: [1], label: "" } });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { message: string }).message).toMatch(/^label: /);
  const unknown = await request.patch("/api/samples", { data: { ids: [1, 99999999], label: "7" } });
  expect(unknown.status()).toBe(404);
  expect((await request.get("/api/samples?split=nope")).status()).toBe(400);
});
