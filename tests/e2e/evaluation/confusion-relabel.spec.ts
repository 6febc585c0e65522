import { expect, test, type APIRequestContext } from "@playwright/test";

// Screenshots for review go outside test-results (which every run clears).
// Set E2E_SCREENSHOTS=<dir> to keep pictures of the pages for review.
const SHOTS = process.env.E2E_SCREENSHOTS;
const CLASSES = ["0", "1", "7", "9"];

interface Metrics {
  evaluation: null | { id: number; classes: string[]; confusion: number[][]; accuracy: number };
}

async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined>, timeoutMs = 90_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const v = await fn();
    if (v !== null && v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function metrics(request: APIRequestContext, modelId: number): Promise<Metrics> {
  return (await (await request.get(`/api/models/${modelId}/metrics`)).json()) as Metrics;
}

/** Waits until the model has an evaluation newer than `after`. */
async function nextEvaluation(request: APIRequestContext, modelId: number, after = 0) {
  return waitFor("the evaluation", async () => {
    const m = await metrics(request, modelId);
    return m.evaluation && m.evaluation.id > after ? m.evaluation : null;
  });
}

const cellName = (t: string, p: string, n: number) => `true ${t}, predicted ${p}: ${n} sample${n === 1 ? "" : "s"}`;

test("train, evaluate, open an off-diagonal cell, relabel from it and see the count move after re-evaluation", async ({ page, request }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1300, height: 1000 });

  // A small model on four shipped classes; the train job queues the evaluation itself.
  const submitted = await request.post("/api/jobs", {
    data: { type: "train", params: { classes: CLASSES, config: { epochs: 2, convFilters: [8], denseUnits: 32 } } },
  });
  expect(submitted.status()).toBe(202);
  const { runId } = (await submitted.json()) as { runId: number };
  const modelId = await waitFor("the training run", async () => {
    const run = (await (await request.get(`/api/runs/${runId}`)).json()) as { status: string; modelId: number | null; error: string | null };
    if (run.status === "failed") throw new Error(`training failed: ${run.error}`);
    return run.status === "succeeded" ? run.modelId : null;
  });
  let evaluation = await nextEvaluation(request, modelId);

  // A perfect model has no off-diagonal cell: make a disagreement by relabelling a test sample, then re-evaluate.
  const offDiagonal = () => {
    for (const [t, row] of evaluation.confusion.entries()) for (const [p, n] of row.entries()) if (t !== p && n > 0) return { t: evaluation.classes[t]!, p: evaluation.classes[p]!, n };
    return null;
  };
  if (!offDiagonal()) {
    const cls = evaluation.classes[0]!;
    const cell = (await (await request.get(`/api/models/${modelId}/confusion?true=${cls}&pred=${cls}`)).json()) as { items: { id: number }[] };
    const other = evaluation.classes[1]!;
    expect((await request.patch("/api/samples", { data: { ids: [cell.items[0]!.id], label: other } })).ok()).toBe(true);
    expect((await request.post(`/api/models/${modelId}/evaluate`)).status()).toBe(202);
    evaluation = await nextEvaluation(request, modelId, evaluation.id);
  }
  const { t, p, n } = offDiagonal()!;
  const diagonal = evaluation.confusion[evaluation.classes.indexOf(p)]![evaluation.classes.indexOf(p)]!;

  await page.goto(`/models/${modelId}`);
  await expect(page.getByRole("heading", { name: `Model #${modelId}` })).toBeVisible();
  await expect(page.getByTestId("split-mode")).toHaveText("stored split (hash; by writer for ink)");
  await expect(page.getByRole("table", { name: "Per-class metrics" }).getByRole("row")).toHaveCount(1 + CLASSES.length + 3);
  await expect(page.getByRole("region", { name: "Most-confused pairs" })).toContainText(`${t} read as ${p}: ${n}`);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/model-page.png`, fullPage: true });

  // Open the cell: exactly its n samples.
  await page.getByRole("button", { name: cellName(t, p, n), exact: true }).click();
  const grid = page.getByRole("grid", { name: /Cell samples/ });
  await expect(grid.getByRole("gridcell")).toHaveCount(n);
  await page.waitForLoadState("networkidle");
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/model-cell.png`, fullPage: true });

  // Relabel the first one from the keyboard to what the model read: the label was the error.
  await grid.getByRole("gridcell").first().click();
  await page.keyboard.press(p);
  await expect(page.getByLabel("Typed label")).toHaveText(p);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /Relabelled sample \d+ to/ })).toBeVisible();
  await expect(grid.getByRole("gridcell").first()).toContainText("relabelled");

  // Re-evaluate: the cell loses a sample, the diagonal of p gains it.
  await page.getByRole("button", { name: "Re-evaluate" }).click();
  await expect(page.getByRole("button", { name: cellName(t, p, n - 1), exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("button", { name: cellName(p, p, diagonal + 1), exact: true })).toBeVisible();
  const after = await metrics(request, modelId);
  expect(after.evaluation!.confusion[after.evaluation!.classes.indexOf(t)]![after.evaluation!.classes.indexOf(p)]).toBe(n - 1);

  // The samples page sees the relabel and the model's predictions.
  const relabelled = (await (await request.get(`/api/samples?relabelled=1&model=${modelId}&pageSize=5`)).json()) as { total: number; items: { prediction: string | null }[] };
  expect(relabelled.total).toBeGreaterThanOrEqual(1);
  expect(relabelled.items.some((i) => i.prediction !== null)).toBe(true);
});

test("API answers 404 for unknown models, classes and issues, 400 for bad parameters", async ({ request }) => {
  const models = (await (await request.get("/api/models")).json()) as { items: { id: number }[] };
  const id = models.items[0]?.id ?? 1;
  expect((await request.get("/api/models/99999/metrics")).status()).toBe(404);
  expect((await request.get("/api/models/abc/metrics")).status()).toBe(400);
  expect((await request.get(`/api/models/${id}/metrics?split=train`)).status()).toBe(400);
  expect((await request.get(`/api/models/${id}/confusion?true=zz&pred=7`)).status()).toBe(404);
  expect((await request.get(`/api/models/${id}/confusion?true=7`)).status()).toBe(400);
  expect((await request.get("/api/models/99999/confusion?true=7&pred=9")).status()).toBe(404);
  expect((await request.get("/api/models/99999/label-issues")).status()).toBe(404);
  expect((await request.post("/api/label-issues/99999", { data: { action: "keep" } })).status()).toBe(404);
  expect((await request.post("/api/label-issues/1", { data: { action: "delete" } })).status()).toBe(400);
  expect((await request.post("/api/models/99999/evaluate")).status()).toBe(404);
});
