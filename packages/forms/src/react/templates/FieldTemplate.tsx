import { descriptionId, errorId, getSchemaType, getUiOptions, helpId } from "@rjsf/utils";
import type { FieldTemplateProps } from "@rjsf/utils";
import { describedBy, hasErrors } from "../described-by.ts";

/**
 * One field: label above (a legend for Yes/No, radio and checkbox groups
 * and multi-selects; a label for an attachment field's file input), the
 * control, its errors (`role="alert"`) and help
 * text below. Objects and tables render their own chrome (ObjectField-,
 * ArrayFieldTemplate); only their own errors and help show here.
 */
export function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, rawErrors, rawHelp, rawDescription, hidden, required, displayLabel } = props;
  const { schema, uiSchema, hideError } = props;
  if (hidden) return <div hidden>{children}</div>;

  const errors = hideError ? [] : (rawErrors ?? []).filter((e) => e !== "");
  const errorBlock =
    errors.length > 0 ? (
      <div id={errorId(id)} className="bf-errors" role="alert">
        {errors.map((e, i) => (
          <p key={i} className="bf-error">
            {e}
          </p>
        ))}
      </div>
    ) : null;

  const type = getSchemaType(schema);
  const options = getUiOptions(uiSchema);
  // A table row is cells inside a <tr>: no wrapper may come between.
  if (type === "object" && options.tableRow) return <>{children}</>;
  // An attachment field is a list, but one control with a label (its file input).
  const isFileField = uiSchema?.["ui:field"] === "attachment";
  if (type === "object" || (type === "array" && !options.widget && !isFileField)) {
    return (
      <div className="bf-container">
        {children}
        {errorBlock}
        {rawHelp ? (
          <p id={helpId(id)} className="bf-help">
            {rawHelp}
          </p>
        ) : null}
      </div>
    );
  }

  const isGroup = !isFileField && (type === "boolean" || type === "array" || options.widget === "radio");
  // rjsf sets no label for lists; a group and a file field carry their own.
  const showLabel = isGroup || isFileField ? options.label !== false : displayLabel !== false;
  const labelContent = (
    <>
      {label}
      {required ? <RequiredMark /> : null}
    </>
  );
  const description = rawDescription ? (
    <p id={descriptionId(id)} className="bf-description">
      {rawDescription}
    </p>
  ) : null;
  const help = rawHelp ? (
    <p id={helpId(id)} className="bf-help">
      {rawHelp}
    </p>
  ) : null;
  const className = `bf-field${hasErrors(props) ? " bf-field--invalid" : ""}`;

  if (isGroup) {
    return (
      <fieldset className={`${className} bf-field--group`} aria-describedby={describedBy(props)}>
        {showLabel ? <legend className="bf-label">{labelContent}</legend> : null}
        {description}
        {children}
        {errorBlock}
        {help}
      </fieldset>
    );
  }
  return (
    <div className={className}>
      {showLabel ? (
        <label htmlFor={id} className="bf-label">
          {labelContent}
        </label>
      ) : null}
      {description}
      {children}
      {errorBlock}
      {help}
    </div>
  );
}

/** A visible asterisk for sighted users; screen readers hear "required" from the control itself. */
function RequiredMark() {
  return (
    <span className="bf-required" aria-hidden="true" title="Required">
      {" *"}
    </span>
  );
}
