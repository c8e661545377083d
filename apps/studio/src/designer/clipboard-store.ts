import type { ClipboardContent } from "../editor/clipboard.ts";

/**
 * The studio's clipboard: one per browser tab, shared by every process
 * opened in it, so steps copied in one process paste into another. Each
 * paste lands a little further down and right than the one before.
 */
let content: ClipboardContent | null = null;
let pastes = 0;

export function putOnClipboard(next: ClipboardContent): void {
  content = next;
  pastes = 0;
}

export function takeFromClipboard(): { content: ClipboardContent; offset: { x: number; y: number } } | null {
  if (!content) return null;
  pastes++;
  return { content, offset: { x: 40 * pastes, y: 40 * pastes } };
}
