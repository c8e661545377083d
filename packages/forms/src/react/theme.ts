import type { RegistryWidgetsType, TemplatesType } from "@rjsf/utils";
import { BaseInputTemplate } from "./templates/BaseInputTemplate.tsx";
import { ErrorListTemplate } from "./templates/ErrorListTemplate.tsx";
import { FieldTemplate } from "./templates/FieldTemplate.tsx";
import { ObjectFieldTemplate } from "./templates/ObjectFieldTemplate.tsx";
import { RadioWidget } from "./widgets/RadioWidget.tsx";
import { SelectWidget } from "./widgets/SelectWidget.tsx";
import { TextareaWidget } from "./widgets/TextareaWidget.tsx";
import { YesNoWidget } from "./widgets/YesNoWidget.tsx";

/** Nothing: the page renders its own buttons and submits through BatonForm's handle. */
function NoSubmitButton() {
  return null;
}

export const batonTemplates: Partial<Omit<TemplatesType, "ButtonTemplates">> & {
  ButtonTemplates: Partial<TemplatesType["ButtonTemplates"]>;
} = {
  BaseInputTemplate,
  ErrorListTemplate,
  FieldTemplate,
  ObjectFieldTemplate,
  ButtonTemplates: { SubmitButton: NoSubmitButton },
};

/**
 * Widgets by rjsf's registry names. `CheckboxWidget` is what booleans get by
 * default, so every boolean becomes a Yes/No pair (`ui:widget: "yesNo"` asks
 * for it by name). A phone field needs no widget of its own:
 * `ui:options: { inputType: "tel" }` gives the phone keypad.
 */
export const batonWidgets: RegistryWidgetsType = {
  CheckboxWidget: YesNoWidget,
  RadioWidget,
  SelectWidget,
  TextareaWidget,
  yesNo: YesNoWidget,
};
