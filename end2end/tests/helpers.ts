// Shared steps: the demo sign-ins and signing in through the real form.
import { expect, type Page } from "@playwright/test";

export const demo = {
  admin: { email: "admin@percorso.test", password: "percorso-admin-demo", name: "Alessandra Conti", role: "Admin" },
  hr: { email: "hr@percorso.test", password: "percorso-hr-demo", name: "Giulia Ferrari", role: "HR" },
  interviewer: {
    email: "interviewer@percorso.test",
    password: "percorso-interviewer-demo",
    name: "Marco Bianchi",
    role: "Interviewer",
  },
  employee: { email: "employee@percorso.test", password: "percorso-employee-demo", name: "Luca Esposito", role: "Employee" },
};

/** Opens a page and waits until the app has hydrated, so its forms are live. */
export async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("body[data-hydrated=true]")).toBeAttached();
}

/** Signs in through the sign-in form and waits for the home page. */
export async function signIn(page: Page, who: { email: string; password: string; name: string }) {
  await open(page, "/login");
  // By id, so signing in works whatever the page's language.
  await page.locator("#f-email").fill(who.email);
  await page.locator("#f-password").fill(who.password);
  await page.locator("form button[type=submit]").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(who.name);
  await expect(page.locator("body[data-hydrated=true]")).toBeAttached();
}

/** A suffix that keeps names unique across runs against the same database. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}
