import { expect, test } from "vitest";
import { fillForRequest, formatForText } from "./text-template.ts";

test("a message never shows a secret: {{secrets.NAME}} stays as written, whatever the variables hold", () => {
  expect(formatForText("Scored by {{secrets.SCORING_URL}} for {{name}}", { name: "Ada", secrets: { SCORING_URL: "https://x" } })).toBe("Scored by {{secrets.SCORING_URL}} for Ada");
});

test("a request keeps {{secrets.NAME}} for the runtime and says which values would bring one in", () => {
  expect(fillForRequest("{{secrets.URL}}/{{id}}", { id: 7 })).toEqual({ ok: true, text: "{{secrets.URL}}/7" });
  expect(fillForRequest("Bearer {{token}} {{missing}}", { token: "{{ secrets.KEY }}" })).toEqual({ ok: false, missing: ["missing"], smuggled: ["token"] });
});
