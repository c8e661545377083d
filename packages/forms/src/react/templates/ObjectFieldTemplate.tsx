import { descriptionId, getUiOptions, titleId } from "@rjsf/utils";
import type { ObjectFieldTemplateProps } from "@rjsf/utils";
import type { ReactNode } from "react";
import type { FormLayoutItem } from "../../form-layout.ts";
import { ROOT_ID } from "../error-schema.ts";

/**
 * The whole form (root) is a stack of fields, since the page around it has
 * the heading. Sections come from the root's `ui:layout` (see
 * `form-layout.ts`: the fields stay flat in the data, the sections are only
 * visual); a nested object, should a schema have one, is a section too.
 */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { title, description, properties, fieldPathId, uiSchema } = props;
  const id = fieldPathId.$id;
  const byName = new Map(properties.map((p) => [p.name, p]));

  if (id === ROOT_ID) {
    const layout = getUiOptions(uiSchema).layout;
    const placed = new Set<string>();
    const render = (items: FormLayoutItem[]): ReactNode[] =>
      items.map((item) => {
        if (item.type === "field") {
          placed.add(item.key);
          return byName.get(item.key)?.content ?? null;
        }
        return (
          <Section key={item.id} id={`${ROOT_ID}__section_${item.id}`} title={item.title} description={item.description}>
            {render(item.items)}
          </Section>
        );
      });
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
