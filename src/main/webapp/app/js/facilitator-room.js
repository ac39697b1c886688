// The facilitator's room: the waiting list and the tiles, updated in place keyed by participant (keyed-list.js), so
// that a roomUpdated keeps the focus on Admit and Remove and only who is new is announced; the tile buttons (lower
// hand, ask to mute, remove from the room, remove and bar); the toolbar's toggles, whose words stay fixed while
// aria-pressed says whether they are on.
import {el} from './api.js';
import {roomLabels} from './room-client.js';
import {forgetVideos, tile as participantTile} from './tiles.js';
import {onAction, reconcile} from './keyed-list.js';
import {waitingWords} from './announcer.js';
import {confirmDialog} from './confirm.js';
import {overrideReasonProblem} from './jurisdictions.js';
import {openSafetyPanel} from './safety-panel.js';

const $ = (id) => document.getElementById(id);

/** Toggle buttons keep their words ("Mute", "Camera", "Lock room"); aria-pressed alone says whether they are on. */
export function pressed(button, on) {
    const value = String(Boolean(on));
    if (button.getAttribute('aria-pressed') !== value) {
        button.setAttribute('aria-pressed', value);
    }
}

/**
 * The words of a removal, for the confirmation and the announcement. Removing from the room lets the person come
 * back through the waiting room (`remove` with bar false: REMOVED); barring keeps them out of this session
 * (REMOVED_AND_BARRED).
 */
export function removalWords(name, bar) {
    return bar ? {
        confirm: `Remove ${name} and bar them for this session? ${name} will not be able to come back to it.`,
        yes: 'Remove and bar',
        done: `${name} was removed and barred for this session.`,
    } : {
        done: `${name} was removed from the room and can come back through the waiting room.`,
    };
}

let streamIds = new WeakMap();
let nextStream = 1;

function streamKey(stream) {
    if (!stream) {
        return null;
    }
    if (!streamIds.has(stream)) {
        streamIds.set(stream, nextStream++);
    }
    return streamIds.get(stream);
}

export class RoomView {
    /**
     * @param client the RoomClient
     * @param announcer the page's one live region
     * @param removed patient id -> {at, barred}: whom this page removed, for the live roster
     * @param notice shows (and announces) a message in the room's notice
     */
    constructor({client, announcer, removed, notice}) {
        this.client = client;
        this.announcer = announcer;
        this.removed = removed;
        this.notice = notice;
        this.room = null;
        this.labels = new Map();
        this.localStream = null;
        this.cameraOff = false;
        this.locked = null;
        onAction($('waiting-list'), (action, id, button) => this.#act(action, id, button));
        onAction($('tiles'), (action, id, button) => this.#act(action, id, button));
    }

    /** A new room: forget what the last one showed. */
    reset() {
        this.room = null;
        this.locked = null;
        $('waiting-list').replaceChildren();
        $('tiles').replaceChildren();
        streamIds = new WeakMap();
    }

    render(room) {
        this.room = room;
        // Names come with the room, by participant: the same after a reload or a resume, whoever arrived first.
        this.labels = roomLabels(room, this.client.you);
        const locked = room.status === 'LOCKED';
        if (locked !== this.locked) {
            const words = locked ? 'The room is locked: no new patient can join.' : 'The room is open.';
            $('room-status').textContent = words;
            if (this.locked !== null) {
                this.announcer.say(words);
            }
            this.locked = locked;
        }
        pressed($('lock'), locked);
        pressed($('mute'), room.you.muted);
        pressed($('camera-toggle'), !this.cameraOff);

        $('waiting-empty').hidden = room.waiting.length > 0;
        const waiting = reconcile($('waiting-list'), room.waiting, {
            key: (p) => p.participantId,
            signature: (p) => JSON.stringify([this.labels.get(p.participantId), p.patientId, p.outsideLicensure]),
            render: (p) => this.#waitingRow(p),
            focusFallback: () => $('waiting-title'),
        });
        this.announcer.say(waitingWords(waiting.added.map((id) => this.labels.get(id).name)));

        const everyone = room.participants.some((p) => p.participantId === this.client.you)
            ? room.participants : [room.you, ...room.participants];
        reconcile($('tiles'), everyone, {
            key: (p) => p.participantId,
            signature: (p) => JSON.stringify([p, this.labels.get(p.participantId), streamKey(this.#streamOf(p)),
                p.participantId === this.client.you]),
            render: (p) => this.#tile(p),
        });
        forgetVideos(new Set(everyone.map((p) => p.participantId)));
    }

    #waitingRow(p) {
        const {name, record} = this.labels.get(p.participantId);
        return el('li', {dataset: {participantId: p.participantId, ...(p.patientId ? {patientId: p.patientId} : {})}},
            el('span', {}, el('span', {class: 'name', text: `${name} is waiting`}),
                record ? el('span', {class: 'record hint', text: ` (record: ${record})`}) : null,
                p.outsideLicensure ? el('span', {class: 'badge warning', text: ' outside licensed states'}) : null),
            el('span', {class: 'actions'},
                p.outsideLicensure
                    ? el('button', {type: 'button', 'data-action': 'admitAnyway',
                        'aria-label': `Admit ${name} anyway (outside licensed states)`, text: 'Admit anyway…'})
                    : el('button', {type: 'button', 'data-action': 'admit', 'aria-label': `Admit ${name}`,
                        text: 'Admit'}),
                p.patientId ? el('button', {type: 'button', class: 'secondary', 'data-action': 'safety',
                    'aria-label': `Safety details for ${name}`, text: 'Safety'}) : null,
                el('button', {type: 'button', class: 'secondary', 'data-action': 'decline',
                    'aria-label': `Decline ${name}`, text: 'Decline'})));
    }

    #streamOf(p) {
        const isYou = p.participantId === this.client.you;
        if (isYou) {
            return this.cameraOff ? null : this.localStream;
        }
        return this.client.remoteStreams.get(p.participantId) ?? null;
    }

    #tile(p) {
        const isYou = p.participantId === this.client.you;
        const {name, tile: tileName, record} = this.labels.get(p.participantId);
        const actions = [];
        const button = (action, text, label, kind = 'secondary') => el('button', {type: 'button', class: kind,
            'data-action': action, 'aria-label': label, text});
        if (!isYou && p.role === 'PATIENT') {
            if (p.handRaised) {
                actions.push(button('lowerHand', 'Lower hand', `Lower ${name}'s hand`));
            }
            if (!p.muted) {
                actions.push(button('askToMute', 'Ask to mute', `Ask ${name} to mute`));
            }
            if (p.patientId) {
                actions.push(button('safety', 'Safety', `Safety details for ${name}`));
            }
            actions.push(button('remove', 'Remove from room', `Remove ${name} from the room`));
            actions.push(button('bar', 'Remove and bar', `Remove ${name} and bar them for this session`, 'danger'));
        }
        return participantTile(p, {name: tileName, isYou, stream: this.#streamOf(p), actions, record});
    }

    async #act(action, participantId, button) {
        const p = [...(this.room?.waiting ?? []), ...(this.room?.participants ?? [])]
            .find((x) => x.participantId === participantId);
        const name = this.labels.get(participantId)?.name ?? 'This patient';
        switch (action) {
            case 'admit':
            case 'decline':
            case 'lowerHand':
            case 'askToMute':
                await this.command({type: action, participantId});
                return;
            case 'admitAnyway': {
                const reason = await admitAnywayDialog(name);
                if (reason && await this.command({type: 'admit', participantId, overrideReason: reason})) {
                    this.notice(`${name} was admitted; your reason is on the attendance record.`);
                }
                return;
            }
            case 'safety':
                if (p?.patientId && this.client.sessionId) {
                    await openSafetyPanel(this.client.sessionId, p.patientId, button);
                }
                return;
            case 'remove':
            case 'bar': {
                const bar = action === 'bar';
                const words = removalWords(name, bar);
                if (bar && !await confirmDialog(words.confirm, words.yes)) {
                    return;
                }
                if (await this.command({type: 'remove', participantId, bar})) {
                    if (p?.patientId) {
                        this.removed.set(p.patientId, {at: new Date().toISOString(), barred: bar});
                    }
                    this.notice(words.done);
                }
                return;
            }
            default:
                console.warn('mend facilitator: no such action', action);
        }
    }

    /** Sends a room command; true when the server took it, else says why not in the room's notice. */
    async command(message) {
        try {
            await this.client.request(message);
            return true;
        } catch (error) {
            console.warn('mend facilitator: refused', message.type, error.code);
            this.notice(error.code === 'ROOM_FULL' ? 'All 12 patient seats are taken.'
                : error.code === 'LICENSURE_OVERRIDE_REQUIRED'
                    ? 'This patient is outside your licensed states: use "Admit anyway" and give a reason.'
                    : `That did not work (${error.message}).`);
            return false;
        }
    }
}

/**
 * Asks why a patient outside licensure is admitted anyway (`admit-anyway` in facilitator.html): resolves with the
 * checked reason, or null for Cancel or Escape. Focus goes into the reason and, on close, back where it was.
 */
function admitAnywayDialog(name) {
    const dialog = $('admit-anyway');
    const reason = $('admit-anyway-reason');
    const error = $('admit-anyway-error');
    const back = document.activeElement;
    $('admit-anyway-text').textContent = `${name} said they are outside every licensed state of this session's`
        + ' facilitators. Admitting them is recorded with your reason, your name and the time.';
    reason.value = '';
    error.textContent = '';
    reason.setAttribute('aria-invalid', 'false');
    dialog.returnValue = '';
    dialog.showModal();
    reason.focus();
    return new Promise((resolve) => {
        const submit = (event) => {
            const problem = overrideReasonProblem(reason.value);
            if (event.submitter?.value === 'admit' && problem) {
                event.preventDefault();
                error.textContent = problem;
                reason.setAttribute('aria-invalid', 'true');
                reason.focus();
            }
        };
        $('admit-anyway-form').addEventListener('submit', submit);
        dialog.addEventListener('close', () => {
            $('admit-anyway-form').removeEventListener('submit', submit);
            back?.focus?.();
            resolve(dialog.returnValue === 'admit' ? reason.value.trim() : null);
        }, {once: true});
    });
}
