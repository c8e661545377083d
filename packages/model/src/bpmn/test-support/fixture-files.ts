import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeXmlBytes } from "../read-xml.ts";

/** The BPMN files copied from other tools (see test-fixtures/bpmn/README.md). */
export const fixturesDir = fileURLToPath(new URL("../../../test-fixtures/bpmn", import.meta.url));

/** The repository's process templates. */
export const templatesDir = fileURLToPath(new URL("../../../../../templates", import.meta.url));

/** Every .bpmn file under the fixtures folder, as paths relative to it, sorted. */
export function fixtureFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else if (name.endsWith(".bpmn")) out.push(`${prefix}${name}`);
    }
  };
  walk(fixturesDir, "");
  return out;
}

export function readFixture(file: string): string {
  return decodeXmlBytes(readFileSync(join(fixturesDir, file)));
}

/** The block library beside the templates (templates/blocks), which holds no process. */
const BLOCK_LIBRARY_FOLDER = "blocks";

/** Every template's process.json, by template folder name. */
export function templateDefinitions(): { name: string; definition: unknown }[] {
  return readdirSync(templatesDir)
    .filter((name) => name !== BLOCK_LIBRARY_FOLDER && name !== "form-blocks" && statSync(join(templatesDir, name)).isDirectory())
    .sort()
    .map((name) => ({ name, definition: JSON.parse(readFileSync(join(templatesDir, name, "process.json"), "utf8")) as unknown }));
}
