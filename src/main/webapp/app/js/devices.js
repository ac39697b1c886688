// The local camera and microphone: opening them, listing them, and a microphone level for the device check.
// No DOM and no peer connections; the pages show what these return.

/** Opens the chosen devices; `video: false` asks for the microphone alone. */
export async function openLocalMedia({microphoneId, cameraId, video = true} = {}) {
    if (!navigator.mediaDevices?.getUserMedia) {
        const error = new Error('insecure');
        error.name = 'SecurityError';
        throw error;
    }
    return navigator.mediaDevices.getUserMedia({
        audio: microphoneId ? {deviceId: {exact: microphoneId}} : true,
        video: video ? (cameraId ? {deviceId: {exact: cameraId}} : {width: {ideal: 640}, height: {ideal: 360}})
            : false,
    });
}

/** Cameras and microphones; labels are only known after permission was given. */
export async function listDevices() {
    const devices = await navigator.mediaDevices.enumerateDevices();
    return {
        cameras: devices.filter((d) => d.kind === 'videoinput'),
        microphones: devices.filter((d) => d.kind === 'audioinput'),
    };
}

/** What went wrong, in words a worried patient can act on. */
export function explainMediaError(error) {
    switch (error?.name) {
        case 'NotAllowedError':
        case 'PermissionDeniedError':
            return {kind: 'denied', message: 'Your browser is not allowing Mend to use your camera or microphone. '
                    + 'Open the site settings (the lock or camera icon next to the address), choose Allow, then try again.'};
        case 'NotFoundError':
        case 'DevicesNotFoundError':
        case 'OverconstrainedError':
            return {kind: 'missing', message: 'No camera or microphone was found. You can still join the group; '
                    + 'connect a headset or camera and try again if you want others to hear or see you.'};
        case 'NotReadableError':
        case 'TrackStartError':
            return {kind: 'busy', message: 'Your camera or microphone is being used by another app. '
                    + 'Close the other app, then try again.'};
        case 'SecurityError':
            return {kind: 'insecure', message: 'This page cannot use your camera here. Please open Mend from its '
                    + 'secure (https) address.'};
        default:
            return {kind: 'other', message: 'Your camera or microphone could not be started. You can still join.'};
    }
}

/** A microphone level between 0 and 1, read when the page wants to draw it. */
export function levelMeter(stream) {
    const track = stream.getAudioTracks()[0];
    if (!track || typeof AudioContext === 'undefined') {
        return {read: () => 0, stop: () => {}};
    }
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    return {
        read() {
            analyser.getByteTimeDomainData(samples);
            let sum = 0;
            for (const sample of samples) {
                const centred = (sample - 128) / 128;
                sum += centred * centred;
            }
            // RMS of speech sits around 0.05-0.3; scale so that talking fills most of the meter.
            return Math.min(1, Math.sqrt(sum / samples.length) * 4);
        },
        stop: () => context.close(),
    };
}
