// HR's intake (dropped CVs with progress, prefilled forms), notes and tags, the same person
// applying twice, reports and data protection settings.
import { expect, test, type Page } from "@playwright/test";
import { demo, open, pdfWith, publishedOpening, signIn, unique } from "./helpers";

/** Applies on the careers page to the opening in `place`, in a fresh visitor's tab. */
async function applyAs(page: Page, place: string, name: string, email: string) {
  await page.goto("/careers");
  await page.locator(".card").filter({ hasText: place }).getByRole("link").click();
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Phone").fill("+39 041 555 0123");
  await page.getByLabel("CV (PDF or DOCX, at most 10 MB)").setInputFiles({
    name: "cv.pdf",
    mimeType: "application/pdf",
    buffer: pdfWith(`${name} contabilita`),
  });
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(page.getByRole("heading", { name: "Application sent" })).toBeVisible();
}

test("HR drop two CVs, each uploads with its progress and prefills its own form", async ({ page }) => {
  const id = unique();
  await signIn(page, demo.hr);
  await open(page, "/intake");
  await page.locator("#f-cv-files").setInputFiles([
    {
      name: `chiara-galli-${id}.pdf`,
      mimeType: "application/pdf",
      buffer: pdfWith(`Curriculum chiara.${id}@example.it +39 347 111 2233`),
    },
    {
      name: `paolo-riva-${id}.pdf`,
      mimeType: "application/pdf",
      buffer: pdfWith(`Curriculum paolo.${id}@example.it 02 555 7788`),
    },
  ]);
  await expect(page.locator(".upload progress")).toHaveCount(2);
  await expect(page.locator(".upload-state").filter({ hasText: "Uploaded" })).toHaveCount(2);
  const chiara = page.locator(".intake-form").filter({ hasText: `chiara-galli-${id}.pdf` });
  await expect(chiara.getByLabel("Email")).toHaveValue(`chiara.${id}@example.it`);
  await expect(chiara.getByLabel("Phone")).toHaveValue("+39 347 111 2233");
  await expect(chiara.getByLabel("Full name")).toHaveValue("Chiara Galli");

  await chiara.getByLabel("Source").selectOption("referral");
  await chiara.getByRole("button", { name: "Save the candidate" }).click();
  await expect(chiara.locator(".field-error").filter({ hasText: "This field is required." })).toHaveCount(1);
  await chiara.getByLabel("Which job board, or who referred them").fill("Anna Verdi");
  await chiara.getByRole("button", { name: "Save the candidate" }).click();
  await expect(page.locator(".saved")).toContainText("Candidate saved:");
  await expect(page.locator(".intake-form").filter({ hasText: `chiara-galli-${id}.pdf` })).toHaveCount(0);
  // The other upload is still waiting, and survives a reload.
  await open(page, "/intake");
  await expect(page.locator(".intake-form").filter({ hasText: `paolo-riva-${id}.pdf` })).toBeVisible();

  // Tags and a note on the new candidate, then the list filtered by the tag.
  await open(page, `/candidates?q=${id}`);
  await page.getByRole("link", { name: "Chiara Galli" }).click();
  await expect(page.getByRole("heading", { name: "Chiara Galli", level: 1 })).toBeVisible();
  await expect(page.locator("body[data-hydrated=true]")).toBeAttached();
  await page.getByLabel("Tags").fill(`inglese c1, tag${id}`);
  await page.getByRole("button", { name: "Save the tags" }).click();
  await expect(page.getByText("Tags saved.")).toBeVisible();
  await page.getByLabel("Note").fill("Ottima prima telefonata.");
  await page.getByRole("button", { name: "Add the note" }).click();
  await expect(page.locator(".timeline li.note")).toContainText("Ottima prima telefonata.");
  await open(page, `/candidates?tag=tag${id}`);
  await expect(page.getByText("1 result", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Chiara Galli" })).toBeVisible();
});

test("Save all saves every prefilled form in the tray at once", async ({ page }) => {
  const id = unique();
  await signIn(page, demo.hr);
  await open(page, "/intake");
  await page.locator("#f-cv-files").setInputFiles([
    { name: `marta-sala-${id}.pdf`, mimeType: "application/pdf", buffer: pdfWith(`marta.${id}@example.it`) },
    { name: `nino-gatti-${id}.pdf`, mimeType: "application/pdf", buffer: pdfWith(`nino.${id}@example.it`) },
  ]);
  await expect(page.locator(".intake-form").filter({ hasText: id })).toHaveCount(2);
  await page.getByRole("button", { name: "Save all" }).click();
  await expect(page.locator(".saved li").filter({ hasText: "Marta Sala" })).toBeVisible();
  await expect(page.locator(".saved li").filter({ hasText: "Nino Gatti" })).toBeVisible();
  await expect(page.locator(".intake-form").filter({ hasText: id })).toHaveCount(0);
});

test("a second application with the same email attaches to the same person", async ({ page, browser }) => {
  const id = unique();
  const first = `Padova ${id}`;
  const second = `Vicenza ${id}`;
  await signIn(page, demo.hr);
  await publishedOpening(page, "Bank teller", first);
  await publishedOpening(page, "Hotel receptionist", second);
  const visitor = await browser.newPage({ locale: "en-GB" });
  await applyAs(visitor, first, "Sara Greco", `sara.${id}@example.it`);
  await applyAs(visitor, second, "Sara Greco", `Sara.${id}@Example.it`);
  await visitor.close();

  await open(page, `/candidates?q=sara ${id}`);
  await expect(page.getByText("1 result", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Sara Greco" }).click();
  const applications = page.locator("table").first().locator("tbody tr");
  await expect(applications).toHaveCount(2);
  await expect(applications.filter({ hasText: first })).toHaveCount(1);
  await expect(applications.filter({ hasText: second })).toHaveCount(1);
});

test("HR read the source breakdown and an opening's funnel as charts", async ({ page }) => {
  const place = `Rovigo ${unique()}`;
  await signIn(page, demo.hr);
  await publishedOpening(page, "Bank teller", place);
  await open(page, "/reports");
  await expect(page.getByRole("heading", { name: "Applications by source" })).toBeVisible();
  const openingChoice = page.locator("#f-opening option").filter({ hasText: place });
  const value = await openingChoice.getAttribute("value");
  await page.locator("#f-opening").selectOption(value!);
  await expect(page).toHaveURL(new RegExp(`opening=${value}`));
  await expect(page.locator("svg.chart.funnel")).toBeVisible();
  await expect(page.locator("svg.chart.funnel")).toHaveAttribute("role", "img");
});

test("an admin sets retention periods, refused out of range, and runs the job", async ({ page }) => {
  await signIn(page, demo.admin);
  await open(page, "/admin/data-protection");
  await page.getByLabel("Months, without talent-pool consent").fill("0");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator("#f-months_without_consent-error")).toHaveText("From 1 to 120 months.");
  await page.getByLabel("Months, without talent-pool consent").fill("6");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Retention periods saved.")).toBeVisible();
  await page.getByRole("button", { name: "Run now" }).click();
  await expect(page.locator(".runs li").first()).toContainText(demo.admin.name);
});

test("HR cannot open the data protection settings", async ({ page }) => {
  await signIn(page, demo.hr);
  const response = await page.goto("/admin/data-protection");
  expect(response?.status()).toBe(403);
});

test("an interviewer finds their team's candidates at home and reads them without HR's tools", async ({ page }) => {
  await signIn(page, demo.interviewer);
  const team = page.locator(".team-candidates");
  await expect(team.getByRole("link", { name: "Chiara Lombardi" })).toBeVisible();
  await team.getByRole("link", { name: "Chiara Lombardi" }).click();
  await expect(page.getByRole("heading", { name: "Chiara Lombardi", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Applications" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save the tags" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Erase this person" })).toHaveCount(0);
});
