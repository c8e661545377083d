import { compileForm } from "@baton/forms";
import type { CompiledForm, FormDefinition } from "@baton/model";
import { useMemo } from "react";

export type CompileResult = { ok: true; form: CompiledForm } | { ok: false; message: string };

/** The form compiled as publishing compiles it, or why it cannot be yet (recompiled when it changes). */
export function useCompiledForm(form: FormDefinition): CompileResult {
  return useMemo(() => {
    try {
      return { ok: true as const, form: compileForm(form) };
    } catch (error) {
      return { ok: false as const, message: (error as Error).message };
    }
  }, [form]);
}
