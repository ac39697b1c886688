// The page's one polite live region: what is new is said there once (a screen reader reads a live region on every
// change, so a list that is itself live, or a message set again on every render, is read again and again). The
// visible notices of the page are plain text; the page passes each new message here too, once.

/** "Ana is waiting.", "Ana and Ben are waiting.", "Ana, Ben and Cleo are waiting." (empty for nobody). */
export function waitingWords(names) {
    if (!names.length) {
        return '';
    }
    const list = names.length === 1 ? names[0]
        : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    return `${list} ${names.length === 1 ? 'is' : 'are'} waiting.`;
}

/** One live region (role=status, aria-live=polite): `say` sets a message once. */
export class Announcer {
    #region;

    constructor(region) {
        this.#region = region;
    }

    /** Says `text` (nothing for an empty one). The same words said again are a change too, so they are read again. */
    say(text) {
        if (!text) {
            return;
        }
        const current = this.#region.textContent;
        this.#region.textContent = current === text ? `${text}\u00a0` : text;
    }
}
