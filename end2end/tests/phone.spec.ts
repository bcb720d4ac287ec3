// The main pages on a phone (390 px): none scrolls sideways, the header folds behind a menu
// button, the candidate list folds its filters and shows each row as a card, and the reports'
// charts keep readable labels.
import { expect, test } from "@playwright/test";
import { demo, open, signIn } from "./helpers";

const pages = [
  "/",
  "/candidates",
  "/candidates/1",
  "/openings",
  "/openings/1",
  "/openings/1/board",
  "/intake",
  "/reports",
  "/interviews",
  "/competencies",
  "/profiles/1",
  "/account",
  "/employees",
  "/employees/4",
  "/me",
  "/training",
  "/training/decisions",
  "/certifications",
  "/compliance",
  "/notifications",
  "/careers",
  "/careers/1",
  "/nowhere",
];

test.use({ viewport: { width: 390, height: 844 } });

test("on a 390 px phone no main page is wider than the screen", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.hr);
  const wide: string[] = [];
  for (const path of pages) {
    await open(page, path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) wide.push(`${path}: ${width} px`);
  }
  expect(wide).toEqual([]);
});

test("on a phone the header is one line with a menu button that opens the navigation", async ({ page }) => {
  await signIn(page, demo.hr);
  const header = await page.locator("header").boundingBox();
  expect(header!.height).toBeLessThan(70);
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "Candidates", exact: true })).toBeHidden();
  await page.locator("header summary", { hasText: "Menu" }).click();
  await expect(nav.getByRole("link", { name: "Candidates", exact: true })).toBeVisible();
  await nav.getByRole("link", { name: "Candidates", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Candidates", level: 1 })).toBeVisible();
});

test("on a phone the candidate list folds its filters, names the active ones, and shows cards", async ({ page }) => {
  await signIn(page, demo.hr);
  await open(page, "/candidates?stage=applied&source=careers");
  const summary = page.locator(".more-filters > summary");
  await expect(summary).toHaveText("Filters (Stage, Source)");
  await expect(page.getByLabel("Sort by")).toBeHidden();
  await summary.click();
  await expect(page.getByLabel("Sort by")).toBeVisible();
  // Each row is a card: its stage is on screen without scrolling sideways.
  const stage = page.locator("table.stacking tbody tr").first().locator("td[data-label=Stage]");
  const box = await stage.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
});

test("on a phone the report charts keep labels of at least 11 px and a legend", async ({ page }) => {
  await signIn(page, demo.hr);
  await open(page, "/reports");
  for (const chart of await page.locator("svg.chart").all()) {
    const width = (await chart.boundingBox())!.width;
    const viewBox = (await chart.getAttribute("viewBox"))!.split(" ").map(Number);
    expect((13 * width) / viewBox[2]).toBeGreaterThanOrEqual(11);
  }
  await expect(page.locator("ul.legend").first()).toContainText("Applications");
  await expect(page.locator("ul.legend").first()).toContainText("Hired");
});
