// A forgotten password: from the sign-in page a user asks for a link, reads it in the mail,
// chooses a new password through it (a plain page, no bundle), signs in with it, and finds
// the link used up; the old password no longer works.
import { expect, test } from "@playwright/test";
import { demo, hydrated, privateLink, signIn, unique } from "./helpers";

test("a user resets a forgotten password from the emailed link and signs in with the new one", async ({ browser }) => {
  const suffix = unique();
  const user = {
    email: `marta.${suffix}@percorso.test`,
    password: "la vecchia frase dimenticata",
    name: `Marta Gallo ${suffix}`,
  };
  const newPassword = "una nuova frase da ricordare";

  const admin = await browser.newPage();
  await signIn(admin, demo.admin);
  const created = await admin.request.post("/api/create_user", {
    data: { input: { email: user.email, name: user.name, role: "employee", password: user.password } },
  });
  expect(created.ok()).toBeTruthy();
  await admin.close();

  const page = await browser.newPage();
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Forgot your password?");
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page).toHaveURL(/\/forgot-password\?sent=1$/);
  await expect(page.locator("#reset-sent")).toContainText("If the address belongs to an active account");

  const link = await privateLink(user.email, "reset-password");
  await page.goto(link);
  // A plain page: it works before and without the browser bundle.
  await expect(page.locator("script[type=module]")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  await expect(page.locator("main")).toContainText(user.email);
  await page.locator("#f-reset-password").fill(newPassword);
  await page.locator("#f-reset-confirm").fill("qualcosa di diverso");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.locator("#f-reset-confirm-error")).toHaveText("The two passwords do not match.");
  await page.locator("#f-reset-password").fill(newPassword);
  await page.locator("#f-reset-confirm").fill(newPassword);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page).toHaveURL(/\/login\?password=reset$/);
  await expect(page.locator("#password-reset")).toContainText("Your password has been changed");
  await hydrated(page);

  // The old password is refused, the new one signs in.
  await page.locator("#f-email").fill(user.email);
  await page.locator("#f-password").fill(user.password);
  await page.locator("main form button[type=submit]").click();
  await expect(page.getByRole("alert").first()).toHaveText("Wrong email or password.");
  await signIn(page, { ...user, password: newPassword });

  // The link works once.
  const again = await page.goto(link);
  expect(again?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
  await expect(page.locator("main").getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
});
