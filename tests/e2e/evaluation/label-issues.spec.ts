import { expect, test, type APIRequestContext } from "@playwright/test";

// Set E2E_SCREENSHOTS=<dir> to keep pictures of the pages for review.
const SHOTS = process.env.E2E_SCREENSHOTS;

/**
 * A model trained in this database (the shipped one has no training samples here to cross-validate):
 * the one confusion-relabel.spec.ts trained when the files run in order, else a small new one.
 */
async function trainedModelId(request: APIRequestContext): Promise<number> {
  const models = (await (await request.get("/api/models")).json()) as { items: { id: number; name: string }[] };
  const own = models.items.find((m) => !m.name.startsWith("shipped"));
  if (own) return own.id;
  const submitted = await request.post("/api/jobs", {
    data: { type: "train", params: { classes: ["0", "1", "7", "9"], config: { epochs: 2, convFilters: [8], denseUnits: 32 } } },
  });
  expect(submitted.status()).toBe(202);
  const { runId } = (await submitted.json()) as { runId: number };
  for (let i = 0; i < 240; i++) {
    const run = (await (await request.get(`/api/runs/${runId}`)).json()) as { status: string; modelId: number | null; error: string | null };
    if (run.status === "failed") throw new Error(`training failed: ${run.error}`);
    if (run.status === "succeeded" && run.modelId) return run.modelId;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("training did not finish in 2 minutes");
}

test("cross-validation lists label issues; one key accepts a suggestion; filters and activations render", async ({ page, request }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1300, height: 1000 });
  const modelId = await trainedModelId(request);

  await page.goto(`/models/${modelId}/label-issues`);
  await page.getByRole("button", { name: "Find label errors (3 folds)" }).click();
  await expect(page.getByText(/^done \(job \d+\)$/)).toBeVisible({ timeout: 90_000 });
  const api = (await (await request.get(`/api/models/${modelId}/label-issues?status=open`)).json()) as {
    items: { id: number; sampleId: number; givenLabel: string; suggestedLabel: string; probs: [string, number][] }[];
    crossValidation: { status: string; result: { k: number; ranked: number } };
  };
  expect(api.crossValidation.status).toBe("succeeded");
  expect(api.crossValidation.result.k).toBe(3);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/label-issues.png`, fullPage: true });

  if (api.items.length > 0) {
    const first = api.items[0]!;
    const table = page.getByRole("table", { name: "Label issues" });
    await expect(table.getByRole("row")).toHaveCount(api.items.length + 1);
    await table.getByRole("row").nth(1).click();
    await page.keyboard.press("a");
    await expect(page.getByRole("status").filter({ hasText: `Sample ${first.sampleId}:` })).toHaveText(`Sample ${first.sampleId}: ${first.givenLabel} → ${first.suggestedLabel}`);
    const history = (await (await request.get(`/api/samples/${first.sampleId}/history`)).json()) as { items: { origin: string }[] };
    expect(history.items[0]!.origin).toBe("suggestion");
    expect((await request.post(`/api/label-issues/${first.id}`, { data: { action: "keep" } })).status()).toBe(400);
  }

  await page.goto(`/models/${modelId}/viz`);
  await page.getByRole("button", { name: "Render filters" }).click();
  await expect(page.getByRole("img", { name: /filters of conv1/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("img", { name: "activation maps of conv1" })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/viz.png`, fullPage: true });

  await page.goto(`/models/compare?a=${modelId}&b=${modelId}`);
  await expect(page.getByRole("table", { name: "Per-class F1" })).toBeVisible();
  await expect(page.getByText(/0 fixed/)).toBeVisible();
});
