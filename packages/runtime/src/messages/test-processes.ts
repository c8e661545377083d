import type { ProcessDefinitionInput } from "@baton/model";

const at = { x: 0, y: 0 };
const noForm = { schemaVersion: 1 as const, blocks: [] };

/**
 * An order waits for the payment system's "payment-received" (keyed by the
 * order number, its amount mapped) or two hours, whichever comes first;
 * paid orders go to Sam to ship.
 */
export const orderPayment: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "order-payment",
  name: "Order payment",
  steps: [
    { id: "start", kind: "start", name: "Order", position: at, starters: [], form: { schemaVersion: 1, blocks: [{ id: "f-o", type: "text", key: "orderId", label: "Order number", required: true }] } },
    { id: "first", kind: "eventBasedGateway", name: "Paid in time?", position: at },
    { id: "paid", kind: "messageCatch", name: "Payment received", position: at, message: { name: "payment-received", correlationKey: "orderId" }, outputs: [{ from: "amount", to: "paidAmount" }] },
    { id: "late", kind: "timer", name: "Two hours", position: at, timer: { type: "duration", duration: "PT2H" } },
    { id: "ship", kind: "userTask", name: "Ship", position: at, assignment: { type: "user", user: "sam" }, form: noForm },
    { id: "done", kind: "end", name: "Shipped", position: at },
    { id: "dropped", kind: "end", name: "Dropped", position: at },
  ],
  connections: [
    { id: "c1", source: "start", target: "first" },
    { id: "c2", source: "first", target: "paid" },
    { id: "c3", source: "first", target: "late" },
    { id: "c4", source: "paid", target: "ship" },
    { id: "c5", source: "ship", target: "done" },
    { id: "c6", source: "late", target: "dropped" },
  ],
};

/** A lead arriving from the web form starts on the message "lead-received"; `trigger` overrides the start's. */
export function inboundLead(trigger: unknown = { type: "message", message: "lead-received" }): ProcessDefinitionInput {
  return {
    schemaVersion: 1,
    key: "inbound-lead",
    name: "Inbound lead",
    steps: [
      { id: "start", kind: "start", name: "Lead", position: at, starters: [], ...(trigger ? { trigger } : {}), outputs: [{ from: "contact.name", to: "name" }] } as ProcessDefinitionInput["steps"][number],
      { id: "call", kind: "userTask", name: "Call the lead", position: at, assignment: { type: "group", group: "sales" }, form: noForm },
      { id: "done", kind: "end", name: "Done", position: at },
    ],
    connections: [
      { id: "c1", source: "start", target: "call" },
      { id: "c2", source: "call", target: "done" },
    ],
  };
}
