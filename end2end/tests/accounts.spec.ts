// Signing in as each role, what each role may reach, and signing out.
import { expect, test } from "@playwright/test";
import { demo, open, signIn } from "./helpers";

for (const [key, who] of Object.entries(demo)) {
  test(`the demo ${key} signs in and sees their role and its navigation`, async ({ page }) => {
    await signIn(page, who);
    const header = page.locator("header");
    await expect(header.locator(".badge")).toHaveText(who.role);
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: "Competencies" })).toBeVisible();
    if (key === "admin") {
      await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();
    } else {
      await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
    }
  });
}

test("an interviewer is refused the admin pages", async ({ page }) => {
  await signIn(page, demo.interviewer);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page).toHaveTitle("You do not have permission to see this page · Percorso");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have permission to see this page");
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.locator("main").getByRole("link", { name: "Home" })).toHaveAttribute("href", "/");
  await expect(page.locator("main").getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/login");
});

test("an address that leads nowhere answers 404 with a title, a heading and a way on", async ({ page }) => {
  const response = await page.goto("/nowhere/at/all");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle("Page not found · Percorso");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.locator("main").getByRole("link", { name: "Home" })).toBeVisible();
  await expect(page.locator("main").getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("the site has an icon, so no page logs a missing favicon", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/x-icon");
});

test("the skip link moves the focus to the page's content", async ({ page }) => {
  await signIn(page, demo.hr);
  await open(page, "/candidates");
  await page.keyboard.press("Tab");
  await expect(page.locator(".skip-link")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  // The next Tab goes to the first control in the content, not back to the header's logo.
  await page.keyboard.press("Tab");
  const inMain = await page.evaluate(() => document.querySelector("main")!.contains(document.activeElement));
  expect(inMain).toBe(true);
});

test("a visitor who is not signed in is sent to the sign-in page", async ({ page }) => {
  await page.goto("/competencies");
  await expect(page).toHaveURL(/\/login\?next=\/competencies$/);
});

test("a wrong password is refused with a message and the email stays in the form", async ({ page }) => {
  await open(page, "/login");
  await page.getByLabel("Email").fill(demo.hr.email);
  await page.getByLabel("Password").fill("not the right password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").first()).toHaveText("Wrong email or password.");
  await expect(page.getByLabel("Email")).toHaveValue(demo.hr.email);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, demo.employee);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
});
