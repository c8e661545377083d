import { descriptionId, getUiOptions, titleId } from "@rjsf/utils";
import type { ObjectFieldTemplateProps } from "@rjsf/utils";
import type { ReactNode } from "react";
import type { FormLayoutItem } from "../../form-layout.ts";
import { ROOT_ID } from "../error-schema.ts";
import { variableAt } from "../display-value.ts";
import { batonContext } from "../form-context.ts";
import { DisplayBlock, StaticText } from "./LayoutBlocks.tsx";

/**
 * The whole form (root) is a stack of fields, since the page around it has
 * the heading. The arrangement comes from the root's `ui:layout` (see
 * `form-layout.ts`: the fields stay flat in the data, sections and columns
 * are only visual; static text and displays of earlier values sit between
 * them). The layout BatonForm passes has hidden blocks removed already.
 * A row of a repeating table renders as table cells; any other nested
 * object, should a schema have one, is a section.
 */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { title, description, properties, fieldPathId, uiSchema, registry } = props;
  const id = fieldPathId.$id;
  const byName = new Map(properties.map((p) => [p.name, p]));
  const options = getUiOptions(uiSchema);

  if (options.tableRow) {
    return (
      <>
        {properties.map((p) => (
          <td key={p.name} className="bf-table-cell">
            {p.content}
          </td>
        ))}
      </>
    );
  }

  if (id === ROOT_ID) {
    const { variables, choices, attachments } = batonContext(registry.formContext);
    const placed = new Set<string>();
    const render = (items: FormLayoutItem[]): ReactNode[] =>
      items.map((item) => {
        switch (item.type) {
          case "field":
            placed.add(item.key);
            return byName.get(item.key)?.content ?? null;
          case "section":
            return (
              <Section key={item.id} id={`${ROOT_ID}__section_${item.id}`} title={item.title} description={item.description}>
                {render(item.items)}
              </Section>
            );
          case "columns":
            return (
              <div key={item.id} className="bf-columns" style={{ "--bf-column-count": item.columns.length } as object}>
                {item.columns.map((column, i) => (
                  <div key={i} className="bf-fields bf-column">
                    {render(column)}
                  </div>
                ))}
              </div>
            );
          case "staticText":
            return <StaticText key={item.id} text={item.text} />;
          case "display":
            return (
              <DisplayBlock
                key={item.id}
                id={`${ROOT_ID}__display_${item.id}`}
                item={item}
                value={variableAt(variables, item.variable)}
                field={choices[item.variable]}
                fileHref={attachments ? (file) => attachments.href(file) : undefined}
              />
            );
        }
      });
    const layout = options.layout;
    const laidOut = Array.isArray(layout) ? render(layout as FormLayoutItem[]) : [];
    const rest = properties.filter((p) => !placed.has(p.name)).map((p) => p.content);
    return (
      <div className="bf-fields" id={id}>
        {description ? <p className="bf-intro">{description}</p> : null}
        {laidOut}
        {rest}
      </div>
    );
  }
  return (
    <Section id={id} title={title} description={typeof description === "string" ? description : undefined}>
      {properties.map((p) => p.content)}
    </Section>
  );
}

function Section({ id, title, description, children }: {
  id: string;
  title: string | undefined;
  description: string | undefined;
  children: ReactNode;
}) {
  return (
    <fieldset className="bf-section" id={id} aria-describedby={description ? descriptionId(id) : undefined}>
      {title ? (
        <legend className="bf-section-title" id={titleId(id)}>
          {title}
        </legend>
      ) : null}
      {description ? (
        <p className="bf-description" id={descriptionId(id)}>
          {description}
        </p>
      ) : null}
      <div className="bf-fields">{children}</div>
    </fieldset>
  );
}
