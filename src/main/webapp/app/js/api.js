// The REST API as the signed-in page sees it: the page session (HTTP-only cookie) authenticates every call, so no
// token is ever handled by page code. Also the formatting every page shares (the browser's language and zone).

/**
 * A refused API call; `code` is the server's stable problem code when it sent one, `errors` the fields it named
 * ({field, message}).
 */
export class ApiError extends Error {
    constructor(status, code, detail, errors = []) {
        super(detail || `HTTP ${status}`);
        this.status = status;
        this.code = code;
        this.errors = errors;
    }
}

async function call(method, path, body) {
    const init = {
        method,
        credentials: 'same-origin',
        // A page session that expired is answered with a redirect to Keycloak, which a script cannot follow
        // usefully: treat it as "sign in again" instead of fetching the login page.
        redirect: 'manual',
        headers: {Accept: 'application/json'},
    };
    if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    let response;
    try {
        // Resolved from this module, not the page, so pages one folder down (/app/admin/) reach /api too.
        response = await fetch(new URL(`../../api/${path}`, import.meta.url), init);
    } catch (networkFailure) {
        throw new ApiError(0, 'NETWORK', 'The server could not be reached.');
    }
    if (response.type === 'opaqueredirect' || response.status === 401) {
        throw new ApiError(401, 'SIGNED_OUT', 'Your sign-in has expired. Please reload the page to sign in again.');
    }
    if (!response.ok) {
        let problem = {};
        try {
            problem = await response.json();
        } catch (notJson) {
            // a proxy's HTML error page: the status says enough
        }
        throw new ApiError(response.status, problem.code, problem.detail || problem.title,
            Array.isArray(problem.errors) ? problem.errors : []);
    }
    if (response.status === 204) {
        return null;
    }
    return response.json();
}

export const api = {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
    put: (path, body) => call('PUT', path, body ?? {}),
};

/** A query string from the non-empty members of an object. */
export function query(params) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
        if (value !== undefined && value !== null && value !== '') {
            search.set(key, value);
        }
    }
    const text = search.toString();
    return text ? `?${text}` : '';
}

// Dates and times in the browser's language and zone: the people reading them are wherever they are.
const timeFormat = new Intl.DateTimeFormat(undefined, {hour: 'numeric', minute: '2-digit'});
const dayFormat = new Intl.DateTimeFormat(undefined, {weekday: 'long', month: 'long', day: 'numeric'});
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});
const dateFormat = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeZone: 'UTC'});

export const format = {
    time: (instant) => (instant ? timeFormat.format(new Date(instant)) : '—'),
    day: (instant) => dayFormat.format(new Date(instant)),
    dateTime: (instant) => (instant ? dateTimeFormat.format(new Date(instant)) : '—'),
    /** A calendar date (yyyy-mm-dd) as the browser writes dates; no zone shift, it is a date, not an instant. */
    date: (localDate) => (localDate ? dateFormat.format(new Date(`${localDate}T00:00:00Z`)) : '—'),
    minutes: (n) => new Intl.NumberFormat(undefined, {style: 'unit', unit: 'minute', unitDisplay: 'short'})
        .format(n ?? 0),
    percent: (share) => new Intl.NumberFormat(undefined, {style: 'percent', maximumFractionDigits: 0})
        .format(share),
};

/** Today and its neighbours as yyyy-mm-dd in the browser's zone (sessions are listed by their local date). */
export function isoDate(date) {
    const pad = (n) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addDays(date, days) {
    const copy = new Date(date);
    copy.setDate(copy.getDate() + days);
    return copy;
}

/**
 * Today's sessions of the groups the caller may see: those overlapping the browser's today, and any still live.
 * The API lists by the group's local date, so one day either side is asked for and the overlap decides.
 */
export async function todaysSessions() {
    const now = new Date();
    const page = await api.get(`sessions${query({from: isoDate(addDays(now, -1)), to: isoDate(addDays(now, 1)),
        size: 200})}`);
    const dayStart = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    const dayEnd = addDays(dayStart, 1);
    return page.items
        .filter((s) => s.status === 'LIVE'
            || (new Date(s.startsAt) < dayEnd && new Date(s.endsAt) > dayStart))
        .sort((a, b) => new Date(a.startsAt) - new Date(b.startsAt));
}

/** Group names by id, fetched once each (a patient may read their own groups, staff theirs). */
const groupNames = new Map();

export async function groupName(groupId) {
    if (!groupNames.has(groupId)) {
        groupNames.set(groupId, api.get(`groups/${encodeURIComponent(groupId)}`)
            .then((group) => group.name)
            .catch(() => 'Your group'));
    }
    return groupNames.get(groupId);
}

/** Creates an element with attributes and children; text is always set as text, never parsed as HTML. */
export function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (key === 'text') {
            element.textContent = value;
        } else if (key.startsWith('on') && typeof value === 'function') {
            element.addEventListener(key.slice(2), value);
        } else if (key === 'dataset') {
            Object.assign(element.dataset, value);
        } else {
            element.setAttribute(key, value === true ? '' : value);
        }
    }
    for (const child of children.flat()) {
        if (child !== null && child !== undefined && child !== false) {
            element.append(child instanceof Node ? child : document.createTextNode(String(child)));
        }
    }
    return element;
}

/** Shows exactly one of a page's top-level sections and moves focus to its heading, for keyboard and reader users. */
export function showSection(sections, name) {
    for (const [key, section] of Object.entries(sections)) {
        section.hidden = key !== name;
    }
    const heading = sections[name].querySelector('h2, h1');
    if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus({preventScroll: false});
    }
}
