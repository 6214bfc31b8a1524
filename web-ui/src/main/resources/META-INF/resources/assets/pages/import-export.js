// Import applications from a CSV file (a dry run first: what would be accepted or rejected and
// why, then the real import of the same file) and export links. Part of the applied-jobs page.

import {h, replaceChildren} from '../dom.js';
import {postRaw} from '../http.js';
import {busy, errorText, label, liveStatus, say, userZone, when} from '../ui.js';

const MAX_BYTES = 2 * 1024 * 1024;

/** onImported(applicationIds) runs after a real import. */
export function importSection(onImported) {
    const status = Object.assign(liveStatus(), {id: 'import-status'});
    const report = h('div', {id: 'import-report'});
    const file = h('input', {type: 'file', id: 'import-file', name: 'file', accept: '.csv,text/csv', required: true,
        'aria-describedby': 'import-file-hint'});
    const check = h('button', {type: 'submit', id: 'import-check'}, 'Check the file');
    const form = h('form', {},
        h('label', {for: 'import-file'}, 'CSV file'),
        file,
        h('small', {id: 'import-file-hint'}, 'Columns such as Company, Title, Applied, Status, Source, Location, Salary; '
            + 'the first line names them. At most 2 MB. Nothing is saved until you confirm.'),
        check);
    const url = dryRun => `/api/tracker/imports?dryRun=${dryRun}&zone=${encodeURIComponent(userZone())}`;

    form.addEventListener('submit', event => {
        event.preventDefault();
        const chosen = file.files?.[0];
        replaceChildren(report);
        if (!chosen) {
            say(status, h('span', {class: 'error'}, 'Choose a CSV file first.'));
            return;
        }
        if (chosen.size > MAX_BYTES) {
            say(status, h('span', {class: 'error'}, 'The file is larger than 2 MB.'));
            return;
        }
        busy(check, async () => {
            try {
                const text = await chosen.text();
                const dryRun = await postRaw(url(true), text, 'text/csv');
                say(status, `Checked ${dryRun.rows} row${dryRun.rows === 1 ? '' : 's'}: ${dryRun.accepted.length} can be imported, `
                    + `${dryRun.rejected.length} cannot.`);
                const confirm = dryRun.accepted.length
                    ? h('button', {type: 'button', id: 'import-confirm'}, `Import ${dryRun.accepted.length} application${dryRun.accepted.length === 1 ? '' : 's'}`)
                    : null;
                confirm?.addEventListener('click', () => busy(confirm, async () => {
                    try {
                        const done = await postRaw(url(false), text, 'text/csv');
                        confirm.remove();
                        say(status, `Imported ${done.applicationIds.length} application${done.applicationIds.length === 1 ? '' : 's'}.`);
                        replaceChildren(report, reportView(done));
                        form.reset();
                        onImported(done.applicationIds);
                    } catch (error) {
                        say(status, errorText('Nothing was imported: ', error));
                    }
                }));
                replaceChildren(report, reportView(dryRun), confirm);
            } catch (error) {
                say(status, errorText('The file could not be checked: ', error));
            }
        });
    });

    return h('section', {'aria-labelledby': 'import-heading'},
        h('h2', {id: 'import-heading'}, 'Import and export'),
        form,
        status,
        report,
        h('p', {}, 'Export: ',
            h('a', {href: '/api/tracker/exports/applications.csv', download: 'applications.csv'}, 'applications (CSV, imports again)'), ' · ',
            h('a', {href: '/api/tracker/exports/all.json', download: 'jobsearch-tracker.json'}, 'everything (JSON)')));
}

function reportView(report) {
    const ids = report.applicationIds ?? [];
    return h('div', {},
        report.accepted.length ? h('table', {class: 'striped', id: 'import-accepted'},
            h('caption', {}, report.dryRun ? 'Rows that would be imported' : 'Rows imported'),
            h('thead', {}, h('tr', {}, ['Line', 'Company', 'Title', 'Applied', 'Status'].map(text => h('th', {scope: 'col'}, text)))),
            h('tbody', {}, report.accepted.map((row, index) => h('tr', {},
                h('td', {}, row.line),
                h('td', {}, row.company),
                h('td', {}, ids[index] ? h('a', {href: `/applications/${encodeURIComponent(ids[index])}`}, row.title) : row.title),
                h('td', {}, when(row.appliedAt, true)),
                h('td', {}, label(row.status))))))
            : null,
        report.rejected.length ? h('table', {class: 'striped report-rejected', id: 'import-rejected'},
            h('caption', {}, 'Rows that cannot be imported'),
            h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Line'), h('th', {scope: 'col'}, 'Reasons'))),
            h('tbody', {}, report.rejected.map(row => h('tr', {},
                h('td', {}, row.line), h('td', {}, (row.reasons ?? []).join('; '))))))
            : null,
        report.ignoredColumns?.length ? h('p', {}, 'Ignored columns: ', report.ignoredColumns.join(', ')) : null);
}
