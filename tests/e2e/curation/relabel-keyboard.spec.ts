import { expect, test } from "@playwright/test";

test("relabels three samples from the keyboard and undoes with Ctrl-Z and the button", async ({ page, request }) => {
  await page.goto("/samples?label=7&sort=id");
  const table = page.getByRole("table", { name: "Samples" });
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(41); // header + the 40 shipped 7s
  const labelCell = (i: number) => rows.nth(i + 1).getByRole("cell").nth(3);
  const ids = await Promise.all([0, 1, 2].map((i) => rows.nth(i + 1).getByRole("cell").nth(2).innerText()));

  await labelCell(0).click();
  const status = page.getByRole("status").first();
  for (const [i, key] of ["1", "2", "3"].entries()) {
    await page.keyboard.press(key);
    await expect(page.getByLabel("Typed label")).toHaveText(key);
    await page.keyboard.press("Enter");
    await expect(status).toHaveText(`Relabelled 1 sample to ${key}`);
    await expect(labelCell(i)).toHaveText(key);
  }
  // The cursor moved on to the fourth row; j/k move it without typing.
  await expect(rows.nth(4)).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("k");
  await expect(rows.nth(3)).toHaveAttribute("aria-current", "true");

  const history = page.getByRole("complementary", { name: `History of sample ${ids[2]}` });
  await expect(history.getByRole("list", { name: "Label history" })).toContainText("7 → 3");

  const api = async () => (await (await request.get("/api/samples?label=7&pageSize=1")).json()) as { total: number };
  expect((await api()).total).toBe(37);

  await page.keyboard.press("Control+z");
  await expect(status).toHaveText("Undid 1 change");
  await expect(labelCell(2)).toHaveText("7");
  await expect(history.getByRole("list", { name: "Label history" })).toContainText("(undone)");
  await page.getByRole("button", { name: "Undo last change" }).click();
  await expect(labelCell(1)).toHaveText("7");
  await page.getByRole("button", { name: "Undo last change" }).click();
  await expect(labelCell(0)).toHaveText("7");
  expect((await api()).total).toBe(40);

  const sampleHistory = (await (await request.get(`/api/samples/${ids[0]}/history`)).json()) as { items: { origin: string; undone: boolean }[] };
  expect(sampleHistory.items.map((h) => h.origin)).toEqual(["undo", "user"]);
  expect((await request.get("/api/samples/99999999/history")).status()).toBe(404);
});
