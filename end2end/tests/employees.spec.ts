// From hire to employee end to end: HR move a candidate to Hired on the board, which opens the
// hire form; the new employee chooses a password from the emailed link and lands on their own
// record; they cannot open another employee's record by its address; HR find them in the list.
import { expect, test } from "@playwright/test";
import { addCandidate, demo, hydrated, open, privateLink, publishedOpening, signIn, unique } from "./helpers";

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
  await newcomer.getByLabel("New password").fill("una frase lunga e sicura");
  await newcomer.getByLabel("Confirm the new password").fill("una frase lunga e sicura");
  await newcomer.getByRole("button", { name: "Set the password" }).click();
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
  await newcomer.close();

  await open(hr, `/employees?q=${encodeURIComponent(email)}`);
  await hydrated(hr);
  await expect(hr.locator("#employees tbody tr")).toHaveCount(1);
  await expect(hr.locator("#employees")).toContainText("Nadia Fabbri");
  await hr.close();
});
