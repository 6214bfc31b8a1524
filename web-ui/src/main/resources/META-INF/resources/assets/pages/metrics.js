// The tracker's dashboard: filters → summary, callback analysis, rejections, funnel, interview to
// offer, time to first response and a timeline chart (Chart.js from its webjar), plus a deep dive
// into one dimension. Every number comes from GET /api/tracker/metrics; nothing is counted here.

import {h, replaceChildren} from '../dom.js';
import {getJson} from '../http.js';
import {errorText, field, label, liveStatus, say, userZone} from '../ui.js';

const CHART_SCRIPT = '/webjars/chart.js/dist/chart.umd.min.js';
const FILTER_DIMENSIONS = [
    ['role', 'Role'], ['specialization', 'Specialization'], ['level', 'Level'],
    ['workSetting', 'Work setting'], ['source', 'Source'], ['location', 'Location group'],
];
const CALLBACK_DIMENSIONS = [
    ['role', 'Role'], ['specialization', 'Specialization'], ['level', 'Level'], ['location', 'Location'],
    ['workSetting', 'Work setting'], ['source', 'Source'], ['minYears', 'Minimum years'],
    ['minSalary', 'Minimum salary'], ['maxSalary', 'Maximum salary'],
];
const DEEP_DIVE_DIMENSIONS = [...FILTER_DIMENSIONS, ['minYears', 'Minimum years'], ['minSalary', 'Minimum salary'],
    ['maxSalary', 'Maximum salary']];
const NOT_SPECIFIED = 'Not specified';

let chartLibrary = null;

function loadChartLibrary() {
    chartLibrary ??= new Promise((resolve, reject) => {
        if (window.Chart) {
            resolve(window.Chart);
            return;
        }
        const script = document.createElement('script');
        script.src = CHART_SCRIPT;
        script.onload = () => resolve(window.Chart);
        script.onerror = () => {
            chartLibrary = null;
            reject(new Error('The chart library could not be loaded.'));
        };
        document.head.append(script);
    });
    return chartLibrary;
}

export function render(main) {
    const state = {alive: true, chart: null, request: 0};
    const status = liveStatus();
    const results = h('div', {id: 'metrics-results'});
    const canvas = h('canvas', {id: 'timeline-chart', role: 'img', 'aria-label': 'Applications and callbacks over time'});
    const chartStatus = h('p');
    const deepDive = h('div');
    const deepDiveSelect = h('select', {name: 'dimension', id: 'deep-dive-dimension'},
        DEEP_DIVE_DIMENSIONS.map(([key, text]) => h('option', {value: key}, text)));

    const form = h('form', {id: 'metrics-filters', 'aria-labelledby': 'filters-heading'},
        h('h2', {id: 'filters-heading'}, 'Filters'),
        h('div', {class: 'grid'},
            field('Applied from', h('input', {type: 'date', name: 'from', id: 'filter-from'})),
            field('Applied to', h('input', {type: 'date', name: 'to', id: 'filter-to'})),
            field('Timeline by', h('select', {name: 'interval', id: 'filter-interval'},
                h('option', {value: 'day'}, 'Day'), h('option', {value: 'week'}, 'Week')))),
        h('div', {class: 'filter-grid'}, FILTER_DIMENSIONS.map(([key, text]) =>
            field(text, h('select', {name: key, id: `filter-${key}`, multiple: true, size: 4}),
                'Choose none for all; Ctrl or ⌘ to pick several.'))),
        h('button', {type: 'reset', class: 'secondary outline'}, 'Clear filters'));

    const refresh = () => {
        loadDashboard(state, form, status, results, canvas, chartStatus);
        loadDeepDive(state, form, deepDiveSelect.value, deepDive);
    };
    form.addEventListener('change', refresh);
    form.addEventListener('submit', event => event.preventDefault());
    form.addEventListener('reset', () => setTimeout(refresh));
    deepDiveSelect.addEventListener('change', () => loadDeepDive(state, form, deepDiveSelect.value, deepDive));

    replaceChildren(main,
        h('h1', {}, 'Metrics'),
        form,
        status,
        h('section', {'aria-labelledby': 'timeline-heading'},
            h('h2', {id: 'timeline-heading'}, 'Over time'),
            h('div', {class: 'chart-box'}, canvas),
            chartStatus),
        results,
        h('section', {'aria-labelledby': 'deep-dive-heading'},
            h('h2', {id: 'deep-dive-heading'}, 'Deep dive'),
            field('Dimension', deepDiveSelect),
            deepDive));

    loadOptions(state, form);
    refresh();
    return () => {
        state.alive = false;
        state.chart?.destroy();
    };
}

function query(form) {
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const name of ['from', 'to']) {
        if (data.get(name)) {
            params.set(name, data.get(name));
        }
    }
    for (const [key] of FILTER_DIMENSIONS) {
        for (const value of data.getAll(key)) {
            params.append(key, value);
        }
    }
    params.set('zone', userZone());
    return params;
}

/** The choices of each filter: the values the caller's applications have (the unfiltered deep dive). */
async function loadOptions(state, form) {
    const zone = encodeURIComponent(userZone());
    await Promise.all(FILTER_DIMENSIONS.map(async ([key]) => {
        const select = form.elements.namedItem(key);
        try {
            const rows = await getJson(`/api/tracker/metrics/deep-dive?dimension=${key}&zone=${zone}`);
            const values = rows.map(row => row.value).filter(value => value && value !== NOT_SPECIFIED);
            if (state.alive) {
                replaceChildren(select, values.map(value => h('option', {value}, key === 'location' || key === 'specialization' ? value : label(value))));
                select.disabled = values.length === 0;
            }
        } catch {
            select.disabled = true;
        }
    }));
}

async function loadDashboard(state, form, status, results, canvas, chartStatus) {
    const request = ++state.request;
    const params = query(form);
    params.set('interval', new FormData(form).get('interval') || 'day');
    results.setAttribute('aria-busy', 'true');
    say(status, 'Loading…');
    try {
        const dashboard = await getJson(`/api/tracker/metrics?${params}`);
        if (!state.alive || request !== state.request) {
            return;
        }
        say(status, `Showing ${dashboard.summary.total} application${dashboard.summary.total === 1 ? '' : 's'}.`);
        replaceChildren(results, summarySection(dashboard), callbackSection(dashboard.callbacks),
            rejectionSection(dashboard.rejections), funnelSection(dashboard));
        drawChart(state, canvas, chartStatus, dashboard.timeline);
    } catch (error) {
        if (state.alive && request === state.request) {
            say(status, errorText('The metrics could not be loaded: ', error));
        }
    } finally {
        results.removeAttribute('aria-busy');
    }
}

function card(title, value, detail, id) {
    return h('article', {class: 'metric', id},
        h('h3', {}, title), h('p', {class: 'metric-value'}, String(value)), detail ? h('p', {}, h('small', {}, detail)) : null);
}

function summarySection({summary, interviewToOffer, timeToFirstResponse}) {
    const share = (name, text) => card(text, summary[name].count, `${summary[name].percent}% of applications`, `summary-${name}`);
    const median = timeToFirstResponse.medianHours;
    return h('section', {'aria-labelledby': 'summary-heading'},
        h('h2', {id: 'summary-heading'}, 'Summary'),
        h('div', {class: 'cards'},
            card('Applications', summary.total, null, 'summary-total'),
            share('callbacks', 'Callbacks'),
            share('rejected', 'Rejected'),
            share('closed', 'Closed'),
            share('noResponse', 'No response'),
            card('Interview to offer', `${interviewToOffer.percent}%`,
                `${interviewToOffer.offers} offer${interviewToOffer.offers === 1 ? '' : 's'} of ${interviewToOffer.interviewed} interviewed`, 'interview-to-offer'),
            card('Median time to first response', median === null || median === undefined ? '—' : hours(median),
                `${timeToFirstResponse.responded} responded`, 'first-response')));
}

function hours(value) {
    return value >= 48 ? `${(value / 24).toFixed(1)} days` : `${value} h`;
}

function shareTable(caption, rows, total) {
    return h('table', {class: 'striped'},
        h('caption', {}, caption),
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Value'), h('th', {scope: 'col'}, 'Count'), h('th', {scope: 'col'}, `% of ${total}`))),
        h('tbody', {}, rows.map(row => h('tr', {}, h('th', {scope: 'row'}, displayValue(row.value)), h('td', {}, row.count), h('td', {}, `${row.percent}%`)))));
}

function displayValue(value) {
    return /^[a-z0-9]+(_[a-z0-9]+)*$/.test(String(value)) ? label(value) : value;
}

function callbackSection(callbacks) {
    const dimensions = callbacks.dimensions ?? {};
    return h('section', {'aria-labelledby': 'callbacks-heading'},
        h('h2', {id: 'callbacks-heading'}, 'Callback analysis (', h('span', {id: 'callback-total'}, callbacks.total), ' callbacks)'),
        callbacks.total === 0 ? h('p', {}, 'No callbacks yet. Keep applying!')
            : h('div', {class: 'tables'}, CALLBACK_DIMENSIONS
                .filter(([key]) => (dimensions[key] ?? []).length)
                .map(([key, text]) => shareTable(text, dimensions[key], 'callbacks'))));
}

function rejectionSection(rejections) {
    const top = rejections.top ?? {};
    return h('section', {'aria-labelledby': 'rejections-heading'},
        h('h2', {id: 'rejections-heading'}, `Rejections (${rejections.total})`),
        rejections.total === 0 ? h('p', {}, 'No rejections in this selection.')
            : h('div', {class: 'tables'}, Object.entries(top).filter(([, rows]) => rows.length)
                .map(([key, rows]) => shareTable(`Top ${label(key).toLowerCase()} values`, rows, 'rejections'))));
}

function funnelSection({funnel}) {
    return h('section', {'aria-labelledby': 'funnel-heading'},
        h('h2', {id: 'funnel-heading'}, 'Funnel'),
        h('table', {class: 'striped'},
            h('caption', {}, 'Applications reaching each step (a later interview implies the earlier stages)'),
            h('thead', {}, h('tr', {}, ['Step', 'Applications', '% of applied', '% of previous step'].map(text => h('th', {scope: 'col'}, text)))),
            h('tbody', {}, (funnel?.steps ?? []).map(step => h('tr', {},
                h('th', {scope: 'row'}, label(step.stage)), h('td', {}, step.count),
                h('td', {}, `${step.percentOfApplied}%`), h('td', {}, `${step.percentOfPrevious}%`))))));
}

async function drawChart(state, canvas, chartStatus, timeline) {
    const points = timeline?.points ?? [];
    let Chart;
    try {
        Chart = await loadChartLibrary();
    } catch (error) {
        say(chartStatus, errorText('', error));
        return;
    }
    if (!state.alive) {
        return;
    }
    say(chartStatus, points.length ? `${points.length} ${timeline.interval === 'week' ? 'weeks' : 'days'} from ${timeline.from} to ${timeline.to}.`
        : 'No applications in this selection.');
    const data = {
        labels: points.map(point => point.date),
        datasets: [
            {type: 'bar', label: 'Applications', data: points.map(point => point.applications), yAxisID: 'count'},
            {type: 'bar', label: 'Callbacks', data: points.map(point => point.callbacks), yAxisID: 'count'},
            {type: 'line', label: 'Cumulative callback rate %', data: points.map(point => point.cumulativeCallbackRate), yAxisID: 'rate'},
        ],
    };
    if (state.chart) {
        state.chart.data = data;
        state.chart.update();
        return;
    }
    state.chart = new Chart(canvas, {
        data,
        options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            scales: {
                count: {type: 'linear', position: 'left', beginAtZero: true, ticks: {precision: 0}, title: {display: true, text: 'Applications'}},
                rate: {type: 'linear', position: 'right', beginAtZero: true, suggestedMax: 100, grid: {drawOnChartArea: false},
                    title: {display: true, text: 'Callback rate %'}},
            },
        },
    });
}

async function loadDeepDive(state, form, dimension, target) {
    const params = query(form);
    params.set('dimension', dimension);
    target.setAttribute('aria-busy', 'true');
    try {
        const rows = await getJson(`/api/tracker/metrics/deep-dive?${params}`);
        if (!state.alive) {
            return;
        }
        replaceChildren(target, rows.length ? h('table', {class: 'striped', id: 'deep-dive-table'},
            h('caption', {}, 'Most applications first'),
            h('thead', {}, h('tr', {}, ['Value', 'Total', 'Callbacks', 'Callback rate', 'Rejected', 'Closed', 'No response']
                .map(text => h('th', {scope: 'col'}, text)))),
            h('tbody', {}, rows.map(row => h('tr', {},
                h('th', {scope: 'row'}, displayValue(row.value)), h('td', {}, row.total), h('td', {}, row.callbacks),
                h('td', {}, `${row.callbackRate}%`), h('td', {}, row.rejected), h('td', {}, row.closed), h('td', {}, row.noResponse)))))
            : h('p', {}, 'No applications in this selection.'));
    } catch (error) {
        if (state.alive) {
            replaceChildren(target, h('p', {}, errorText('The deep dive could not be loaded: ', error)));
        }
    } finally {
        target.removeAttribute('aria-busy');
    }
}
