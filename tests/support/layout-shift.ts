import type { BrowserContext, Page } from 'playwright-core';

/** One box that moved in a layout shift: the node, where it was painted before and where after. */
export interface ShiftSource {
  /** The node as a selector-like name: `a.site-header__brand`, or `text in p.lead` for a text node. */
  node: string;
  /** `[x, y, width, height]` in CSS pixels, rounded. */
  previousRect: [number, number, number, number];
  currentRect: [number, number, number, number];
}

/** A `layout-shift` entry not caused by input: its score and the boxes that moved (at most five). */
export interface LayoutShift {
  value: number;
  sources: ShiftSource[];
}

interface ShiftStore {
  layoutShifts: LayoutShift[];
}

/**
 * Records every layout shift without recent input in each page of `context`, from the start of
 * the document (the observer is buffered and installed before any of the page's own code).
 */
export async function watchLayoutShifts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const store = window as unknown as ShiftStore;
    store.layoutShifts = [];
    const name = (node: Node | null): string => {
      if (!node) return 'a removed node';
      if (!(node instanceof Element)) return `text in ${name(node.parentElement)}`;
      return [node.localName, node.id ? `#${node.id}` : '', ...[...node.classList].map((item) => `.${item}`)].join('');
    };
    const rect = (box: DOMRectReadOnly) => [box.x, box.y, box.width, box.height].map(Math.round) as [number, number, number, number];
    type Entry = PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Entry[]) {
        if (entry.hadRecentInput) continue;
        store.layoutShifts.push({
          value: entry.value,
          sources: entry.sources.map((source) => ({
            node: name(source.node),
            previousRect: rect(source.previousRect),
            currentRect: rect(source.currentRect),
          })),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The shifts recorded so far in `page` (see `watchLayoutShifts`). */
export function layoutShifts(page: Page): Promise<LayoutShift[]> {
  return page.evaluate(() => (window as unknown as ShiftStore).layoutShifts);
}

/** `label: CLS 0.00011: a.site-header__brand (16,8 133×32) → (16,14 133×32)`, one line per page. */
export function describeShifts(label: string, shifts: LayoutShift[]): string {
  const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
  const at = ([x, y, width, height]: number[]) => `(${x},${y} ${width}×${height})`;
  const moved = shifts.flatMap((shift) =>
    shift.sources.map((source) => `${source.node} ${at(source.previousRect)} → ${at(source.currentRect)}`),
  );
  return `${label}: CLS ${total.toFixed(5)}: ${moved.join('; ')}`;
}
