import { getDefaultRegistry } from "@rjsf/core";
import { useDeepCompareMemo } from "@rjsf/utils";
import type { FieldProps } from "@rjsf/utils";

const RjsfObjectField = getDefaultRegistry().fields.ObjectField!;

/**
 * rjsf's ObjectField, handed a uiSchema that keeps its identity while its
 * content stays the same. rjsf's SchemaField gives an object field a fresh
 * copy of its uiSchema on every render; ObjectField's callbacks depend on it
 * and go to every property, so each keystroke re-rendered every property of
 * the form (200 on a large one) instead of the one that changed.
 */
export function StableObjectField(props: FieldProps) {
  const uiSchema = useDeepCompareMemo(props.uiSchema);
  return <RjsfObjectField {...props} uiSchema={uiSchema} />;
}
