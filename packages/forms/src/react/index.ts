export { BatonForm } from "./BatonForm.tsx";
export type { BatonFormHandle, BatonFormProps, FormData } from "./BatonForm.tsx";
export {
  fieldErrorsToErrorSchema,
  fieldIdForPath,
  pointerSegments,
  withoutErrorsOfField,
} from "./error-schema.ts";
export type { FieldError } from "./error-schema.ts";
export type { AttachmentService, BatonFormContext, Directory } from "./form-context.ts";
export { formatDisplayValue } from "./display-value.ts";
export { formNeeds } from "../form-needs.ts";
export type { FormNeeds } from "../form-needs.ts";
export { friendlyErrors } from "./friendly-errors.ts";
export { batonValidator } from "./validator.ts";
export { FileList } from "./fields/FileList.tsx";
