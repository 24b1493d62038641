/** @jsxImportSource react */
import type { Map as ImmutableMap } from 'immutable';
import { EditorState, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { Component, createRef, type ReactNode } from 'react';
import { openBody, saveBody, type OpenedBody } from './document.ts';
import { editorPlugins } from './editor/commands.ts';
import { nodeViews, type EditorHost } from './editor/node-views.ts';
import { schema } from './editor/schema.ts';
import { checkBody, describeProblems, type Problem } from './policy.ts';
import { MdxSyntaxError } from './syntax.ts';
import { Toolbar, type Command } from './Toolbar.tsx';
import './editor/editor.css';

/**
 * The article body widget: rich text with the registry's components, or the MDX source.
 *
 * The saved value is always text. In rich mode it is rebuilt from the original text and
 * the edited blocks (`saveBody`), so untouched parts stay byte-identical and typed text is
 * escaped; in MDX mode the text is what the editor typed. Either way `isValid` refuses to
 * save a body that breaks the rules of `policy.ts`. This component owns the document, the
 * mode and the problems; the formatting toolbar is `Toolbar.tsx`.
 */

interface MediaLibraryRequest {
  controlID: string;
  forImage: boolean;
  privateUpload: boolean;
  value: string;
  allowMultiple: boolean;
  config?: unknown;
  field: ImmutableMap<string, unknown>;
}

/** The props Decap gives a widget control (the ones this widget uses). */
export interface MdxEditorProps {
  value?: string | null;
  onChange: (value: string) => void;
  forID: string;
  classNameWrapper: string;
  field: ImmutableMap<string, unknown>;
  mediaPaths: ImmutableMap<string, string | string[]>;
  onOpenMediaLibrary: (request: MediaLibraryRequest) => void;
  onRemoveInsertedMedia: (controlID: string) => void;
  getAsset: (path: string, field: ImmutableMap<string, unknown>) => { url: string } | undefined;
}

type Mode = 'rich' | 'raw';

interface State {
  mode: Mode;
  /** The text in MDX mode. */
  raw: string;
  problems: Problem[];
  /** Why the body could not be opened in rich mode. */
  openError?: string | undefined;
  /** Bumped on every editor transaction so that the toolbar re-renders. */
  tick: number;
}

export class MdxEditor extends Component<MdxEditorProps, State> {
  private readonly mount = createRef<HTMLDivElement>();
  private view: EditorView | undefined;
  private opened: OpenedBody | undefined;
  /** The last text handed to Decap; a different incoming value is an outside change. */
  private emitted: string | undefined;
  private readonly imageRequests = new Map<string, (path: string | undefined) => void>();
  private problemTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(props: MdxEditorProps) {
    super(props);
    const text = props.value ?? '';
    this.state = { mode: 'rich', raw: text, problems: [], tick: 0 };
    try {
      this.opened = openBody(text);
    } catch (error) {
      if (!(error instanceof MdxSyntaxError)) throw error;
      this.state = { ...this.state, mode: 'raw', openError: this.syntaxMessage(error), problems: checkBody(text) };
    }
  }

  private syntaxMessage(error: MdxSyntaxError): string {
    const where = error.line ? ` (wiersz ${error.line}, kolumna ${error.column ?? 1})` : '';
    return `Treści nie da się otworzyć w edytorze: błąd składni MDX${where}: ${error.message}. Popraw ją w trybie MDX.`;
  }

  /** Decap calls this before saving; a body that breaks the rules is not saved. */
  isValid = () => {
    const problems = checkBody(this.currentText());
    this.setState({ problems });
    return problems.length === 0 ? true : { error: { message: `Treść: ${describeProblems(problems)}` } };
  };

  private currentText(): string {
    if (this.state.mode === 'raw') return this.state.raw;
    if (this.opened && this.view) return saveBody(this.opened, this.view.state.doc);
    return this.props.value ?? '';
  }

  override componentDidMount() {
    if (this.state.mode === 'rich') this.createView();
  }

  override componentDidUpdate(previous: MdxEditorProps) {
    const value = this.props.value ?? '';
    if (previous.value !== this.props.value && value !== this.emitted && value !== this.currentText()) {
      // Changed outside the widget (an entry reloaded or reverted): start again from it.
      this.emitted = undefined;
      if (this.state.mode === 'raw') this.setState({ raw: value });
      else this.reopen(value);
    }
    for (const [controlID, resolve] of this.imageRequests) {
      const path = this.props.mediaPaths.get(controlID);
      if (path !== undefined) {
        this.imageRequests.delete(controlID);
        this.props.onRemoveInsertedMedia(controlID);
        resolve(Array.isArray(path) ? path[0] : path);
      }
    }
  }

  override componentWillUnmount() {
    this.view?.destroy();
    clearTimeout(this.problemTimer);
  }

  private readonly host: EditorHost = {
    pickImage: () =>
      new Promise((resolve) => {
        const controlID = `mdx-image-${Math.random().toString(36).slice(2)}`;
        this.imageRequests.set(controlID, resolve);
        const mediaLibrary = this.props.field.get('media_library') as ImmutableMap<string, unknown> | undefined;
        this.props.onOpenMediaLibrary({
          controlID,
          forImage: true,
          privateUpload: false,
          value: '',
          allowMultiple: false,
          config: mediaLibrary?.get('config'),
          field: this.props.field,
        });
      }),
    imageUrl: (path) => {
      if (!path) return undefined;
      const url = this.props.getAsset(path, this.props.field)?.url;
      return url && url !== path ? url : undefined;
    },
  };

  private createView() {
    const mount = this.mount.current;
    if (!mount || !this.opened) return;
    this.view = new EditorView(mount, {
      state: EditorState.create({ schema, doc: this.opened.doc, plugins: editorPlugins() }),
      nodeViews: nodeViews(this.host),
      attributes: { class: 'mdx-editor__content article-body', 'aria-label': 'Treść artykułu', spellcheck: 'true' },
      dispatchTransaction: (tr) => this.dispatch(tr),
    });
  }

  private dispatch(tr: Transaction) {
    const view = this.view;
    if (!view) return;
    view.updateState(view.state.apply(tr));
    if (tr.docChanged && this.opened) {
      const text = saveBody(this.opened, view.state.doc);
      this.emit(text);
    }
    this.setState(({ tick }) => ({ tick: tick + 1 }));
  }

  private emit(text: string) {
    this.emitted = text;
    this.props.onChange(text);
    // Problems are shown shortly after typing stops; saving checks them at once.
    clearTimeout(this.problemTimer);
    this.problemTimer = setTimeout(() => this.setState({ problems: checkBody(text) }), 400);
  }

  private reopen(text: string): boolean {
    try {
      this.opened = openBody(text);
    } catch (error) {
      if (!(error instanceof MdxSyntaxError)) throw error;
      this.setState({ mode: 'raw', raw: text, openError: this.syntaxMessage(error), problems: checkBody(text) });
      return false;
    }
    this.view?.destroy();
    this.view = undefined;
    this.setState({ mode: 'rich', openError: undefined }, () => this.createView());
    return true;
  }

  private switchMode(mode: Mode) {
    if (mode === this.state.mode) return;
    if (mode === 'raw') {
      const text = this.currentText();
      this.view?.destroy();
      this.view = undefined;
      this.setState({ mode: 'raw', raw: text, problems: checkBody(text) });
    } else {
      this.reopen(this.state.raw);
    }
  }

  private run(command: Command) {
    const view = this.view;
    if (!view) return;
    command(view.state, view.dispatch);
    view.focus();
  }

  override render(): ReactNode {
    const { mode, problems, openError } = this.state;
    return (
      <div className={`${this.props.classNameWrapper} mdx-editor`} id={this.props.forID}>
        <div className="mdx-editor__modes" role="group" aria-label="Tryb edycji">
          <button type="button" aria-pressed={mode === 'rich'} onClick={() => this.switchMode('rich')}>
            Edytor
          </button>
          <button type="button" aria-pressed={mode === 'raw'} onClick={() => this.switchMode('raw')}>
            MDX
          </button>
        </div>
        {openError ? (
          <p className="mdx-editor__error" role="alert">
            {openError}
          </p>
        ) : null}
        {mode === 'rich' ? (
          <>
            <Toolbar state={this.view?.state} run={(command) => this.run(command)} />
            <div ref={this.mount} className="mdx-editor__rich" />
          </>
        ) : (
          <textarea
            className="mdx-editor__raw"
            aria-label="Treść w MDX"
            spellCheck={false}
            value={this.state.raw}
            onChange={(event) => {
              this.setState({ raw: event.target.value });
              this.emit(event.target.value);
            }}
          />
        )}
        {problems.length > 0 ? (
          <ul className="mdx-editor__problems" role="alert" aria-label="Błędy w treści">
            {problems.map((problem, index) => (
              <li key={index}>{problem.line ? `Wiersz ${problem.line}: ${problem.message}` : problem.message}</li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
}
