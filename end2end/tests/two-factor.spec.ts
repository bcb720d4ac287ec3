// Two-step sign-in: a user turns it on from their account page (the key read from the page,
// the codes computed here with Node's own HMAC, independently of the server's), signs out,
// and signs in with the password and then a code; the recovery codes are shown once.
import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { demo, signIn, unique } from "./helpers";

/** Decodes RFC 4648 base32 (no padding), as authenticator apps read the key. */
function base32(text: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of text.replace(/[\s=]/g, "").toUpperCase()) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    bits += value.toString(2).padStart(5, "0");
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** RFC 6238: HMAC-SHA-1 of the 30-second step, truncated to six digits. */
function totp(secret: string, atMillis: number): string {
  const step = Buffer.alloc(8);
  step.writeBigUInt64BE(BigInt(Math.floor(atMillis / 1000 / 30)));
  const mac = createHmac("sha1", base32(secret)).update(step).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const number = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return number.toString().padStart(6, "0");
}

test("the test's own code generator gives RFC 6238's codes", () => {
  const rfc = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  expect(totp(rfc, 59_000)).toBe("287082");
  expect(totp(rfc, 1_111_111_109_000)).toBe("081804");
  expect(totp(rfc, 2_000_000_000_000)).toBe("279037");
});

test("a user turns on two-step sign-in, signs out, and signs in with a code from their app", async ({ browser }) => {
  const suffix = unique();
  const user = {
    email: `giulia.${suffix}@percorso.test`,
    password: "una frase lunga per entrare",
    name: `Giulia Ferri ${suffix}`,
  };
  const admin = await browser.newPage();
  await signIn(admin, demo.admin);
  const created = await admin.request.post("/api/create_user", {
    data: { input: { email: user.email, name: user.name, role: "employee", password: user.password } },
  });
  expect(created.ok()).toBeTruthy();

  const page = await browser.newPage();
  await signIn(page, user);
  await page.goto("/account");
  await expect(page.locator("#two-factor")).toContainText("Off");
  await page.getByRole("link", { name: "Manage two-step sign-in" }).click();
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  // A plain page: the QR code is drawn on the server, no bundle needed.
  await expect(page.locator("script[type=module]")).toHaveCount(0);
  await expect(page.locator(".qr-code svg")).toBeVisible();
  const secret = (await page.locator("#two-factor-key").getAttribute("data-secret")) ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  // A wrong code is refused on its field; the right one turns it on and shows ten codes once.
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.locator("#f-on-code-error")).toContainText("does not work");
  const turnedOnAt = Date.now();
  await page.getByLabel("Code from the app").fill(totp(secret, turnedOnAt));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.locator("#two-factor-on")).toHaveText("Two-step sign-in is on.");
  await expect(page.locator("#recovery-codes li")).toHaveCount(10);
  const recovery = (await page.locator("#recovery-codes li").allTextContents()).map((c) => c.trim());
  await page.getByRole("link", { name: "I have kept them, continue" }).click();
  await expect(page.locator("#recovery-codes-left")).toContainText("10");

  await admin.close();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);

  // The password alone no longer signs in: the code is asked next.
  await page.goto("/login?next=/me");
  await page.locator("#f-email").fill(user.email);
  await page.locator("#f-password").fill(user.password);
  await page.locator("main form button[type=submit]").click();
  await expect(page).toHaveURL(/\/login\/code\?next=%2Fme$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Two-step sign-in");
  // The app's code now, or the next step's if it is still the step that turned it on (a code
  // is never accepted twice, and the next step's is accepted for clock drift).
  const at = Math.max(Date.now(), turnedOnAt + 30_000);
  await page.getByLabel("Code from the app, or a recovery code").fill(totp(secret, at));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(user.name);

  // A recovery code stands in for the app once.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto("/login");
  await page.locator("#f-email").fill(user.email);
  await page.locator("#f-password").fill(user.password);
  await page.locator("main form button[type=submit]").click();
  await expect(page).toHaveURL(/\/login\/code/);
  await page.getByLabel("Code from the app, or a recovery code").fill(recovery[0]);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(user.name);
  await page.goto("/account/two-factor");
  await expect(page.locator("#recovery-codes-left")).toContainText("9");
});
