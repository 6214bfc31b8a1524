// Settings › Companies: the catalog every user shares (GET /api/discovery/companies, by name), adding
// a company from its careers URL or an explicit ATS config, following it with the caller's own
// exclusion terms, and, for administrators, editing and removing it (the API answers 403 to others).

import {h, replaceChildren} from '../dom.js';
import {deleteJson, getJson, postJson, ProblemError, putJson} from '../http.js';
import {busy, clearFieldErrors, errorText, field, label, liveStatus, say, showFormError, terms} from '../ui.js';

const PAGE_SIZE = 50;
const PLATFORMS = ['greenhouse', 'lever', 'ashby', 'smartrecruiters', 'workday'];

export function render(content, {admin}) {
    const state = {alive: true, page: 0, admin};
    const listStatus = liveStatus();
    listStatus.id = 'companies-status';
    const list = h('div', {id: 'companies-list'});
    const reload = () => loadPage(state, list, listStatus);
    replaceChildren(content,
        h('h2', {}, 'Companies'),
        h('p', {}, 'The catalog is shared by every user; following a company makes syncs fetch its jobs for your search configs.'),
        addForm(state, reload, listStatus),
        h('h3', {}, 'Catalog'),
        listStatus,
        list);
    reload();
    return () => {
        state.alive = false;
    };
}

function addForm(state, reload, listStatus) {
    const status = liveStatus();
    status.id = 'add-company-status';
    const submit = h('button', {type: 'submit', id: 'add-company-submit'}, 'Add company');
    const form = h('form', {id: 'add-company-form', 'aria-labelledby': 'add-company-heading', novalidate: true},
        h('h3', {id: 'add-company-heading'}, 'Add a company'),
        h('div', {class: 'grid'},
            field('Careers page URL', h('input', {type: 'url', name: 'careersUrl', id: 'company-careersUrl', maxlength: 2048,
                placeholder: 'https://boards.greenhouse.io/acme'}),
            'Workday, Greenhouse, Lever, Ashby or SmartRecruiters job board address.'),
            field('Name (optional)', h('input', {name: 'name', id: 'company-name', maxlength: 200},
            ), 'Taken from the board when empty.')),
        h('details', {id: 'company-config'},
            h('summary', {}, 'Or give the board\'s settings instead of a URL'),
            h('div', {class: 'grid'},
                field('Platform', h('select', {name: 'config/platform', id: 'company-config-platform'},
                    h('option', {value: ''}, 'Choose…'), PLATFORMS.map(value => h('option', {value}, label(value))))),
                field('Board', h('input', {name: 'config/board', id: 'company-config-board', maxlength: 200}),
                    'Greenhouse board token, Lever site, Ashby organization or SmartRecruiters company.'),
                h('label', {class: 'checkbox-field'}, h('input', {type: 'checkbox', name: 'config/eu', role: 'switch'}), ' Lever EU')),
            h('div', {class: 'grid'},
                field('Workday host', h('input', {name: 'config/host', id: 'company-config-host', maxlength: 255,
                    placeholder: 'acme.wd5.myworkdayjobs.com'})),
                field('Workday tenant', h('input', {name: 'config/tenant', id: 'company-config-tenant', maxlength: 200})),
                field('Workday site', h('input', {name: 'config/site', id: 'company-config-site', maxlength: 200})),
                field('Workday location facet ids', h('input', {name: 'config/locationFacetIds', id: 'company-config-locations'}),
                    'Comma-separated; optional.'))),
        submit,
        status);
    form.addEventListener('submit', event => {
        event.preventDefault();
        clearFieldErrors(form);
        const data = new FormData(form);
        const text = name => String(data.get(name) ?? '').trim();
        const body = {name: text('name') || null};
        if (text('config/platform')) {
            body.config = {
                platform: text('config/platform'),
                board: text('config/board') || null,
                eu: data.get('config/eu') !== null,
                host: text('config/host') || null,
                tenant: text('config/tenant') || null,
                site: text('config/site') || null,
                locationFacetIds: terms(text('config/locationFacetIds')),
            };
        } else {
            body.careersUrl = text('careersUrl') || null;
        }
        busy(submit, async () => {
            try {
                const created = await postJson('/api/discovery/companies', body);
                form.reset();
                await reload();
                say(status, `Added “${created.name}” (${label(created.platform)}). `,
                    followButton(created, status, reload, 'add-company-follow'));
            } catch (error) {
                if (error instanceof ProblemError && error.status === 409 && error.problem.existingId) {
                    await showExisting(error, status, reload);
                } else {
                    showFormError(form, status, 'The company was not added: ', error);
                }
            }
        });
    });
    return form;
}

/** 409: the board is already in the catalog; offer to follow the company that has it. */
async function showExisting(error, status, reload) {
    try {
        const existing = await getJson(`/api/discovery/companies/${encodeURIComponent(error.problem.existingId)}`);
        say(status, h('span', {class: 'error'}, `This board is already in the catalog as “${existing.name}”. `),
            existing.followed ? 'You follow it already.' : followButton(existing, status, reload, 'add-company-follow'));
    } catch (lookupError) {
        say(status, errorText('This board is already in the catalog: ', error));
    }
}

function followButton(company, status, reload, id) {
    if (company.followed) {
        return null;
    }
    const button = h('button', {type: 'button', id, class: 'outline'}, `Follow “${company.name}”`);
    button.addEventListener('click', () => busy(button, async () => {
        try {
            await putJson(`/api/discovery/companies/${encodeURIComponent(company.id)}/follow`, {excludeTerms: []});
            await reload();
            say(status, `You follow “${company.name}” now.`);
        } catch (error) {
            say(status, errorText('Not followed: ', error));
        }
    }));
    return button;
}

async function loadPage(state, list, status) {
    list.setAttribute('aria-busy', 'true');
    // only the latest load renders: an earlier answer arriving late must not bring back a removed row
    const ticket = (state.loads = (state.loads ?? 0) + 1);
    try {
        const page = await getJson(`/api/discovery/companies?page=${state.page}&size=${PAGE_SIZE}`);
        if (!state.alive || ticket !== state.loads) {
            return;
        }
        const items = page.items ?? [];
        const total = Number(page.total ?? items.length);
        const lastPage = Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);
        const reload = () => loadPage(state, list, status);
        const go = target => {
            state.page = target;
            reload();
        };
        // the count goes with the table, so it never replaces what the status says about the last action
        replaceChildren(list,
            h('p', {}, `${total} compan${total === 1 ? 'y' : 'ies'} in the catalog.`),
            items.length ? h('table', {class: 'striped'},
                h('thead', {}, h('tr', {}, ['Name', 'Platform', 'Followed', 'Your exclusions', 'Actions']
                    .map(text => h('th', {scope: 'col'}, text)))),
                h('tbody', {}, items.map(company => companyRow(state, company, status, reload))))
                : h('p', {}, 'No companies yet: add one from its careers page above.'),
            lastPage > 0 ? h('nav', {class: 'pager', 'aria-label': 'Company pages'},
                h('button', {type: 'button', class: 'secondary', disabled: state.page <= 0, onclick: () => go(state.page - 1)}, 'Previous'),
                h('span', {}, `Page ${state.page + 1} of ${lastPage + 1}`),
                h('button', {type: 'button', class: 'secondary', disabled: state.page >= lastPage, onclick: () => go(state.page + 1)}, 'Next'))
                : null);
    } catch (error) {
        if (state.alive) {
            say(status, errorText('The companies could not be loaded: ', error));
        }
    } finally {
        list.removeAttribute('aria-busy');
    }
}

function companyRow(state, company, status, reload) {
    const editor = h('div', {class: 'row-editor'});
    const action = (text, className, onClick) => {
        const button = h('button', {type: 'button', class: className}, text);
        button.addEventListener('click', () => onClick(button));
        return button;
    };
    const follow = action(company.followed ? 'Unfollow' : 'Follow', company.followed ? 'secondary outline' : 'outline',
        button => busy(button, async () => {
            const url = `/api/discovery/companies/${encodeURIComponent(company.id)}/follow`;
            try {
                if (company.followed) {
                    await deleteJson(url);
                } else {
                    await putJson(url, {excludeTerms: []});
                }
                await reload();
                say(status, company.followed ? `You no longer follow “${company.name}”.` : `You follow “${company.name}” now.`);
            } catch (error) {
                say(status, errorText(`“${company.name}” was not changed: `, error));
            }
        }));
    const exclusions = company.followed ? action('Exclusions', 'secondary outline',
        () => replaceChildren(editor, exclusionsForm(company, status, reload, editor))) : null;
    const edit = state.admin ? action('Edit', 'secondary outline',
        () => replaceChildren(editor, editForm(company, status, reload, editor))) : null;
    const remove = state.admin ? action('Remove', 'secondary outline', button => {
        if (!window.confirm(`Remove “${company.name}” from the catalog? Its listings and every user's follow of it go too.`)) {
            return;
        }
        busy(button, async () => {
            try {
                await deleteJson(`/api/discovery/companies/${encodeURIComponent(company.id)}`);
                await reload();
                say(status, `“${company.name}” removed.`);
            } catch (error) {
                say(status, errorText(`“${company.name}” was not removed: `, error));
            }
        });
    }) : null;
    const name = company.careersUrl
        ? h('a', {href: company.careersUrl, target: '_blank', rel: 'noopener noreferrer'}, company.name)
        : company.name;
    return h('tr', {'data-company-id': company.id, 'data-company-name': company.name},
        h('th', {scope: 'row'}, name, company.active === false ? h('small', {}, ' (inactive)') : null),
        h('td', {}, label(company.platform)),
        h('td', {class: 'followed'}, company.followed ? 'Yes' : 'No'),
        h('td', {class: 'exclusions'}, company.followed ? ((company.excludeTerms ?? []).join(', ') || '—') : '—'),
        h('td', {}, h('div', {class: 'listing-actions'}, follow, exclusions, edit, remove), editor));
}

function exclusionsForm(company, status, reload, editor) {
    const input = h('input', {name: 'excludeTerms', value: (company.excludeTerms ?? []).join(', '),
        'aria-label': `Exclusion terms for ${company.name}`});
    const form = h('form', {class: 'inline-form'},
        field('Exclude titles with (comma-separated)', input),
        h('div', {class: 'listing-actions'},
            h('button', {type: 'submit'}, 'Save exclusions'),
            h('button', {type: 'button', class: 'secondary', onclick: () => replaceChildren(editor)}, 'Cancel')));
    form.addEventListener('submit', event => {
        event.preventDefault();
        clearFieldErrors(form);
        busy(form.querySelector('button[type=submit]'), async () => {
            try {
                await putJson(`/api/discovery/companies/${encodeURIComponent(company.id)}/follow`,
                    {excludeTerms: terms(input.value)});
                await reload();
                say(status, `Exclusions for “${company.name}” saved.`);
            } catch (error) {
                showFormError(form, status, 'Not saved: ', error);
            }
        });
    });
    return form;
}

/** Admins: rename, change the careers URL, switch the company off (its listings are hidden then). */
function editForm(company, status, reload, editor) {
    const form = h('form', {class: 'inline-form'},
        field('Name', h('input', {name: 'name', value: company.name, maxlength: 200, required: true})),
        field('Careers page URL', h('input', {type: 'url', name: 'careersUrl', value: company.careersUrl, maxlength: 2048}),
            company.careersUrl ? null : 'Empty: the board\'s settings stay as they are.'),
        h('label', {class: 'checkbox-field'}, h('input', {type: 'checkbox', name: 'active', role: 'switch',
            checked: company.active !== false}), ' Active (inactive companies are not synced and their jobs are hidden)'),
        h('div', {class: 'listing-actions'},
            h('button', {type: 'submit'}, 'Save'),
            h('button', {type: 'button', class: 'secondary', onclick: () => replaceChildren(editor)}, 'Cancel')));
    form.addEventListener('submit', event => {
        event.preventDefault();
        clearFieldErrors(form);
        const data = new FormData(form);
        const careersUrl = String(data.get('careersUrl') ?? '').trim();
        const body = {name: String(data.get('name') ?? '').trim(), active: data.get('active') !== null};
        if (careersUrl) {
            body.careersUrl = careersUrl;
        } else {
            body.config = company.config;
        }
        busy(form.querySelector('button[type=submit]'), async () => {
            try {
                await putJson(`/api/discovery/companies/${encodeURIComponent(company.id)}`, body);
                await reload();
                say(status, `“${body.name}” saved.`);
            } catch (error) {
                showFormError(form, status, 'Not saved: ', error);
            }
        });
    });
    return form;
}
