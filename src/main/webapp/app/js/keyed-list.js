// Lists that change in place, keyed by participant (or patient, or session): a new snapshot changes only the rows
// that changed and keeps every other element, so keyboard focus on a row's button survives a room update and a
// screen reader is not read the whole list again. Rebuilding a list with replaceChildren on every `roomUpdated`
// dropped the focus from Admit and Remove and re-announced the waiting list.
//
// A row is rendered afresh only when its signature (what it shows) changed, and then patched into the existing
// element (`morph`), so that a changed row keeps its buttons too. Buttons therefore carry no listeners of their own:
// a page handles clicks on the list (`onAction`), reading the row's key and the button's `data-action`.

/** What a new list of keys does to an old one (pure): the keys added, removed and kept, each in list order. */
export function diffKeys(before, after) {
    const old = new Set(before);
    const now = new Set(after);
    return {
        added: after.filter((k) => !old.has(k)),
        removed: before.filter((k) => !now.has(k)),
        kept: after.filter((k) => old.has(k)),
    };
}

/**
 * Where the focus goes when the row holding it goes away (pure): the row now at the same place, or the last one,
 * or none (-1) when the list is empty. Admitting the first of two waiting patients leaves the focus on the second's
 * Admit button.
 */
export function focusIndexAfterRemoval(removedIndex, remaining) {
    if (remaining <= 0) {
        return -1;
    }
    return Math.min(removedIndex, remaining - 1);
}

const TEXT_NODE = 3;
// A media element plays its stream only as long as it is the same element: never patch one into another.
const MEDIA = new Set(['VIDEO', 'AUDIO']);

function identity(node) {
    if (node.nodeType === TEXT_NODE) {
        return '#text';
    }
    const d = node.dataset ?? {};
    return `${node.nodeName}#${node.id ?? ''}|${d.key ?? ''}|${d.action ?? ''}`;
}

/**
 * Makes `target` look like `source` while keeping `target` and every descendant that has a counterpart in `source`
 * (same tag, id, data-key and data-action, in order): attributes are copied over, text is updated, only what is
 * new is inserted and only what is gone is removed. Properties (a checkbox's state, a field's typed text) are left
 * as they are.
 */
export function morph(target, source) {
    for (const {name} of [...target.attributes]) {
        if (!source.hasAttribute(name)) {
            target.removeAttribute(name);
        }
    }
    for (const {name, value} of [...source.attributes]) {
        if (target.getAttribute(name) !== value) {
            target.setAttribute(name, value);
        }
    }
    const pool = new Map();
    for (const node of [...target.childNodes]) {
        const id = identity(node);
        pool.set(id, [...(pool.get(id) ?? []), node]);
    }
    const wanted = [...source.childNodes].map((node) => {
        const old = MEDIA.has(node.nodeName) ? null : pool.get(identity(node))?.shift();
        if (!old) {
            return node;
        }
        if (node.nodeType === TEXT_NODE) {
            if (old.nodeValue !== node.nodeValue) {
                old.nodeValue = node.nodeValue;
            }
        } else {
            morph(old, node);
        }
        return old;
    });
    const keep = new Set(wanted);
    for (const node of [...target.childNodes]) {
        if (!keep.has(node)) {
            node.remove();
        }
    }
    wanted.forEach((node, i) => {
        if (target.childNodes[i] !== node) {
            target.insertBefore(node, target.childNodes[i] ?? null);
        }
    });
}

const signatures = new WeakMap();

/**
 * Makes the children of `container` one element per item, in the items' order, keyed by `key(item)` (kept as
 * `data-key`). An unchanged row (same `signature(item)`) is not touched; a changed one is rendered and patched in;
 * a new one is rendered. Elements are moved only when the order changed. If the focus was in a row that went, it
 * moves to the same button (`data-action`) of the row now in its place, else to that row's first button, else to
 * `focusFallback()` when the list is empty.
 *
 * @returns {{added: string[], removed: string[], changed: string[]}} the keys, for the page to say what is new
 */
export function reconcile(container, items, {key, render, signature = (item) => JSON.stringify(item),
    focusFallback = null}) {
    const doc = container.ownerDocument;
    const existing = new Map();
    for (const child of [...container.children]) {
        if (child.dataset.key === undefined || existing.has(child.dataset.key)) {
            child.remove();
        } else {
            existing.set(child.dataset.key, child);
        }
    }
    const keys = items.map((item) => String(key(item)));
    const {added, removed} = diffKeys([...existing.keys()], keys);
    const focused = doc?.activeElement;
    let lostFocus = null;
    const order = [...existing.keys()];
    for (const k of removed) {
        const child = existing.get(k);
        if (focused && child.contains(focused)) {
            lostFocus = {index: order.indexOf(k), action: focused.dataset?.action ?? null};
        }
        child.remove();
        existing.delete(k);
    }
    const changed = [];
    items.forEach((item, i) => {
        const k = keys[i];
        const sig = signature(item);
        let child = existing.get(k);
        if (!child) {
            child = render(item);
            child.dataset.key = k;
        } else if (signatures.get(child) !== sig) {
            const fresh = render(item);
            fresh.dataset.key = k;
            morph(child, fresh);
            changed.push(k);
        }
        signatures.set(child, sig);
        if (container.children[i] !== child) {
            container.insertBefore(child, container.children[i] ?? null);
        }
    });
    if (lostFocus) {
        // Only rows that were there before count as "in its place": a row that arrived now is not what was next.
        const index = focusIndexAfterRemoval(lostFocus.index - removed.filter((k) => order.indexOf(k)
            < lostFocus.index).length, keys.filter((k) => !added.includes(k)).length);
        const row = index >= 0 ? existing.get(keys.filter((k) => !added.includes(k))[index]) : null;
        const target = row && ((lostFocus.action && row.querySelector(`[data-action="${lostFocus.action}"]`))
            || row.querySelector('button'));
        if (target) {
            target.focus();
        } else {
            focusFallback?.()?.focus();
        }
    }
    return {added, removed, changed};
}

/**
 * Calls `handler(action, key, button)` for a click on a `data-action` button inside a keyed row of `container`.
 * One listener for the list: rows and their buttons come and go, the handler stays.
 */
export function onAction(container, handler) {
    container.addEventListener('click', (event) => {
        const button = event.target?.closest?.('[data-action]');
        const row = button?.closest('[data-key]');
        if (button && row && container.contains(row) && !button.disabled) {
            handler(button.dataset.action, row.dataset.key, button);
        }
    });
}
