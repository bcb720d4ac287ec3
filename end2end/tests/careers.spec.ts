// The public careers pages as a job applicant meets them: plain HTML that works with
// JavaScript off, the application form posting as a multipart form.
import { expect, test } from "@playwright/test";
import { demo, pdfWith, publishedOpening, sentMail, signIn, unique } from "./helpers";

test("with JavaScript off a candidate applies with a CV, a refused form keeping what was typed", async ({
  page,
  browser,
}) => {
  const place = `Trieste ${unique()}`;
  await signIn(page, demo.hr);
  await publishedOpening(page, "Bank teller", place);

  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
  const candidate = await context.newPage();
  const scripts: string[] = [];
  candidate.on("request", (request) => {
    if (["script", "fetch"].includes(request.resourceType()) || request.url().endsWith(".wasm")) {
      scripts.push(request.url());
    }
  });
  await candidate.goto("/careers");
  await candidate.locator(".card").filter({ hasText: place }).getByRole("link").click();
  await expect(candidate.getByRole("heading", { name: "Bank teller", level: 1 })).toBeVisible();

  // Missing CV and a malformed email: the server answers with the page, errors beside fields.
  await candidate.getByLabel("Full name").fill("Elena Costa");
  await candidate.getByLabel("Email").fill("elena.costa@");
  await candidate.getByLabel("Phone").fill("+39 040 555 0199");
  await candidate.getByLabel("Education").fill("Diploma di ragioneria");
  await candidate.getByRole("button", { name: "Send application" }).click();
  await expect(candidate.locator("#f-email-error")).not.toBeEmpty();
  await expect(candidate.getByRole("alert")).toBeVisible();
  // The error summary takes the focus, so a phone shows why at once, not 700 px above.
  await expect(candidate.getByRole("alert")).toBeFocused();
  await expect(candidate.getByRole("heading", { name: "Send your application" })).toBeVisible();
  await expect(candidate.getByLabel("Full name")).toHaveValue("Elena Costa");
  await expect(candidate.getByLabel("Email")).toHaveValue("elena.costa@");
  await expect(candidate.getByLabel("Phone")).toHaveValue("+39 040 555 0199");
  await expect(candidate.getByLabel("Education")).toHaveValue("Diploma di ragioneria");
  // Nothing typed went into the address.
  expect(candidate.url()).not.toContain("Elena");

  await candidate.getByLabel("Email").fill("elena.costa@example.it");
  await candidate.getByRole("button", { name: "Send application" }).click();
  await expect(candidate.locator("#f-cv-error")).toHaveText("Attach your CV (PDF or DOCX).");
  await expect(candidate.getByLabel("Email")).toHaveValue("elena.costa@example.it");

  await candidate.getByLabel("CV (PDF or DOCX, at most 10 MB)").setInputFiles({
    name: "elena-costa.pdf",
    mimeType: "application/pdf",
    buffer: pdfWith("Elena Costa cassiera sportello"),
  });
  await candidate.getByLabel("I agree to stay in the talent pool for future positions (optional).").check();
  await candidate.getByRole("button", { name: "Send application" }).click();
  await expect(candidate.getByRole("heading", { name: "Application sent" })).toBeVisible();
  await expect(candidate).toHaveURL(/\/careers\/applied$/);
  expect(scripts).toEqual([]);
  await context.close();

  // The confirmation leaves through the outbox, in the language the candidate read the site in.
  const confirmation = await sentMail("elena.costa@example.it");
  expect(confirmation).toContain("Subject: We have received your application: Bank teller");
  expect(confirmation).toContain("Content-Language: en");
  expect(confirmation).toContain("Content-Type: text/html");

  // HR find the application, with its CV.
  await page.goto(`/candidates?q=${encodeURIComponent("Elena Costa")}`);
  await expect(page.getByRole("table").locator("tbody tr").filter({ hasText: "Elena Costa" })).toHaveCount(1);
});

test("the careers pages load no script at all, even where JavaScript runs", async ({ page }) => {
  const loaded: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script" || request.url().endsWith(".wasm")) loaded.push(request.url());
  });
  await page.goto("/careers");
  await page.goto("/careers/applied");
  await page.waitForLoadState("networkidle");
  expect(loaded).toEqual([]);
});

test("the privacy notice on the application form can be reached and scrolled by keyboard", async ({ page, browser }) => {
  const place = `Udine ${unique()}`;
  await signIn(page, demo.hr);
  const id = await publishedOpening(page, "Hotel receptionist", place);
  const visitor = await browser.newPage({ locale: "en-GB" });
  await visitor.goto(`/careers/${id}`);
  const notice = visitor.getByRole("region", { name: "Privacy notice" });
  await notice.focus();
  await expect(notice).toBeFocused();
  await expect(notice).toHaveAttribute("tabindex", "0");
  await visitor.close();
});

test("an opening that is no longer there answers 404 and leads back to the open positions", async ({ page }) => {
  const response = await page.goto("/careers/999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.locator("main").getByRole("link", { name: "All openings" })).toHaveAttribute("href", "/careers");
  await expect(page.locator("main").getByRole("link", { name: "Sign in" })).toHaveCount(0);
});
