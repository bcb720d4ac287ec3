// An employee's right of access end to end: the demo employee downloads everything recorded
// about them from their own page, as a zip read here by a parser that shares nothing with the
// server's writer; it holds their account and training without a password hash; HR download
// it from the employee's page too.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { demo, open, readZip, signIn } from "./helpers";

test("an employee downloads all their data from their page, and HR can too", async ({ browser }) => {
  const employee = await browser.newPage();
  await signIn(employee, demo.employee);
  await open(employee, "/me");
  const [download] = await Promise.all([
    employee.waitForEvent("download"),
    employee.locator("#employee-export").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^employee-\d+\.zip$/);
  const path = await download.path();
  const files = readZip(readFileSync(path));
  const person = JSON.parse(files.get("person.json")!.toString("utf8"));
  const tables = person.tables;
  expect(tables.users).toHaveLength(1);
  expect(tables.users[0].email).toBe(demo.employee.email);
  expect(tables.users[0].password_hash).toBeUndefined();
  expect(tables.employees[0].id).toBe(person.employee_id);
  expect(tables.course_records.length).toBeGreaterThan(0);
  expect(tables.employee_certifications.length).toBeGreaterThan(0);
  expect(JSON.stringify(person)).not.toContain("token_hash");
  await employee.close();

  const hr = await browser.newPage();
  await signIn(hr, demo.hr);
  await open(hr, `/employees/${person.employee_id}`);
  const [again] = await Promise.all([hr.waitForEvent("download"), hr.locator("#employee-export").click()]);
  expect(again.suggestedFilename()).toBe(`employee-${person.employee_id}.zip`);
  await hr.close();
});
