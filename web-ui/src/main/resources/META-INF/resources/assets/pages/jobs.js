// Job listings from the discovery service: filters, counts, one card per listing with the actions
// its status allows, bulk dismiss / mark applied, and a sync started here and followed until done.

import {h, replaceChildren} from '../dom.js';
import {getJson, postJson, putJson} from '../http.js';
import {busy, errorText, field, label, liveStatus, say, when} from '../ui.js';

const STATUSES = ['new', 'interested', 'dismissed', 'applied'];
const PAGE_SIZE = 25;
const SYNC_POLL_MS = 2000;
/** Actions per review status (the reference's cards; applied is terminal, dismissed has none). */
const ACTIONS = {
    new: [['interested', 'Mark interesting'], ['applied', 'Mark applied'], ['dismissed', 'Dismiss']],
    interested: [['dismissed', 'Dismiss'], ['applied', 'Mark applied']],
};

export function render(main) {
    const params = new URLSearchParams(window.location.search);
    const state = {alive: true, page: 0, syncTimer: null, companies: []};
    const status = liveStatus();
    const counts = h('p', {id: 'listing-counts'});
    const list = h('div');
    const bulk = h('div', {class: 'listing-actions'});
    const form = h('form', {role: 'search', 'aria-label': 'Filter listings'},
        h('div', {class: 'grid'},
            field('Status', h('select', {name: 'status', id: 'filter-status'},
                [...STATUSES, 'all'].map(value => h('option', {value, selected: value === (params.get('status') ?? 'new')},
                    value === 'all' ? 'All statuses' : label(value))))),
            field('Company', h('select', {name: 'companyId', id: 'filter-company'}, h('option', {value: ''}, 'All companies'))),
            field('Keywords', h('input', {type: 'search', name: 'keywords', id: 'filter-keywords', value: params.get('keywords')}),
                'Matches the title or the location.')),
        h('div', {class: 'grid'},
            field('Posted within (days)', h('input', {type: 'number', name: 'postedWithinDays', id: 'filter-days', min: 1, max: 3650,
                value: params.get('postedWithinDays')})),
            h('label', {class: 'checkbox-field'}, h('input', {type: 'checkbox', name: 'remote', role: 'switch',
                checked: params.get('remote') === 'true'}), ' Remote only'),
            h('div', {class: 'listing-actions'}, h('button', {type: 'submit', id: 'filter-submit'}, 'Filter'),
                h('a', {href: '/jobs', id: 'clear-filters', role: 'button', class: 'secondary outline'}, 'Clear filters'))));
    const reload = () => loadListings(state, form, list, status, bulk, counts);
    form.addEventListener('submit', event => {
        event.preventDefault();
        state.page = 0;
        reload();
    });
    form.elements.namedItem('status').addEventListener('change', () => {
        state.page = 0;
        reload();
    });

    replaceChildren(main,
        h('h1', {}, 'Jobs'),
        counts,
        syncSection(state, reload),
        form,
        bulk,
        status,
        list);
    loadCompanies(state, form, params.get('companyId'));
    reload();
    return () => {
        state.alive = false;
        clearTimeout(state.syncTimer);
    };
}

async function loadCompanies(state, form, selected) {
    try {
        const page = await getJson('/api/discovery/companies?size=500');
        const followed = (page.items ?? []).filter(company => company.followed);
        const shown = followed.length ? followed : page.items ?? [];
        if (state.alive) {
            form.elements.namedItem('companyId').append(...shown.map(company =>
                h('option', {value: company.id, selected: company.id === selected}, company.name)));
        }
    } catch {
        // the filter keeps "All companies"; the listings still load
    }
}

async function loadCounts(counts) {
    try {
        const answer = await getJson('/api/discovery/listings/counts');
        replaceChildren(counts, h('strong', {}, `${answer.new} new job${answer.new === 1 ? '' : 's'} to review`),
            ` · ${answer.interested} interested · ${answer.applied} applied · ${answer.dismissed} dismissed`);
    } catch (error) {
        replaceChildren(counts, errorText('Counts unavailable: ', error));
    }
}

function filterQuery(form, page) {
    const data = new FormData(form);
    const query = new URLSearchParams({status: data.get('status') || 'new'});
    for (const name of ['companyId', 'keywords', 'postedWithinDays']) {
        const value = String(data.get(name) ?? '').trim();
        if (value) {
            query.set(name, value);
        }
    }
    if (data.get('remote')) {
        query.set('remote', 'true');
    }
    window.history.replaceState(null, '', `/jobs?${query}`);
    query.set('page', page);
    query.set('size', PAGE_SIZE);
    return query;
}

async function loadListings(state, form, list, status, bulk, counts) {
    loadCounts(counts);
    const query = filterQuery(form, state.page);
    const statusFilter = query.get('status');
    list.setAttribute('aria-busy', 'true');
    try {
        const page = await getJson(`/api/discovery/listings?${query}`);
        if (!state.alive) {
            return;
        }
        const items = page.items ?? [];
        const total = Number(page.total ?? items.length);
        say(status, `Showing ${total} ${statusFilter === 'all' ? '' : label(statusFilter).toLowerCase() + ' '}job${total === 1 ? '' : 's'}.`);
        const reload = () => loadListings(state, form, list, status, bulk, counts);
        // the bulk endpoints act on every listing of a status, whatever the filters show: the question says so
        const filtered = ['companyId', 'keywords', 'remote', 'postedWithinDays'].some(name => query.has(name));
        renderBulk(bulk, statusFilter, total, filtered, status, reload);
        const lastPage = Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);
        const go = target => {
            state.page = target;
            reload();
        };
        replaceChildren(list,
            items.length ? items.map(item => listingCard(item, status, reload))
                : h('p', {}, 'No listings match. Follow companies and add search configs in ',
                    h('a', {href: '/settings/companies'}, 'settings'), ', then sync.'),
            lastPage > 0 ? h('nav', {class: 'pager', 'aria-label': 'Pages'},
                h('button', {type: 'button', class: 'secondary', disabled: state.page <= 0, onclick: () => go(state.page - 1)}, 'Previous'),
                h('span', {}, `Page ${state.page + 1} of ${lastPage + 1}`),
                h('button', {type: 'button', class: 'secondary', disabled: state.page >= lastPage, onclick: () => go(state.page + 1)}, 'Next'))
                : null);
    } catch (error) {
        if (state.alive) {
            say(status, errorText('The listings could not be loaded: ', error));
        }
    } finally {
        list.removeAttribute('aria-busy');
    }
}

function listingCard(item, status, reload) {
    const actions = (ACTIONS[item.status] ?? []).map(([target, text]) => {
        const button = h('button', {type: 'button', class: target === 'dismissed' ? 'secondary outline' : 'outline'}, text);
        button.addEventListener('click', () => busy(button, async () => {
            try {
                await putJson(`/api/discovery/listings/${encodeURIComponent(item.id)}/status`, {status: target});
                say(status, `“${item.title}” marked ${label(target).toLowerCase()}.`);
                reload();
            } catch (error) {
                say(status, errorText('Not changed: ', error));
            }
        }));
        return button;
    });
    return h('article', {class: 'listing', 'data-listing-id': item.id},
        h('header', {},
            h('h2', {class: 'card-title'}, item.title ?? '(untitled)'),
            h('p', {}, item.company ?? '—', item.location ? ` · ${item.location}` : '', item.remote ? ' · Remote' : '',
                item.status === 'interested' || item.status === 'applied' ? [' · ', h('mark', {}, label(item.status))] : null)),
        h('p', {}, h('small', {}, 'Posted: ', item.postedDate ?? '—', ' · Last fetched: ', when(item.lastFetchedAt, true),
            item.matchedTerms?.length ? ` · Matched: ${item.matchedTerms.join(', ')}` : '')),
        item.url ? h('p', {}, h('a', {href: item.url, target: '_blank', rel: 'noopener noreferrer'}, 'View the job posting (new tab)')) : null,
        actions.length ? h('footer', {class: 'listing-actions'}, actions) : null);
}

function renderBulk(bulk, statusFilter, total, filtered, status, reload) {
    const button = (text, message, url, body) => {
        const element = h('button', {type: 'button', class: 'secondary'}, text);
        element.addEventListener('click', () => {
            const question = filtered ? `${message} This includes the ones the filter hides.` : message;
            if (!window.confirm(question)) {
                return;
            }
            busy(element, async () => {
                try {
                    const answer = await postJson(url, body);
                    say(status, `${answer.count} listing${answer.count === 1 ? '' : 's'} updated.`);
                    reload();
                } catch (error) {
                    say(status, errorText('Nothing changed: ', error));
                }
            });
        });
        return element;
    };
    if (total > 0 && statusFilter === 'new') {
        replaceChildren(bulk, button('Dismiss all new', 'Dismiss every new listing?', '/api/discovery/listings/bulk-dismiss', {fromStatus: 'new'}));
    } else if (total > 0 && statusFilter === 'interested') {
        replaceChildren(bulk,
            button('Dismiss all interested', 'Dismiss every interested listing?', '/api/discovery/listings/bulk-dismiss', {fromStatus: 'interested'}),
            button('Mark all interested as applied', 'Mark every interested listing as applied? Applied is final.',
                '/api/discovery/listings/bulk-mark-applied', undefined));
    } else {
        replaceChildren(bulk);
    }
}

function syncSection(state, reload) {
    const status = liveStatus();
    status.id = 'sync-status';
    const progress = h('progress', {hidden: true, id: 'sync-progress', 'aria-label': 'Sync progress'});
    const button = h('button', {type: 'button', id: 'sync-now'}, 'Sync now');
    const poll = async id => {
        if (!state.alive) {
            return;
        }
        try {
            const run = await getJson(`/api/discovery/syncs/${encodeURIComponent(id)}`);
            if (!state.alive) {
                return;
            }
            if (run.status === 'completed' || run.status === 'failed') {
                progress.hidden = true;
                status.dataset.state = run.status;
                button.disabled = false;
                const lines = run.summary ?? [];
                const fresh = lines.reduce((sum, line) => sum + Number(line.newToReview ?? 0), 0);
                say(status, run.status === 'failed' ? h('span', {class: 'error'}, 'The sync failed.') : `Sync finished: ${fresh} new to review.`,
                    lines.length ? h('ul', {id: 'sync-summary'}, lines.map(line => h('li', {class: line.error ? 'error' : null},
                        line.company ?? line.companyId, line.searchTerm ? ` · “${line.searchTerm}”` : '', ': ',
                        line.error ?? `${Number(line.total ?? 0)} matching, ${Number(line.newListings ?? 0)} new, `
                            + `${Number(line.newToReview ?? 0)} new to review`))) : null);
                reload();
                return;
            }
            const total = Number(run.fetchesTotal ?? 0);
            const done = Number(run.fetchesDone ?? 0);
            if (total > 0) {
                progress.max = total;
                progress.value = done;
            } else {
                progress.removeAttribute('value');
            }
            say(status, run.status === 'queued' ? 'Sync queued…' : `Syncing: ${done} of ${total} fetches done…`);
            state.syncTimer = setTimeout(() => poll(id), SYNC_POLL_MS);
        } catch (error) {
            progress.hidden = true;
            button.disabled = false;
            say(status, errorText('The sync\'s progress could not be read: ', error));
        }
    };
    button.addEventListener('click', async () => {
        button.disabled = true;
        progress.hidden = false;
        progress.removeAttribute('value');
        say(status, 'Starting a sync…');
        status.dataset.state = 'running';
        try {
            const run = await postJson('/api/discovery/syncs', {});
            poll(run.id);
        } catch (error) {
            progress.hidden = true;
            button.disabled = false;
            say(status, errorText('The sync did not start: ', error));
        }
    });
    return h('section', {'aria-label': 'Sync'}, button, progress, status);
}
