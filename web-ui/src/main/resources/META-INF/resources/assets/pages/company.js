// The caller's applications at one company (exact name), newest first, with the tracker's derived
// status label and an active / inactive filter.

import {h, replaceChildren} from '../dom.js';
import {getJson} from '../http.js';
import {errorText, field, liveStatus, say, when} from '../ui.js';

const FILTERS = [['', 'All'], ['true', 'Active'], ['false', 'Inactive']];

export function render(main, [name]) {
    const state = {alive: true, page: 0};
    const status = liveStatus();
    const list = h('div');
    const filter = h('select', {name: 'active', id: 'company-filter'}, FILTERS.map(([value, text]) => h('option', {value}, text)));
    filter.addEventListener('change', () => {
        state.page = 0;
        load(state, name, filter.value, list, status);
    });
    replaceChildren(main,
        h('h1', {}, name),
        h('p', {}, h('a', {href: '/applied-jobs'}, 'Back to applied jobs')),
        h('form', {role: 'search', onsubmit: event => event.preventDefault()}, field('Show', filter)),
        status,
        list);
    load(state, name, '', list, status);
    return () => {
        state.alive = false;
    };
}

async function load(state, name, active, list, status) {
    // the name as a query parameter: a name with '/' would be refused inside a path segment (%2F)
    const query = new URLSearchParams({name, page: state.page, size: 50});
    if (active) {
        query.set('active', active);
    }
    list.setAttribute('aria-busy', 'true');
    try {
        const page = await getJson(`/api/tracker/companies/applications?${query}`);
        if (!state.alive) {
            return;
        }
        const items = page.items ?? [];
        const total = Number(page.total ?? items.length);
        say(status, `${total} application${total === 1 ? '' : 's'}${total > items.length ? `, showing ${items.length}` : ''}.`);
        const lastPage = Math.max(0, Math.ceil(total / 50) - 1);
        const go = target => {
            state.page = target;
            load(state, name, active, list, status);
        };
        replaceChildren(list, items.length ? h('table', {class: 'striped'},
            h('thead', {}, h('tr', {}, ['Applied', 'Job title', 'Job id', 'Status', ''].map(text => h('th', {scope: 'col'}, text)))),
            h('tbody', {}, items.map(item => h('tr', {},
                h('td', {}, when(item.appliedAt, true)),
                h('td', {}, item.title ?? '—'),
                h('td', {}, item.externalJobId ?? '—'),
                h('td', {}, h('mark', {class: item.companyStatus?.active ? 'active' : null}, item.companyStatus?.label ?? '—'),
                    item.companyStatus ? h('small', {}, item.companyStatus.active ? ' (active)' : ' (inactive)') : null),
                h('td', {}, h('a', {href: `/applications/${encodeURIComponent(item.applicationId)}`}, 'View details'))))))
            : h('p', {}, 'No applications found for this filter.'),
            lastPage > 0 ? h('nav', {class: 'pager', 'aria-label': 'Pages'},
                h('button', {type: 'button', class: 'secondary', disabled: state.page <= 0, onclick: () => go(state.page - 1)}, 'Previous'),
                h('span', {}, `Page ${state.page + 1} of ${lastPage + 1}`),
                h('button', {type: 'button', class: 'secondary', disabled: state.page >= lastPage, onclick: () => go(state.page + 1)}, 'Next'))
                : null);
    } catch (error) {
        if (state.alive) {
            say(status, errorText('The applications could not be loaded: ', error));
        }
    } finally {
        list.removeAttribute('aria-busy');
    }
}
