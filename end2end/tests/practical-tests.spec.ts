// Practical tests end to end: HR assign the complaint role-play from a card moved to Practical
// test; the grader's points above a criterion's maximum are refused beside the field with
// nothing lost, then the grading passes and the page shows a level per competency; HR write a
// template, refused without criteria and with a pass mark above the total, then saved.
import { expect, test } from "@playwright/test";
import { addCandidate, demo, hydrated, open, publishedOpening, signIn, unique } from "./helpers";

/** The date `days` from today, as a date field takes it. */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("HR assign a role-play test from the board and the grader scores it", async ({ browser }) => {
  test.setTimeout(180_000);
  const suffix = unique();
  const candidate = { name: `Paolo Riva ${suffix}`, email: `paolo.${suffix}@example.it` };

  const hr = await browser.newPage();
  await signIn(hr, demo.hr);
  const opening = await publishedOpening(hr, "Bank teller", `Belluno ${suffix}`);
  await addCandidate(hr, opening, candidate.name, candidate.email);
  await open(hr, `/openings/${opening}/board`);
  await hr.getByLabel(`Move to – ${candidate.name}`).selectOption("practical_test");
  await hr.getByRole("button", { name: `Move – ${candidate.name}` }).click();
  const card = hr.locator("section.column[data-stage=practical_test] li", { hasText: candidate.name });
  await card.getByRole("link", { name: "Assign the practical test" }).click();
  await hydrated(hr);
  const form = hr.locator("#assign-test");
  await expect(form).toHaveAttribute("open", "");
  await form.getByLabel("Template").selectOption({ label: "Handling a complaint (role-play)" });
  await form.getByLabel("Grader").selectOption({ label: demo.interviewer.name });
  await form.getByLabel("Due on").fill(inDays(3));
  await form.getByRole("button", { name: "Assign" }).click();
  await expect(form.getByRole("status").first()).toContainText("Test assigned");

  // The grader finds it among their tests to grade and scores it.
  const context = await browser.newContext({ locale: "en-GB" });
  const grader = await context.newPage();
  await signIn(grader, demo.interviewer);
  await open(grader, "/tests");
  const row = grader.locator("#tests-to-grade tr", { hasText: candidate.name });
  await row.getByRole("link", { name: "Handling a complaint (role-play)" }).click();
  await hydrated(grader);
  await expect(grader.getByRole("heading", { level: 1 })).toContainText(candidate.name);
  const criteria = grader.locator("fieldset.criterion");
  await expect(criteria).toHaveCount(4);
  const points = ["6", "4", "3", "3"];
  for (const [i, p] of points.entries()) {
    await criteria.nth(i).getByLabel("Points (0–5)").fill(p);
  }
  await criteria.nth(0).getByLabel("Notes on this criterion").fill("Ha ascoltato senza interrompere.");
  await grader.getByLabel("Overall notes").fill("Calmo e cortese.");
  await expect(grader.locator("p.total")).toContainText("Total points: 16 / 20");
  await grader.getByRole("button", { name: "Submit the grading" }).click();
  await expect(criteria.nth(0).locator("#score-0-error")).toHaveText("From 0 to 5 points.");
  await expect(grader.locator("[role=alert]")).toBeFocused();
  // Nothing typed is lost.
  await expect(criteria.nth(0).getByLabel("Notes on this criterion")).toHaveValue("Ha ascoltato senza interrompere.");
  await criteria.nth(0).getByLabel("Points (0–5)").fill("5");
  await grader.getByRole("button", { name: "Submit the grading" }).click();

  // 15 of 20 passes the mark of 12; each criterion becomes a level.
  await expect(grader.locator("#test-outcome")).toContainText("Passed");
  await expect(grader.locator("#test-outcome")).toContainText("15 points out of 20");
  const levels = grader.locator("#contributions tbody tr");
  await expect(levels).toHaveCount(4);
  await expect(levels.nth(0)).toContainText("5/5");
  await expect(levels.nth(2)).toContainText("3/5");
  await expect(grader.getByText("Level = 1 + 4 × points ÷ maximum points")).toBeVisible();
  await expect(grader.locator("#rubric")).toContainText("Ha ascoltato senza interrompere.");
  await context.close();

  // HR see the result on the candidate's page.
  await hr.reload();
  await expect(hr.locator("#candidate-tests tr", { hasText: "Handling a complaint" })).toContainText("Passed");
  await hr.close();
});

test("HR write a test template, refused without criteria or above its total, then saved", async ({ page }) => {
  const suffix = unique();
  await signIn(page, demo.hr);
  await open(page, "/tests/templates/new");
  await page.getByLabel("Title (Italian)").fill(`Prova di cassa ${suffix}`);
  await page.getByLabel("Title (English)").fill(`Till count ${suffix}`);
  await page.getByLabel("Instructions (Italian)").fill("Conta il fondo cassa e compila la distinta.");
  await page.getByLabel("Instructions (English)").fill("Count the till float and fill in the slip.");
  await page.getByLabel("Time limit (minutes)").fill("15");
  await page.getByLabel("Pass mark (points)").fill("12");
  await page.getByLabel("Bank teller").check();
  const criterion = page.locator("fieldset.criterion").first();
  await criterion.getByLabel("Competency").selectOption({ label: "Administrative work" });
  await criterion.getByLabel("Maximum points").fill("10");
  await criterion.getByLabel("What earns the points (Italian)").fill("Conteggio esatto al centesimo.");
  await criterion.getByLabel("What earns the points (English)").fill("An exact count to the cent.");
  await expect(page.locator("p.total")).toContainText("Total points: 10");

  await page.getByRole("button", { name: "Save the template" }).click();
  await expect(page.locator("#f-pass_mark-error")).toHaveText("It cannot be above the rubric's total (10 points).");

  await criterion.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("button", { name: "Save the template" }).click();
  await expect(page.locator("#criteria-error")).toHaveText("Add at least one criterion to the rubric.");

  await page.getByRole("button", { name: "Add a criterion" }).click();
  const again = page.locator("fieldset.criterion").first();
  await again.getByLabel("Competency").selectOption({ label: "Administrative work" });
  await again.getByLabel("Maximum points").fill("10");
  await again.getByLabel("What earns the points (Italian)").fill("Conteggio esatto al centesimo.");
  await again.getByLabel("What earns the points (English)").fill("An exact count to the cent.");
  await page.getByLabel("Pass mark (points)").fill("8");
  await page.getByRole("button", { name: "Save the template" }).click();
  await expect(page).toHaveURL(/\/tests\/templates\/\d+$/);
  await hydrated(page);
  await expect(page.getByLabel("Title (English)")).toHaveValue(`Till count ${suffix}`);

  await open(page, "/tests/templates");
  await expect(page.locator("#templates tr", { hasText: `Till count ${suffix}` })).toContainText("8 points out of 10");
});
