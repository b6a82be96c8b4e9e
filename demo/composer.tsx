/** @jsxImportSource react */
// biome-ignore-all lint/a11y/noRedundantRoles: x.com writes role="button" on its post button; the demo mirrors it.
/**
 * X's composer: a real Draft.js editor (x.com runs Draft.js) whose contenteditable carries
 * data-testid="tweetTextarea_0" inside div[data-testid="tweetTextarea_0RichTextInputContainer"], and a post button
 * that stays disabled while the editor is empty. Inserting text by mutating the DOM would not reach EditorState
 * here either, which is what makes the demo a fair test of lib/insert.
 */
import { type DraftHandleValue, Editor, EditorState, getDefaultKeyBinding } from "draft-js";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { Icon } from "./icons";

export type ComposerSlot = "dialog" | "inline" | "home";

/** Live composers by slot, read by window.__apaiseDemo.getComposerText(). */
const live = new Map<ComposerSlot, () => EditorState>();

export function composerText(slot: ComposerSlot): string | null {
  const get = live.get(slot);
  return get ? get().getCurrentContent().getPlainText() : null;
}

/** X's limit. Counted in code points here; X's own weighting (URLs, CJK, emoji) differs slightly. */
const LIMIT = 280;

export interface ComposerProps {
  slot: ComposerSlot;
  placeholder: string;
  buttonLabel: string;
  buttonTestId: "tweetButton" | "tweetButtonInline";
  autoFocus?: boolean;
  onSubmit: (text: string) => void;
}

export function Composer({ slot, placeholder, buttonLabel, buttonTestId, autoFocus, onSubmit }: ComposerProps) {
  const [state, setState] = useState(() => EditorState.createEmpty());
  // Kept in a ref as well so tests read the state Draft.js just produced, not the last rendered one.
  const latest = useRef(state);
  const editor = useRef<Editor>(null);

  useEffect(() => {
    const get = () => latest.current;
    live.set(slot, get);
    return () => {
      if (live.get(slot) === get) live.delete(slot);
    };
  }, [slot]);

  useEffect(() => {
    if (autoFocus) editor.current?.focus();
  }, [autoFocus]);

  const change = (next: EditorState) => {
    latest.current = next;
    setState(next);
  };

  const text = state.getCurrentContent().getPlainText();
  const length = Array.from(text).length;
  const canPost = text.trim() !== "" && length <= LIMIT;

  const submit = () => {
    const current = latest.current.getCurrentContent().getPlainText();
    if (current.trim() === "" || Array.from(current).length > LIMIT) return;
    onSubmit(current);
    change(EditorState.createEmpty());
  };

  // Ctrl/Cmd+Enter posts, as on X.
  const keyBinding = (e: KeyboardEvent) =>
    e.key === "Enter" && (e.ctrlKey || e.metaKey) ? "demo-submit" : getDefaultKeyBinding(e);
  const handleKeyCommand = (command: string): DraftHandleValue => {
    if (command !== "demo-submit") return "not-handled";
    submit();
    return "handled";
  };

  return (
    <div className={`composer composer-${slot}`}>
      <div data-testid="tweetTextarea_0_label" className="composer-label">
        <div data-testid="tweetTextarea_0RichTextInputContainer" className="composer-input">
          <Editor
            ref={editor}
            editorState={state}
            onChange={change}
            placeholder={placeholder}
            webDriverTestID="tweetTextarea_0"
            ariaLabel="Post text"
            ariaMultiline
            role="textbox"
            spellCheck
            stripPastedStyles
            keyBindingFn={keyBinding}
            handleKeyCommand={handleKeyCommand}
          />
        </div>
      </div>
      {slot === "home" ? (
        <div className="reply-audience">
          <Icon name="globe" /> Everyone can reply
        </div>
      ) : null}
      <div className="composer-toolbar" data-testid="toolBar">
        <div className="composer-tools">
          <button type="button" aria-label="Add photos or video" className="tool">
            <Icon name="image" />
          </button>
          <button type="button" aria-label="Add emoji" className="tool">
            <Icon name="smile" />
          </button>
        </div>
        <div className="composer-submit">
          {length > 0 ? <Progress length={length} /> : null}
          <button
            type="button"
            role="button"
            data-testid={buttonTestId}
            disabled={!canPost}
            aria-disabled={!canPost}
            tabIndex={canPost ? 0 : -1}
            className="post-button"
            onClick={submit}
          >
            <span>{buttonLabel}</span>
          </button>
        </div>
      </div>
    </div>
  );
}

/** X's character ring: fills up to the limit, shows what is left in the last 20 characters, turns red past it. */
function Progress({ length }: { length: number }) {
  const r = 9;
  const circumference = 2 * Math.PI * r;
  const ratio = Math.min(length / LIMIT, 1);
  const left = LIMIT - length;
  const tone = left < 0 ? "over" : left <= 20 ? "warn" : "ok";
  return (
    <div
      className={`progress ${tone}`}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={LIMIT}
      aria-valuenow={length}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <circle className="track" cx="12" cy="12" r={r} />
        <circle
          className="bar"
          cx="12"
          cy="12"
          r={r}
          strokeDasharray={circumference}
          strokeDashoffset={circumference * (1 - ratio)}
        />
      </svg>
      {left <= 20 ? <span>{left}</span> : null}
    </div>
  );
}
