import { processDefinitionSchema, type ProcessDefinition } from "@baton/model";

/**
 * A small, valid process for tests, laid out left to right:
 * start → call back (group sales, due today) → decision
 *   "Converted" (condition) → enter order (expression) → won (end)
 *   "Call again" (condition) → back to call back
 *   "Not interested" (default) → lost (end)
 * Parsed through the real schema so defaults are applied. Fresh per call.
 */
export function sampleProcess(): ProcessDefinition {
  return processDefinitionSchema.parse({
    schemaVersion: 1,
    key: "lead-to-customer",
    name: "Lead to customer",
    steps: [
      {
        id: "start",
        kind: "start",
        name: "Log the prospect",
        position: { x: 0, y: 182 },
        form: {
          schemaVersion: 1,
          blocks: [{ id: "f-name", type: "text", key: "name", label: "Name", required: true }],
        },
      },
      {
        id: "callBack",
        kind: "userTask",
        name: "Call back the prospect",
        position: { x: 120, y: 160 },
        assignment: { type: "group", group: "sales" },
        due: { type: "endOfDay", days: 0 },
        form: {
          schemaVersion: 1,
          blocks: [
            {
              id: "f-outcome",
              type: "select",
              key: "outcome",
              label: "Outcome",
              required: true,
              options: [
                { value: "converted", label: "Converted" },
                { value: "callAgain", label: "Call again" },
                { value: "no", label: "Not interested" },
              ],
            },
          ],
        },
      },
      { id: "decision", kind: "exclusiveGateway", name: "Outcome?", position: { x: 400, y: 175 } },
      {
        id: "enterOrder",
        kind: "userTask",
        name: "Enter the order",
        position: { x: 560, y: 40 },
        assignment: { type: "expression", expression: "salesRep" },
        due: { type: "duration", duration: "PT4H" },
        form: { schemaVersion: 1, blocks: [{ id: "f-amount", type: "number", key: "amount", label: "Amount" }] },
        outputs: [{ from: "amount", to: "order.amount" }],
      },
      { id: "won", kind: "end", name: "Customer won", position: { x: 860, y: 62 } },
      { id: "lost", kind: "end", name: "Not interested", position: { x: 560, y: 300 } },
    ],
    connections: [
      { id: "c1", source: "start", target: "callBack" },
      { id: "c2", source: "callBack", target: "decision" },
      { id: "c-yes", source: "decision", target: "enterOrder", label: "Converted", condition: 'outcome = "converted"' },
      { id: "c-again", source: "decision", target: "callBack", label: "Call again", condition: 'outcome = "callAgain"' },
      { id: "c-no", source: "decision", target: "lost", label: "Not interested", isDefault: true },
      { id: "c3", source: "enterOrder", target: "won" },
    ],
  });
}
