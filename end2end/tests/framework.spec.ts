// HR build the competency framework and job profiles through the UI.
import { expect, test, type Page } from "@playwright/test";
import { demo, hydrated, open, signIn, unique } from "./helpers";

async function fillCompetency(page: Page, nameEn: string, nameIt: string) {
  await page.getByLabel("Name (Italian)").fill(nameIt);
  await page.getByLabel("Name (English)").fill(nameEn);
  await page.getByLabel("Description (Italian)").fill("Ascolta il cliente senza interrompere.");
  await page.getByLabel("Description (English)").fill("Listens to the customer without interrupting.");
  await page.getByLabel("Area").selectOption("front_office");
  for (let level = 1; level <= 5; level++) {
    await page.getByLabel(`Level ${level} (Italian)`).fill(`Comportamento di livello ${level}`);
    await page.getByLabel(`Level ${level} (English)`).fill(`Level ${level} behaviour`);
  }
}

test("HR create a competency with its five levels and find it in the list", async ({ page }) => {
  const suffix = unique();
  await signIn(page, demo.hr);
  await open(page, "/competencies");
  await page.getByRole("link", { name: "New competency" }).click();
  await expect(page.getByRole("heading", { name: "New competency" })).toBeVisible();
  await hydrated(page);
  await fillCompetency(page, `Active listening ${suffix}`, `Ascolto attivo ${suffix}`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: "Edit competency" })).toBeVisible();
  await expect(page).toHaveURL(/\/competencies\/\d+$/);
  await expect(page.getByLabel("Level 3 (English)")).toHaveValue("Level 3 behaviour");

  await open(page, "/competencies");
  await expect(page.getByRole("link", { name: `Active listening ${suffix}` })).toBeVisible();
});

test("HR create a job profile with weighted requirements", async ({ page }) => {
  const suffix = unique();
  await signIn(page, demo.hr);
  await open(page, "/profiles/new");
  await page.getByLabel("Title (Italian)").fill(`Addetto reception ${suffix}`);
  await page.getByLabel("Title (English)").fill(`Front desk clerk ${suffix}`);
  await page.getByLabel("Sector").selectOption("hospitality");
  await page.getByLabel("Description (English)").fill("Welcomes guests at a city hotel.");

  await page.getByRole("button", { name: "Add competency" }).click();
  const first = page.locator("li.requirement").nth(0);
  await first.getByLabel("Competency").selectOption({ label: "Front office – Verbal communication" });
  await first.getByLabel("Required level").selectOption("4");
  await first.getByLabel("Weight").selectOption("5");

  await page.getByRole("button", { name: "Add competency" }).click();
  const second = page.locator("li.requirement").nth(1);
  await second.getByLabel("Competency").selectOption({ label: "Transversal – Teamwork" });
  await second.getByLabel("Required level").selectOption("3");
  await second.getByLabel("Weight").selectOption("2");

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: "Edit profile" })).toBeVisible();
  await expect(page.locator("li.requirement")).toHaveCount(2);

  await open(page, "/profiles");
  const row = page.getByRole("row").filter({ hasText: `Front desk clerk ${suffix}` });
  await expect(row).toContainText("Tourism and hospitality");
  await expect(row.getByRole("cell").last()).toHaveText("2");
});

test("an employee reads the framework but cannot change it", async ({ page }) => {
  await signIn(page, demo.employee);
  await open(page, "/competencies");
  await expect(page.getByRole("link", { name: "New competency" })).toHaveCount(0);
  await page.getByRole("link", { name: "Teamwork" }).click();
  await expect(page.getByRole("heading", { name: "Teamwork", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
});
