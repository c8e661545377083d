import { z } from "zod";
import type { ServiceRequest } from "@baton/engine";

/**
 * The `service-call` job, as `applyCommands` writes it for the engine's
 * `callService` and the handler (call-service.ts) reads it: `ref` is the
 * waiting token's id, `max_attempts` the step's retries + 1, and the
 * payload everything the call needs, so nothing else is read to make it.
 */
export const SERVICE_CALL_JOB = "service-call";

export type ServiceCallJobPayload = {
  stepId: string;
  request: ServiceRequest;
  idempotencyKey: string;
  timeoutMs: number;
};

export const serviceCallJobPayloadSchema: z.ZodType<ServiceCallJobPayload> = z.object({
  stepId: z.string().min(1),
  request: z.object({
    method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]),
    url: z.string().min(1),
    headers: z.array(z.object({ name: z.string(), value: z.string() })),
    body: z.unknown().optional(),
  }),
  idempotencyKey: z.string().min(1),
  timeoutMs: z.number().int().positive(),
});
