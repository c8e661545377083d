/** Words for the Undo/Redo tooltips ("Undo move"), by command name or group label. */
const labels: Record<string, string> = {
  "step.add": "add step",
  "step.move": "move",
  "step.delete": "delete step",
  "step.update": "step change",
  "connection.add": "connect",
  "connection.update": "connection change",
  "connection.delete": "delete connection",
  "selection.paste": "paste",
  "steps.align": "align",
  "process.layout": "auto-layout",
  "process.update": "process change",
  "process.restore": "restore",
  "field.add": "add field",
  "field.update": "field change",
  "field.delete": "delete field",
  "field.move": "reorder fields",
  "field.place": "move field",
  "block.insert": "insert block",
  "Delete selection": "delete selection",
};

export function commandLabel(name: string): string {
  return labels[name] ?? name;
}
