import {test} from 'node:test';
import assert from 'node:assert/strict';
import {installDocument} from './fake-dom.mjs';

test('the trend picker offers each patient as an option, sorted by name, keeping the one chosen', async () => {
    const document = installDocument();
    const {TrendPicker} = await import('../../main/webapp/app/js/checkin-trend.js');
    const select = document.createElement('select');
    const picker = new TrendPicker({select, container: document.createElement('div'), titleId: 'trend-title'});

    picker.offer([['p2', 'Zed Example'], ['p1', 'Ana Example']]);
    const options = () => select.childNodes.map((n) => [n.nodeName, n.textContent]);
    assert.deepEqual(options(), [['OPTION', 'Choose a patient'], ['OPTION', 'Ana Example'],
        ['OPTION', 'Zed Example']]);
});
