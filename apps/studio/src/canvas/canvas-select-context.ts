import { createContext, useContext } from "react";
import type { Selection } from "../process/selection.ts";

/** Lets parts drawn outside React Flow's hit areas (edge labels) select too. */
export const CanvasSelectContext = createContext<(selection: Selection) => void>(() => {});

export function useCanvasSelect() {
  return useContext(CanvasSelectContext);
}
