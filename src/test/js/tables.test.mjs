import {test} from 'node:test';
import assert from 'node:assert/strict';
import {cellLabels} from '../../main/webapp/app/js/tables.js';

test('each cell is labelled with its column, trimmed; cells beyond the header have no label', () => {
    assert.deepEqual(cellLabels(['Patient', ' Status ', 'Minutes'], 3), ['Patient', 'Status', 'Minutes']);
    assert.deepEqual(cellLabels(['Patient', 'Status'], 3), ['Patient', 'Status', '']);
    assert.deepEqual(cellLabels(['Patient', 'Status', 'Minutes'], 1), ['Patient']);
});
