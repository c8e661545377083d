import Form from "@rjsf/core";
import type { IChangeEvent } from "@rjsf/core";
import type { ErrorSchema, RJSFSchema, RJSFValidationError, UiSchema } from "@rjsf/utils";
import { useCallback, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { KeyboardEvent, Ref } from "react";
import { isFileListSchema } from "../attachment-files.ts";
import { ROOT_ID } from "./error-schema.ts";
import type { AttachmentService, BatonFormContext, Directory } from "./form-context.ts";
import { feedFor, initialFeed, reported, takeQueued } from "./form-feed.ts";
import { friendlyErrors } from "./friendly-errors.ts";
import { StableObjectField } from "./StableObjectField.tsx";
import { batonFields, batonTemplates, batonWidgets } from "./theme.ts";
import { useFormRules } from "./use-form-rules.ts";
import { batonValidator } from "./validator.ts";
import "./baton-form.css";

export type FormData = Record<string, unknown>;

/** What a page can do with a form it renders its own buttons for. */
export type BatonFormHandle = {
  /** Validates; calls `onSubmit` with the data when valid, else shows the errors and focuses the first. */
  submit(): void;
  /** Validates and shows the errors; true when valid. */
  validate(): boolean;
  /** Moves focus to the error summary at the top, e.g. after the server refused the data. */
  focusErrorSummary(): void;
};

export type BatonFormProps = {
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  formData?: FormData;
  /** Every change; `fieldId` is the id of the field the user edited, undefined when rjsf filled in defaults. */
  onChange?: (formData: FormData, fieldId: string | undefined) => void;
  /** Called after client-side validation passed. */
  onSubmit?: (formData: FormData) => void;
  onError?: (errors: RJSFValidationError[]) => void;
  /** Errors from elsewhere (the server), shown next to their fields; see `fieldErrorsToErrorSchema`. */
  extraErrors?: ErrorSchema;
  disabled?: boolean;
  readonly?: boolean;
  formRef?: Ref<BatonFormHandle>;
  /** The `<form>` element id, so a button elsewhere can submit it with `form="…"`. */
  id?: string;
  className?: string;
  /** False keeps Enter in a single-line field from submitting (a task form completes work: no accidents). */
  submitOnEnter?: boolean;
  /** The instance's variables: rules read them, choices take options from them, displays show them. */
  variables?: Readonly<Record<string, unknown>>;
  /** Users and groups for the pickers. */
  directory?: Directory;
  /** Option labels of earlier choices by variable, for displays of earlier values. */
  choices?: BatonFormContext["choices"];
  /** Uploads and downloads for attachment fields (the portal's); without it, files show but cannot be added. */
  attachments?: AttachmentService;
};

const DEFAULT_FORM_STATE = {
  constAsDefaults: "never",
  // A required yes/no starts unanswered: rjsf would otherwise set it to false,
  // so "No" looked chosen and the required check passed with no answer.
  requiredBooleanDefault: "skip",
  // A required attachment field starts with no file, not a blank one (tables still get their minimum rows).
  arrayMinItems: { populate: "all", computeSkipPopulate: (_validator: unknown, schema: unknown) => isFileListSchema(schema) },
} as const;

const FIELDS = { ...batonFields, ObjectField: StableObjectField };
const NO_VARIABLES: Readonly<Record<string, unknown>> = {};
const NO_DIRECTORY: Directory = { users: [], groups: [] };
const NO_CHOICES: BatonFormContext["choices"] = {};

/**
 * The form renderer shared by the portal and the studio preview: rjsf with
 * Baton's templates and widgets, validated on submit only (typing never
 * shows an error), with the submit button left to the page. The form's
 * rules (visible-if, required-if, options from a variable) apply live,
 * through the same module the server validates with (`useFormRules`).
 * rjsf keeps what is typed; it is handed new data only when the page or the
 * rules change it (`form-feed.ts`), so a keystroke is derived once, not twice.
 */
export function BatonForm(props: BatonFormProps) {
  const { onChange, onSubmit, onError, extraErrors, disabled, readonly } = props;
  const variables = props.variables ?? NO_VARIABLES;
  const directory = props.directory ?? NO_DIRECTORY;
  const compiled = useMemo(() => ({ schema: props.schema, uiSchema: props.uiSchema ?? {} }), [props.schema, props.uiSchema]);
  // The rules must see what is typed even when the page does not hand every
  // change back in `formData`; a new `formData` from the page wins.
  const [typed, setTyped] = useState<{ from: FormData | undefined; data: FormData }>({ from: props.formData, data: props.formData ?? {} });
  const current = typed.from === props.formData ? typed.data : (props.formData ?? {});
  if (typed.from !== props.formData) setTyped({ from: props.formData, data: current });
  const rules = useFormRules(compiled, current, variables);
  const { schema, uiSchema } = rules.view;
  const formData = rules.data;
  const choices = props.choices ?? NO_CHOICES;
  const attachments = props.attachments;
  const formContext = useMemo<BatonFormContext>(
    () => ({ variables, directory, choices, ...(attachments ? { attachments } : {}) }),
    [variables, directory, choices, attachments],
  );
  const inner = useRef<Form<FormData>>(null);
  // What the last validation ran on, for messages that depend on the value ("" of a required field).
  const dataRef = useRef(formData);
  dataRef.current = formData;
  const transformErrors = useCallback(
    (errors: RJSFValidationError[]) => friendlyErrors(errors, schema, dataRef.current),
    [schema],
  );
  const className = `bf-form${props.className ? ` ${props.className}` : ""}`;
  // rjsf compares these between renders (deeply, functions aside) and re-derives its state from
  // `formData` when one changed; `feedFor` keeps `formData` right for that (see form-feed.ts).
  const rjsfProps = [schema, uiSchema, formContext, extraErrors, disabled, readonly, props.id, className];
  const [feed, setFeed] = useState(() => initialFeed(formData, rjsfProps));
  const fed = feedFor(feed, formData, rjsfProps);
  if (fed !== feed) setFeed(fed);
  useLayoutEffect(() => {
    if (fed.queued) setFeed(takeQueued);
  }, [fed]);

  useImperativeHandle(
    props.formRef,
    () => ({
      submit: () => inner.current?.submit(),
      validate: () => inner.current?.validateForm() ?? false,
      focusErrorSummary: () => {
        const form: unknown = inner.current?.formElement.current;
        if (form instanceof HTMLElement) {
          form.querySelector<HTMLElement>("[data-error-summary]")?.focus();
        }
      },
    }),
    [],
  );

  const form = (
    <Form<FormData>
      ref={inner}
      id={props.id}
      className={className}
      schema={schema as RJSFSchema}
      uiSchema={uiSchema as UiSchema<FormData> | undefined}
      formData={fed.given}
      formContext={formContext}
      validator={batonValidator}
      templates={batonTemplates}
      widgets={batonWidgets}
      fields={FIELDS}
      idPrefix={ROOT_ID}
      transformErrors={transformErrors}
      extraErrors={extraErrors as ErrorSchema<FormData> | undefined}
      disabled={disabled}
      readonly={readonly}
      noHtml5Validate
      // A choice (oneOf of consts) must start empty: rjsf would otherwise
      // pre-fill the first option, and a participant could submit a decision
      // they never made.
      experimental_defaultFormStateBehavior={DEFAULT_FORM_STATE}
      focusOnFirstError
      showErrorList="top"
      onChange={(e: IChangeEvent<FormData>, fieldId?: string) => {
        const reportedData = e.formData ?? {};
        setFeed((f) => reported(f, reportedData));
        const next = rules.next(reportedData);
        setTyped({ from: props.formData, data: next });
        onChange?.(next, fieldId);
      }}
      onSubmit={(e: IChangeEvent<FormData>) => {
        // A read-only form shows data; Enter in one of its inputs must not submit it.
        if (!readonly && !disabled) onSubmit?.(rules.next(e.formData ?? {}));
      }}
      onError={(errors) => onError?.(errors)}
    />
  );
  if (props.submitOnEnter !== false) return form;
  return (
    <div className="bf-no-enter-submit" onKeyDown={preventEnterSubmit}>
      {form}
    </div>
  );
}

const ENTER_SUBMITS = new Set(["text", "email", "tel", "number", "date", "url", "search", "password"]);

function preventEnterSubmit(e: KeyboardEvent<HTMLDivElement>): void {
  const target = e.target;
  if (e.key === "Enter" && target instanceof HTMLInputElement && ENTER_SUBMITS.has(target.type)) {
    e.preventDefault();
  }
}
