// With JavaScript off (or before the bundle has loaded), no form may put what was typed into an
// address: every form posts, sign-in, the password change, a candidate's note and tags work as
// plain forms, and forms that need the bundle do nothing until it is there.
import { expect, test, type Page } from "@playwright/test";
import { demo } from "./helpers";

const MARK = "typed-by-the-test";

/** Pages with forms, per role that can open them. */
const pagesOf: Record<"hr" | "admin", string[]> = {
  hr: [
    "/",
    "/account",
    "/competencies/new",
    "/profiles/new",
    "/profiles/1",
    "/openings/new",
    "/openings/1",
    "/openings/1/board",
    "/candidates/1",
    "/intake",
    "/interviews/4",
  ],
  admin: ["/admin/users", "/admin/data-protection"],
};

/** Forms that change what other tests rely on (the account's language, signing out). */
const leftAlone = ["/api/set_language", "/api/set_time_zone", "/api/logout"];

async function signInWithoutScript(page: Page, who: { email: string; password: string; name: string }) {
  await page.goto("/login");
  await page.locator("#f-email").fill(who.email);
  await page.locator("#f-password").fill(who.password);
  await page.locator("main form button[type=submit]").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(who.name);
}

/** Fills every field of each form on the page with MARK and submits it the way a user could. */
async function submitEveryForm(page: Page, path: string) {
  await page.goto(path);
  const count = await page.locator("main form").count();
  for (let i = 0; i < count; i++) {
    await page.goto(path);
    const form = page.locator("main form").nth(i);
    const method = (await form.getAttribute("method")) ?? "";
    const action = (await form.getAttribute("action")) ?? "";
    if (method === "get") {
      // Searches and report choices: their fields are the address, by design.
      expect(await form.getAttribute("role") === "search" || action === "/reports", `${path} form ${i}`).toBe(true);
      continue;
    }
    expect(method, `${path} form ${i} method`).toBe("post");
    expect(action, `${path} form ${i} action`).not.toBe("");
    if (leftAlone.includes(action)) continue;
    const fields = form.locator("input:visible:not([type=checkbox]):not([type=radio]):not([type=file]), textarea:visible");
    for (let f = 0; f < (await fields.count()); f++) {
      const type = await fields.nth(f).getAttribute("type");
      if (type === "hidden" || type === "submit") continue;
      await fields.nth(f).fill(type === "number" ? "7" : type === "date" || type === "datetime-local" ? "" : MARK);
    }
    const submit = form.locator("button[type=submit]").first();
    const line = form.locator("input:visible:not([type=checkbox]):not([type=radio]):not([type=file]):not([type=hidden])");
    if ((await submit.count()) > 0 && (await submit.isEnabled())) {
      await submit.click();
    } else {
      // A form that needs the bundle: its button cannot be pressed, and Enter in a one-line
      // field (which submits a form) must not send it anywhere.
      if ((await submit.count()) > 0) await expect(submit, `${path} form ${i}`).toBeDisabled();
      if ((await line.count()) > 0) await line.first().press("Enter");
    }
    await page.waitForLoadState();
    expect(page.url(), `${path} form ${i}`).not.toContain(MARK);
  }
}

test("with JavaScript off, sign-in and the password change work and no form puts what was typed in an address", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
  const page = await context.newPage();
  const addresses: string[] = [];
  page.on("request", (request) => addresses.push(request.url()));

  // A wrong password comes back on the page: the email kept, the password not, focus on why.
  await page.goto("/login?next=/candidates");
  await page.locator("#f-email").fill(demo.hr.email);
  await page.locator("#f-password").fill(`${MARK}-password`);
  await page.locator("main form button[type=submit]").click();
  await expect(page.getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page.getByRole("alert")).toBeFocused();
  await expect(page.locator("#f-email")).toHaveValue(demo.hr.email);
  await expect(page.locator("#f-password")).toHaveValue("");
  // Then the right one goes on to where the user was going.
  await page.locator("#f-password").fill(demo.hr.password);
  await page.locator("main form button[type=submit]").click();
  await expect(page).toHaveURL(/\/candidates$/);

  // The password change, refused for a wrong current password, with the reason on the page.
  await page.goto("/account");
  await page.locator("#f-current_password").fill(`${MARK}-wrong`);
  await page.locator("#f-new_password").fill("a-new-password-2026");
  await page.locator("#f-confirm").fill("a-new-password-2026");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#f-current_password-error")).not.toBeEmpty();
  await expect(page).toHaveURL(/\/account$/);

  // A note on a candidate, a simple edit, works too.
  await page.goto("/candidates/2");
  await page.getByLabel("Note").fill("Nota scritta senza JavaScript");
  await page.getByRole("button", { name: "Add the note" }).click();
  await expect(page).toHaveURL(/\/candidates\/2\?saved=note$/);
  await expect(page.locator(".timeline li.note", { hasText: "Nota scritta senza JavaScript" })).toBeVisible();

  for (const path of pagesOf.hr) await submitEveryForm(page, path);

  const admin = await context.newPage();
  admin.on("request", (request) => addresses.push(request.url()));
  await signInWithoutScript(admin, demo.admin);
  for (const path of pagesOf.admin) await submitEveryForm(admin, path);

  // The careers application form, empty: its errors on the page, nothing in the address.
  await page.goto("/careers/1");
  await page.locator("#f-name").fill(MARK);
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(page.getByRole("alert")).toBeFocused();

  expect(addresses.filter((address) => address.includes(MARK))).toEqual([]);
  await context.close();
});

test("with JavaScript off, a user changes their password and signs in with the new one", async ({ browser }) => {
  // The interviewer demo account's password changes here and is put back at the end.
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
  const page = await context.newPage();
  await signInWithoutScript(page, demo.interviewer);
  const change = async (from: string, to: string) => {
    await page.goto("/account");
    await page.locator("#f-current_password").fill(from);
    await page.locator("#f-new_password").fill(to);
    await page.locator("#f-confirm").fill(to);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/account\?password=changed$/);
    await expect(page.getByRole("status")).toHaveText("Password changed. Your other sessions have been signed out.");
  };
  // A confirmation that does not match is refused on the page.
  await page.goto("/account");
  await page.locator("#f-current_password").fill(demo.interviewer.password);
  await page.locator("#f-new_password").fill("another-password-2026");
  await page.locator("#f-confirm").fill("another-password-2027");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#f-confirm-error")).not.toBeEmpty();

  await change(demo.interviewer.password, "another-password-2026");
  try {
    const fresh = await context.browser()!.newContext({ javaScriptEnabled: false, locale: "en-GB" });
    const again = await fresh.newPage();
    await signInWithoutScript(again, { ...demo.interviewer, password: "another-password-2026" });
    await fresh.close();
  } finally {
    // Put the demo password back, whatever happened, for the tests that sign in with it.
    await change("another-password-2026", demo.interviewer.password);
    await context.close();
  }
});
