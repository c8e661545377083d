import { formFields, type FormBlock, type FormDefinition, type SectionBlock } from "../form-definition.ts";
import type { ProcessDefinition } from "../process-definition.ts";
import { formBlockDocumentSchema, type FormBlockDocumentInput } from "./form-block-format.ts";

/** A block's field key is already used by a field of the form it goes into. */
export class FormBlockKeyClashError extends Error {
  readonly keys: string[];
  constructor(blockKey: string, keys: string[]) {
    super(
      `Form block "${blockKey}" cannot go into this form: ${keys.length === 1 ? "the key" : "the keys"} ${keys.map((k) => `"${k}"`).join(", ")} ${keys.length === 1 ? "is" : "are"} already used by a field of the form. Rename the form's field first.`,
    );
    this.name = "FormBlockKeyClashError";
    this.keys = keys;
  }
}

/** Every block id of a form, table columns included (they share the id space). */
function allIds(blocks: readonly FormBlock[], out = new Set<string>()): Set<string> {
  for (const b of blocks) {
    out.add(b.id);
    if (b.type === "table") for (const c of b.columns) out.add(c.id);
    if (b.type === "section") allIds(b.children, out);
    if (b.type === "columns") for (const c of b.columns) allIds(c.children, out);
  }
  return out;
}

/** Copies with every id (columns included) prefixed. */
function renamed(blocks: readonly FormBlock[], prefix: string): FormBlock[] {
  return blocks.map((b): FormBlock => {
    const copy = structuredClone(b);
    copy.id = `${prefix}${b.id}`;
    if (copy.type === "table") copy.columns = copy.columns.map((c) => ({ ...c, id: `${prefix}${c.id}` }));
    if (copy.type === "section") copy.children = renamed(copy.children, prefix);
    if (copy.type === "columns") copy.columns = copy.columns.map((c) => ({ children: renamed(c.children, prefix) }));
    return copy;
  });
}

/** The smallest n from 1 for which `<base>_<n>` and every `<base>_<n>_<id>` is free. */
function freshPrefix(base: string, ids: Set<string>, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const prefix = `${base}_${n}`;
    if (!taken.has(prefix) && ![...ids].some((id) => taken.has(`${prefix}_${id}`))) return prefix;
  }
}

function parseDoc(doc: FormBlockDocumentInput, version: number) {
  if (!Number.isInteger(version) || version < 1) {
    throw new Error(`The version of form block "${doc?.key}" must be a positive whole number, not ${version}.`);
  }
  const parsed = formBlockDocumentSchema.safeParse(doc);
  if (!parsed.success) throw new Error(`Form block "${doc?.key}" is malformed: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

function clashes(doc: { key: string; blocks: FormBlock[] }, others: readonly FormBlock[]): void {
  const used = new Set(formFields({ schemaVersion: 1, blocks: [...others] }).map((f) => f.key));
  const keys = formFields({ schemaVersion: 1, blocks: doc.blocks }).map((f) => f.key).filter((k) => used.has(k));
  if (keys.length > 0) throw new FormBlockKeyClashError(doc.key, keys);
}

/**
 * A new form with a section titled after the block, holding copies of the
 * block's fields under fresh ids (`<blockKey>_<n>_<id>`; the section is
 * `<blockKey>_<n>`). Keys stay: they are how the block's data reaches the
 * process. A key the form already uses throws `FormBlockKeyClashError`.
 * `index` places the section among the form's top-level blocks (default: last).
 */
export function insertFormBlock(form: FormDefinition, doc: FormBlockDocumentInput, version: number, options: { index?: number } = {}): FormDefinition {
  const block = parseDoc(doc, version);
  clashes(block, form.blocks);
  const prefix = freshPrefix(block.key, allIds(block.blocks), allIds(form.blocks));
  const section: SectionBlock = {
    id: prefix,
    type: "section",
    title: block.name,
    children: renamed(block.blocks, `${prefix}_`),
    block: { key: block.key, version },
  };
  const blocks = [...form.blocks];
  blocks.splice(options.index ?? blocks.length, 0, section);
  return { ...form, blocks };
}

function findSection(blocks: readonly FormBlock[], id: string): SectionBlock | undefined {
  for (const b of blocks) {
    if (b.type === "section") {
      if (b.id === id) return b;
      const inner = findSection(b.children, id);
      if (inner) return inner;
    }
    if (b.type === "columns") for (const c of b.columns) {
      const inner = findSection(c.children, id);
      if (inner) return inner;
    }
  }
  return undefined;
}

function replaceSection(blocks: readonly FormBlock[], id: string, next: SectionBlock): FormBlock[] {
  return blocks.map((b) => {
    if (b.type === "section") return b.id === id ? next : { ...b, children: replaceSection(b.children, id, next) };
    if (b.type === "columns") return { ...b, columns: b.columns.map((c) => ({ children: replaceSection(c.children, id, next) })) };
    return b;
  });
}

/**
 * A new form whose block section `sectionId` holds the fields of `version`
 * of the block instead of its own (fresh ids `<sectionId>_<id>`), keeping
 * the section's id, title, description and visibleIf. Throws when the
 * section is missing, was inserted from another block, or a key clashes
 * with a field outside the section.
 */
export function followFormBlock(form: FormDefinition, sectionId: string, doc: FormBlockDocumentInput, version: number): FormDefinition {
  const block = parseDoc(doc, version);
  const section = findSection(form.blocks, sectionId);
  if (!section) throw new Error(`The form has no section "${sectionId}".`);
  if (section.block?.key !== block.key) {
    throw new Error(`Section "${section.title}" was not inserted from form block "${block.key}"${section.block ? ` but from "${section.block.key}"` : ""}.`);
  }
  const outside = replaceSection(form.blocks, sectionId, { ...section, children: [] });
  clashes(block, outside);
  const taken = allIds(outside);
  let prefix = `${sectionId}_`;
  for (let n = 2; [...allIds(block.blocks)].some((id) => taken.has(`${prefix}${id}`)); n++) prefix = `${sectionId}_${n}_`;
  const next: SectionBlock = { ...section, children: renamed(block.blocks, prefix), block: { key: block.key, version } };
  return { ...form, blocks: replaceSection(form.blocks, sectionId, next) };
}

export type FormBlockUsage = { stepId: string; sectionId: string; key: string; version: number };

/** Every section of the process's forms inserted from a form block, in step order, depth first. */
export function formBlockUsages(definition: ProcessDefinition): FormBlockUsage[] {
  const out: FormBlockUsage[] = [];
  const walk = (stepId: string, blocks: readonly FormBlock[]) => {
    for (const b of blocks) {
      if (b.type === "section") {
        if (b.block) out.push({ stepId, sectionId: b.id, key: b.block.key, version: b.block.version });
        walk(stepId, b.children);
      }
      if (b.type === "columns") for (const c of b.columns) walk(stepId, c.children);
    }
  };
  for (const step of definition.steps) {
    const form = "form" in step ? (step.form as FormDefinition | undefined) : undefined;
    if (form) walk(step.id, form.blocks);
  }
  return out;
}
