// The caller's resumes (resume-service) and the form that starts a new one: from a pasted job
// description or from a discovered listing (new or interested, GET /api/discovery/listings), with
// the source and an optional template (GET /api/resumes/templates). POST /api/resumes answers 202
// with the queued resume; its page (/resume/<id>) follows the pipeline.

import {h, replaceChildren} from '../dom.js';
import {getJson, postJson} from '../http.js';
import {busy, clearFieldErrors, errorText, field, label, liveStatus, say, select, showFormError, when} from '../ui.js';
import {llmStatusLine} from './resume-llm.js';

const SOURCES = ['linkedin', 'company_site', 'indeed', 'internal_recruiter', 'external_recruiter'];
const PAGE_SIZE = 20;

export function render(main) {
    const state = {alive: true, page: 0};
    const listStatus = liveStatus();
    listStatus.id = 'resume-list-status';
    const list = h('div', {id: 'resume-list'});
    const llm = h('p', {id: 'resume-llm'});
    replaceChildren(main,
        h('h1', {}, 'Resumes'),
        h('p', {}, 'A resume is written from your ', h('a', {href: '/experience', id: 'experience-link'}, 'experience'),
            ' for one job description, then rendered to a one-page PDF. ', h('a', {href: '/costs'}, 'LLM costs.')),
        llm,
        startSection(state),
        h('section', {'aria-labelledby': 'resume-list-heading'},
            h('h2', {id: 'resume-list-heading'}, 'Your resumes'),
            listStatus, list));
    llmStatusLine(state, llm);
    loadList(state, list, listStatus);
    return () => {
        state.alive = false;
    };
}

function startSection(state) {
    const status = liveStatus();
    status.id = 'resume-start-status';
    const jdText = h('textarea', {name: 'jdText', id: 'resume-jd', rows: 10,
        placeholder: 'Paste the whole job description: benefits and about-us text are dropped automatically.'});
    const listing = h('select', {name: 'listingId', id: 'resume-listing', disabled: true},
        h('option', {value: ''}, 'Loading listings…'));
    const template = h('select', {name: 'template', id: 'resume-template'},
        h('option', {value: ''}, 'Automatic (by role)'));
    const origin = (value, text, checked) => h('label', {},
        h('input', {type: 'radio', name: 'origin', value, checked, id: `resume-origin-${value}`}), text);
    const submit = h('button', {type: 'submit', id: 'resume-start'}, 'Start');
    const jdBox = h('div', {id: 'resume-jd-box'}, field('Job description', jdText));
    const listingBox = h('div', {id: 'resume-listing-box', hidden: true},
        field('Listing', listing, 'Your new and interested listings from discovery.'));
    const form = h('form', {id: 'resume-start-form', 'aria-labelledby': 'resume-start-heading', novalidate: true},
        h('fieldset', {}, h('legend', {}, 'From'),
            origin('jd', 'Pasted job description', true), origin('listing', 'A discovered listing', false)),
        jdBox, listingBox,
        h('div', {class: 'grid'},
            field('Source', select('source', SOURCES, {empty: 'Where the job was posted…', required: true})),
            field('Template', template)),
        submit, status);
    form.addEventListener('change', event => {
        if (event.target.name === 'origin') {
            const fromListing = event.target.value === 'listing';
            jdBox.hidden = fromListing;
            listingBox.hidden = !fromListing;
        }
    });
    form.addEventListener('submit', async event => {
        event.preventDefault();
        clearFieldErrors(form);
        const data = new FormData(form);
        const body = {source: data.get('source') || null};
        if (data.get('origin') === 'listing') {
            body.listingId = data.get('listingId') || null;
        } else {
            body.jdText = data.get('jdText');
        }
        if (data.get('template')) {
            body.template = data.get('template');
        }
        await busy(submit, async () => {
            try {
                const view = await postJson('/api/resumes', body);
                say(status, 'Started.');
                window.history.pushState(null, '', `/resume/${encodeURIComponent(view.id)}`);
                window.dispatchEvent(new PopStateEvent('popstate'));
            } catch (error) {
                showFormError(form, status, 'The resume was not started: ', error);
            }
        });
    });
    loadListings(state, listing);
    loadTemplates(state, template);
    return h('section', {'aria-labelledby': 'resume-start-heading'},
        h('h2', {id: 'resume-start-heading'}, 'New resume'), form);
}

async function loadListings(state, target) {
    try {
        const [interested, fresh] = await Promise.all(['interested', 'new']
            .map(status => getJson(`/api/discovery/listings?status=${status}&page=0&size=50`)));
        if (!state.alive) {
            return;
        }
        const option = listing => h('option', {value: listing.id},
            `${listing.company} — ${listing.title}${listing.location ? ` (${listing.location})` : ''}`);
        const groups = [['Interested', interested.items ?? []], ['New', fresh.items ?? []]].filter(([, items]) => items.length);
        replaceChildren(target, h('option', {value: ''}, groups.length ? 'Choose a listing…' : 'No new or interested listings'),
            groups.map(([name, items]) => h('optgroup', {label: name}, items.map(option))));
        target.disabled = groups.length === 0;
    } catch (error) {
        if (state.alive) {
            replaceChildren(target, h('option', {value: ''}, `Listings could not be loaded (${error.message})`));
        }
    }
}

async function loadTemplates(state, target) {
    try {
        const templates = await getJson('/api/resumes/templates');
        if (!state.alive) {
            return;
        }
        target.append(...(templates ?? []).map(template =>
            h('option', {value: template.key ?? template.id}, template.name ?? template.key ?? template.id)));
    } catch {
        // the automatic choice still works without the list
    }
}

async function loadList(state, target, status) {
    say(status, 'Loading…');
    try {
        const page = await getJson(`/api/resumes?page=${state.page}&size=${PAGE_SIZE}`);
        if (!state.alive) {
            return;
        }
        say(status, page.total === 0 ? 'No resumes yet.' : `${page.total} resume${page.total === 1 ? '' : 's'}.`);
        const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
        const go = delta => () => {
            state.page += delta;
            loadList(state, target, status);
        };
        replaceChildren(target, page.items.length === 0 ? null : h('table', {class: 'striped', id: 'resume-table'},
            h('thead', {}, h('tr', {}, ['Company', 'Title', 'Status', 'Versions', 'Updated'].map(text => h('th', {scope: 'col'}, text)))),
            h('tbody', {}, page.items.map(item => h('tr', {'data-resume': item.id},
                h('td', {}, h('a', {href: `/resume/${encodeURIComponent(item.id)}`}, item.company ?? 'Unknown company')),
                h('td', {}, item.title ?? '—'),
                h('td', {class: 'resume-status'}, label(item.status)),
                h('td', {}, item.latestVersion ?? '—'),
                h('td', {}, when(item.updatedAt)))))),
            pages > 1 ? h('div', {class: 'pager'},
                h('button', {type: 'button', class: 'secondary', disabled: state.page === 0, onclick: go(-1)}, 'Previous'),
                h('span', {}, `Page ${state.page + 1} of ${pages}`),
                h('button', {type: 'button', class: 'secondary', disabled: state.page + 1 >= pages, onclick: go(1)}, 'Next')) : null);
    } catch (error) {
        if (state.alive) {
            say(status, errorText('Your resumes could not be loaded: ', error));
        }
    }
}
