// The Content Security Policy: the app runs under it, and a script injected without the
// page's nonce does not.
import { expect, test } from "@playwright/test";
import { open } from "./helpers";

test("the sign-in page hydrates under its policy without a single violation", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) refused.push(message.text());
  });
  const response = await page.goto("/login");
  expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  await expect(page.locator("body[data-hydrated=true]")).toBeAttached();
  expect(refused).toEqual([]);
});

test("an inline script injected without the nonce is blocked and reported", async ({ page }) => {
  await open(page, "/login");
  const outcome = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) => {
      document.addEventListener("securitypolicyviolation", (event) => resolve(event.effectiveDirective), {
        once: true,
      });
    });
    const script = document.createElement("script");
    script.textContent = "window.__injected = 1;";
    document.body.appendChild(script);
    const directive = await Promise.race([
      violation,
      new Promise<string>((resolve) => setTimeout(() => resolve("no violation reported"), 3000)),
    ]);
    return { ran: (window as unknown as { __injected?: number }).__injected === 1, directive };
  });
  expect(outcome.ran).toBe(false);
  expect(outcome.directive).toMatch(/^script-src/);
});
