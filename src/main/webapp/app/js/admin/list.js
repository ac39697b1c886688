// A list of an admin page: a filter form, a table (cards on a phone, tables.js) and a pager over the API's pages.
// The page says how to load a page and how to draw a row; the list keeps the filter and the page number.
import {el} from '../api.js';
import {stackOnNarrowScreens} from '../tables.js';
import {movedPage, pageInfo, pageWords} from './pager.js';

/**
 * @param table    the <table> (its <thead> names the columns)
 * @param filter   the filter <form>, or null; its submit shows the first page
 * @param load     async (filterForm, page, size) => the API's page
 * @param row      item => a <tr>
 * @param noun     what the rows are, for "Showing 1–20 of 57 sites."
 */
export function createList({table, filter = null, load, row, noun, size = 20}) {
    stackOnNarrowScreens(table);
    const status = el('p', {class: 'hint list-status'});
    const previous = el('button', {type: 'button', class: 'secondary', text: 'Previous page', disabled: true});
    const next = el('button', {type: 'button', class: 'secondary', text: 'Next page', disabled: true});
    const wrap = table.closest('.table-wrap') ?? table;
    wrap.before(status);
    wrap.after(el('div', {class: 'actions pager'}, previous, next));
    let info = pageInfo({page: 0, size, total: 0});
    let items = [];

    async function show(page) {
        status.textContent = 'Loading…';
        try {
            const result = await load(filter, page, size);
            items = result.items;
            info = pageInfo(result);
            table.tBodies[0].replaceChildren(...result.items.map(row));
            status.textContent = pageWords(info, noun);
        } catch (error) {
            status.textContent = `The ${noun} could not be loaded (${error.message}).`;
        }
        previous.disabled = !info.hasPrevious;
        next.disabled = !info.hasNext;
    }

    previous.addEventListener('click', () => show(movedPage(info, -1)));
    next.addEventListener('click', () => show(movedPage(info, 1)));
    filter?.addEventListener('submit', (event) => {
        event.preventDefault();
        show(0);
    });
    return {
        /** The first page with the filter as it is now. */
        reload: () => show(0),
        /** The page shown, again (after a change to one of its rows). */
        refresh: () => show(info.page),
        items: () => items,
    };
}

/** A table cell; `content` is text or nodes. */
export function cell(...content) {
    return el('td', {}, ...content);
}

/** A small action button for a row, named with its record so that a screen reader's list of buttons says which. */
export function rowButton(text, record, onclick, {danger = false} = {}) {
    return el('button', {type: 'button', class: danger ? 'danger small' : 'secondary small', text,
        'aria-label': `${text}: ${record}`, onclick});
}
