// Peer connections and nothing else: one sending connection (the publisher) and one receiving connection per
// publishing participant (subscribers), offers sent through the signaling `request` function, ICE trickled both
// ways. The page decides when to publish and whom to subscribe to; no DOM here.

// Low bandwidth: a small, slow video is still a face; below this a rural link starts dropping audio.
const LOW_BANDWIDTH_VIDEO_BPS = 150000;

const PUBLISHER = Object.freeze({kind: 'publisher'});
const keyOf = (endpoint) => (endpoint.kind === 'publisher' ? 'publisher' : `subscriber:${endpoint.publisherId}`);

/**
 * `request(message)` sends a signaling request and resolves with its reply; `onRemoteStream(publisherId, stream)`
 * and `onRemoteGone(publisherId)` report what is received; `onUnavailable(error)` says the media server refused
 * (MEDIA_UNAVAILABLE): the room works on without audio and video.
 */
export class MediaSession {
    #request;
    #callbacks;
    #iceServers = [];
    #endpoints = new Map();
    #unavailable = false;
    #lowBandwidth = false;

    constructor(request, {onRemoteStream, onRemoteGone, onUnavailable}) {
        this.#request = request;
        this.#callbacks = {onRemoteStream, onRemoteGone, onUnavailable};
    }

    get unavailable() {
        return this.#unavailable;
    }

    /** STUN/TURN servers, when the server sends them (TURN matters behind rural carriers' NAT). */
    configure({iceServers}) {
        if (Array.isArray(iceServers)) {
            this.#iceServers = iceServers.filter((s) => s && (typeof s.urls === 'string' || Array.isArray(s.urls)));
        }
    }

    /** Sends the local stream; with `audioOnly` its video track stays home. Replaces an earlier publisher. */
    async publish(stream, {audioOnly = false} = {}) {
        this.#close('publisher');
        const pc = this.#connection(PUBLISHER);
        for (const track of stream.getTracks()) {
            if (track.kind === 'audio' || !audioOnly) {
                pc.addTransceiver(track, {direction: 'sendonly', streams: [stream]});
            }
        }
        await this.#negotiate(PUBLISHER, pc, {type: 'publish', audioOnly});
        if (this.#lowBandwidth) {
            await this.#limitVideo(pc, true);
        }
    }

    /** Receives one publishing participant; audio only on a low-bandwidth link. */
    async subscribe(publisherId) {
        const endpoint = {kind: 'subscriber', publisherId};
        this.#close(keyOf(endpoint));
        const pc = this.#connection(endpoint);
        pc.addTransceiver('audio', {direction: 'recvonly'});
        if (!this.#lowBandwidth) {
            pc.addTransceiver('video', {direction: 'recvonly'});
        }
        pc.ontrack = (event) => this.#callbacks.onRemoteStream(publisherId,
            event.streams[0] ?? new MediaStream([event.track]));
        await this.#negotiate(endpoint, pc, {type: 'subscribe', publisherId});
    }

    unsubscribe(publisherId) {
        if (this.#close(keyOf({kind: 'subscriber', publisherId}))) {
            this.#callbacks.onRemoteGone(publisherId);
        }
    }

    /** Publishing ids currently received. */
    subscriptions() {
        return [...this.#endpoints.keys()].filter((k) => k.startsWith('subscriber:')).map((k) => k.slice(11));
    }

    /** A candidate the media server gathered; kept until the answer is applied. */
    async addRemoteCandidate({endpoint, candidate, sdpMid, sdpMLineIndex}) {
        const state = endpoint && this.#endpoints.get(keyOf(endpoint));
        if (!state) {
            return; // an endpoint already closed (renegotiated or left)
        }
        const init = {candidate, sdpMid: sdpMid ?? null, sdpMLineIndex};
        if (!state.answered) {
            state.remoteCandidates.push(init);
            return;
        }
        try {
            await state.pc.addIceCandidate(init);
        } catch (error) {
            console.warn('mend media: a remote candidate was refused', error.name);
        }
    }

    /** Audio only: publish again without video (a new offer; Kurento endpoints do not renegotiate). */
    async setAudioOnly(stream, enabled) {
        if (!this.#unavailable && this.#endpoints.has('publisher')) {
            await this.publish(stream, {audioOnly: enabled});
        }
    }

    /** Low bandwidth: cap the video sent, and receive everyone's audio only (subscriptions are made again). */
    async setLowBandwidth(enabled) {
        this.#lowBandwidth = enabled;
        if (this.#unavailable) {
            return;
        }
        const publisher = this.#endpoints.get('publisher');
        if (publisher) {
            await this.#limitVideo(publisher.pc, enabled);
        }
        for (const publisherId of this.subscriptions()) {
            await this.subscribe(publisherId);
        }
    }

    /** A new camera or microphone: swapped into the running publisher without a new offer. */
    async replaceTrack(track) {
        const publisher = this.#endpoints.get('publisher');
        const sender = publisher?.pc.getSenders().find((s) => s.track?.kind === track.kind);
        if (sender) {
            await sender.replaceTrack(track);
        }
    }

    closeAll() {
        for (const key of [...this.#endpoints.keys()]) {
            this.#close(key);
        }
    }

    #connection(endpoint) {
        const pc = new RTCPeerConnection({iceServers: this.#iceServers});
        const state = {pc, endpoint, answered: false, localCandidates: [], remoteCandidates: []};
        this.#endpoints.set(keyOf(endpoint), state);
        pc.onicecandidate = (event) => {
            // A null candidate ends gathering: the protocol says so with an empty candidate line.
            const c = event.candidate;
            const message = {type: 'iceCandidate', endpoint, candidate: c ? c.candidate : '',
                sdpMid: c?.sdpMid ?? undefined, sdpMLineIndex: c?.sdpMLineIndex ?? 0};
            if (state.answered) {
                this.#sendCandidate(message);
            } else {
                // Held until the answer: if the media server refuses the offer, nothing more is sent for it.
                state.localCandidates.push(message);
            }
        };
        return pc;
    }

    async #negotiate(endpoint, pc, request) {
        const state = this.#endpoints.get(keyOf(endpoint));
        try {
            const offer = await pc.createOffer();
            await pc.setLocalDescription(offer);
            const answer = await this.#request({...request, sdpOffer: offer.sdp});
            if (this.#endpoints.get(keyOf(endpoint)) !== state) {
                return; // replaced while waiting
            }
            await pc.setRemoteDescription({type: 'answer', sdp: answer.sdp});
            state.answered = true;
            for (const candidate of state.remoteCandidates.splice(0)) {
                await pc.addIceCandidate(candidate).catch((e) => console.warn('mend media: candidate', e.name));
            }
            for (const message of state.localCandidates.splice(0)) {
                this.#sendCandidate(message);
            }
        } catch (error) {
            if (this.#endpoints.get(keyOf(endpoint)) === state) {
                this.#close(keyOf(endpoint));
            }
            if (error.code === 'MEDIA_UNAVAILABLE') {
                this.#unavailable = true;
                this.closeAll();
                this.#callbacks.onUnavailable(error);
            }
            throw error;
        }
    }

    #sendCandidate(message) {
        this.#request(message).catch((error) => {
            if (!this.#unavailable) {
                console.warn('mend media: a candidate was refused', error.code);
            }
        });
    }

    async #limitVideo(pc, limited) {
        for (const sender of pc.getSenders()) {
            if (sender.track?.kind !== 'video') {
                continue;
            }
            const parameters = sender.getParameters();
            if (!parameters.encodings?.length) {
                parameters.encodings = [{}];
            }
            parameters.encodings[0].maxBitrate = limited ? LOW_BANDWIDTH_VIDEO_BPS : undefined;
            parameters.encodings[0].scaleResolutionDownBy = limited ? 2 : 1;
            await sender.setParameters(parameters).catch((e) => console.warn('mend media: bitrate', e.name));
        }
    }

    #close(key) {
        const state = this.#endpoints.get(key);
        if (!state) {
            return false;
        }
        this.#endpoints.delete(key);
        state.pc.onicecandidate = null;
        state.pc.ontrack = null;
        state.pc.close();
        return true;
    }
}
