// LLM spend, combined from the two services that call a model: resume-service (JD parsing, bullets,
// skills) and interview-prep-service (preparation documents). Each keeps its own cost ledger and
// answers GET /api/<area>/llm/costs for the caller only (llm-support's read API); this page adds
// the two up: per call type, per day (a Chart.js bar chart, the webjar the metrics page uses), per
// job and per application, and the averages. Offline work is listed too, at cost 0.

import {h, replaceChildren} from '../dom.js';
import {getJson} from '../http.js';
import {errorText, field, label, liveStatus, say, today, userZone} from '../ui.js';

const CHART_SCRIPT = '/webjars/chart.js/dist/chart.umd.min.js';
const SERVICES = [
    {key: 'resume', name: 'Resumes', base: '/api/resumes/llm'},
    {key: 'prep', name: 'Interview prep', base: '/api/prep/llm'},
];

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
    status.id = 'cost-status';
    const providers = h('div', {id: 'cost-providers'});
    const results = h('div', {id: 'cost-results'});
    const canvas = h('canvas', {id: 'cost-chart', role: 'img', 'aria-label': 'LLM spend per day'});
    const chartStatus = h('p');
    const to = today();
    const from = shiftDays(to, -29);
    const form = h('form', {id: 'cost-period'},
        h('div', {class: 'grid'},
            field('From', h('input', {type: 'date', name: 'from', id: 'cost-from', value: from, required: true})),
            field('To', h('input', {type: 'date', name: 'to', id: 'cost-to', value: to, required: true})),
            h('div', {}, h('button', {type: 'submit', id: 'cost-refresh'}, 'Show'))));
    form.addEventListener('submit', event => {
        event.preventDefault();
        load(state, form, status, results, canvas, chartStatus);
    });
    replaceChildren(main,
        h('h1', {}, 'LLM costs'),
        h('p', {}, 'What the model calls behind your resumes and interview preparation cost, from both services\' ledgers. '
            + 'Offline work (no model) is counted as calls at $0.'),
        providers,
        form,
        status,
        h('section', {'aria-labelledby': 'cost-chart-heading'},
            h('h2', {id: 'cost-chart-heading'}, 'Per day'),
            h('div', {class: 'chart-box'}, canvas),
            chartStatus),
        results);
    loadProviders(state, providers);
    load(state, form, status, results, canvas, chartStatus);
    return () => {
        state.alive = false;
        state.chart?.destroy();
    };
}

function shiftDays(isoDay, days) {
    const [year, month, day] = isoDay.split('-').map(Number);
    const date = new Date(Date.UTC(year, month - 1, day + days));
    return date.toISOString().slice(0, 10);
}

/** Each service's provider, model and the caller's budget (each service enforces its own). */
async function loadProviders(state, target) {
    const rows = await Promise.all(SERVICES.map(async service => {
        try {
            return {service, status: await getJson(`${service.base}/status`)};
        } catch (error) {
            return {service, error};
        }
    }));
    if (!state.alive) {
        return;
    }
    replaceChildren(target, h('table', {id: 'cost-provider-table'},
        h('caption', {}, 'Providers and budgets'),
        h('thead', {}, h('tr', {}, ['Service', 'Provider', 'Model', 'Spent this month', 'Budget left'].map(text => h('th', {scope: 'col'}, text)))),
        h('tbody', {}, rows.map(({service, status, error}) => error
            ? h('tr', {}, h('th', {scope: 'row'}, service.name), h('td', {colspan: 4}, errorText('Not available: ', error)))
            : h('tr', {'data-service': service.key},
                h('th', {scope: 'row'}, service.name),
                h('td', {}, status.offline ? 'Offline (no model)' : status.provider),
                h('td', {}, status.model),
                h('td', {}, usd(status.budget.spent)),
                h('td', {}, `${usd(status.budget.remaining)} of ${usd(status.budget.limit)} per ${status.budget.period}`))))));
}

async function load(state, form, status, results, canvas, chartStatus) {
    const request = ++state.request;
    const data = new FormData(form);
    const params = new URLSearchParams({from: data.get('from'), to: data.get('to'), zone: userZone()});
    results.setAttribute('aria-busy', 'true');
    say(status, 'Loading…');
    const reports = await Promise.all(SERVICES.map(async service => {
        try {
            return {service, report: await getJson(`${service.base}/costs?${params}`)};
        } catch (error) {
            return {service, error};
        }
    }));
    if (!state.alive || request !== state.request) {
        return;
    }
    results.removeAttribute('aria-busy');
    const loaded = reports.filter(entry => entry.report);
    const failed = reports.filter(entry => entry.error);
    if (!loaded.length) {
        say(status, errorText('The costs could not be loaded: ', failed[0].error));
        replaceChildren(results);
        return;
    }
    const combined = combine(loaded);
    const [jobNames, applicationNames] = await Promise.all([jobTitles(), applicationTitles()]);
    if (!state.alive || request !== state.request) {
        return;
    }
    say(status, `${combined.total.calls} call${combined.total.calls === 1 ? '' : 's'}, ${usd(combined.total.costUsd)} `
        + `from ${data.get('from')} to ${data.get('to')}.`,
        failed.map(({service, error}) => h('span', {class: 'error'}, ` ${service.name}: not available (${error.message}).`)));
    replaceChildren(results,
        totalsSection(combined),
        purposeSection(combined),
        jobSection(combined, jobNames),
        applicationSection(combined, applicationNames));
    drawChart(state, canvas, chartStatus, combined, loaded);
}

const ZERO = {calls: 0, inputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, outputTokens: 0, costUsd: 0};

function add(a, b) {
    return {
        calls: a.calls + b.calls,
        inputTokens: a.inputTokens + b.inputTokens,
        cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
        cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
        outputTokens: a.outputTokens + b.outputTokens,
        costUsd: Number(a.costUsd) + Number(b.costUsd),
    };
}

/** Adds the services' reports: totals, and the rows of each breakdown merged by their key. */
function combine(loaded) {
    const merge = (list, key) => {
        const rows = new Map();
        for (const {service, report} of loaded) {
            for (const row of report[list]) {
                const entry = rows.get(row[key]) ?? {key: row[key], usage: ZERO, services: new Set()};
                entry.usage = add(entry.usage, row.usage);
                entry.services.add(service.name);
                rows.set(row[key], entry);
            }
        }
        return [...rows.values()].sort((a, b) => b.usage.costUsd - a.usage.costUsd || b.usage.calls - a.usage.calls);
    };
    const total = loaded.reduce((sum, {report}) => add(sum, report.total), ZERO);
    const jobs = merge('byJob', 'jobId');
    const applications = merge('byApplication', 'applicationId');
    const average = rows => {
        const sum = rows.reduce((acc, row) => acc + row.usage.costUsd, 0);
        return {count: rows.length, total: sum, average: rows.length ? sum / rows.length : 0};
    };
    return {
        total,
        purposes: merge('byPurpose', 'purpose'),
        days: merge('byDay', 'day').sort((a, b) => a.key.localeCompare(b.key)),
        jobs,
        applications,
        perJob: average(jobs),
        perApplication: average(applications),
    };
}

/** jobId → "Company — Title", from the caller's resumes (where jobs are minted); empty when unavailable. */
async function jobTitles() {
    try {
        const page = await getJson('/api/resumes?page=0&size=100');
        return new Map((page.items ?? []).map(item => [item.jobId, `${item.company} — ${item.title}`]));
    } catch {
        return new Map();
    }
}

/** applicationId → "Company — Title", from the tracker; empty when unavailable. */
async function applicationTitles() {
    try {
        const page = await getJson('/api/tracker/applications?page=0&size=100');
        return new Map((page.items ?? []).map(item => [item.id, `${item.company} — ${item.title}`]));
    } catch {
        return new Map();
    }
}

function usd(value) {
    const amount = Number(value ?? 0);
    // model calls cost fractions of a cent: show enough digits that they do not read as $0.00
    return `$${amount.toLocaleString(undefined, {minimumFractionDigits: 2, maximumFractionDigits: amount !== 0 && Math.abs(amount) < 1 ? 4 : 2})}`;
}

function tokens(usage) {
    return [usage.inputTokens, usage.cacheWriteTokens, usage.cacheReadTokens, usage.outputTokens]
        .map(count => h('td', {}, Number(count).toLocaleString()));
}

const TOKEN_HEADERS = ['Input tokens', 'Cache write', 'Cache read', 'Output tokens'];

function card(title, value, detail, id) {
    return h('article', {class: 'metric', id},
        h('h3', {}, title), h('p', {class: 'metric-value'}, value), detail ? h('p', {}, h('small', {}, detail)) : null);
}

function totalsSection(combined) {
    return h('section', {'aria-labelledby': 'cost-totals-heading'},
        h('h2', {id: 'cost-totals-heading'}, 'Totals'),
        h('div', {class: 'cards'},
            card('Spent', usd(combined.total.costUsd), `${combined.total.calls} calls`, 'cost-total'),
            card('Average per job', usd(combined.perJob.average), `over ${combined.perJob.count} job${combined.perJob.count === 1 ? '' : 's'} with calls`, 'cost-average-job'),
            card('Average per application', usd(combined.perApplication.average),
                `over ${combined.perApplication.count} application${combined.perApplication.count === 1 ? '' : 's'} with calls`, 'cost-average-application'),
            card('Tokens', (combined.total.inputTokens + combined.total.cacheWriteTokens + combined.total.cacheReadTokens
                + combined.total.outputTokens).toLocaleString(), `${combined.total.outputTokens.toLocaleString()} output`, 'cost-tokens')));
}

function purposeSection(combined) {
    return h('section', {'aria-labelledby': 'cost-purpose-heading'},
        h('h2', {id: 'cost-purpose-heading'}, 'Per call type'),
        combined.purposes.length === 0 ? h('p', {}, 'No calls in this period.')
            : h('table', {class: 'striped', id: 'cost-purposes'},
                h('thead', {}, h('tr', {}, ['Call type', 'Service', 'Calls', ...TOKEN_HEADERS, 'Cost'].map(text => h('th', {scope: 'col'}, text)))),
                h('tbody', {}, combined.purposes.map(row => h('tr', {'data-purpose': row.key},
                    h('th', {scope: 'row'}, label(row.key)),
                    h('td', {}, [...row.services].join(', ')),
                    h('td', {class: 'calls'}, row.usage.calls),
                    ...tokens(row.usage),
                    h('td', {class: 'cost'}, usd(row.usage.costUsd)))))));
}

function jobSection(combined, names) {
    return h('section', {'aria-labelledby': 'cost-job-heading'},
        h('h2', {id: 'cost-job-heading'}, 'Per job'),
        combined.jobs.length === 0 ? h('p', {}, 'No calls for a job in this period.')
            : h('table', {class: 'striped', id: 'cost-jobs'},
                h('thead', {}, h('tr', {}, ['Job', 'Calls', ...TOKEN_HEADERS, 'Cost'].map(text => h('th', {scope: 'col'}, text)))),
                h('tbody', {}, combined.jobs.map(row => h('tr', {'data-job': row.key},
                    h('th', {scope: 'row'}, names.get(row.key) ?? h('code', {}, row.key)),
                    h('td', {}, row.usage.calls), ...tokens(row.usage), h('td', {}, usd(row.usage.costUsd)))))));
}

function applicationSection(combined, names) {
    return h('section', {'aria-labelledby': 'cost-application-heading'},
        h('h2', {id: 'cost-application-heading'}, 'Per application'),
        combined.applications.length === 0 ? h('p', {}, 'No calls for an application in this period.')
            : h('table', {class: 'striped', id: 'cost-applications'},
                h('thead', {}, h('tr', {}, ['Application', 'Calls', ...TOKEN_HEADERS, 'Cost'].map(text => h('th', {scope: 'col'}, text)))),
                h('tbody', {}, combined.applications.map(row => h('tr', {'data-application': row.key},
                    h('th', {scope: 'row'}, h('a', {href: `/applications/${encodeURIComponent(row.key)}`}, names.get(row.key) ?? row.key)),
                    h('td', {}, row.usage.calls), ...tokens(row.usage), h('td', {}, usd(row.usage.costUsd)))))));
}

async function drawChart(state, canvas, chartStatus, combined, loaded) {
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
    const days = combined.days.map(row => row.key);
    const activeDays = combined.days.filter(row => row.usage.calls > 0).length;
    say(chartStatus, `${days.length} days, ${activeDays} with calls.`);
    const data = {
        labels: days,
        // one stacked bar per service, so the day's total is the bar's height
        datasets: loaded.map(({service, report}) => {
            const byDay = new Map(report.byDay.map(row => [row.day, Number(row.usage.costUsd)]));
            return {type: 'bar', label: `${service.name} (USD)`, data: days.map(day => byDay.get(day) ?? 0), stack: 'cost'};
        }),
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
                x: {stacked: true},
                y: {stacked: true, beginAtZero: true, title: {display: true, text: 'USD'}},
            },
        },
    });
}
