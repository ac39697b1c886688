// The least of a DOM that the list modules use (keyed-list.js, and api.js's el()): elements and text nodes, attributes
// and dataset, children, insertBefore/remove, focus (lost, as in a browser, when the focused element leaves the
// document), clicks that bubble, and simple selectors (tag, #id, [attr], [attr="value"], comma lists). No package.

const ELEMENT = 1;
const TEXT = 3;

class FakeNode {
    constructor(doc, nodeType, nodeName) {
        this.ownerDocument = doc;
        this.nodeType = nodeType;
        this.nodeName = nodeName;
        this.parentNode = null;
    }

    get parentElement() {
        return this.parentNode;
    }

    remove() {
        const parent = this.parentNode;
        if (!parent) {
            return;
        }
        parent.childNodes.splice(parent.childNodes.indexOf(this), 1);
        this.parentNode = null;
        this.ownerDocument.lostFrom(this);
    }

    get isConnected() {
        let node = this;
        while (node.parentNode) {
            node = node.parentNode;
        }
        return node === this.ownerDocument.body;
    }
}

class FakeText extends FakeNode {
    constructor(doc, text) {
        super(doc, TEXT, '#text');
        this.nodeValue = String(text);
    }

    get textContent() {
        return this.nodeValue;
    }
}

function kebab(camel) {
    return `data-${camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function matches(element, selector) {
    return selector.split(',').map((s) => s.trim()).some((one) => {
        const m = /^([a-zA-Z0-9-]*)(?:#([\w-]+))?((?:\[[^\]]+\])*)$/.exec(one);
        if (!m) {
            throw new Error(`fake DOM: selector not supported: ${one}`);
        }
        const [, tag, id, attrs] = m;
        if (tag && element.nodeName !== tag.toUpperCase()) {
            return false;
        }
        if (id && element.id !== id) {
            return false;
        }
        for (const [, name, value] of attrs.matchAll(/\[([\w-]+)(?:="([^"]*)")?\]/g)) {
            if (!element.hasAttribute(name) || (value !== undefined && element.getAttribute(name) !== value)) {
                return false;
            }
        }
        return true;
    });
}

export class FakeElement extends FakeNode {
    constructor(doc, tag) {
        super(doc, ELEMENT, tag.toUpperCase());
        this.attributes = [];
        this.childNodes = [];
        this.listeners = {};
        this.disabled = false;
        const element = this;
        this.dataset = new Proxy({}, {
            get: (_, prop) => (typeof prop === 'string' ? element.getAttribute(kebab(prop)) ?? undefined : undefined),
            set: (_, prop, value) => {
                element.setAttribute(kebab(prop), value);
                return true;
            },
            deleteProperty: (_, prop) => {
                element.removeAttribute(kebab(prop));
                return true;
            },
            has: (_, prop) => element.hasAttribute(kebab(prop)),
            ownKeys: () => element.attributes.filter((a) => a.name.startsWith('data-'))
                .map((a) => a.name.slice(5).replace(/-([a-z])/g, (_, c) => c.toUpperCase())),
            getOwnPropertyDescriptor: (_, prop) => (element.hasAttribute(kebab(prop))
                ? {enumerable: true, configurable: true, value: element.getAttribute(kebab(prop))} : undefined),
        });
    }

    get id() {
        return this.getAttribute('id') ?? '';
    }

    getAttribute(name) {
        return this.attributes.find((a) => a.name === name)?.value ?? null;
    }

    hasAttribute(name) {
        return this.attributes.some((a) => a.name === name);
    }

    setAttribute(name, value) {
        this.ownerDocument.attributeWrites++;
        const found = this.attributes.find((a) => a.name === name);
        if (found) {
            found.value = String(value);
        } else {
            this.attributes.push({name, value: String(value)});
        }
    }

    removeAttribute(name) {
        this.attributes = this.attributes.filter((a) => a.name !== name);
    }

    toggleAttribute(name, on) {
        if (on) {
            this.setAttribute(name, '');
        } else {
            this.removeAttribute(name);
        }
    }

    get children() {
        return this.childNodes.filter((n) => n.nodeType === ELEMENT);
    }

    get textContent() {
        return this.childNodes.map((n) => n.textContent).join('');
    }

    set textContent(text) {
        [...this.childNodes].forEach((n) => n.remove());
        if (text !== '' && text !== null && text !== undefined) {
            this.append(new FakeText(this.ownerDocument, text));
        }
    }

    insertBefore(node, reference) {
        if (node.parentNode) {
            node.remove();
        }
        const at = reference ? this.childNodes.indexOf(reference) : -1;
        if (reference && at < 0) {
            throw new Error('fake DOM: the reference is not a child');
        }
        this.childNodes.splice(at < 0 ? this.childNodes.length : at, 0, node);
        node.parentNode = this;
        this.ownerDocument.inserts++;
        return node;
    }

    append(...nodes) {
        for (const node of nodes) {
            // As the DOM does: anything that is not a node (an array, null, a number) becomes its string as text.
            const isNode = node instanceof FakeNode;
            this.insertBefore(isNode ? node : new FakeText(this.ownerDocument, String(node)), null);
        }
    }

    appendChild(node) {
        return this.insertBefore(node, null);
    }

    replaceChildren(...nodes) {
        [...this.childNodes].forEach((n) => n.remove());
        this.append(...nodes);
    }

    contains(node) {
        for (let n = node; n; n = n.parentNode) {
            if (n === this) {
                return true;
            }
        }
        return false;
    }

    closest(selector) {
        for (let n = this; n && n.nodeType === ELEMENT; n = n.parentNode) {
            if (matches(n, selector)) {
                return n;
            }
        }
        return null;
    }

    querySelectorAll(selector) {
        const found = [];
        const walk = (node) => {
            for (const child of node.children) {
                if (matches(child, selector)) {
                    found.push(child);
                }
                walk(child);
            }
        };
        walk(this);
        return found;
    }

    querySelector(selector) {
        return this.querySelectorAll(selector)[0] ?? null;
    }

    addEventListener(type, listener) {
        (this.listeners[type] ??= []).push(listener);
    }

    focus() {
        this.ownerDocument.activeElement = this;
    }

    /** A click on this element, bubbling up to the document's body. */
    click() {
        const event = {type: 'click', target: this};
        for (let n = this; n; n = n.parentNode) {
            (n.listeners?.click ?? []).forEach((listener) => listener(event));
        }
    }
}

export class FakeDocument {
    constructor() {
        this.inserts = 0;
        this.attributeWrites = 0;
        this.body = new FakeElement(this, 'body');
        this.activeElement = this.body;
    }

    createElement(tag) {
        return new FakeElement(this, tag);
    }

    createTextNode(text) {
        return new FakeText(this, text);
    }

    /** A browser moves the focus to the body when the focused element leaves the document. */
    lostFrom(node) {
        if (node.contains?.(this.activeElement) || node === this.activeElement) {
            this.activeElement = this.body;
        }
    }
}

/** A fresh document, installed as the global `document` (and `Node`) for modules that create elements. */
export function installDocument() {
    const doc = new FakeDocument();
    globalThis.document = doc;
    globalThis.Node = FakeNode;
    return doc;
}
