// Bad input gets field-level errors in the user's language, and nothing typed is lost.
import { expect, test } from "@playwright/test";
import { demo, open, signIn } from "./helpers";

test("an empty competency form shows errors beside the fields, in English", async ({ page }) => {
  await signIn(page, demo.hr);
  await open(page, "/competencies/new");
  await page.getByLabel("Name (English)").fill("Kept after the error");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert").first()).toHaveText("Please check the highlighted fields.");
  await expect(page.locator("#f-name_it-error")).toHaveText("This field is required.");
  await expect(page.locator("#f-levels-4-en-error")).toHaveText("This field is required.");
  await expect(page.getByLabel("Name (Italian)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name (English)")).toHaveValue("Kept after the error");
});

test.describe("in Italian", () => {
  test.use({ locale: "it-IT" });

  test("the same errors appear in Italian for a browser that prefers Italian", async ({ page }) => {
    await signIn(page, demo.hr);
    await open(page, "/competencies/new");
    await expect(page.locator("html")).toHaveAttribute("lang", "it");
    await page.getByRole("button", { name: "Salva" }).click();
    await expect(page.getByRole("alert").first()).toHaveText("Controlla i campi evidenziati.");
    await expect(page.locator("#f-name_it-error")).toHaveText("Campo obbligatorio.");
    await expect(page.getByLabel("Nome (italiano)")).toHaveAttribute("aria-invalid", "true");
  });
});

test("the language switch changes the whole page and is remembered for the user", async ({ page }) => {
  await signIn(page, demo.interviewer);
  await page.getByRole("button", { name: "Italiano" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Competenze" })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Il mio account" })).toBeVisible();
  // Back to English, as the other tests expect of this shared demo account.
  await expect(page.locator("body[data-hydrated=true]")).toBeAttached();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("a duplicate competency name is refused by the server and the form keeps its values", async ({ page }) => {
  await signIn(page, demo.hr);
  await open(page, "/competencies/new");
  await page.getByLabel("Name (Italian)").fill("Lavoro in team");
  await page.getByLabel("Name (English)").fill("teamwork");
  await page.getByLabel("Description (Italian)").fill("Collabora.");
  await page.getByLabel("Description (English)").fill("Collaborates.");
  for (let level = 1; level <= 5; level++) {
    await page.getByLabel(`Level ${level} (Italian)`).fill(`Livello ${level}`);
    await page.getByLabel(`Level ${level} (English)`).fill(`Level ${level}`);
  }
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#f-name_en-error")).toHaveText("A competency with this name already exists.");
  await expect(page.getByLabel("Name (English)")).toHaveValue("teamwork");
  await expect(page.getByLabel("Level 5 (English)")).toHaveValue("Level 5");
});

test("a weak password is refused with a message in the user's language", async ({ page }) => {
  await signIn(page, demo.admin);
  await open(page, "/admin/users");
  await page.getByLabel("Full name").fill("Paola Neri");
  await page.getByLabel("Email").fill("paola.neri@example.it");
  await page.getByLabel("Initial password").fill("passwordpassword");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.locator("#f-password-error")).toHaveText(
    "This is one of the most common passwords: choose a less predictable one.",
  );
  await expect(page.getByLabel("Full name")).toHaveValue("Paola Neri");
});
