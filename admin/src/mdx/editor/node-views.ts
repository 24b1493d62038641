import type { Node as PMNode } from 'prosemirror-model';
import type { EditorView, NodeView, ViewMutationRecord } from 'prosemirror-view';
import { componentSpec, type ComponentSpec, type PropSpec } from '../components.ts';
import { checkBody, describeProblems } from '../policy.ts';
import type { Props } from './schema.ts';

/**
 * How components and raw MDX look inside the rich editor: a card with the component's
 * name, its props as a form, and (for Callout and Quote) the editable text inside.
 * Plain DOM, as ProseMirror node views are; changes go back as transactions.
 */

/** What the node views need from the widget around the editor. */
export interface EditorHost {
  /** Opens Decap's media library; resolves with the chosen image path (`../images/x.jpg`). */
  pickImage(): Promise<string | undefined>;
  /** A URL the browser can show for an image path, when Decap knows one. */
  imageUrl(path: string): string | undefined;
}

type GetPos = () => number | undefined;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function propsMap(node: PMNode): Map<string, string> {
  return new Map(node.attrs['props'] as Props);
}

/** Props after setting `name` to `value` (removed when empty), keeping the source order. */
export function withProp(props: Props, spec: ComponentSpec, name: string, value: string): Props {
  const next: Props = props.filter(([key]) => key !== name || value !== '').map(([key, old]) => [key, key === name ? value : old]);
  if (value !== '' && !props.some(([key]) => key === name)) {
    const order = spec.props.map((prop) => prop.name);
    const index = next.findIndex(([key]) => order.indexOf(key) > order.indexOf(name));
    next.splice(index === -1 ? next.length : index, 0, [name, value]);
  }
  return next;
}

/** The one-line summary on a component card: its first filled prop, labelled. */
function summaryOf(spec: ComponentSpec, props: Map<string, string>): string {
  const first = spec.props.find((prop) => !prop.image && props.get(prop.name)) ?? spec.props.find((prop) => props.get(prop.name));
  const value = first ? props.get(first.name) : undefined;
  // An enum prop shows its Polish label, as its dropdown does ("Rodzaj: ostrzeżenie", not "warning").
  const shown = first?.options?.find((option) => option.value === value)?.label ?? value;
  return shown ? `${first?.label}: ${shown}` : '';
}

class ComponentView implements NodeView {
  dom: HTMLElement;
  contentDOM?: HTMLElement;
  private node: PMNode;
  private readonly spec: ComponentSpec;
  private readonly summary: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  private readonly thumbnails = new Map<string, HTMLImageElement>();

  constructor(
    node: PMNode,
    private readonly view: EditorView,
    private readonly getPos: GetPos,
    private readonly host: EditorHost,
  ) {
    this.node = node;
    const spec = componentSpec(node.attrs['name'] as string);
    if (!spec) throw new Error(`Component ${String(node.attrs['name'])} is not in the registry`);
    this.spec = spec;
    this.summary = element('span', { class: 'mdx-card__summary' });
    const edit = element('button', { type: 'button', class: 'mdx-card__button' }, 'Edytuj');
    const remove = element('button', { type: 'button', class: 'mdx-card__button', 'aria-label': `Usuń: ${spec.label}` }, 'Usuń');
    const head = element(
      'div',
      { class: 'mdx-card__head', contenteditable: 'false' },
      element('strong', {}, spec.label),
      this.summary,
      edit,
      remove,
    );
    this.form = element('form', { class: 'mdx-props', contenteditable: 'false', 'aria-label': `Ustawienia: ${spec.label}` });
    this.form.hidden = true;
    this.form.addEventListener('submit', (event) => event.preventDefault());
    for (const prop of spec.props) this.form.append(this.field(prop));
    edit.addEventListener('click', () => {
      this.form.hidden = !this.form.hidden;
      if (!this.form.hidden) this.form.querySelector<HTMLElement>('input, select')?.focus();
    });
    remove.addEventListener('click', () => {
      const pos = this.getPos();
      if (pos !== undefined) this.view.dispatch(this.view.state.tr.delete(pos, pos + this.node.nodeSize));
    });

    this.dom = element('div', {
      class: `mdx-card mdx-card--${spec.children ? 'component' : 'embed'} mdx-card--${spec.name}`,
      'data-component': spec.name,
    });
    this.dom.append(head, this.form);
    if (spec.children) {
      this.contentDOM = element('div', { class: 'mdx-card__body' });
      this.dom.append(this.contentDOM);
    }
    this.refresh();
    // A component inserted without its required props opens its form at once.
    if (spec.props.some((prop) => prop.required && !propsMap(node).get(prop.name))) this.form.hidden = false;
  }

  private field(prop: PropSpec): HTMLElement {
    const id = `mdx-prop-${Math.random().toString(36).slice(2)}`;
    const label = element('label', { for: id }, prop.label + (prop.required ? ' *' : ''));
    const change = (value: string) => this.setProp(prop.name, value);
    let input: HTMLInputElement | HTMLSelectElement;
    if (prop.options) {
      input = element('select', { id });
      if (!prop.required) input.append(element('option', { value: '' }, '(domyślnie)'));
      for (const option of prop.options) input.append(element('option', { value: option.value }, option.label));
    } else {
      input = element('input', { id, type: 'text' });
    }
    input.addEventListener(prop.options ? 'change' : 'input', () => change(input.value));
    this.inputs.set(prop.name, input);
    const row = element('div', { class: 'mdx-props__row' }, label, input);
    if (prop.image) {
      const pick = element('button', { type: 'button', class: 'mdx-card__button' }, 'Wybierz z biblioteki…');
      pick.addEventListener('click', () => {
        void this.host.pickImage().then((path) => {
          if (path) {
            input.value = path;
            change(path);
          }
        });
      });
      const thumbnail = element('img', { class: 'mdx-props__thumbnail', alt: '' });
      this.thumbnails.set(prop.name, thumbnail);
      row.append(pick, thumbnail);
    }
    if (prop.hint) row.append(element('small', {}, prop.hint));
    return row;
  }

  private setProp(name: string, value: string) {
    const pos = this.getPos();
    if (pos === undefined) return;
    const props = withProp(this.node.attrs['props'] as Props, this.spec, name, value);
    this.view.dispatch(this.view.state.tr.setNodeMarkup(pos, undefined, { ...this.node.attrs, props }));
  }

  private refresh() {
    const props = propsMap(this.node);
    this.summary.textContent = summaryOf(this.spec, props);
    for (const [name, input] of this.inputs) {
      const value = props.get(name) ?? '';
      if (input.value !== value && document.activeElement !== input) input.value = value;
    }
    for (const [name, thumbnail] of this.thumbnails) {
      const url = this.host.imageUrl(props.get(name) ?? '');
      thumbnail.hidden = !url;
      if (url && thumbnail.src !== url) thumbnail.src = url;
    }
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type || node.attrs['name'] !== this.node.attrs['name']) return false;
    this.node = node;
    this.refresh();
    return true;
  }

  stopEvent(event: Event): boolean {
    const target = event.target as Node | null;
    return !!target && !this.contentDOM?.contains(target) && this.dom.contains(target) && target !== this.dom;
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    if (mutation.type === 'selection') return false;
    return !this.contentDOM?.contains(mutation.target);
  }
}

class RawView implements NodeView {
  dom: HTMLElement;
  private node: PMNode;
  private readonly textarea: HTMLTextAreaElement;
  private readonly problem: HTMLElement;

  constructor(
    node: PMNode,
    private readonly view: EditorView,
    private readonly getPos: GetPos,
  ) {
    this.node = node;
    this.textarea = element('textarea', { class: 'mdx-raw__source', spellcheck: 'false', 'aria-label': 'Kod MDX bloku' });
    this.textarea.value = node.attrs['source'] as string;
    this.textarea.rows = Math.min(12, this.textarea.value.split('\n').length + 1);
    this.problem = element('p', { class: 'mdx-raw__problem', role: 'status' });
    const remove = element('button', { type: 'button', class: 'mdx-card__button' }, 'Usuń');
    this.dom = element(
      'div',
      { class: 'mdx-card mdx-card--raw', contenteditable: 'false' },
      element(
        'div',
        { class: 'mdx-card__head' },
        element('strong', {}, 'Kod MDX'),
        element('span', { class: 'mdx-card__summary' }, 'pokazany tak, jak jest zapisany'),
        remove,
      ),
      this.textarea,
      this.problem,
    );
    this.textarea.addEventListener('input', () => {
      const pos = this.getPos();
      if (pos === undefined) return;
      this.view.dispatch(this.view.state.tr.setNodeMarkup(pos, undefined, { source: this.textarea.value }));
    });
    remove.addEventListener('click', () => {
      const pos = this.getPos();
      if (pos !== undefined) this.view.dispatch(this.view.state.tr.delete(pos, pos + this.node.nodeSize));
    });
    this.check();
  }

  private check() {
    this.problem.textContent = describeProblems(checkBody(this.node.attrs['source'] as string));
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    if (this.textarea.value !== node.attrs['source']) this.textarea.value = node.attrs['source'] as string;
    this.check();
    return true;
  }

  stopEvent(): boolean {
    return true;
  }

  ignoreMutation(): boolean {
    return true;
  }
}

/** Node views of the editor, bound to the widget around it. */
export function nodeViews(host: EditorHost) {
  return {
    component: (node: PMNode, view: EditorView, getPos: GetPos) => new ComponentView(node, view, getPos, host),
    embed: (node: PMNode, view: EditorView, getPos: GetPos) => new ComponentView(node, view, getPos, host),
    raw: (node: PMNode, view: EditorView, getPos: GetPos) => new RawView(node, view, getPos),
  };
}
