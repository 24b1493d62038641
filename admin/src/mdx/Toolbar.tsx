/** @jsxImportSource react */
import type { MarkType } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { useState, type ReactNode } from 'react';
import { componentSpecs } from './components.ts';
import {
  blockKind,
  currentLink,
  insertComponent,
  insertRaw,
  markActive,
  redo,
  setBlockKind,
  setLink,
  toggleBulletList,
  toggleMark,
  toggleOrderedList,
  toggleQuote,
  undo,
} from './editor/commands.ts';
import { schema } from './editor/schema.ts';

/** A ProseMirror command, as `editor/commands.ts` exports them. */
export type Command = (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean;

export interface ToolbarProps {
  /** The editor's current state; undefined before the editor exists. */
  state: EditorState | undefined;
  /** Runs a command on the editor and gives it the focus back. */
  run: (command: Command) => void;
}

/**
 * The formatting toolbar of the body editor's rich mode, with the link form it opens: block
 * style, marks, lists, quote, the registry's components and undo. It holds no document state;
 * it reads `state` and changes the document only through `run`.
 */
export function Toolbar({ state, run }: ToolbarProps): ReactNode {
  const [link, setLinkValue] = useState<string | undefined>(undefined);
  const active = (mark: MarkType) => (state ? markActive(state, mark) : false);
  const button = (label: string, title: string, onClick: () => void, pressed?: boolean) => (
    <button
      type="button"
      className="mdx-toolbar__button"
      title={title}
      aria-label={title}
      {...(pressed === undefined ? {} : { 'aria-pressed': pressed })}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {label}
    </button>
  );
  return (
    <>
      <div className="mdx-toolbar" role="toolbar" aria-label="Formatowanie treści">
        <select
          aria-label="Styl akapitu"
          value={state ? blockKind(state) : 'p'}
          onChange={(event) => run(setBlockKind(event.target.value))}
        >
          <option value="p">Akapit</option>
          <option value="h2">Śródtytuł</option>
          <option value="h3">Śródtytuł niższy</option>
          <option value="h4">Śródtytuł 4. stopnia</option>
        </select>
        {button('B', 'Pogrubienie', () => run(toggleMark(schema.marks.strong)), active(schema.marks.strong))}
        {button('I', 'Kursywa', () => run(toggleMark(schema.marks.em)), active(schema.marks.em))}
        {button('</>', 'Kod', () => run(toggleMark(schema.marks.code)), active(schema.marks.code))}
        {button('Link', 'Link', () => setLinkValue((state && currentLink(state)) ?? 'https://'), active(schema.marks.link))}
        {button('•', 'Lista punktowana', () => run(toggleBulletList))}
        {button('1.', 'Lista numerowana', () => run(toggleOrderedList))}
        {button('❝', 'Cytat', () => run(toggleQuote))}
        <select
          aria-label="Wstaw element"
          value=""
          onChange={(event) => {
            const value = event.target.value;
            if (value === '@raw') run(insertRaw);
            else if (value) run(insertComponent(value));
          }}
        >
          <option value="">Wstaw…</option>
          {componentSpecs.map((spec) => (
            <option key={spec.name} value={spec.name}>
              {spec.label}
            </option>
          ))}
          <option value="@raw">Blok kodu MDX</option>
        </select>
        {button('↶', 'Cofnij', () => run(undo))}
        {button('↷', 'Ponów', () => run(redo))}
      </div>
      {link === undefined ? null : (
        <LinkForm
          value={link}
          onChange={setLinkValue}
          onApply={(href) => {
            setLinkValue(undefined);
            run(setLink(href.trim()));
          }}
          onCancel={() => setLinkValue(undefined)}
        />
      )}
    </>
  );
}

interface LinkFormProps {
  value: string;
  onChange: (value: string) => void;
  /** Sets the link of the selection to the address; an empty one removes the link. */
  onApply: (href: string) => void;
  onCancel: () => void;
}

/** The address of the selection's link: apply, remove or cancel. */
function LinkForm({ value, onChange, onApply, onCancel }: LinkFormProps): ReactNode {
  return (
    <form
      className="mdx-link-form"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(value);
      }}
    >
      <label>
        Adres linku <input type="url" aria-label="Adres linku" value={value} autoFocus onChange={(event) => onChange(event.target.value)} />
      </label>
      <button type="submit">Zastosuj</button>
      <button type="button" onClick={() => onApply('')}>
        Usuń link
      </button>
      <button type="button" onClick={onCancel}>
        Anuluj
      </button>
    </form>
  );
}
