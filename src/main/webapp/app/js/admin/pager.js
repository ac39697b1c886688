// The API's pages ({items, page, size, total}) in words and moves, without the DOM.

/** Where a page stands: the first and last item shown (1-based), whether there is a page before and after. */
export function pageInfo({page = 0, size = 25, total = 0, items = []} = {}) {
    const from = total === 0 || items.length === 0 ? 0 : page * size + 1;
    const to = from === 0 ? 0 : from + items.length - 1;
    return {
        page,
        from,
        to,
        total,
        hasPrevious: page > 0,
        hasNext: (page + 1) * size < total,
        lastPage: Math.max(0, Math.ceil(total / size) - 1),
    };
}

/** "21–40 of 57", "None yet", or a page past the end (a record removed while paging). */
export function pageWords(info, noun = 'items') {
    if (info.total === 0) {
        return `No ${noun} yet.`;
    }
    if (info.from === 0) {
        return `Nothing on this page; ${info.total} ${noun} in all.`;
    }
    return `Showing ${info.from}–${info.to} of ${info.total} ${noun}.`;
}

/** The page to show after a move, kept within the pages there are. */
export function movedPage(info, step) {
    return Math.min(Math.max(0, info.page + step), info.lastPage);
}
