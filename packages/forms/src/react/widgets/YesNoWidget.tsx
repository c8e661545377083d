import type { WidgetProps } from "@rjsf/utils";
import { RadioWidget } from "./RadioWidget.tsx";

const YES_NO = [
  { value: true, label: "Yes" },
  { value: false, label: "No" },
];

/**
 * Booleans as a Yes/No pair instead of a checkbox: an unanswered question
 * stays visibly unanswered, and "No" is a deliberate choice.
 */
export function YesNoWidget(props: WidgetProps) {
  const given = props.options.enumOptions;
  const enumOptions = given && given.length === 2 ? given : YES_NO;
  return <RadioWidget {...props} options={{ ...props.options, enumOptions, inline: true }} />;
}
