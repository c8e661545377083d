/**
 * The bench page (built by ../form-200.browser.bench.ts, never part of a
 * test run): the generated 200-field form in BatonForm, held in state the
 * way the portal's task page holds it. `window.bench.mount()` renders it
 * and resolves with mount → first paint with every field; keystrokes are
 * timed by listeners installed from the bench script.
 */
import { useState } from "react";
import { createRoot, type Root } from "react-dom/client";
import { compileForm } from "../../src/compile-form.ts";
import { BatonForm, type FormData } from "../../src/react/index.ts";
import { buildForm, variables } from "../form-200.ts";

const { form, data } = buildForm();
const compiled = compileForm(form);
const initial = data(0) as FormData;
const fieldCount = Object.keys(compiled.schema.properties as object).length;
const directory = { users: [{ username: "sam", displayName: "Sam" }], groups: [{ key: "sales", name: "Sales" }] };

function Page() {
  const [formData, setFormData] = useState<FormData>(initial);
  return (
    <BatonForm
      id="bench-form"
      schema={compiled.schema}
      uiSchema={compiled.uiSchema}
      formData={formData}
      submitOnEnter={false}
      onChange={(next) => setFormData(next)}
      variables={variables}
      directory={directory}
    />
  );
}

/** After the next frame is painted: a task queued from requestAnimationFrame runs once the frame is out. */
export function afterNextPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
}

/**
 * When the next frame is out: a user-blocking task queued from
 * requestAnimationFrame runs right after the frame's rendering, ahead of
 * tasks the browser queued before it, which a plain task (above) waits for.
 */
export function afterNextFrame(): Promise<number> {
  const { scheduler } = globalThis as { scheduler?: { postTask: (task: () => void, options: { priority: "user-blocking" }) => unknown } };
  if (!scheduler) return afterNextPaint();
  return new Promise((resolve) =>
    requestAnimationFrame(() => void scheduler.postTask(() => resolve(performance.now()), { priority: "user-blocking" })),
  );
}

let root: Root | null = null;
const container = document.getElementById("root")!;
/** Controls drawn (React commits the whole form at once, so any control means all of them). */
const fieldRows = () => container.querySelectorAll("input, select, textarea").length;

declare global {
  interface Window {
    bench: { mount: () => Promise<{ ms: number; controls: number }>; unmount: () => void; afterNextPaint: typeof afterNextPaint; afterNextFrame: typeof afterNextFrame; fieldCount: number };
  }
}

window.bench = {
  fieldCount,
  afterNextPaint,
  afterNextFrame,
  async mount() {
    root?.unmount();
    container.textContent = "";
    await afterNextPaint();
    const t0 = performance.now();
    root = createRoot(container);
    root.render(<Page />);
    // Wait until React has committed the whole form, then for that frame to be painted.
    await new Promise<void>((resolve) => {
      const check = () => (container.querySelector("#bench-form") && fieldRows() > 0 ? resolve() : requestAnimationFrame(check));
      queueMicrotask(check);
    });
    const painted = await afterNextPaint();
    return { ms: painted - t0, controls: fieldRows() };
  },
  unmount() {
    root?.unmount();
    root = null;
  },
};
