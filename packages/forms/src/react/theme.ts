import type { RegistryFieldsType, RegistryWidgetsType, TemplatesType } from "@rjsf/utils";
import { AttachmentField } from "./fields/AttachmentField.tsx";
import { BaseInputTemplate } from "./templates/BaseInputTemplate.tsx";
import { ErrorListTemplate } from "./templates/ErrorListTemplate.tsx";
import { FieldTemplate } from "./templates/FieldTemplate.tsx";
import { ObjectFieldTemplate } from "./templates/ObjectFieldTemplate.tsx";
import { ArrayFieldItemTemplate, ArrayFieldTemplate } from "./templates/TableTemplates.tsx";
import { CheckboxesWidget } from "./widgets/CheckboxesWidget.tsx";
import { CurrencyWidget, PercentWidget } from "./widgets/CurrencyWidget.tsx";
import { DateTimeWidget } from "./widgets/DateTimeWidget.tsx";
import { GroupPickerWidget, UserPickerWidget } from "./widgets/DirectoryPickerWidget.tsx";
import { MultiSelectWidget } from "./widgets/MultiSelectWidget.tsx";
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
  ArrayFieldItemTemplate,
  ArrayFieldTemplate,
  BaseInputTemplate,
  ErrorListTemplate,
  FieldTemplate,
  ObjectFieldTemplate,
  ButtonTemplates: { SubmitButton: NoSubmitButton },
};

/**
 * Widgets by rjsf's registry names; the compiled uiSchema asks for them by
 * name (`ui:widget: "currency"`). `CheckboxWidget` is what booleans get by
 * default, so every boolean becomes a Yes/No pair. Phone and URL fields need
 * no widget of their own: `ui:options.inputType` gives the right keyboard.
 * The only arrays are tables (ArrayFieldTemplate) and lists of choices (a
 * widget), so the array templates are the table's.
 */
export const batonWidgets: RegistryWidgetsType = {
  CheckboxWidget: YesNoWidget,
  CheckboxesWidget,
  RadioWidget,
  SelectWidget,
  TextareaWidget,
  DateTimeWidget,
  yesNo: YesNoWidget,
  currency: CurrencyWidget,
  percent: PercentWidget,
  dateTime: DateTimeWidget,
  checkboxes: CheckboxesWidget,
  multiSelect: MultiSelectWidget,
  userPicker: UserPickerWidget,
  groupPicker: GroupPickerWidget,
};

/** Fields by the name the compiled uiSchema asks for (`ui:field: "attachment"`): values no single widget can hold. */
export const batonFields: RegistryFieldsType = {
  attachment: AttachmentField,
};
