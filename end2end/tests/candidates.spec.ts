// HR find candidates by what their CVs say, and export the list.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { demo, open, pdfWith, signIn, unique } from "./helpers";

test("HR find a candidate by a word only in the CV and export the list as CSV", async ({ page, request }) => {
  const word = `zibellino${unique()}`;
  await signIn(page, demo.hr);
  await open(page, "/openings/new");
  await page.getByLabel("Job profile").selectOption({ label: "Archivist / records clerk" });
  await page.getByLabel("Location").fill(`Genova ${unique()}`);
  await page.getByLabel("Status").selectOption("open");
  await page.getByLabel("Published on the careers page").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: "Edit opening" })).toBeVisible();
  const opening = page.url().match(/\/openings\/(\d+)$/)![1];

  const response = await request.post("/api/apply", {
    multipart: {
      opening_id: opening,
      notice_version: "1",
      name: "Giorgio Fabbri",
      email: `giorgio.${unique()}@example.it`,
      phone: "+39 010 555 0123",
      cv: { name: "fabbri.pdf", mimeType: "application/pdf", buffer: pdfWith(`Archivio storico ${word}`) },
    },
  });
  expect(response.status()).toBe(200);

  await open(page, "/candidates");
  await page.getByLabel("Search").fill(word);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Giorgio Fabbri");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = readFileSync(await (await download).path(), "utf8");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain("Giorgio Fabbri");
});
