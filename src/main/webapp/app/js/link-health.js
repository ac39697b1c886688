// Whether the patient's link is unstable, from what the page can see: how long signaling has been silent (with
// Signaling's `probeWhenQuietMs`, silence means an unanswered ping) and, from getStats, whether the peer connections
// are connected and still receiving. No DOM: the page samples, this decides, the page shows and announces changes.

// A ping is sent after 5 s of quiet; 3 s more without its `ok` is not a slow server any more.
export const SIGNALING_SILENCE_MS = 8000;
// Everyone else's audio (silence frames too) keeps bytes coming while the link works; a few seconds of none is a
// stall, as a frozen picture would show it.
export const MEDIA_STALL_MS = 6000;

const connectionIds = new WeakMap();
let nextConnectionId = 1;

/**
 * One sample of the page's peer connections (`media.connections()`): for each, its state, the bytes it received so
 * far and the loudest audio it receives now (0–1), from `pc.getStats()`. `id` tells a connection made again under
 * the same key from the one before (its bytes start at 0 again).
 */
export async function sampleConnections(connections) {
    return Promise.all(connections.map(async ({key, pc}) => {
        if (!connectionIds.has(pc)) {
            connectionIds.set(pc, nextConnectionId++);
        }
        let bytesReceived = 0;
        let audioLevel = 0;
        try {
            const report = await pc.getStats();
            report.forEach((stat) => {
                if (stat.type === 'inbound-rtp') {
                    bytesReceived += stat.bytesReceived ?? 0;
                    if (stat.kind === 'audio' && typeof stat.audioLevel === 'number') {
                        audioLevel = Math.max(audioLevel, stat.audioLevel);
                    }
                }
            });
        } catch (closed) {
            // closed between listing and asking: it has nothing to say, and the next sample will not list it
        }
        return {id: connectionIds.get(pc), key, state: pc.connectionState, bytesReceived, audioLevel};
    }));
}

/**
 * `update({at, signalingOpen, signalingSilentMs, media})` with `media` as sampleConnections gives it; returns
 * `{unstable, reasons, changed}` where `reasons` lists `signaling`, `ice` (a connection that was connected is
 * disconnected or failed) and `media` (connected, but nothing received for MEDIA_STALL_MS) and `changed` says whether
 * `unstable` differs from the last update (announce only then). While signaling is not open the page is already
 * saying "Reconnecting", so nothing is unstable then.
 */
export class LinkHealth {
    #silenceMs;
    #stallMs;
    #unstable = false;
    #established = new Set(); // connection ids that were connected once
    #bytes = new Map(); // connection id -> bytes at the last update
    #lastGrowth = null; // when any receiving connection last received more

    constructor({signalingSilenceMs = SIGNALING_SILENCE_MS, mediaStallMs = MEDIA_STALL_MS} = {}) {
        this.#silenceMs = signalingSilenceMs;
        this.#stallMs = mediaStallMs;
    }

    get unstable() {
        return this.#unstable;
    }

    update({at, signalingOpen = true, signalingSilentMs = 0, media = []}) {
        const reasons = [];
        if (signalingOpen) {
            if (signalingSilentMs >= this.#silenceMs) {
                reasons.push('signaling');
            }
            if (this.#mediaDisconnected(media)) {
                reasons.push('ice');
            }
            if (this.#mediaStalled(media, at)) {
                reasons.push('media');
            }
        } else {
            this.#lastGrowth = null;
        }
        const unstable = reasons.length > 0;
        const changed = unstable !== this.#unstable;
        this.#unstable = unstable;
        return {unstable, reasons, changed};
    }

    /** Forgets everything (a new room, or media made again from scratch). */
    reset() {
        this.#unstable = false;
        this.#established.clear();
        this.#bytes.clear();
        this.#lastGrowth = null;
    }

    #mediaDisconnected(media) {
        let down = false;
        for (const {id, state} of media) {
            if (state === 'connected') {
                this.#established.add(id);
            } else if ((state === 'disconnected' || state === 'failed') && this.#established.has(id)) {
                down = true;
            }
        }
        return down;
    }

    #mediaStalled(media, at) {
        const receiving = media.filter((c) => c.key !== 'publisher' && c.state === 'connected'
            && this.#established.has(c.id));
        const seen = new Map(receiving.map((c) => [c.id, c.bytesReceived]));
        let grew = false;
        for (const [id, bytes] of seen) {
            const before = this.#bytes.get(id);
            if (before === undefined || bytes > before) {
                grew = true; // a new connection counts as news: it has not had the time to stall
            }
        }
        this.#bytes = seen;
        if (receiving.length === 0) {
            this.#lastGrowth = null;
            return false;
        }
        if (grew || this.#lastGrowth === null) {
            this.#lastGrowth = at;
            return false;
        }
        return at - this.#lastGrowth >= this.#stallMs;
    }
}
