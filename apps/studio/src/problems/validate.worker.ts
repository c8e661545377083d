/// <reference lib="webworker" />
import { validate, type ProcessDefinition } from "@baton/model";

/**
 * Checks large processes away from the page's main thread, so the canvas
 * stays responsive while a thousand steps are validated. One request in,
 * one answer out, tagged with the request's number so the page can ignore
 * answers about a definition it has moved on from.
 */
export type ValidateRequest = { id: number; definition: ProcessDefinition };
export type ValidateAnswer = { id: number; problems: ReturnType<typeof validate> } | { id: number; error: string };

self.onmessage = (event: MessageEvent<ValidateRequest>) => {
  const { id, definition } = event.data;
  let answer: ValidateAnswer;
  try {
    answer = { id, problems: validate(definition) };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};
