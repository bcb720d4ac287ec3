// HR run an opening's pipeline on its board: drag and drop, the keyboard alternative (with
// where the focus goes and what the live region says), and a rejection with a reason.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { demo, hydrated, publishedOpening, signIn, unique } from "./helpers";

async function apply(request: APIRequestContext, opening: string, name: string, email: string) {
  const response = await request.post("/api/apply", {
    multipart: {
      opening_id: opening,
      notice_version: "1",
      name,
      email,
      phone: "+39 02 555 0100",
      cv: { name: "cv.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") },
    },
  });
  expect(response.status()).toBe(200);
}

test("HR move one candidate to Interview on the board and reject another with a reason", async ({ page, request }) => {
  const suffix = unique();
  await signIn(page, demo.hr);
  const opening = await publishedOpening(page, "Contact-centre agent", `Bologna ${suffix}`);
  await apply(request, opening, "Davide Ricci", `davide.${suffix}@example.it`);
  await apply(request, opening, "Sara Greco", `sara.${suffix}@example.it`);

  await page.getByRole("link", { name: "Open the pipeline" }).click();
  await hydrated(page);
  const column = (stage: string) => page.locator(`section.column[data-stage=${stage}]`);
  await expect(column("applied").locator("li")).toHaveCount(2);

  // Drag and drop.
  await column("applied").locator("li", { hasText: "Davide Ricci" }).dragTo(column("screening"));
  await expect(column("screening").locator("li", { hasText: "Davide Ricci" })).toBeVisible();
  const live = page.locator("p.visually-hidden[role=status]");
  await expect(live).toHaveText("Davide Ricci → Screening");

  // The keyboard alternative: arrow keys on the closed choice move nothing; the Move button
  // does, and the focus stays on the moved card while a live region says where it went.
  const choice = page.getByLabel("Move to – Davide Ricci");
  await choice.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(column("screening").locator("li", { hasText: "Davide Ricci" })).toBeVisible();
  await expect(column("applied").locator("li", { hasText: "Davide Ricci" })).toHaveCount(0);
  await choice.selectOption("interview");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Move – Davide Ricci" })).toBeFocused();
  await page.keyboard.press("Enter");
  const moved = column("interview").locator("li", { hasText: "Davide Ricci" });
  await expect(moved).toBeVisible();
  await expect(moved).toBeFocused();
  await expect(live).toHaveText("Davide Ricci → Interview");

  // A rejection asks for its reason at the card, the text box focused; Cancel goes back to
  // the card.
  const sara = column("applied").locator("li", { hasText: "Sara Greco" });
  await page.getByLabel("Move to – Sara Greco").selectOption("rejected");
  await page.getByRole("button", { name: "Move – Sara Greco" }).click();
  const reasonForm = sara.locator("form.reason-form");
  await expect(reasonForm.getByRole("heading", { name: "Sara Greco → Rejected" })).toBeVisible();
  await expect(reasonForm.getByLabel("Reason")).toBeFocused();
  await reasonForm.getByRole("button", { name: "Cancel" }).click();
  await expect(reasonForm).toHaveCount(0);
  await expect(sara).toBeFocused();

  await page.getByRole("button", { name: "Move – Sara Greco" }).click();
  await expect(reasonForm.getByLabel("Reason")).toBeFocused();
  await reasonForm.getByRole("button", { name: "Move", exact: true }).click();
  await expect(reasonForm.locator(".field-error")).toHaveText("Give the reason.");
  await reasonForm.getByLabel("Reason").fill("Non disponibile sui turni serali");
  await reasonForm.getByRole("button", { name: "Move", exact: true }).click();
  const rejected = column("rejected").locator("li", { hasText: "Sara Greco" });
  await expect(rejected).toBeVisible();
  await expect(rejected).toContainText("Non disponibile sui turni serali");
  await expect(rejected).toBeFocused();
  await expect(live).toHaveText("Sara Greco → Rejected");

  // The board scrolls inside itself: the page is never wider than the window.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // The candidate's page shows the history.
  await column("interview").getByRole("link", { name: "Davide Ricci" }).click();
  await expect(page.getByRole("heading", { name: "Davide Ricci", level: 1 })).toBeVisible();
  await expect(page.locator(".timeline li")).toHaveCount(3);
  await expect(page.locator(".timeline li").first()).toContainText("Screening → Interview");
});
