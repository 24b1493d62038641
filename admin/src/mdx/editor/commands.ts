import { baseKeymap, chainCommands, exitCode, lift, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import type { MarkType, Node as PMNode, NodeType } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { NodeSelection, TextSelection, type Command, type EditorState, type Plugin, type Transaction } from 'prosemirror-state';
import { componentSpec } from '../components.ts';
import { schema } from './schema.ts';

/**
 * Editing commands of the toolbar and the keyboard. No input rules: what an editor types
 * stays text (a line starting with `#` or `>` is not turned into a heading or a quote).
 */

const insertHardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(schema.nodes.hard_break.create()).scrollIntoView());
  return true;
});

export function editorPlugins(): Plugin[] {
  return [
    history(),
    keymap({
      'Mod-z': undo,
      'Mod-y': redo,
      'Shift-Mod-z': redo,
      'Mod-b': toggleMark(schema.marks.strong),
      'Mod-i': toggleMark(schema.marks.em),
      'Mod-`': toggleMark(schema.marks.code),
      'Shift-Enter': insertHardBreak,
      Enter: splitListItem(schema.nodes.list_item),
      Tab: sinkListItem(schema.nodes.list_item),
      'Shift-Tab': liftListItem(schema.nodes.list_item),
    }),
    keymap(baseKeymap),
  ];
}

export function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

/** The block type around the cursor, as the toolbar's select shows it. */
export function blockKind(state: EditorState): string {
  const parent = state.selection.$from.parent;
  if (parent.type === schema.nodes.heading) return `h${parent.attrs['level'] as number}`;
  return 'p';
}

export function setBlockKind(kind: string): Command {
  if (kind === 'p') return setBlockType(schema.nodes.paragraph);
  return setBlockType(schema.nodes.heading, { level: Number(kind.slice(1)) });
}

/** Whether the cursor is inside a node of `type`. */
export function insideNode(state: EditorState, type: NodeType): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth -= 1) if ($from.node(depth).type === type) return true;
  return false;
}

export const toggleBulletList: Command = (state, dispatch) =>
  insideNode(state, schema.nodes.bullet_list)
    ? liftListItem(schema.nodes.list_item)(state, dispatch)
    : wrapInList(schema.nodes.bullet_list)(state, dispatch);

export const toggleOrderedList: Command = (state, dispatch) =>
  insideNode(state, schema.nodes.ordered_list)
    ? liftListItem(schema.nodes.list_item)(state, dispatch)
    : wrapInList(schema.nodes.ordered_list)(state, dispatch);

export const toggleQuote: Command = (state, dispatch) =>
  insideNode(state, schema.nodes.blockquote) ? lift(state, dispatch) : wrapIn(schema.nodes.blockquote)(state, dispatch);

export { undo, redo, toggleMark };

/** Sets the link of the selection (or removes it with an empty address). */
export function setLink(href: string): Command {
  return (state, dispatch) => {
    const { from, to, empty } = state.selection;
    const type = schema.marks.link;
    if (empty && !href) return false;
    if (!dispatch) return true;
    const tr = state.tr;
    if (empty) {
      const mark = type.create({ href });
      tr.insert(from, schema.text(href, [mark]));
    } else {
      tr.removeMark(from, to, type);
      if (href) tr.addMark(from, to, type.create({ href }));
    }
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/** The link under the cursor, if any. */
export function currentLink(state: EditorState): string | undefined {
  const { $from } = state.selection;
  const mark = schema.marks.link.isInSet($from.marks()) ?? schema.marks.link.isInSet($from.nodeAfter?.marks ?? []);
  return mark ? (mark.attrs['href'] as string) : undefined;
}

/** Inserts a component of the registry after the block at the cursor. */
export function insertComponent(name: string): Command {
  return (state, dispatch) => {
    const spec = componentSpec(name);
    if (!spec) return false;
    const node = spec.children
      ? schema.nodes.component.create({ name, props: [] }, schema.nodes.paragraph.create())
      : schema.nodes.embed.create({ name, props: [] });
    return insertBlock(node, state, dispatch);
  };
}

/** Inserts a raw MDX block after the block at the cursor. */
export const insertRaw: Command = (state, dispatch) => insertBlock(schema.nodes.raw.create({ source: '' }), state, dispatch);

function insertBlock(node: PMNode, state: EditorState, dispatch?: (tr: Transaction) => void) {
  const { $to } = state.selection;
  // After the top-level block that holds the cursor, so components never land inside a list.
  const at = $to.depth === 0 ? $to.pos : $to.after(1);
  if (!dispatch) return true;
  const tr = state.tr.insert(at, node);
  // The cursor goes into the new block (its text, or the block itself), so the next insertion follows it.
  tr.setSelection(node.isAtom ? NodeSelection.create(tr.doc, at) : TextSelection.near(tr.doc.resolve(at + 1)));
  dispatch(tr.scrollIntoView());
  return true;
}
