// Settings › Search configs: the caller's own search terms (GET/POST /api/discovery/search-configs,
// PUT/DELETE …/{id}). A sync keeps a posting when its title has the term or a related term as a whole
// word, none of the exclusions, and (when given) one of the location filters in its location.

import {h, replaceChildren} from '../dom.js';
import {deleteJson, getJson, postJson, putJson} from '../http.js';
import {busy, clearFieldErrors, errorText, field, liveStatus, say, showFormError, terms} from '../ui.js';

export function render(content) {
    const state = {alive: true, editing: null};
    const listStatus = liveStatus();
    listStatus.id = 'search-configs-status';
    const list = h('div', {id: 'search-configs-list'});
    const formArea = h('section', {'aria-labelledby': 'search-config-heading'});
    const reload = () => load(state, list, listStatus, formArea, reload);
    replaceChildren(content,
        h('h2', {}, 'Search configs'),
        h('p', {}, 'Job titles you look for. Titles match whole words, ignoring case: “Engineer” does not match “Engineering”.'),
        formArea,
        h('h3', {}, 'Your search configs'),
        listStatus,
        list);
    showForm(state, formArea, null, reload);
    reload();
    return () => {
        state.alive = false;
    };
}

function showForm(state, formArea, config, reload) {
    state.editing = config;
    const status = liveStatus();
    status.id = 'search-config-form-status';
    const text = (name, labelText, value, hint, attributes = {}) => field(labelText,
        h('input', {name, id: `search-config-${name}`, value, maxlength: 2000, ...attributes}), hint);
    const submit = h('button', {type: 'submit', id: 'search-config-submit'}, config ? 'Save changes' : 'Add search config');
    const form = h('form', {id: 'search-config-form', novalidate: true},
        h('div', {class: 'grid'},
            text('searchTerm', 'Search term', config?.searchTerm, 'For example “Data Engineer”.', {required: true, maxlength: 200}),
            text('relatedTerms', 'Related terms', (config?.relatedTerms ?? []).join(', '), 'Comma-separated; also match.')),
        h('div', {class: 'grid'},
            text('excludeTerms', 'Exclude titles with', (config?.excludeTerms ?? []).join(', '), 'Comma-separated, e.g. Senior, Manager.'),
            text('locationFilters', 'Locations', (config?.locationFilters ?? []).join(', '),
                'Comma-separated parts of a location, e.g. Remote, Berlin; empty: anywhere.')),
        h('label', {class: 'checkbox-field'}, h('input', {type: 'checkbox', name: 'active', id: 'search-config-active', role: 'switch',
            checked: config ? config.active !== false : true}), ' Active (inactive configs are skipped by syncs)'),
        h('div', {class: 'listing-actions'},
            submit,
            config ? h('button', {type: 'button', class: 'secondary', onclick: () => showForm(state, formArea, null, reload)}, 'Cancel') : null),
        status);
    form.addEventListener('submit', event => {
        event.preventDefault();
        clearFieldErrors(form);
        const data = new FormData(form);
        const body = {
            searchTerm: String(data.get('searchTerm') ?? '').trim(),
            relatedTerms: terms(data.get('relatedTerms')),
            excludeTerms: terms(data.get('excludeTerms')),
            locationFilters: terms(data.get('locationFilters')),
            active: data.get('active') !== null,
        };
        busy(submit, async () => {
            try {
                const saved = config
                    ? await putJson(`/api/discovery/search-configs/${encodeURIComponent(config.id)}`, body)
                    : await postJson('/api/discovery/search-configs', body);
                showForm(state, formArea, null, reload);
                await reload();
                say(formArea.querySelector('[role=status]'), `“${saved.searchTerm}” ${config ? 'saved' : 'added'}.`);
            } catch (error) {
                // a 409 (the caller has this term already) points at /searchTerm like a 400 does
                showFormError(form, status, 'Not saved: ', error);
            }
        });
    });
    replaceChildren(formArea,
        h('h3', {id: 'search-config-heading'}, config ? `Edit “${config.searchTerm}”` : 'Add a search config'),
        form);
    if (config) {
        form.elements.namedItem('searchTerm').focus();
    }
}

async function load(state, list, status, formArea, reload) {
    list.setAttribute('aria-busy', 'true');
    // only the latest load renders: an earlier answer arriving late must not bring back a removed row
    const ticket = (state.loads = (state.loads ?? 0) + 1);
    try {
        const answer = await getJson('/api/discovery/search-configs');
        if (!state.alive || ticket !== state.loads) {
            return;
        }
        const configs = Array.isArray(answer) ? answer : answer.items ?? [];
        const joined = values => (values ?? []).join(', ') || '—';
        replaceChildren(list, configs.length ? h('table', {class: 'striped'},
            h('thead', {}, h('tr', {}, ['Search term', 'Related terms', 'Excluded', 'Locations', 'Active', 'Actions']
                .map(text => h('th', {scope: 'col'}, text)))),
            h('tbody', {}, configs.map(config => h('tr', {'data-search-config-id': config.id},
                h('th', {scope: 'row'}, config.searchTerm),
                h('td', {}, joined(config.relatedTerms)),
                h('td', {}, joined(config.excludeTerms)),
                h('td', {}, joined(config.locationFilters)),
                h('td', {}, config.active === false ? 'No' : 'Yes'),
                h('td', {}, h('div', {class: 'listing-actions'},
                    h('button', {type: 'button', class: 'secondary outline',
                        onclick: () => showForm(state, formArea, config, reload)}, 'Edit'),
                    deleteButton(config, status, reload)))))))
            : h('p', {}, 'No search configs yet: syncs fetch nothing for you until you add one.'));
    } catch (error) {
        if (state.alive) {
            say(status, errorText('The search configs could not be loaded: ', error));
        }
    } finally {
        list.removeAttribute('aria-busy');
    }
}

function deleteButton(config, status, reload) {
    const button = h('button', {type: 'button', class: 'secondary outline'}, 'Delete');
    button.addEventListener('click', () => {
        if (!window.confirm(`Delete the search config “${config.searchTerm}”? Jobs already found stay listed.`)) {
            return;
        }
        busy(button, async () => {
            try {
                await deleteJson(`/api/discovery/search-configs/${encodeURIComponent(config.id)}`);
                await reload();
                say(status, `“${config.searchTerm}” deleted.`);
            } catch (error) {
                say(status, errorText('Not deleted: ', error));
            }
        });
    });
    return button;
}
