import type { CommandStack } from "../command-stack.ts";
import { blockInsert, type BlockInsertParams } from "./block-insert.ts";
import { connectionAdd, type ConnectionAddParams } from "./connection-add.ts";
import { connectionDelete, type ConnectionDeleteParams } from "./connection-delete.ts";
import { connectionUpdate, type ConnectionUpdateParams } from "./connection-update.ts";
import { fieldAdd, type FieldAddParams } from "./field-add.ts";
import { fieldDelete, type FieldDeleteParams } from "./field-delete.ts";
import { fieldMove, type FieldMoveParams } from "./field-move.ts";
import { fieldPlace, type FieldPlaceParams } from "./field-place.ts";
import { fieldUpdate, type FieldUpdateParams } from "./field-update.ts";
import { processLayout, type ProcessLayoutParams } from "./process-layout.ts";
import { processRestore, type ProcessRestoreParams } from "./process-restore.ts";
import { processUpdate, type ProcessUpdateParams } from "./process-update.ts";
import { selectionPaste, type SelectionPasteParams } from "./selection-paste.ts";
import { stepAdd, type StepAddParams } from "./step-add.ts";
import { stepDelete, type StepDeleteParams } from "./step-delete.ts";
import { stepMove, type StepMoveParams } from "./step-move.ts";
import { stepUpdate, type StepUpdateParams } from "./step-update.ts";
import { stepsAlign, type StepsAlignParams } from "./steps-align.ts";

/** Every command of the process editor, by name, with its params. */
export type EditorCommands = {
  "step.add": StepAddParams;
  "step.move": StepMoveParams;
  "step.delete": StepDeleteParams;
  "step.update": StepUpdateParams;
  "connection.add": ConnectionAddParams;
  "connection.update": ConnectionUpdateParams;
  "connection.delete": ConnectionDeleteParams;
  "selection.paste": SelectionPasteParams;
  "steps.align": StepsAlignParams;
  "process.layout": ProcessLayoutParams;
  "process.update": ProcessUpdateParams;
  "process.restore": ProcessRestoreParams;
  "field.add": FieldAddParams;
  "field.update": FieldUpdateParams;
  "field.delete": FieldDeleteParams;
  "field.move": FieldMoveParams;
  "field.place": FieldPlaceParams;
  "block.insert": BlockInsertParams;
};
export type EditorCommandName = keyof EditorCommands;
export type EditorStack = CommandStack<EditorCommands>;

export function registerCommands(stack: EditorStack): void {
  stack.register("step.add", stepAdd);
  stack.register("step.move", stepMove);
  stack.register("step.delete", stepDelete);
  stack.register("step.update", stepUpdate);
  stack.register("connection.add", connectionAdd);
  stack.register("connection.update", connectionUpdate);
  stack.register("connection.delete", connectionDelete);
  stack.register("selection.paste", selectionPaste);
  stack.register("steps.align", stepsAlign);
  stack.register("process.layout", processLayout);
  stack.register("process.update", processUpdate);
  stack.register("process.restore", processRestore);
  stack.register("field.add", fieldAdd);
  stack.register("field.update", fieldUpdate);
  stack.register("field.delete", fieldDelete);
  stack.register("field.move", fieldMove);
  stack.register("field.place", fieldPlace);
  stack.register("block.insert", blockInsert);
}
