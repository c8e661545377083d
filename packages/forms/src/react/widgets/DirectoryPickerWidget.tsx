import type { WidgetProps } from "@rjsf/utils";
import { useId, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import { describedBy, hasErrors } from "../described-by.ts";
import { batonContext } from "../form-context.ts";

type Entry = { value: string; label: string; detail: string };

/** The directory entries a picker offers, best matches of `query` first. */
export function matchEntries(entries: readonly Entry[], query: string, limit = 8): Entry[] {
  const q = query.trim().toLowerCase();
  if (q === "") return entries.slice(0, limit);
  const score = (e: Entry) => {
    const label = e.label.toLowerCase();
    const detail = e.detail.toLowerCase();
    if (label.startsWith(q) || detail.startsWith(q)) return 0;
    if (label.split(/\s+/).some((w) => w.startsWith(q))) return 1;
    return label.includes(q) || detail.includes(q) ? 2 : 3;
  };
  return entries
    .map((e) => ({ e, s: score(e) }))
    .filter((x) => x.s < 3)
    .sort((a, b) => a.s - b.s || a.e.label.localeCompare(b.e.label))
    .slice(0, limit)
    .map((x) => x.e);
}

/** A user from `formContext.directory.users`, stored as the user name. */
export function UserPickerWidget(props: WidgetProps) {
  const { directory } = batonContext(props.registry.formContext);
  const entries = directory.users.map((u) => ({ value: u.username, label: u.displayName, detail: u.username }));
  return <DirectoryPicker {...props} entries={entries} noun="person" />;
}

/** A group from `formContext.directory.groups`, stored as the group key. */
export function GroupPickerWidget(props: WidgetProps) {
  const { directory } = batonContext(props.registry.formContext);
  const entries = directory.groups.map((g) => ({ value: g.key, label: g.name, detail: g.key }));
  return <DirectoryPicker {...props} entries={entries} noun="group" />;
}

/**
 * A searchable select (the WAI-ARIA combobox pattern): type part of a name,
 * move through the matches with the arrow keys, Enter picks, Escape goes
 * back to the value before. Leaving the field keeps the last pick; clearing
 * the text clears the value.
 */
function DirectoryPicker(props: WidgetProps & { entries: Entry[]; noun: string }) {
  const { id, htmlName, value, required, readonly, disabled, autofocus, placeholder, entries, noun } = props;
  const { onChange, onBlur, onFocus } = props;
  const selected = entries.find((e) => e.value === value);
  const shownText = selected ? selected.label : typeof value === "string" ? value : "";
  const [query, setQuery] = useState<string | null>(null); // null: not typing, show the value
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const open = query !== null;
  const matches = open ? matchEntries(entries, query) : [];

  const pick = (entry: Entry | undefined) => {
    setQuery(null);
    if (entry) onChange(entry.value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) {
        setQuery("");
        setActive(0);
        return;
      }
      const n = matches.length;
      if (n > 0) setActive((a) => (e.key === "ArrowDown" ? (a + 1) % n : (a - 1 + n) % n));
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      pick(matches[active]);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setQuery(null);
    }
  };

  if (readonly) {
    return <input id={id} name={htmlName ?? id} className="bf-input" readOnly value={shownText} aria-describedby={describedBy(props)} />;
  }
  const activeId = open && matches[active] ? `${listId}-${active}` : undefined;
  return (
    <div className="bf-picker">
      <input
        ref={input}
        id={id}
        name={htmlName ?? id}
        className="bf-input bf-picker-input"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-invalid={hasErrors(props) || undefined}
        aria-describedby={describedBy(props)}
        autoComplete="off"
        required={required}
        disabled={disabled}
        autoFocus={autofocus}
        placeholder={placeholder || `Search for a ${noun}…`}
        value={open ? query : shownText}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          if (e.target.value === "") onChange(undefined);
        }}
        onKeyDown={onKeyDown}
        onClick={() => {
          if (!open) {
            setQuery("");
            setActive(0);
          }
        }}
        onFocus={() => onFocus(id, value)}
        onBlur={() => {
          setQuery(null);
          onBlur(id, value);
        }}
      />
      <ul id={listId} role="listbox" aria-label={`Matching ${noun}s`} className="bf-picker-list" hidden={!open}>
        {open && matches.length === 0 ? (
          <li className="bf-picker-empty" role="presentation">
            {entries.length === 0 ? `No ${noun}s to choose from.` : `No ${noun} matches “${query}”.`}
          </li>
        ) : null}
        {matches.map((entry, i) => (
          <li
            key={entry.value}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={`bf-picker-option${i === active ? " bf-picker-option--active" : ""}`}
            // mousedown, not click: the input must not lose focus (and close the list) first
            onMouseDown={(e) => {
              e.preventDefault();
              pick(entry);
              input.current?.focus();
            }}
          >
            <span className="bf-picker-label">{entry.label}</span>
            <span className="bf-picker-detail">{entry.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
