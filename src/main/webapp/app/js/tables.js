// Tables that read on a phone: below 48rem each row becomes a card and each cell says which column it is (mend.css,
// `table.stack`). The column names come from the table's own header, so a page only marks its table once.

/** The label of each cell of a row: the header's words for its column ('' for none). */
export function cellLabels(headerTexts, cellCount) {
    return Array.from({length: cellCount}, (_, i) => (headerTexts[i] || '').trim());
}

/** Marks the table to stack on narrow screens and keeps every cell, present and future, labelled. */
export function stackOnNarrowScreens(table) {
    const headers = [...table.tHead.rows[0].cells].map(th => th.textContent);
    const body = table.tBodies[0];
    const label = () => {
        for (const row of body.rows) {
            cellLabels(headers, row.cells.length).forEach((text, i) => {
                if (row.cells[i].dataset.label !== text) {
                    row.cells[i].dataset.label = text;
                }
            });
        }
    };
    table.classList.add('stack');
    // Rows are added, and patched in place as the room changes (keyed-list.js), which drops a cell's data-label:
    // label them as they come. Only data-label is watched, and set only when it differs, so labelling settles.
    new MutationObserver(label).observe(body, {childList: true, subtree: true, attributes: true,
        attributeFilter: ['data-label']});
    label();
}
