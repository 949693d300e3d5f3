import { offsetToEndpoint, type SelectionEndpoint } from "@/lib/codings/spans/selection";

/**
 * Reads a DOM selection endpoint as the span logic's SelectionEndpoint: the element with
 * `data-start` that holds it, and the UTF-16 offset within that element's text. An endpoint
 * on a container (a whole paragraph, a speaker label) resolves to the nearest text element.
 */
export function domEndpoint(node: Node, offset: number, root: HTMLElement): SelectionEndpoint | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const element = node.parentElement?.closest<HTMLElement>("[data-start]");
    if (!element || !root.contains(element)) return nearest(node, root, "forward");
    let before = 0;
    for (const child of element.childNodes) {
      if (child === node) break;
      before += child.textContent?.length ?? 0;
    }
    return { elementStart: Number(element.dataset.start), elementText: element.textContent ?? "", utf16Offset: before + offset };
  }
  const element = node as HTMLElement;
  if (element.dataset?.start !== undefined) {
    let before = 0;
    for (let i = 0; i < offset && i < element.childNodes.length; i++) before += element.childNodes[i].textContent?.length ?? 0;
    return { elementStart: Number(element.dataset.start), elementText: element.textContent ?? "", utf16Offset: before };
  }
  const child = element.childNodes[offset];
  if (child) return nearest(child, root, "forward", true);
  return nearest(element, root, "backward", true);
}

function nearest(node: Node, root: HTMLElement, direction: "forward" | "backward", inclusive = false): SelectionEndpoint | null {
  const all = [...root.querySelectorAll<HTMLElement>("[data-start]")];
  const position = (el: HTMLElement) => node.compareDocumentPosition(el);
  const pick =
    direction === "forward"
      ? all.find((el) => (inclusive && (el === node || node.contains(el))) || position(el) & Node.DOCUMENT_POSITION_FOLLOWING)
      : [...all].reverse().find((el) => (inclusive && (el === node || node.contains(el))) || position(el) & Node.DOCUMENT_POSITION_PRECEDING);
  if (!pick) return null;
  const text = pick.textContent ?? "";
  return { elementStart: Number(pick.dataset.start), elementText: text, utf16Offset: direction === "forward" ? 0 : text.length };
}

/** Sets the browser's selection to [start, end) (code points), for the keyboard path. */
export function selectOffsets(root: HTMLElement, start: number, end: number, focusAtStart = false): Range | null {
  const elements = [...root.querySelectorAll<HTMLElement>("[data-start]")];
  const rendered = elements.map((el) => ({ start: Number(el.dataset.start), text: el.textContent ?? "" }));
  const a = offsetToEndpoint(rendered, start, "forward");
  const b = offsetToEndpoint(rendered, end, "backward") ?? a;
  if (!a || !b) return null;
  const point = (p: { elementIndex: number; utf16Offset: number }): [Node, number] => {
    const el = elements[p.elementIndex];
    return el.firstChild ? [el.firstChild, Math.min(p.utf16Offset, el.firstChild.textContent?.length ?? 0)] : [el, 0];
  };
  const selection = window.getSelection();
  if (!selection) return null;
  const [startNode, startOffset] = point(a);
  const [endNode, endOffset] = point(b);
  if (focusAtStart) selection.setBaseAndExtent(endNode, endOffset, startNode, startOffset);
  else selection.setBaseAndExtent(startNode, startOffset, endNode, endOffset);
  return selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
}

/** The element that renders the character at `offset`, to scroll to it. */
export function elementAt(root: HTMLElement, offset: number): HTMLElement | null {
  let found: HTMLElement | null = null;
  for (const el of root.querySelectorAll<HTMLElement>("[data-start]")) {
    if (Number(el.dataset.start) <= offset) found = el;
    else break;
  }
  return found;
}
