export { BatonForm } from "./BatonForm.tsx";
export type { BatonFormHandle, BatonFormProps, FormData } from "./BatonForm.tsx";
export {
  fieldErrorsToErrorSchema,
  fieldIdForPath,
  pointerSegments,
  withoutErrorsOfField,
} from "./error-schema.ts";
export type { FieldError } from "./error-schema.ts";
export { friendlyErrors } from "./friendly-errors.ts";
export { batonValidator } from "./validator.ts";
