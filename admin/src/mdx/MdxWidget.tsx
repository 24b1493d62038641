/** @jsxImportSource react */
import { Component, createRef, type ReactNode } from 'react';
import type { MdxEditor, MdxEditorProps } from './MdxEditor.tsx';

/**
 * The body widget as Decap registers it. The editor (ProseMirror, the MDX parser and
 * serializer) is loaded when an entry is opened, not with the admin's first screen.
 */
interface State {
  Editor?: typeof MdxEditor;
  failed?: string;
}

export class MdxWidget extends Component<MdxEditorProps, State> {
  override state: State = {};
  private readonly editor = createRef<MdxEditor>();

  override componentDidMount() {
    import('./MdxEditor.tsx').then(
      (module) => this.setState({ Editor: module.MdxEditor }),
      (error: unknown) => this.setState({ failed: error instanceof Error ? error.message : String(error) }),
    );
  }

  /** Decap asks before saving; until the editor has loaded, the value is the unchanged original. */
  isValid = () => this.editor.current?.isValid() ?? true;

  override render(): ReactNode {
    const { Editor, failed } = this.state;
    if (failed) return <p role="alert">Nie udało się wczytać edytora treści: {failed}</p>;
    if (!Editor) return <p className={this.props.classNameWrapper}>Wczytywanie edytora treści…</p>;
    return <Editor ref={this.editor} {...this.props} />;
  }
}
