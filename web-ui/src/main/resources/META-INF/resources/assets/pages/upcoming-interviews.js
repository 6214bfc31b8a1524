// The caller's interviews after now (not cancelled), soonest first, with a stage filter and a
// countdown; and the private calendar feed URL (made or rotated on request).

import {h, replaceChildren} from '../dom.js';
import {getJson, postJson} from '../http.js';
import {busy, errorText, field, label, liveStatus, say, select, STAGES, when} from '../ui.js';

const TICK_MS = 30_000;

export function render(main) {
    const state = {alive: true, stage: new URLSearchParams(window.location.search).get('stage') ?? '', timer: null, items: []};
    const listStatus = liveStatus();
    const list = h('div');
    const stageSelect = select('stage', STAGES, {empty: 'All stages', selected: state.stage});
    stageSelect.id = 'stage-filter';
    stageSelect.addEventListener('change', () => {
        state.stage = stageSelect.value;
        const query = state.stage ? `?stage=${encodeURIComponent(state.stage)}` : '';
        window.history.replaceState(null, '', `/interviews/upcoming${query}`);
        load(state, list, listStatus);
    });
    replaceChildren(main,
        h('h1', {}, 'Upcoming interviews'),
        h('form', {role: 'search', onsubmit: event => event.preventDefault()}, field('Stage', stageSelect)),
        listStatus,
        list,
        calendarSection());
    load(state, list, listStatus);
    // keep the countdowns current
    state.timer = setInterval(() => renderList(state, list), TICK_MS);
    return () => {
        state.alive = false;
        clearInterval(state.timer);
    };
}

async function load(state, list, listStatus) {
    list.setAttribute('aria-busy', 'true');
    const query = state.stage ? `&stage=${encodeURIComponent(state.stage)}` : '';
    try {
        const page = await getJson(`/api/tracker/interviews/upcoming?size=100${query}`);
        if (!state.alive) {
            return;
        }
        state.items = Array.isArray(page?.items) ? page.items : [];
        const total = Number(page?.total ?? state.items.length);
        say(listStatus, `${total} upcoming interview${total === 1 ? '' : 's'}${state.stage ? ` at stage ${label(state.stage).toLowerCase()}` : ''}.`
            + (total > state.items.length ? ` Showing the first ${state.items.length}.` : ''));
        renderList(state, list);
    } catch (error) {
        if (state.alive) {
            say(listStatus, errorText('Your interviews could not be loaded: ', error));
            replaceChildren(list);
        }
    } finally {
        list.removeAttribute('aria-busy');
    }
}

function renderList(state, list) {
    if (!state.items.length) {
        replaceChildren(list, h('p', {}, 'No upcoming interviews. Schedule one from an application with a callback.'));
        return;
    }
    replaceChildren(list, state.items.map(item => {
        const application = `/applications/${encodeURIComponent(item.applicationId)}`;
        return h('article', {class: 'interview', 'data-interview-id': item.id},
            h('header', {},
                h('h2', {class: 'card-title'}, item.company ?? '—', ' · ', item.title ?? '(untitled)'),
                h('p', {}, when(item.scheduledAt), ' · ', h('strong', {class: 'countdown'}, countdown(item.scheduledAt)))),
            h('p', {}, `${label(item.stage)} · Format: ${label(item.format)} · Focus: ${label(item.focus)}`),
            item.interviewerName || item.interviewerTitle
                ? h('p', {}, 'Interviewer: ', [item.interviewerName, item.interviewerTitle].filter(Boolean).join(', ')) : null,
            h('p', {},
                h('a', {href: application}, 'Application details'), ' · ',
                h('a', {href: `${application}/interview-prep?interview_id=${encodeURIComponent(item.id)}`}, 'Preparation')));
    }));
}

/** "in 2 days 3 h", "in 3 h 20 min", "in 12 min". */
export function countdown(value) {
    const minutes = Math.round((new Date(value).getTime() - Date.now()) / 60_000);
    if (Number.isNaN(minutes)) {
        return '';
    }
    if (minutes <= 0) {
        return 'now';
    }
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const mins = minutes % 60;
    if (days > 0) {
        return `in ${days} day${days === 1 ? '' : 's'}${hours ? ` ${hours} h` : ''}`;
    }
    if (hours > 0) {
        return `in ${hours} h${mins ? ` ${mins} min` : ''}`;
    }
    return `in ${mins} min`;
}

function calendarSection() {
    const status = liveStatus();
    const output = h('div');
    const button = h('button', {type: 'button', id: 'calendar-feed', class: 'secondary'}, 'Create a new calendar feed URL');
    button.addEventListener('click', () => {
        if (button.dataset.made && !window.confirm('Make a new URL? The one shown stops working.')) {
            return;
        }
        busy(button, async () => {
            try {
                const answer = await postJson('/api/tracker/calendar/feed-url');
                const url = new URL(answer.path, window.location.origin).href;
                const input = h('input', {id: 'calendar-url', readonly: true, value: url});
                const copy = h('button', {type: 'button', class: 'outline'}, 'Copy');
                copy.addEventListener('click', async () => {
                    input.select();
                    try {
                        await navigator.clipboard.writeText(url);
                        say(status, 'Copied.');
                    } catch {
                        say(status, 'Copying is not allowed here: the URL is selected, copy it with your keyboard.');
                    }
                });
                replaceChildren(output, h('label', {for: 'calendar-url'}, 'Your calendar feed URL'),
                    h('div', {role: 'group'}, input, copy));
                button.dataset.made = 'true';
                say(status, 'A new feed URL was made; any earlier one no longer works.');
            } catch (error) {
                say(status, errorText('No feed URL: ', error));
            }
        });
    });
    return h('section', {'aria-labelledby': 'calendar-heading'},
        h('h2', {id: 'calendar-heading'}, 'Calendar feed'),
        h('p', {}, 'Subscribe to your upcoming interviews from a calendar app. The URL is a secret: anyone with it can read '
            + 'the feed. Making a new one stops the previous one from working.'),
        button, status, output);
}
