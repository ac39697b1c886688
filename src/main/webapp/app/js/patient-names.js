// The record names of a session's patients for the staff pages' sheets, fetched once each (the sheet names patients
// by id only).
import {api} from './api.js';

export class PatientNames {
    #names = new Map();

    /** The patient's display name; "A patient" when it cannot be read. */
    of(patientId) {
        if (!this.#names.has(patientId)) {
            this.#names.set(patientId, api.get(`patients/${encodeURIComponent(patientId)}`)
                .then((p) => p.displayName).catch(() => 'A patient'));
        }
        return this.#names.get(patientId);
    }

    /** Every line's name, by patient id. */
    async all(lines) {
        const names = await Promise.all(lines.map((line) => this.of(line.patientId)));
        return new Map(lines.map((line, i) => [line.patientId, names[i]]));
    }
}
