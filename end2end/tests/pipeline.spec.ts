// HR run an opening's pipeline on its board: drag and drop, the keyboard alternative, and a
// rejection with a reason.
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

  // The keyboard alternative.
  await page.getByLabel("Move to – Davide Ricci").selectOption("interview");
  await expect(column("interview").locator("li", { hasText: "Davide Ricci" })).toBeVisible();

  // A rejection asks for its reason first.
  await page.getByLabel("Move to – Sara Greco").selectOption("rejected");
  await page.getByRole("button", { name: "Move" }).click();
  await expect(page.locator("#f-reason-error")).toHaveText("Give the reason.");
  await page.getByLabel("Reason – Rejected").fill("Non disponibile sui turni serali");
  await page.getByRole("button", { name: "Move" }).click();
  const rejected = column("rejected").locator("li", { hasText: "Sara Greco" });
  await expect(rejected).toBeVisible();
  await expect(rejected).toContainText("Non disponibile sui turni serali");

  // The candidate's page shows the history.
  await column("interview").getByRole("link", { name: "Davide Ricci" }).click();
  await expect(page.getByRole("heading", { name: "Davide Ricci", level: 1 })).toBeVisible();
  await expect(page.locator(".timeline li")).toHaveCount(3);
  await expect(page.locator(".timeline li").first()).toContainText("Screening → Interview");
});
