import { expect, test, type Page } from "@playwright/test";

// A per-attempt shift of a few pixels: identical strokes are stored once, so without it a retry or
// a second run on the same database would meet "Already saved" instead of a new sample.
let shift = 0;
test.beforeEach(() => {
  shift = (Date.now() % 997) / 40_000;
});

/** Draws polylines (in 0-1 canvas coordinates) with the mouse. */
async function drawStrokes(page: Page, strokes: [number, number][][]) {
  const box = (await page.getByRole("img", { name: "Drawing area" }).boundingBox())!;
  strokes = strokes.map((s) => s.map(([x, y]) => [x + shift, y + shift] as [number, number]));
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    await page.mouse.move(box.x + first![0] * box.width, box.y + first![1] * box.height);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 6 });
    await page.mouse.up();
  }
}

const NINE: [number, number][][] = [
  [
    [0.6, 0.2],
    [0.4, 0.25],
    [0.38, 0.42],
    [0.58, 0.45],
    [0.62, 0.22],
  ],
  [
    [0.62, 0.22],
    [0.6, 0.85],
  ],
];

async function inkInPreview(page: Page): Promise<number> {
  return page.getByRole("img", { name: "Canonical 45×45 preview" }).evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! > 0) ink++;
    return ink;
  });
}

test("draws a 9 with the mouse, previews the canonical form and saves it as a canvas sample", async ({ page, request }) => {
  const count = async () => ((await (await request.get("/api/samples?label=9&source=canvas&pageSize=1")).json()) as { total: number }).total;
  const before = await count();
  await page.goto("/draw");
  expect(await inkInPreview(page)).toBe(0);
  await drawStrokes(page, NINE);
  await expect(page.getByText("2 strokes")).toBeVisible();
  expect(await inkInPreview(page)).toBeGreaterThan(30);
  await page.getByLabel("Label", { exact: true }).selectOption("9");
  await page.getByRole("button", { name: "Save sample" }).click();
  await expect(page.getByRole("status")).toContainText(/Saved sample #\d+ as 9 \((train|val|test)\)/);
  const id = (await page.getByRole("status").innerText()).match(/#(\d+)/)![1];
  expect(await count()).toBe(before + 1);
  await expect(page.getByText("0 strokes")).toBeVisible();
  const image = await request.get(`/api/samples/${id}/image`);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");

  // Quick mode: two 9s in a row, the canvas clearing after each save.
  const quick = page.getByRole("form", { name: "Quick mode" });
  await quick.getByLabel("Draw").fill("2");
  await quick.getByLabel("of class").selectOption("9");
  await quick.getByRole("button", { name: "Start quick mode" }).click();
  await expect(page.getByLabel("Quick mode progress")).toHaveText("0 / 2");
  await drawStrokes(page, NINE.map((s) => s.map(([x, y]) => [x * 0.8 + 0.1, y * 0.9] as [number, number])));
  await page.getByRole("button", { name: "Save sample" }).click();
  await expect(page.getByLabel("Quick mode progress")).toHaveText("1 / 2");
  await expect(page.getByText("0 strokes")).toBeVisible();
  await drawStrokes(page, NINE.map((s) => s.map(([x, y]) => [x * 0.7 + 0.2, y * 0.8 + 0.1] as [number, number])));
  await page.getByRole("button", { name: "Save sample" }).click();
  // The quick-mode progress is a status too until the last save lands, so name the message itself.
  await expect(page.getByRole("status").filter({ hasText: /^Done:/ })).toHaveText("Done: 2 samples of 9 saved", { timeout: 30_000 });
  expect(await count()).toBe(before + 3);
});
