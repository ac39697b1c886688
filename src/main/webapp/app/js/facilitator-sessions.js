// The facilitator's sessions of today: each with its state by the clock (session-states.js) and the one thing to do
// with it (open the room, sign the attendance, sign off as not held, see the signed sheet). Read again every minute
// while shown, and updated in place keyed by session, so that the focus stays on a button across refreshes.
import {api, el, format, groupName, todaysSessions} from './api.js';
import {onAction, reconcile} from './keyed-list.js';
import {ACTION_WORDS, REFRESH_MS, sessionState} from './session-states.js';

const $ = (id) => document.getElementById(id);

// The sign-off states of at most this many sessions are asked for in one request (a day has a handful).
const SIGN_OFF_BATCH = 50;

export class SessionList {
    /**
     * @param actions {open(session, name), signOff(session, name), notHeld(session, name)}: what each button does
     *                ("attendance", a signed sheet, opens the sign-off view too)
     */
    constructor(actions) {
        this.actions = actions;
        this.sessions = new Map();
        this.signed = new Set();
        this.timer = null;
        this.loaded = false;
        onAction($('session-list'), (action, id) => {
            const entry = this.sessions.get(id);
            if (!entry) {
                return;
            }
            const run = action === 'attendance' ? actions.signOff : actions[action];
            run?.(entry.session, entry.name);
        });
    }

    /** Shows the list now and keeps it current every minute until {@link stop}. */
    async start() {
        this.stop();
        await this.load();
        this.timer = setInterval(() => this.load(), REFRESH_MS);
    }

    stop() {
        clearInterval(this.timer);
        this.timer = null;
    }

    async load() {
        let sessions;
        try {
            sessions = await todaysSessions();
            this.signed = await this.#signedOf(sessions);
        } catch (error) {
            $('page-error').textContent = error.message;
            return;
        }
        const entries = [];
        for (const session of sessions) {
            entries.push({session, name: session.groupName ?? await groupName(session.groupId)});
        }
        this.sessions = new Map(entries.map((e) => [e.session.id, e]));
        this.render(new Date());
        if (!this.loaded || !sessions.length) {
            $('sessions-status').textContent = sessions.length ? '' : 'No sessions today.';
        }
        this.loaded = true;
    }

    /** The ids of the sessions among these whose attendance is signed (or signed off as not held). */
    async #signedOf(sessions) {
        const ids = sessions.filter((s) => s.status === 'ENDED' || s.status === 'NOT_HELD').map((s) => s.id);
        const signed = new Set();
        for (let i = 0; i < ids.length; i += SIGN_OFF_BATCH) {
            const query = ids.slice(i, i + SIGN_OFF_BATCH).map((id) => `sessionId=${encodeURIComponent(id)}`)
                .join('&');
            try {
                for (const signOff of await api.get(`attendance/sign-offs?${query}`)) {
                    signed.add(signOff.sessionId);
                }
            } catch (error) {
                // The list still serves without it: an ended session then asks to be signed, and its sheet says.
                console.warn('mend facilitator: sign-off states', error.code);
            }
        }
        return signed;
    }

    render(now) {
        reconcile($('session-list'), [...this.sessions.values()], {
            key: (e) => e.session.id,
            signature: (e) => JSON.stringify([e.name, e.session, this.signed.has(e.session.id),
                sessionState(e.session, now, {signed: this.signed.has(e.session.id)}).state]),
            render: (e) => this.#row(e, now),
        });
    }

    #row({session, name}, now) {
        const {state, words, action} = sessionState(session, now, {signed: this.signed.has(session.id)});
        return el('li', {dataset: {sessionId: session.id, state}},
            el('span', {}, el('strong', {text: name}),
                ` ${format.time(session.startsAt)}–${format.time(session.endsAt)} `,
                el('span', {class: 'badge', text: words})),
            action ? el('button', {type: 'button', 'data-action': action, class: action === 'open' ? null
                : 'secondary', 'aria-label': `${ACTION_WORDS[action]}: ${name}`, text: ACTION_WORDS[action]})
                : null);
    }
}
