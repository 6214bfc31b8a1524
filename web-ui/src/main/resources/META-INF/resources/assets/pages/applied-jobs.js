// Applied jobs: the list comes from discovery (GET /api/discovery/applied-jobs, newest first),
// new applications go to the tracker (POST /api/tracker/applications). The tracker's
// ApplicationStatusChanged event is what makes discovery list it, so after creating one the page
// polls briefly until it shows up.

import {h, replaceChildren} from '../dom.js';
import {getJson, postJson, ProblemError} from '../http.js';
import {importSection} from './import-export.js';

const PAGE_SIZE = 20;
const POLL_INTERVAL_MS = 1000;
const POLL_ATTEMPTS = 20;
const FIELDS = ['company', 'title', 'externalJobId', 'source'];
const SOURCE_SUGGESTIONS = ['linkedin', 'company_site', 'referral', 'job_board', 'recruiter'];

const dateFormat = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});

export function render(main) {
    const state = {page: 0, highlight: null, alive: true, pollTimer: null};

    const listStatus = h('p', {role: 'status', 'aria-live': 'polite'});
    const listArea = h('div');
    const formStatus = h('p', {role: 'status', 'aria-live': 'polite'});
    const form = buildForm(state, formStatus, listArea, listStatus);
    const importStatus = h('p', {role: 'status', 'aria-live': 'polite'});

    replaceChildren(main,
        h('h1', {}, 'Applied jobs'),
        h('section', {'aria-labelledby': 'add-heading'},
            h('h2', {id: 'add-heading'}, 'Record an application'),
            form,
            formStatus),
        h('section', {'aria-labelledby': 'list-heading'},
            h('h2', {id: 'list-heading'}, 'Your applications'),
            listStatus,
            listArea,
            importStatus),
        importSection(applicationIds => {
            state.page = 0;
            state.highlight = null;
            clearTimeout(state.pollTimer);
            const last = applicationIds[applicationIds.length - 1];
            waitForApplication(state, last, importStatus, listArea, listStatus, POLL_ATTEMPTS, IMPORT_MESSAGES);
        }));

    loadPage(state, listArea, listStatus);

    return () => {
        state.alive = false;
        clearTimeout(state.pollTimer);
    };
}

function buildForm(state, formStatus, listArea, listStatus) {
    const input = (name, label, attributes = {}, hint = null) => {
        const hintId = hint ? `${name}-hint` : null;
        return [
            h('label', {for: `field-${name}`}, label),
            h('input', {id: `field-${name}`, name, 'aria-describedby': hintId, ...attributes}),
            hint ? h('small', {id: hintId}, hint) : null,
        ];
    };
    const submit = h('button', {type: 'submit'}, 'Add application');
    const form = h('form', {},
        h('div', {class: 'grid'},
            h('div', {}, input('company', 'Company', {required: true, maxlength: 255, autocomplete: 'organization'})),
            h('div', {}, input('title', 'Job title', {required: true, maxlength: 255}))),
        h('div', {class: 'grid'},
            h('div', {}, input('externalJobId', 'Job id at the company (optional)', {maxlength: 255},
                'The posting\'s id on the career site, if it shows one.')),
            h('div', {}, input('source', 'Source', {required: true, maxlength: 50, list: 'source-suggestions'},
                'Where you found it, e.g. linkedin, company_site, referral.'))),
        h('datalist', {id: 'source-suggestions'},
            SOURCE_SUGGESTIONS.map(source => h('option', {value: source}))),
        submit);

    form.addEventListener('submit', async event => {
        event.preventDefault();
        clearFieldErrors(form);
        const data = new FormData(form);
        const body = Object.fromEntries(FIELDS.map(field => [field, emptyToNull(data.get(field))]));
        body.source = asSourceKey(body.source);
        submit.setAttribute('aria-busy', 'true');
        submit.disabled = true;
        try {
            const created = await postJson('/api/tracker/applications', body);
            form.reset();
            replaceChildren(formStatus, 'Saved. Waiting for it to appear in your list…');
            state.page = 0;
            state.highlight = created?.id ?? null;
            waitForApplication(state, created?.id, formStatus, listArea, listStatus, POLL_ATTEMPTS);
        } catch (error) {
            showFormError(form, formStatus, error);
        } finally {
            submit.removeAttribute('aria-busy');
            submit.disabled = false;
        }
    });
    return form;
}

const SAVED_MESSAGES = {
    listed: 'Saved. Your new application is highlighted below.',
    late: 'Saved, but it is not listed yet: the list updates once the discovery service has processed the change. '
        + 'Reload this page in a moment.',
};
const IMPORT_MESSAGES = {
    listed: 'The imported applications are now in your list.',
    late: 'Imported, but not all are listed yet: the list updates once the discovery service has processed them. '
        + 'Reload this page in a moment.',
};

async function waitForApplication(state, applicationId, formStatus, listArea, listStatus, attemptsLeft,
                                  messages = SAVED_MESSAGES) {
    if (!state.alive) {
        return;
    }
    const result = await loadPage(state, listArea, listStatus);
    if (!state.alive) {
        return;
    }
    if (result && applicationId && result.items.some(item => item.applicationId === applicationId)) {
        replaceChildren(formStatus, messages.listed);
        return;
    }
    if (attemptsLeft <= 1) {
        replaceChildren(formStatus, messages.late);
        return;
    }
    state.pollTimer = setTimeout(
        () => waitForApplication(state, applicationId, formStatus, listArea, listStatus, attemptsLeft - 1, messages),
        POLL_INTERVAL_MS);
}

async function loadPage(state, listArea, listStatus) {
    listArea.setAttribute('aria-busy', 'true');
    try {
        const result = await getJson(`/api/discovery/applied-jobs?page=${state.page}&size=${PAGE_SIZE}`);
        if (!state.alive) {
            return null;
        }
        replaceChildren(listStatus);
        renderList(state, result, listArea, listStatus);
        return result;
    } catch (error) {
        if (state.alive) {
            replaceChildren(listStatus, h('span', {class: 'error'}, 'Your applications could not be loaded: ', describe(error)));
        }
        return null;
    } finally {
        listArea.removeAttribute('aria-busy');
    }
}

function renderList(state, result, listArea, listStatus) {
    const items = Array.isArray(result?.items) ? result.items : [];
    const total = Number(result?.total ?? items.length);
    const page = Number(result?.page ?? state.page);
    const size = Number(result?.size ?? PAGE_SIZE);
    if (total === 0) {
        replaceChildren(listArea, h('p', {}, 'No applications yet. Record one above, or mark a job as applied on the Jobs page.'));
        return;
    }
    const lastPage = Math.max(0, Math.ceil(total / size) - 1);
    const go = target => {
        state.page = target;
        state.highlight = null;
        loadPage(state, listArea, listStatus);
    };
    replaceChildren(listArea,
        h('div', {class: 'overflow-auto'},
            h('table', {class: 'striped'},
                h('caption', {}, `${total} application${total === 1 ? '' : 's'}, newest first`),
                h('thead', {}, h('tr', {},
                    ['Company', 'Job title', 'Job id', 'Status', 'Applied', 'Preparation']
                        .map(label => h('th', {scope: 'col'}, label)))),
                h('tbody', {}, items.map(item => row(item, state.highlight))))),
        lastPage > 0 ? h('nav', {class: 'pager', 'aria-label': 'Pages'},
            h('button', {type: 'button', class: 'secondary', disabled: page <= 0, onclick: () => go(page - 1)}, 'Previous'),
            h('span', {}, `Page ${page + 1} of ${lastPage + 1}`),
            h('button', {type: 'button', class: 'secondary', disabled: page >= lastPage, onclick: () => go(page + 1)}, 'Next'))
            : null);
}

function row(item, highlight) {
    const id = String(item.applicationId ?? '');
    const applicationPath = `/applications/${encodeURIComponent(id)}`;
    return h('tr', {class: id && id === highlight ? 'highlight' : null, 'data-application-id': id},
        h('td', {}, item.company ? h('a', {href: `/company/${encodeURIComponent(item.company)}`}, item.company) : '—'),
        h('td', {}, id ? h('a', {href: applicationPath}, item.title ?? '(untitled)') : (item.title ?? '(untitled)')),
        h('td', {}, item.externalJobId ?? '—'),
        h('td', {}, humanize(item.status)),
        h('td', {}, appliedAt(item.appliedAt)),
        h('td', {}, id ? h('a', {href: `${applicationPath}/interview-prep`}, 'Prepare') : '—'));
}

function appliedAt(value) {
    const date = value ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) {
        return '—';
    }
    return h('time', {datetime: date.toISOString()}, dateFormat.format(date));
}

/** Status values are lower snake case (no_response, recruiter_screen): shown with spaces. */
function humanize(status) {
    return status ? String(status).replaceAll('_', ' ') : '—';
}

/** The tracker keeps sources in lower snake case: "Company site" is sent as company_site. */
function asSourceKey(value) {
    return value === null ? null : value.toLowerCase().replace(/[\s-]+/g, '_');
}

function emptyToNull(value) {
    const text = value === null ? '' : String(value).trim();
    return text === '' ? null : text;
}

function describe(error) {
    if (error instanceof ProblemError) {
        if (error.status === 0) {
            return error.message;
        }
        if (error.status >= 500) {
            return `${error.message} (status ${error.status}; the service may be starting or unavailable)`;
        }
        return `${error.message} (status ${error.status})`;
    }
    return 'unexpected error';
}

function showFormError(form, formStatus, error) {
    const fieldErrors = error instanceof ProblemError ? error.fieldErrors : [];
    for (const {field, message} of fieldErrors) {
        const input = form.elements.namedItem(field);
        if (input instanceof HTMLInputElement) {
            const errorId = `${field}-error`;
            input.setAttribute('aria-invalid', 'true');
            input.setAttribute('aria-describedby', errorId);
            input.insertAdjacentElement('afterend', h('small', {id: errorId, class: 'field-error'}, message));
        }
    }
    replaceChildren(formStatus, h('span', {class: 'error'}, 'Not saved: ', describe(error)));
    const firstInvalid = form.querySelector('[aria-invalid="true"]');
    firstInvalid?.focus();
}

function clearFieldErrors(form) {
    for (const input of form.querySelectorAll('[aria-invalid]')) {
        input.removeAttribute('aria-invalid');
        const hint = document.getElementById(`${input.name}-hint`);
        if (hint) {
            input.setAttribute('aria-describedby', hint.id);
        } else {
            input.removeAttribute('aria-describedby');
        }
    }
    form.querySelectorAll('.field-error').forEach(element => element.remove());
}
