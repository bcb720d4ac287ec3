// The course catalogue end to end: an employee reads the starter courses; HR plan a session of
// one with the plain form (an end before the start is refused beside its field, with what was
// typed kept); the employee then sees its next session in the catalogue. HR add a course of
// their own (refused once on its hours, what was typed kept) and change it.
import { expect, test } from "@playwright/test";
import { demo, open, signIn, unique } from "./helpers";

/** `days` from today at `time`, as a datetime-local field takes it. */
function local(days: number, time: string): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;
}

test("HR plan a session of a course and an employee finds it in the catalogue", async ({ browser }) => {
  const hr = await browser.newPage();
  await signIn(hr, demo.hr);
  await open(hr, "/courses");
  await hr.getByRole("link", { name: "Excel for administration" }).click();
  const form = hr.locator("#add-session");
  await form.getByLabel("Starts").fill(local(40, "13:00"));
  await form.getByLabel("Ends").fill(local(40, "09:00"));
  await form.getByLabel("Place or room").fill("Aula 3, sede di Treviso");
  await form.getByLabel("Places (1–500)").fill("14");
  await form.getByLabel("Trainer").fill("Paola Greco");
  await form.getByRole("button", { name: "Add a session" }).click();
  await expect(hr.locator("#f-session-ends_at-error")).toHaveText("The end must come after the start.");
  await expect(hr.locator("#add-session").getByLabel("Trainer")).toHaveValue("Paola Greco");
  await hr.locator("#add-session").getByLabel("Ends").fill(local(40, "17:00"));
  await hr.locator("#add-session").getByRole("button", { name: "Add a session" }).click();
  await expect(hr.locator("#session-notice")).toHaveText("Session added.");
  await expect(hr.locator("#sessions tr", { hasText: "Paola Greco" })).toContainText("13:00–17:00");
  await hr.close();

  const employee = await browser.newPage();
  await signIn(employee, demo.employee);
  await open(employee, "/courses");
  // The eight starter courses, and any another test added.
  expect(await employee.locator("#courses tbody tr").count()).toBeGreaterThanOrEqual(8);
  const row = employee.locator("#courses tr", { hasText: "Excel for administration" });
  await expect(row.locator("td").last()).not.toHaveText("–");
  await row.getByRole("link", { name: "Excel for administration" }).click();
  await expect(employee.locator("#sessions")).toContainText("Paola Greco");
  await expect(employee.locator("#add-session")).toHaveCount(0);
  await employee.close();
});

test("HR add a course to the catalogue, refused once on its hours, and change it", async ({ browser }) => {
  const suffix = unique();
  const hr = await browser.newPage();
  await signIn(hr, demo.hr);
  await open(hr, "/courses");
  await hr.getByRole("link", { name: "New course" }).click();
  await expect(hr).toHaveURL(/\/courses\/new$/);
  const form = hr.locator("#course-form");
  await form.getByLabel("Title (Italian)").fill(`Accoglienza allo sportello ${suffix}`);
  await form.getByLabel("Title (English)").fill(`Front desk welcome ${suffix}`);
  await form.getByLabel("Description (English)").fill("Greeting, queues and first answers.");
  await form.getByLabel("Provider").fill("Formazione interna");
  await form.getByLabel("Type").selectOption("internal");
  await form.getByLabel("Hours (1–1000)").fill("0");
  await form.locator("#develops select").first().selectOption("3");
  await form.getByLabel("Hotel receptionist").check();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(hr.locator("#f-hours-error")).toHaveText("From 1 to 1000 hours.");
  await expect(hr.locator("#course-form").getByLabel("Title (English)")).toHaveValue(`Front desk welcome ${suffix}`);
  await expect(hr.locator("#course-form").getByLabel("Hotel receptionist")).toBeChecked();
  await hr.locator("#course-form").getByLabel("Hours (1–1000)").fill("6");
  await hr.locator("#course-form").getByRole("button", { name: "Save" }).click();
  await expect(hr.locator("#course-notice")).toBeVisible();
  await expect(hr.getByRole("heading", { level: 1 })).toHaveText(`Front desk welcome ${suffix}`);
  await expect(hr.locator(".facts")).toContainText("Hotel receptionist");

  await hr.locator("#edit-course").click();
  await expect(hr.locator("#course-form").getByLabel("Hours (1–1000)")).toHaveValue("6");
  await hr.locator("#course-form").getByLabel("Hours (1–1000)").fill("8");
  await hr.locator("#course-form").getByRole("button", { name: "Save" }).click();
  await expect(hr.locator("#course-notice")).toBeVisible();
  await hr.close();

  const employee = await browser.newPage();
  await signIn(employee, demo.employee);
  await open(employee, "/courses");
  const row = employee.locator("#courses tr", { hasText: `Front desk welcome ${suffix}` });
  await expect(row.locator("td").nth(2)).toHaveText("8");
  await expect(employee.getByRole("link", { name: "New course" })).toHaveCount(0);
  await employee.close();
});
