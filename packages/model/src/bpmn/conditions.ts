import { checkFeelExpression } from "../feel-syntax.ts";
import { juelBody, juelToFeel } from "./juel-to-feel.ts";
import { text, type ModdleElement } from "./moddle.ts";

/**
 * How a sequence flow's `conditionExpression` becomes a Baton condition.
 *
 * Baton conditions are FEEL. Files say FEEL in two ways: Zeebe's `= expr`
 * body, or a FEEL language URI (DMN's, as Trisotech writes). Camunda 7's
 * JUEL (`${…}`) is translated when it stays within the safe subset (see
 * juel-to-feel.ts); JavaScript, Groovy, XPath and the like are not run by
 * Baton, so their conditions are refused with the reason, never dropped
 * quietly. Baton's own export writes `= expr`, so it reads back exactly.
 */
export type ConditionReading =
  | { kind: "none" }
  | { kind: "empty" }
  | { kind: "feel"; feel: string; note?: string }
  | { kind: "refused"; reason: string };

const FEEL_LANGUAGE = /feel/i;
const JUEL_LANGUAGE = /^(juel|el|jsp-el|\$\{\})$/i;

/** The text Baton's export writes for a condition. */
export function conditionBody(feel: string): string {
  return `= ${feel}`;
}

export function readCondition(expression: ModdleElement | undefined, fileLanguage: string | undefined): ConditionReading {
  if (!expression) return { kind: "none" };
  const body = text(expression, "body") ?? "";
  const trimmed = body.trim();
  if (trimmed === "") return { kind: "empty" };
  // A file-wide language is often the spec's XPath boilerplate above JUEL or
  // FEEL bodies, so only a FEEL default is believed; a flow's own wins.
  const fileDefault = fileLanguage && FEEL_LANGUAGE.test(fileLanguage) ? fileLanguage : undefined;
  const language = text(expression, "language")?.trim() || fileDefault;

  if (trimmed.startsWith("=") && (!language || FEEL_LANGUAGE.test(language) || JUEL_LANGUAGE.test(language))) {
    return { kind: "feel", feel: body.replace(/^\s*= ?/, "") };
  }
  if (language && FEEL_LANGUAGE.test(language)) return { kind: "feel", feel: trimmed };
  if (language && !JUEL_LANGUAGE.test(language)) {
    return { kind: "refused", reason: `it is written in ${language}, which Baton does not run (Baton conditions are FEEL)` };
  }
  if (juelBody(trimmed) !== null) {
    const translated = juelToFeel(trimmed);
    if (translated.ok) {
      return {
        kind: "feel",
        feel: translated.feel,
        note: `translated from JUEL ${trimmed} to FEEL ${translated.feel}; check it (an unset variable is null in FEEL, false in JUEL)`,
      };
    }
    return { kind: "refused", reason: `its JUEL condition ${trimmed} cannot be translated to FEEL safely: ${translated.reason}` };
  }
  if (checkFeelExpression(trimmed).ok) {
    return { kind: "feel", feel: trimmed, note: `its condition names no language; read as FEEL: ${trimmed}` };
  }
  return { kind: "refused", reason: `its condition "${shorten(trimmed)}" names no language and is not FEEL` };
}

function shorten(s: string): string {
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}
