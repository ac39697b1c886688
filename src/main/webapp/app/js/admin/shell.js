// What every admin page shares: the navigation between the admin pages (the current one marked), the check that
// the caller is an admin (the server decides every call anyway; this only says so plainly), and the page's one polite
// live region, whose messages are set once and never rewritten in place.
import {api, el} from '../api.js';

export const PAGES = Object.freeze([
    {href: './', text: 'Admin home'},
    {href: 'sites.html', text: 'Sites'},
    {href: 'staff.html', text: 'Staff'},
    {href: 'patients.html', text: 'Patients'},
    {href: 'programs.html', text: 'Programs'},
    {href: 'consents.html', text: 'Consent texts'},
    {href: 'enrollments.html', text: 'Enrollments'},
    {href: 'groups.html', text: 'Groups'},
    {href: 'memberships.html', text: 'Memberships'},
    {href: 'sessions.html', text: 'Sessions'},
]);

/** Fills the page's nav, checks the role; resolves to the caller (/api/me), or null when not an admin. */
export async function startAdminPage(current) {
    const nav = document.getElementById('admin-nav');
    nav.replaceChildren(el('ul', {class: 'admin-nav'}, PAGES.map((page) => el('li', {},
        el('a', {href: page.href, text: page.text, 'aria-current': page.href === current ? 'page' : undefined})))));
    try {
        const me = await api.get('me');
        if (!me.roles.includes('admin')) {
            pageProblem('These pages are for admins. Your account has no admin role.');
            return null;
        }
        return me;
    } catch (error) {
        pageProblem(error.message);
        return null;
    }
}

/** A problem with the whole page (not one form): shown at the top, where a reader finds it first. */
export function pageProblem(message) {
    const notice = document.getElementById('page-error');
    notice.textContent = message;
    for (const section of document.querySelectorAll('main > section, main > .card')) {
        section.hidden = true;
    }
}

/** Says something once in the page's live region ("Site saved."). */
export function announce(message) {
    const live = document.getElementById('live');
    // A new node each time: readers announce an insertion; rewriting the same text may be announced twice or never.
    live.replaceChildren(el('span', {text: message}));
}

/** Every record of a small list endpoint (sites, programs, staff, groups), for the choices of a form. */
export async function all(path, params = {}) {
    const search = new URLSearchParams({...params, size: '200'});
    const items = [];
    for (let page = 0; page < 25; page++) {
        search.set('page', String(page));
        const result = await api.get(`${path}?${search}`);
        items.push(...result.items);
        if ((page + 1) * result.size >= result.total) {
            break;
        }
    }
    return items;
}
