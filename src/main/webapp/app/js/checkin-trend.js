// A patient's check-in trend as inline SVG (mood solid, craving dashed, flagged answers marked), for the facilitator's
// room and the supervisor's dashboard: choose a patient, and their check-ins over their sessions are read (one
// request, one row of the access log) and drawn. The geometry and the words for screen readers are checkin.js's.
import {api, el, format} from './api.js';
import {trendGeometry, trendText} from './checkin.js';

const SVG = 'http://www.w3.org/2000/svg';

/** Draws `points` (the trend's, oldest first) into `container`; the chart is labelled by `titleId`. */
export function drawTrend(container, points, titleId) {
    if (!points.length) {
        container.replaceChildren(el('p', {class: 'hint', text: 'No check-ins yet.'}));
        return;
    }
    const g = trendGeometry(points);
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${g.width} ${g.height}`);
    svg.setAttribute('class', 'chart');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-labelledby', titleId);
    svg.setAttribute('aria-describedby', `${titleId}-values`);
    const add = (tag, attributes, text) => {
        const node = document.createElementNS(SVG, tag);
        Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
        if (text !== undefined) {
            node.textContent = text;
        }
        svg.append(node);
        return node;
    };
    for (const tick of g.ticks) {
        add('line', {x1: g.left, y1: tick.y, x2: g.width, y2: tick.y, stroke: '#8884'});
        add('text', {x: 0, y: tick.y + 4}, String(tick.value));
    }
    for (const [name, series] of [['mood', g.mood], ['craving', g.craving]]) {
        if (series.length > 1) {
            add('path', {d: g.path(series), class: name});
        }
        for (const p of series) {
            const dot = add('circle', {cx: p.x, cy: p.y, r: p.flagged ? 6 : 4,
                class: p.flagged ? `${name} flagged` : name});
            const tip = document.createElementNS(SVG, 'title');
            tip.textContent = `${format.date(p.date)}: ${name} ${p.value}${p.flagged ? ' (flagged)' : ''}`;
            dot.append(tip);
        }
    }
    if (points.length <= 12) {
        g.mood.forEach((p) => add('text', {x: p.x, y: g.height - 8, 'text-anchor': 'middle'}, format.date(p.date)));
    }
    const legend = el('p', {class: 'hint', text: g.craving.length ? 'Mood: solid line. Craving: dashed line. 0 to 10;'
        + ' a large red dot is a flagged answer.' : 'Mood, 0 to 10; a large red dot is a flagged answer.'});
    const values = el('p', {id: `${titleId}-values`, class: 'visually-hidden', text: trendText(points, format.date)});
    container.replaceChildren(svg, legend, values);
}

/** A patient select that draws the chosen patient's trend into a container. */
export class TrendPicker {
    constructor({select, container, titleId}) {
        this.select = select;
        this.container = container;
        this.titleId = titleId;
        this.names = new Map();
        select.addEventListener('change', () => this.show());
    }

    /** Offers these patients ([id, name] pairs), keeping the one chosen. */
    offer(pairs) {
        let changed = false;
        for (const [id, name] of pairs) {
            if (id && name && this.names.get(id) !== name) {
                this.names.set(id, name);
                changed = true;
            }
        }
        if (!changed) {
            return;
        }
        const chosen = this.select.value;
        const sorted = [...this.names.entries()].sort((a, b) => a[1].localeCompare(b[1]));
        this.select.replaceChildren(el('option', {value: '', text: 'Choose a patient'}),
            ...sorted.map(([id, name]) => el('option', {value: id, text: name})));
        this.select.value = chosen;
    }

    async show() {
        const id = this.select.value;
        if (!id) {
            this.container.replaceChildren();
            return;
        }
        this.container.replaceChildren(el('p', {class: 'hint', text: 'Loading…'}));
        try {
            const trend = await api.get(`attendance/patients/${encodeURIComponent(id)}/check-ins`);
            if (this.select.value === id) {
                drawTrend(this.container, trend.points, this.titleId);
            }
        } catch (error) {
            this.container.replaceChildren(el('p', {text: `The check-ins could not be loaded (${error.message}).`}));
        }
    }
}
