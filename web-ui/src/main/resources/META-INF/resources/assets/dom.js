// Builds DOM nodes from data without ever parsing it as HTML: strings become text nodes and
// attributes are set one by one, so text from the services (company names, titles) is inert.

/**
 * h('a', {href: '/jobs', class: 'x', onclick: fn}, 'text', childNode, [more, children])
 * Attribute values of null/undefined/false are skipped; true sets an empty attribute.
 */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes ?? {})) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name.startsWith('on') && typeof value === 'function') {
            element.addEventListener(name.slice(2), value);
        } else {
            element.setAttribute(name, value === true ? '' : String(value));
        }
    }
    append(element, children);
    return element;
}

function append(parent, children) {
    for (const child of children) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        if (Array.isArray(child)) {
            append(parent, child);
        } else if (child instanceof Node) {
            parent.append(child);
        } else {
            parent.append(document.createTextNode(String(child)));
        }
    }
}

/** Replaces everything inside an element. */
export function replaceChildren(element, ...children) {
    element.replaceChildren();
    append(element, children);
}
