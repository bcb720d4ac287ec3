// From hire to employee end to end: HR move a candidate to Hired on the board, which opens the
// hire form; the new employee chooses a password from the emailed link and lands on their own
// record; they cannot open another employee's record by its address; they find their induction
// courses, log a seminar with its certificate, HR approve it, and their hours and competency
// chart show it; HR find them in the list.
import { expect, test } from "@playwright/test";
import { addCandidate, demo, hydrated, open, pdfWith, privateLink, publishedOpening, signIn, unique } from "./helpers";

test("HR hire a candidate from the board and the new employee sets a password from the emailed link", async ({ browser }) => {
  const suffix = unique();
  const email = `nadia.${suffix}@example.it`;
  const hr = await browser.newPage();
  await signIn(hr, demo.hr);
  const opening = await publishedOpening(hr, "Accounting clerk", `Treviso ${suffix}`);
  await addCandidate(hr, opening, "Nadia Fabbri", email);

  await open(hr, `/openings/${opening}/board`);
  await hr.getByLabel("Move to – Nadia Fabbri").selectOption("hired");
  await hr.getByRole("button", { name: "Move – Nadia Fabbri" }).click();
  await expect(hr).toHaveURL(/\/applications\/\d+\/hire$/);
  const form = hr.locator("#hire");
  await expect(form.getByLabel("Email")).toHaveValue(email);
  await form.getByLabel("Department").fill("Contabilità");
  await form.getByLabel("Manager").selectOption({ label: "Giulia Ferrari" });
  await form.getByLabel("Start date").fill("");
  await form.getByRole("button", { name: "Hire" }).click();
  // Refused beside the field, with what was typed kept.
  await expect(hr.locator("#f-hire-start_date-error")).not.toBeEmpty();
  await expect(hr.locator("#hire").getByLabel("Department")).toHaveValue("Contabilità");
  await hr.locator("#hire").getByLabel("Start date").fill("2027-02-01");
  await hr.locator("#hire").getByRole("button", { name: "Hire" }).click();
  await expect(hr.locator("#employee-notice")).toContainText("Hire recorded");
  await expect(hr.locator("#employee-facts")).toContainText("Contabilità");
  await expect(hr.locator("#employee-facts")).toContainText("Accounting clerk");
  await expect(hr.locator("#invitation")).toContainText("No password chosen yet");
  await expect(hr.locator("#timeline")).toContainText("Hired");

  const link = await privateLink(email, "welcome");
  const newcomer = await browser.newPage();
  await newcomer.goto(link);
  await expect(newcomer.locator("script[type=module]")).toHaveCount(0);
  await newcomer.locator("#f-welcome-password").fill("una frase lunga e sicura");
  await newcomer.locator("#f-welcome-confirm").fill("una frase lunga e sicura");
  await newcomer.locator("#welcome button[type=submit]").click();
  await expect(newcomer).toHaveURL(/\/me$/);
  await expect(newcomer.getByRole("heading", { level: 1 })).toHaveText("Nadia Fabbri");
  await expect(newcomer.locator("#employee-facts")).toContainText("Giulia Ferrari");
  await expect(newcomer.locator("#edit-employee")).toHaveCount(0);

  // Another employee's record, by its address: refused.
  const response = await newcomer.goto("/employees/1");
  expect(response?.status()).toBe(403);
  await expect(newcomer.locator("#employee-facts")).toHaveCount(0);
  // The link works once.
  const again = await newcomer.goto(link);
  expect(again?.status()).toBe(410);

  // The induction: the courses every profile must take are on their training page.
  await newcomer.goto("/training");
  await expect(newcomer.locator("#induction tbody tr")).toHaveCount(2);
  await expect(newcomer.locator("#hours-done")).toHaveText("0");
  const chartBefore = await newcomer.locator("#competency-chart svg").getAttribute("aria-label");

  // They log a seminar done elsewhere, matching a catalogue course, with its certificate.
  const today = new Date().toISOString().slice(0, 10);
  const log = newcomer.locator("#log-training");
  await log.locator("#f-log-title").fill(`Seminario Excel ${suffix}`);
  await log.locator("#f-log-provider").fill("Camera di commercio");
  await log.locator("#f-log-kind").selectOption("seminar");
  await log.locator("#f-log-hours").fill("0");
  await log.locator("#f-log-completed_on").fill(today);
  await log.locator("#f-log-course_id").selectOption({ index: 6 });
  await log.locator("#f-certificate").setInputFiles({ name: "attestato.pdf", mimeType: "application/pdf", buffer: pdfWith("Attestato") });
  await log.locator("button[type=submit]").click();
  // Refused beside the field, what was typed kept; the file is chosen again.
  await expect(newcomer.locator("#f-log-hours-error")).not.toBeEmpty();
  await expect(newcomer.locator("#f-log-title")).toHaveValue(`Seminario Excel ${suffix}`);
  await newcomer.locator("#f-log-hours").fill("6");
  await newcomer.locator("#f-certificate").setInputFiles({ name: "attestato.pdf", mimeType: "application/pdf", buffer: pdfWith("Attestato") });
  await newcomer.locator("#log-training button[type=submit]").click();
  await expect(newcomer.locator("#training-notice")).toBeVisible();
  await expect(newcomer.locator("#done")).toContainText(`Seminario Excel ${suffix}`);
  await expect(newcomer.locator("#hours-done")).toHaveText("0");

  // HR approve it.
  await open(hr, "/training/decisions");
  const row = hr.locator("#reviews tr", { hasText: `Seminario Excel ${suffix}` });
  await expect(row.getByRole("link", { name: "attestato.pdf" })).toBeVisible();
  await row.getByRole("button", { name: "Approve" }).click();
  await expect(hr.locator("#decision-notice")).toBeVisible();
  await expect(hr.locator("#reviews")).not.toContainText(`Seminario Excel ${suffix}`);

  // The hours and the chart show it.
  await newcomer.goto("/training");
  await expect(newcomer.locator("#hours-done")).toHaveText("6");
  const chartAfter = await newcomer.locator("#competency-chart svg").getAttribute("aria-label");
  expect(chartAfter).not.toBe(chartBefore);
  await newcomer.close();

  await open(hr, `/employees?q=${encodeURIComponent(email)}`);
  await hydrated(hr);
  await expect(hr.locator("#employees tbody tr")).toHaveCount(1);
  await expect(hr.locator("#employees")).toContainText("Nadia Fabbri");
  await hr.close();
});
