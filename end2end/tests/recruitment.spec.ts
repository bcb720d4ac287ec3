// HR open a position from a job profile and publish it; a visitor finds it on the careers page.
import { expect, test } from "@playwright/test";
import { demo, hydrated, open, pdfWith, publishedOpening, signIn, unique } from "./helpers";

test("HR publish an opening and a visitor reads it on the careers page", async ({ page, browser }) => {
  const place = `Verona ${unique()}`;
  await signIn(page, demo.hr);
  await open(page, "/openings");
  await page.getByRole("link", { name: "New opening" }).click();
  await expect(page.getByRole("heading", { name: "New opening" })).toBeVisible();
  await hydrated(page);
  await page.getByLabel("Job profile").selectOption({ label: "Hotel receptionist" });
  await page.getByLabel("Location").fill(place);
  await page.getByLabel("Positions").fill("2");
  await page.getByLabel("Status").selectOption("open");
  await page.getByLabel("Published on the careers page").check();
  await page.getByLabel(`${demo.interviewer.name} (Interviewer)`).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: "Edit opening" })).toBeVisible();
  await expect(page.getByLabel(`${demo.interviewer.name} (Interviewer)`)).toBeChecked();

  const visitor = await browser.newPage({ locale: "en-GB" });
  await visitor.goto("/careers");
  const card = visitor.locator(".card").filter({ hasText: place });
  await card.getByRole("link", { name: "Hotel receptionist" }).click();
  await expect(visitor.getByRole("heading", { name: "Hotel receptionist", level: 1 })).toBeVisible();
  await expect(visitor.getByText(place)).toBeVisible();
  await visitor.close();
});

test("an empty opening form is refused field by field", async ({ page }) => {
  await signIn(page, demo.hr);
  await open(page, "/openings/new");
  await page.getByLabel("Positions").fill("0");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#f-location-error")).toHaveText("This field is required.");
  await expect(page.locator("#f-positions-error")).toHaveText("Positions go from 1 to 500.");
});

test("what HR type before the page's script has loaded is kept when it loads", async ({ page }) => {
  const place = `Treviso ${unique()}`;
  await signIn(page, demo.hr);
  // Hold the form's bundle back until the fields are filled, as on a slow connection.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/openings/new");
  await page.getByLabel("Job profile").selectOption({ label: "Bank teller" });
  await page.getByLabel("Location").fill(place);
  await page.getByLabel("Positions").fill("3");
  await expect(page.locator("body[data-hydrated=true]")).not.toBeAttached();
  // Until the script is there, the form cannot be sent anywhere.
  await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
  release();
  await hydrated(page);
  await expect(page.getByLabel("Location")).toHaveValue(place);
  await expect(page.getByLabel("Positions")).toHaveValue("3");
  await expect(page.getByLabel("Job profile").locator("option:checked")).toHaveText("Bank teller");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: "Edit opening" })).toBeVisible();
  await expect(page.getByLabel("Location")).toHaveValue(place);
  await expect(page.getByLabel("Job profile").locator("option:checked")).toHaveText("Bank teller");
});

test("HR's day: the worklist shows a new application, and the openings list counts it and leads to the board", async ({
  page,
  request,
}) => {
  const place = `Rimini ${unique()}`;
  const name = `Nadia Serra ${unique()}`;
  await signIn(page, demo.hr);
  // Start from a cleared worklist.
  const markSeen = page.getByRole("button", { name: "Mark as seen" });
  if (await markSeen.count()) {
    await markSeen.click();
    await expect(markSeen).toHaveCount(0);
  }
  const opening = await publishedOpening(page, "Hotel receptionist", place);
  const applied = await request.post(`/careers/${opening}`, {
    multipart: {
      opening_id: opening,
      notice_version: "1",
      name,
      email: `nadia.${unique()}@example.it`,
      phone: "+39 0541 555 010",
      cv: { name: "cv.pdf", mimeType: "application/pdf", buffer: pdfWith(name) },
    },
    maxRedirects: 0,
  });
  expect(applied.status()).toBe(303);

  await open(page, "/");
  const worklist = page.locator("section.worklist");
  await expect(worklist.getByRole("link", { name })).toBeVisible();
  await expect(page.locator("ul.cards").getByRole("link", { name: "Reports" })).toBeVisible();
  await expect(page.locator("ul.cards").getByRole("link", { name: "Add candidates" })).toBeVisible();
  await worklist.getByRole("button", { name: "Mark as seen" }).click();
  await expect(worklist.getByRole("link", { name })).toHaveCount(0);

  await open(page, "/openings");
  const row = page.locator("tr", { hasText: place });
  await expect(row).toContainText("Applied 1");
  await row.getByRole("link", { name: `Hotel receptionist · ${place}` }).click();
  await expect(page).toHaveURL(new RegExp(`/openings/${opening}/board$`));
  await expect(page.locator("section.column[data-stage=applied] li", { hasText: name })).toBeVisible();
});
