import { getTemplate } from "@rjsf/utils";
import type { WidgetProps } from "@rjsf/utils";

/** The symbol a participant expects next to an amount (€, $, CHF), in the page's language. */
export function currencySymbol(currency: string, locale?: string): string {
  try {
    const parts = new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "narrowSymbol" }).formatToParts(0);
    return parts.find((p) => p.type === "currency")?.value ?? currency;
  } catch {
    return currency;
  }
}

/**
 * An amount of money: a number input with the currency's symbol in front
 * (and the code for screen readers); the input steps by the schema's
 * `multipleOf`, the currency's minor unit.
 */
export function CurrencyWidget(props: WidgetProps) {
  const currency = typeof props.options.currency === "string" ? props.options.currency : "";
  return <AffixInput {...props} before={currencySymbol(currency)} spoken={currency} className="bf-affix--currency" />;
}

/** A percentage: a number input with % after it. */
export function PercentWidget(props: WidgetProps) {
  return <AffixInput {...props} after="%" spoken="percent" className="bf-affix--percent" />;
}

type AffixProps = WidgetProps & { before?: string; after?: string; spoken: string; className: string };

/** The theme's number input (BaseInputTemplate) inside a frame that shows a unit. */
function AffixInput({ before, after, spoken, className, ...props }: AffixProps) {
  const BaseInputTemplate = getTemplate("BaseInputTemplate", props.registry, props.options);
  const unitId = `${props.id}__unit`;
  return (
    <div className={`bf-affix ${className}`}>
      {before ? (
        <span className="bf-affix-text" aria-hidden="true">
          {before}
        </span>
      ) : null}
      <BaseInputTemplate {...props} type="number" options={{ ...props.options, inputMode: "decimal", extraDescribedBy: unitId }} />
      {after ? (
        <span className="bf-affix-text" aria-hidden="true">
          {after}
        </span>
      ) : null}
      <span id={unitId} className="bf-sr-only">
        {spoken}
      </span>
    </div>
  );
}
