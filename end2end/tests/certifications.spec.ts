// Certifications end to end, without a browser bundle: the demo employee uploads the renewal
// of their anti-money-laundering certificate (a field refused first, with what was typed
// kept); HR find it pending in the compliance matrix beside the certificate about to lapse,
// verify it from the decisions page, and the matrix shows it in order; the employee sees the
// renewal counting and the earlier certificates as history. Then, on a second server whose
// clock is 340 days ahead (same database), the renewal is expiring in the matrix and in the
// employee's notifications, and its reminder email was written exactly once, even after that
// server starts again.
import { expect, test } from "@playwright/test";
import { demo, mailsTo, open, pdfWith, shiftedServer, signIn, unique } from "./helpers";

/** `date` as the English pages write it: "7 Dec 2027". */
function englishDay(date: Date): string {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** `date` as the Italian pages and letters write it: "07/12/2027". */
function italianDay(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(date.getUTCDate())}/${two(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

const AML = "Anti-money laundering (Legislative Decree 231/2007)";

test("an employee uploads a renewal, HR verify it, and the matrix and the reminders follow", async ({ browser }) => {
  test.setTimeout(180_000);
  const credential = `AML-${unique()}`;
  const today = new Date().toISOString().slice(0, 10);

  const employee = await browser.newPage();
  await signIn(employee, demo.employee);
  await open(employee, "/training");
  await expect(employee.locator("script[type=module]")).toHaveCount(0);
  const form = employee.locator("#add-certificate");
  await form.getByLabel("Certification").selectOption({ label: `${AML} (12 months)` });
  await form.getByLabel("Credential id").fill(credential);
  await form.getByLabel("Issued on").fill(today);
  await form.getByLabel("Expires on").fill("2020-01-01");
  await form.getByLabel("Document").setInputFiles({
    name: "antiriciclaggio.pdf",
    mimeType: "application/pdf",
    buffer: pdfWith("Attestato antiriciclaggio"),
  });
  await form.getByRole("button", { name: "Upload a certificate" }).click();
  // Refused beside the field, the credential typed kept; the file is chosen again.
  await expect(employee.locator("#f-certificate-expires_on-error")).toContainText("cannot come before the issue");
  await expect(employee.locator("#add-certificate").getByLabel("Credential id")).toHaveValue(credential);
  await employee.locator("#add-certificate").getByLabel("Expires on").fill("");
  await employee.locator("#add-certificate").getByLabel("Document").setInputFiles({
    name: "antiriciclaggio.pdf",
    mimeType: "application/pdf",
    buffer: pdfWith("Attestato antiriciclaggio"),
  });
  await employee.locator("#add-certificate").getByRole("button", { name: "Upload a certificate" }).click();
  await expect(employee.locator("#certification-notice")).toContainText("HR will now verify it");
  const mine = employee.locator(`#certificates li[data-certification]`, { hasText: AML });
  await expect(mine).toContainText(credential);
  await expect(mine).toContainText("Pending verification");

  const hr = await browser.newPage();
  await signIn(hr, demo.hr);
  await open(hr, "/compliance?sort=name");
  const row = hr.locator("#compliance tbody tr", { hasText: demo.employee.name });
  await expect(row).toContainText("Expiring");
  await expect(row).toContainText("renewal pending verification");
  await expect(hr.locator("#compliance-counts")).toContainText("Expiring");

  await open(hr, "/training/decisions");
  const waiting = hr.locator("#certificates-to-verify tbody tr", { hasText: credential });
  await expect(waiting).toContainText(demo.employee.name);
  await waiting.getByRole("button", { name: `Verify – ${AML} – ${demo.employee.name}` }).click();
  await expect(hr.locator("#certification-notice, .alert.success").first()).toBeVisible();
  await expect(hr.locator("#certificates-to-verify tbody tr", { hasText: credential })).toHaveCount(0);

  await open(hr, "/compliance?sort=name");
  const after = hr.locator("#compliance tbody tr", { hasText: demo.employee.name });
  const cell = after.locator("td[data-state]").first();
  await expect(cell).toHaveAttribute("data-state", "ok");
  await expect(cell).toContainText("OK");

  await open(employee, "/training");
  const renewed = employee.locator(`#certificates li[data-certification]`, { hasText: AML });
  await expect(renewed.locator("dl").first()).toContainText("Valid");
  await expect(renewed.locator("dl").first()).toContainText(credential);
  await renewed.getByText("Earlier certificates (2)").click();
  await expect(renewed.locator("details")).toContainText("Expired");

  // A year on, less 25 days: the renewal is about to lapse.
  const now = new Date();
  const expiry = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate()));
  const ahead = await shiftedServer(340, 3199);
  try {
    const later = await browser.newContext({ baseURL: ahead.url, locale: "en-GB" });
    const hrLater = await later.newPage();
    await signIn(hrLater, demo.hr);
    await open(hrLater, "/compliance?sort=name");
    const lapsing = hrLater.locator("#compliance tbody tr", { hasText: demo.employee.name }).locator("td[data-state]").first();
    await expect(lapsing).toHaveAttribute("data-state", "expiring");

    const employeeLater = await (await browser.newContext({ baseURL: ahead.url, locale: "en-GB" })).newPage();
    await signIn(employeeLater, demo.employee);
    await expect(employeeLater.locator("#bell .count")).toBeVisible();
    await open(employeeLater, "/notifications");
    await expect(employeeLater.locator("#notifications li.unread", { hasText: `expires on ${englishDay(expiry)}` })).toHaveCount(1);

    const reminder = [italianDay(expiry), "Antiriciclaggio"];
    await expect.poll(async () => (await mailsTo(demo.employee.email, ...reminder)).length, { timeout: 15_000 }).toBe(1);
  } finally {
    await ahead.stop();
  }
  // Started again on the same day: nothing goes twice.
  const again = await shiftedServer(340, 3199);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  await again.stop();
  expect(await mailsTo(demo.employee.email, italianDay(expiry), "Antiriciclaggio")).toHaveLength(1);
});
