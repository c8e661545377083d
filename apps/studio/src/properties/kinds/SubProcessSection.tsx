import type { SubProcessStep } from "@baton/model";
import { stepDisplayName } from "../describe-step.ts";
import { PropertySection } from "../PropertySection.tsx";
import { useProperties } from "../properties-context.ts";

/** What an embedded sub-process holds and how it runs, in words: it has no settings of its own. */
export function SubProcessSection({ step }: { step: SubProcessStep }) {
  const { definition } = useProperties();
  const inside = definition?.steps.filter((s) => s.parent === step.id) ?? [];
  return (
    <PropertySection title="Inside">
      {inside.length === 0 ? (
        <p className="prop-field-hint">Nothing inside yet. Place steps in its box, beginning with a start.</p>
      ) : (
        <>
          <div className="prop-field-label">
            {inside.length} step{inside.length === 1 ? "" : "s"} inside
          </div>
          <ul className="link-list">
            {inside.map((s) => (
              <li key={s.id}>{stepDisplayName(s)}</li>
            ))}
          </ul>
        </>
      )}
      <p className="prop-field-hint">
        The steps inside run from their own start; when nothing is left running inside, the process goes on from here. A timer or error event on its edge stops everything
        still open inside.
      </p>
    </PropertySection>
  );
}
