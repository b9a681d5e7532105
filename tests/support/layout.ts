import type { Page } from 'playwright-core';

export interface LayoutProblem {
  /**
   * `spill`: text outside the box (tile, button, card) it belongs to. `clipped`: text cut off by an ancestor
   * that hides overflow (sideways, or downwards without a scroll bar). `overlap`: two pieces of text, or two
   * boxes, drawn over each other. `sideways`: the page scrolls sideways or text lies off the screen's sides.
   * `squeezed`: a phrase laid out one word per line, the sign of a column squeezed too narrow.
   */
  kind: 'spill' | 'clipped' | 'overlap' | 'sideways' | 'squeezed';
  detail: string;
}

export interface LayoutCheck {
  /** Elements that must hold their own text and must not overlap each other (tiles, buttons, cards). */
  boxes: string;
  /** Elements to leave out, e.g. a deliberately scrolling ticker. */
  ignore?: string;
}

/**
 * Measures what the page draws now, from the boxes the browser laid out (text line boxes through Range
 * client rects, element border boxes), and lists every piece of text that spills, is cut off, overlaps other
 * text or runs off the screen. A picture can hide these; the numbers cannot. Text inside a scrolling box
 * counts only where it is visible, so scrolled-away tiles are not taken for overlaps; being reachable by
 * scrolling up and down is allowed, being cut off is not.
 */
export function layoutProblems(page: Page, check: LayoutCheck): Promise<LayoutProblem[]> {
  return page.evaluate(({ boxes, ignore }) => {
    type Rect = { left: number; top: number; right: number; bottom: number };
    const problems: { kind: 'spill' | 'clipped' | 'overlap' | 'sideways' | 'squeezed'; detail: string }[] = [];
    const slack = 1.5;
    const name = (el: Element) => {
      const id = el.getAttribute('data-testid');
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''}${cls}`;
    };
    const short = (text: string) => JSON.stringify(text.trim().slice(0, 40));
    const intersect = (a: Rect, b: Rect): Rect => ({ left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) });
    const area = (r: Rect) => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);
    const inside = (inner: Rect, outer: Rect) => inner.left >= outer.left - slack && inner.right <= outer.right + slack && inner.top >= outer.top - slack && inner.bottom <= outer.bottom + slack;
    const ignored = (el: Element) => (ignore ? el.closest(ignore) !== null : false);

    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > window.innerWidth + 1) problems.push({ kind: 'sideways', detail: `page is ${root.scrollWidth}px wide in a ${window.innerWidth}px window` });

    // Every visible line of text, with the part of it left visible by its scrolling ancestors.
    const lines: { node: Text; el: Element; rect: Rect; shown: Rect | null }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const el = node.parentElement;
      if (!el || !node.data.trim() || ignored(el) || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
      // A line's box is the font's whole ascent and descent, taller than the line height; the glyphs sit in
      // about one em around its middle, so that is what counts as the text's place for overlaps.
      const half = parseFloat(getComputedStyle(el).fontSize) / 2;
      let wordsOnLines = 0;
      for (const r of rects) {
        const middle = (r.top + r.bottom) / 2;
        const rect: Rect = { left: r.left, top: Math.max(r.top, middle - half), right: r.right, bottom: Math.min(r.bottom, middle + half) };
        let shown: Rect | null = rect;
        // Inside a box that scrolls up and down, text below or above its window is reachable, not cut; the
        // boxes around that one then clip the scrolling box, not the text, so they are not asked about it.
        let scrolled = false;
        for (let a: Element | null = el; a && a !== document.documentElement; a = a.parentElement) {
          const style = getComputedStyle(a);
          const box = a.getBoundingClientRect();
          const clipsX = style.overflowX !== 'visible';
          const clipsY = style.overflowY !== 'visible';
          if (clipsX && (rect.left < box.left - slack || rect.right > box.right + slack)) {
            problems.push({ kind: 'clipped', detail: `${short(node.data)} cut at the side by ${name(a)}` });
          }
          const scrolls = style.overflowY === 'auto' || style.overflowY === 'scroll';
          if (clipsY && !scrolls && !scrolled && (rect.top < box.top - slack || rect.bottom > box.bottom + slack)) {
            problems.push({ kind: 'clipped', detail: `${short(node.data)} cut off by ${name(a)} (overflow-y: ${style.overflowY})` });
          }
          if (scrolls) scrolled = true;
          if ((clipsX || clipsY) && shown) {
            shown = intersect(shown, { left: clipsX ? box.left : -1e9, right: clipsX ? box.right : 1e9, top: clipsY ? box.top : -1e9, bottom: clipsY ? box.bottom : 1e9 });
            if (area(shown) < 1) shown = null;
          }
        }
        if (shown && (shown.left < -slack || shown.right > window.innerWidth + slack)) problems.push({ kind: 'sideways', detail: `${short(node.data)} runs off the side of the screen` });
        lines.push({ node, el, rect, shown });
        wordsOnLines += 1;
      }
      const words = node.data.trim().split(/\s+/).length;
      if (words >= 4 && wordsOnLines >= words) problems.push({ kind: 'squeezed', detail: `${short(node.data)} laid out one word per line (${words} words, ${wordsOnLines} lines) in ${name(el)}` });
    }

    // Text that spills out of its box; boxes drawn over each other.
    const boxEls = [...document.querySelectorAll(boxes)].filter((el) => !ignored(el) && el.checkVisibility());
    for (const box of boxEls) {
      const r = box.getBoundingClientRect();
      for (const line of lines) {
        if (box.contains(line.node) && !inside(line.rect, r)) problems.push({ kind: 'spill', detail: `${short(line.node.data)} spills out of ${name(box)}` });
      }
    }
    const shownBox = (el: Element): Rect | null => {
      let rect: Rect | null = el.getBoundingClientRect();
      for (let a = el.parentElement; a && a !== document.documentElement && rect; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        rect = intersect(rect, a.getBoundingClientRect());
        if (area(rect) < 1) rect = null;
      }
      return rect;
    };
    const shownBoxes = boxEls.map((el) => ({ el, rect: shownBox(el) }));
    for (let i = 0; i < shownBoxes.length; i++) {
      for (let j = i + 1; j < shownBoxes.length; j++) {
        const a = shownBoxes[i];
        const b = shownBoxes[j];
        if (!a?.rect || !b?.rect || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const common = intersect(a.rect, b.rect);
        if (common.right - common.left > slack && common.bottom - common.top > slack) problems.push({ kind: 'overlap', detail: `${name(a.el)} and ${name(b.el)} overlap` });
      }
    }

    // Text drawn over other text.
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i];
        const b = lines[j];
        if (!a?.shown || !b?.shown || a.node === b.node) continue;
        const common = intersect(a.shown, b.shown);
        if (common.right - common.left > slack && common.bottom - common.top > slack) {
          problems.push({ kind: 'overlap', detail: `${short(a.node.data)} (${name(a.el)}) is drawn over ${short(b.node.data)} (${name(b.el)})` });
        }
      }
    }
    return problems;
  }, check);
}

/** Fails with every problem listed, so a broken layout says where it broke. */
export async function expectTidyLayout(page: Page, what: string, check: LayoutCheck): Promise<void> {
  const problems = await layoutProblems(page, check);
  if (problems.length === 0) return;
  const unique = [...new Set(problems.map((p) => `  [${p.kind}] ${p.detail}`))];
  throw new Error(`${what}: ${unique.length} layout problem(s)\n${unique.slice(0, 25).join('\n')}`);
}

/**
 * The elements matching `selector` that cannot be brought wholly into view: each is scrolled to as a citizen
 * would scroll to it, then must lie inside the window and inside every box that clips it.
 */
export function unreachable(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const failures: string[] = [];
    for (const el of document.querySelectorAll(sel)) {
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = el.getBoundingClientRect();
      const within = (box: { left: number; top: number; right: number; bottom: number }) => r.left >= box.left - 1.5 && r.right <= box.right + 1.5 && r.top >= box.top - 1.5 && r.bottom <= box.bottom + 1.5;
      let ok = within({ left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight });
      for (let a = el.parentElement; a && ok; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') ok = within(a.getBoundingClientRect());
      }
      if (!ok) failures.push((el.textContent ?? '').trim().slice(0, 40));
    }
    return failures;
  }, selector);
}
