// The prep page of one application (interview-prep-service): the base prep and, for the chosen interview, its
// prep; a sidebar of sections that follows the scrolling, collapsible sections, markdown rendered with marked and
// sanitized with DOMPurify (both from their webjars), regeneration with its status polled from the API, section
// edits (each a new version), the versions list and debrief notes per interview. Printable (app.css @media print).

import {h, replaceChildren} from '../dom.js';
import {getJson, postJson, putJson, ProblemError} from '../http.js';
import {busy, describe, errorText, field, label, liveStatus, say, when} from '../ui.js';

const MARKED_SCRIPT = '/webjars/marked/lib/marked.umd.js';
const PURIFY_SCRIPT = '/webjars/dompurify/dist/purify.min.js';
const POLL_MS = 2000;
const UNFINISHED = ['waiting', 'pending', 'running'];

const BASE_SECTIONS = [
    ['formattedJd', 'Job description'],
    ['companyContext', 'Company & product context'],
    ['primaryDrivers', 'Primary callback drivers'],
    ['backgroundNarrative', 'Targeted background narrative'],
    ['resumeDefense', 'Resume defense preparation'],
];
const INTERVIEW_SECTIONS = [
    ['prepPlan', 'Preparation roadmap'],
    ['predictedQuestions', 'Predicted interview questions & responses'],
    ['interviewerQuestions', 'Interviewer-aligned questions'],
    ['technicalDeepDives', 'Technical deep dives'],
];
const SECTION_TITLES = Object.fromEntries([...BASE_SECTIONS, ...INTERVIEW_SECTIONS]);

const shortDate = new Intl.DateTimeFormat('en-US', {month: 'short', day: '2-digit', year: 'numeric'});

let markdownLibraries = null;

function loadScript(src) {
    return new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        script.onload = resolve;
        script.onerror = () => reject(new Error(`${src} could not be loaded.`));
        document.head.append(script);
    });
}

/** marked and DOMPurify, loaded once from their webjars (classic scripts: window.marked, window.DOMPurify). */
function loadMarkdown() {
    markdownLibraries ??= Promise.all([
        window.marked ? null : loadScript(MARKED_SCRIPT),
        window.DOMPurify ? null : loadScript(PURIFY_SCRIPT),
    ]).then(() => ({
        // raw HTML inside the markdown (a model's answer, a pasted JD, the user's own edits) is shown as the text
        // it is, never as markup: only markdown's own constructs become elements
        marked: new window.marked.Marked({async: false, gfm: true, renderer: {html: token => escapeHtml(token.text)}}),
        purify: window.DOMPurify,
    }), error => {
        markdownLibraries = null;
        throw error;
    });
    return markdownLibraries;
}

/** Markdown → sanitized nodes; never inserted as HTML before DOMPurify has cleaned it (no style attributes: CSP). */
function markdown(libs, text) {
    const container = h('div', {class: 'markdown'});
    if (!libs) {
        container.append(h('pre', {class: 'markdown-source'}, text ?? ''));
        return container;
    }
    const html = libs.marked.parse(text ?? '');
    // images too: a prep needs none, and an image is how markup would call out of the page
    container.append(libs.purify.sanitize(html, {RETURN_DOM_FRAGMENT: true, FORBID_ATTR: ['style'],
        FORBID_TAGS: ['style', 'img', 'svg', 'math']}));
    return container;
}

function escapeHtml(text) {
    return String(text ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
}

export function render(main, [id]) {
    const state = {
        alive: true,
        id,
        api: `/api/prep/applications/${encodeURIComponent(id)}`,
        selected: new URLSearchParams(window.location.search).get('interview_id'),
        page: null,
        job: null,
        libs: null,
        timer: null,
        observer: null,
        signature: null,
        announcement: null,
    };
    replaceChildren(main, h('h1', {}, 'Interview preparation'), h('p', {'aria-busy': 'true'}, 'Loading…'));
    const beforePrint = () => main.querySelectorAll('details.prep-section').forEach(d => {
        d.dataset.printClosed = d.open ? '' : 'true';
        d.open = true;
    });
    const afterPrint = () => main.querySelectorAll('details.prep-section[data-print-closed="true"]').forEach(d => {
        d.open = false;
    });
    const onHash = () => openTarget(main, window.location.hash.slice(1));
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    window.addEventListener('hashchange', onHash);
    loadMarkdown().then(libs => {
        state.libs = libs;
    }, () => {
        state.libs = null;
        state.libsFailed = true;
    }).finally(() => load(main, state, true));
    return () => {
        state.alive = false;
        clearTimeout(state.timer);
        state.observer?.disconnect();
        window.removeEventListener('beforeprint', beforePrint);
        window.removeEventListener('afterprint', afterPrint);
        window.removeEventListener('hashchange', onHash);
    };
}

/** Fetches the page; re-renders when something changed (not while the user is editing), polls while unfinished. */
async function load(main, state, force = false) {
    clearTimeout(state.timer);
    let page;
    try {
        page = await getJson(state.api);
    } catch (error) {
        if (!state.alive) {
            return;
        }
        if (error instanceof ProblemError && error.status === 404) {
            // the service learns of applications by event: it may not know this one yet
            replaceChildren(main, h('h1', {}, 'Interview preparation'),
                h('p', {role: 'status', id: 'prep-unknown'},
                    'Interview preparation does not know this application (yet). It learns of applications from the tracker; '
                    + 'this page checks again every few seconds.'),
                backLinks(state));
        } else {
            replaceChildren(main, h('h1', {}, 'Interview preparation'),
                h('p', {role: 'alert'}, errorText('The preparation could not be loaded: ', error)), backLinks(state));
        }
        state.timer = setTimeout(() => load(main, state, true), POLL_MS * 2);
        return;
    }
    if (!state.alive) {
        return;
    }
    if (page.jobId && !state.job) {
        state.job = await getJson(`/api/tracker/jobs/${encodeURIComponent(page.jobId)}`).catch(() => null);
        if (!state.alive) {
            return;
        }
    }
    const signature = JSON.stringify([page.base?.id, page.interviews.map(i => [i.interview.interviewId, i.prep?.id,
        i.interview.change, i.interview.scheduledAt]), page.generations.map(g => [g.id, g.status, g.error])]);
    const editing = main.querySelector('.prep-edit-form, form.debrief[data-dirty="true"]');
    if (force || (signature !== state.signature && !editing)) {
        state.page = page;
        state.signature = signature;
        draw(main, state);
    }
    // poll quickly while something is under way or still to come (a generation, or a prep an event will bring)
    const expecting = page.generations.some(g => UNFINISHED.includes(g.status)) || signature !== state.signature
        || !page.base || page.interviews.some(i => !i.prep && i.interview.change !== 'cancelled');
    state.timer = setTimeout(() => load(main, state), expecting ? POLL_MS : POLL_MS * 10);
}

function backLinks(state) {
    return h('p', {class: 'no-print'},
        h('a', {href: `/applications/${encodeURIComponent(state.id)}`}, 'Back to the application'), ' · ',
        h('a', {href: '/interviews/upcoming'}, 'Upcoming interviews'));
}

function interviewLabel(interview) {
    const date = new Date(interview.scheduledAt);
    return [label(interview.stage), interview.focus ? label(interview.focus) : null,
        Number.isNaN(date.getTime()) ? null : shortDate.format(date)].filter(Boolean).join(' – ')
        + (interview.cancelled || interview.change === 'cancelled' ? ' (cancelled)' : '');
}

/** ?interview_id if it is one of this application's; else the next upcoming, else the latest past; else the base. */
function chooseInterview(state, interviews) {
    if (state.selected === 'base') {
        return {choice: null};
    }
    if (state.selected) {
        const given = interviews.find(i => i.interview.interviewId === state.selected);
        if (given) {
            return {choice: given};
        }
    }
    const now = Date.now();
    const active = interviews.filter(i => i.interview.change !== 'cancelled');
    const upcoming = active.filter(i => new Date(i.interview.scheduledAt).getTime() >= now)
        .sort((a, b) => new Date(a.interview.scheduledAt) - new Date(b.interview.scheduledAt));
    const past = interviews.filter(i => new Date(i.interview.scheduledAt).getTime() < now)
        .sort((a, b) => new Date(b.interview.scheduledAt) - new Date(a.interview.scheduledAt));
    const fallback = upcoming[0] ?? past[0] ?? interviews[0] ?? null;
    return {choice: fallback, unknown: state.selected && state.selected !== 'base' ? state.selected : null};
}

function draw(main, state) {
    const page = state.page;
    const interviews = [...page.interviews].sort((a, b) =>
        new Date(a.interview.scheduledAt) - new Date(b.interview.scheduledAt));
    const {choice, unknown} = chooseInterview(state, interviews);
    const status = liveStatus();
    status.id = 'prep-status';
    if (state.announcement) {
        say(status, state.announcement);
        state.announcement = null;
    }
    const job = state.job;
    const facts = [job?.location, job?.workSetting ? label(job.workSetting) : null].filter(Boolean).join(' · ');

    const selector = h('select', {id: 'prep-interview', name: 'interview'},
        h('option', {value: 'base', selected: !choice}, 'Base preparation only'),
        interviews.map(i => h('option', {value: i.interview.interviewId, selected: i === choice}, interviewLabel(i.interview))));
    selector.addEventListener('change', () => {
        state.selected = selector.value;
        const url = new URL(window.location.href);
        url.searchParams.set('interview_id', selector.value);
        url.hash = '';
        window.history.replaceState(null, '', url.pathname + url.search);
        draw(main, state);
        say(document.getElementById('prep-status'), selector.value === 'base'
            ? 'Showing the base preparation.' : `Showing the preparation for ${selector.selectedOptions[0].textContent}.`);
    });

    const baseGeneration = page.generations.find(g => !g.interviewId) ?? null;
    const documents = [documentBlock(state, main, {
        kind: 'base',
        heading: 'Base preparation',
        doc: page.base,
        sections: BASE_SECTIONS,
        generation: baseGeneration,
        regenerate: `${state.api}/base/regenerate`,
        versions: `${state.api}/base/versions`,
        edit: key => `${state.api}/base/sections/${encodeURIComponent(key)}`,
    })];
    if (choice) {
        const interviewUrl = `/api/prep/interviews/${encodeURIComponent(choice.interview.interviewId)}`;
        documents.push(documentBlock(state, main, {
            kind: 'interview',
            heading: `Interview: ${interviewLabel(choice.interview)}`,
            doc: choice.prep,
            sections: INTERVIEW_SECTIONS,
            generation: page.generations.find(g => g.interviewId === choice.interview.interviewId) ?? null,
            regenerate: `${interviewUrl}/regenerate`,
            versions: `${interviewUrl}/versions`,
            edit: key => `${interviewUrl}/sections/${encodeURIComponent(key)}`,
            interview: choice.interview,
        }));
        documents.push(debriefForm(state, main, choice.interview, interviewUrl));
    }

    const shown = [...BASE_SECTIONS.filter(() => page.base), ...(choice?.prep ? INTERVIEW_SECTIONS : [])];
    const sidebar = h('nav', {class: 'prep-sidebar no-print', 'aria-label': 'Preparation sections'},
        h('h2', {}, 'Sections'),
        shown.length
            ? h('ul', {}, shown.map(([key, title]) => h('li', {},
                h('a', {href: `#section-${key}`, 'data-section': key, onclick: event => {
                    event.preventDefault();
                    openTarget(main, `section-${key}`);
                    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#section-${key}`);
                }}, title))))
            : h('p', {}, 'No sections yet.'));

    replaceChildren(main,
        h('h1', {}, 'Interview preparation: ', page.title ?? '(untitled)', page.company ? ` at ${page.company}` : ''),
        facts ? h('p', {id: 'prep-job-facts'}, facts) : null,
        backLinks(state),
        status,
        state.libsFailed ? h('p', {role: 'alert'}, 'The markdown renderer could not be loaded: sections are shown as plain text.') : null,
        unknown ? h('p', {role: 'alert'}, 'The interview in the link is not one of this application\'s; showing another.') : null,
        h('div', {class: 'prep-controls no-print'},
            interviews.length
                ? field('Interview', selector, 'The next upcoming interview is chosen unless you pick another.')
                : h('p', {}, 'No interviews scheduled yet: only the base preparation exists. Schedule one on the application page.'),
            h('button', {type: 'button', class: 'secondary outline', id: 'prep-print', onclick: () => window.print()}, 'Print')),
        h('div', {class: 'prep-layout'}, sidebar, h('div', {class: 'prep-documents'}, documents)));

    observeSections(main, state);
    if (window.location.hash) {
        openTarget(main, window.location.hash.slice(1));
    }
}

function generationText(generation) {
    if (!generation) {
        return null;
    }
    switch (generation.status) {
        case 'waiting':
            return 'Waiting for the job context: the job description has not reached interview prep yet. Generation starts as soon as it does.';
        case 'pending':
            return 'Generation queued…';
        case 'running':
            return 'Generating…';
        case 'failed':
            return `Generation failed: ${generation.error ?? 'no reason given'}.`;
        case 'skipped':
            return `Generation skipped${generation.error ? `: ${generation.error}` : ''}.`;
        default:
            return null;
    }
}

function documentBlock(state, main, spec) {
    const {kind, heading, doc, sections, generation} = spec;
    const docStatus = liveStatus();
    const genText = generationText(generation);
    const regenerate = h('button', {type: 'button', class: 'secondary', 'data-regenerate': kind},
        doc ? 'Regenerate' : 'Generate');
    regenerate.disabled = !!generation && UNFINISHED.includes(generation.status);
    regenerate.addEventListener('click', () => busy(regenerate, async () => {
        try {
            await postJson(spec.regenerate);
            state.announcement = 'Generation requested; the page updates when it is done.';
            await load(main, state, true);
        } catch (error) {
            say(docStatus, errorText('Not requested: ', error));
        }
    }));
    const versions = h('details', {class: 'prep-versions no-print', 'data-versions': kind},
        h('summary', {}, 'Versions'), h('div', {class: 'versions-list'}));
    versions.addEventListener('toggle', () => {
        if (versions.open) {
            loadVersions(spec.versions, versions.querySelector('.versions-list'));
        }
    });
    const meta = doc
        ? h('p', {class: 'prep-meta', 'data-meta': kind},
            h('span', {class: 'prep-version'}, `Version ${doc.version}`), ' · ', when(doc.createdAt), ' · ',
            doc.offline ? h('mark', {class: 'offline-label'}, 'Offline draft') : `Generated by ${doc.generator}`,
            doc.editedSection ? ` · edited: ${SECTION_TITLES[doc.editedSection] ?? doc.editedSection}` : '')
        : h('p', {class: 'prep-meta', 'data-meta': kind}, genText ? null : (kind === 'base'
            ? 'No base preparation yet. It is generated when the application gets a callback, or now with Generate.'
            : 'No preparation for this interview yet.'));
    const genLine = genText ? h('p', {class: `generation generation-${generation.status}`, 'data-generation': kind,
        'aria-busy': UNFINISHED.includes(generation.status) && generation.status !== 'waiting' ? 'true' : null}, genText) : null;
    return h('section', {class: 'prep-document', id: `document-${kind}`, 'aria-labelledby': `document-${kind}-heading`},
        h('h2', {id: `document-${kind}-heading`}, heading),
        meta, genLine,
        h('div', {class: 'listing-actions no-print'}, regenerate, versions),
        docStatus,
        doc ? sections.map(([key, title]) => sectionBlock(state, main, spec, key, title, doc.sections?.[key] ?? '')) : null);
}

function sectionBlock(state, main, spec, key, title, text) {
    const body = markdown(state.libs, text);
    const edit = h('button', {type: 'button', class: 'secondary outline edit-section'}, 'Edit section');
    const sectionStatus = liveStatus();
    const details = h('details', {class: 'prep-section', id: `section-${key}`, open: true, 'data-section': key},
        h('summary', {}, h('h3', {}, title)),
        body,
        h('div', {class: 'no-print'}, edit),
        sectionStatus);
    edit.addEventListener('click', () => {
        const textarea = h('textarea', {name: 'markdown', rows: 16, required: true}, text);
        const save = h('button', {type: 'submit'}, 'Save as a new version');
        const cancel = h('button', {type: 'button', class: 'secondary outline'}, 'Cancel');
        const form = h('form', {class: 'prep-edit-form no-print'},
            field(`${title} (markdown)`, textarea), h('div', {class: 'listing-actions'}, save, cancel), sectionStatus);
        cancel.addEventListener('click', () => {
            form.replaceWith(body);
            details.append(h('div', {class: 'no-print'}, edit), sectionStatus);
        });
        form.addEventListener('submit', event => {
            event.preventDefault();
            busy(save, async () => {
                try {
                    const saved = await putJson(spec.edit(key), {markdown: textarea.value});
                    form.remove();
                    state.announcement = `${title} saved as version ${saved.version}.`;
                    await load(main, state, true);
                } catch (error) {
                    say(sectionStatus, errorText('Not saved: ', error));
                }
            });
        });
        details.querySelectorAll(':scope > .markdown, :scope > div.no-print').forEach(element => element.remove());
        details.append(form);
        details.open = true;
        textarea.focus();
    });
    return details;
}

async function loadVersions(url, target) {
    replaceChildren(target, h('p', {'aria-busy': 'true'}, 'Loading versions…'));
    try {
        const versions = await getJson(url);
        replaceChildren(target, versions.length
            ? h('ol', {class: 'versions'}, versions.map(v => h('li', {'data-version': v.version},
                `Version ${v.version} · `, when(v.createdAt), ' · ', v.offline ? 'offline draft' : v.generator,
                v.editedSection ? ` · edited ${SECTION_TITLES[v.editedSection] ?? v.editedSection}` : ' · generated')))
            : h('p', {}, 'No versions yet.'));
    } catch (error) {
        replaceChildren(target, errorText('The versions could not be loaded: ', error));
    }
}

function debriefForm(state, main, interview, interviewUrl) {
    const formStatus = liveStatus();
    const save = h('button', {type: 'submit'}, 'Save notes');
    const form = h('form', {class: 'debrief no-print', id: 'debrief-form'},
        field('Questions asked', h('textarea', {name: 'questionsAsked', rows: 4, maxlength: 20000},
            interview.questionsAsked ?? '')),
        field('Self-reflection', h('textarea', {name: 'selfReflection', rows: 4, maxlength: 20000},
            interview.selfReflection ?? ''), 'These notes feed the preparation of this application\'s later interviews.'),
        save, formStatus);
    form.addEventListener('input', () => {
        form.dataset.dirty = 'true';
    });
    form.addEventListener('submit', event => {
        event.preventDefault();
        const data = new FormData(form);
        busy(save, async () => {
            try {
                const saved = await putJson(`${interviewUrl}/debrief`, {
                    questionsAsked: String(data.get('questionsAsked') ?? ''),
                    selfReflection: String(data.get('selfReflection') ?? ''),
                });
                form.dataset.dirty = 'false';
                const entry = state.page.interviews.find(i => i.interview.interviewId === saved.interviewId);
                if (entry) {
                    entry.interview = saved;
                }
                say(formStatus, 'Notes saved.');
            } catch (error) {
                say(formStatus, h('span', {class: 'error'}, 'Not saved: ', describe(error)));
            }
        });
    });
    return h('section', {class: 'prep-debrief', 'aria-labelledby': 'debrief-heading'},
        h('h2', {id: 'debrief-heading'}, 'Debrief notes'),
        interview.debriefUpdatedAt ? h('p', {}, 'Last saved ', when(interview.debriefUpdatedAt)) : null,
        form);
}

/** Opens a section (and scrolls to it) when its sidebar link is followed or the URL's hash names it. */
function openTarget(main, id) {
    if (!id) {
        return;
    }
    const target = main.querySelector(`#${CSS.escape(id)}`);
    if (target instanceof HTMLDetailsElement) {
        target.open = true;
        target.scrollIntoView({block: 'start'});
        markCurrent(main, target.dataset.section);
    }
}

function markCurrent(main, key) {
    for (const link of main.querySelectorAll('.prep-sidebar a[data-section]')) {
        if (link.dataset.section === key) {
            link.setAttribute('aria-current', 'true');
        } else {
            link.removeAttribute('aria-current');
        }
    }
}

/** Highlights the section being read: the first one crossing a line about 120px below the top of the view. */
function observeSections(main, state) {
    state.observer?.disconnect();
    const sections = [...main.querySelectorAll('details.prep-section')];
    if (!sections.length || !('IntersectionObserver' in window)) {
        return;
    }
    const visible = new Set();
    state.observer = new IntersectionObserver(entries => {
        for (const entry of entries) {
            if (entry.isIntersecting) {
                visible.add(entry.target);
            } else {
                visible.delete(entry.target);
            }
        }
        const current = sections.find(section => visible.has(section));
        if (current) {
            markCurrent(main, current.dataset.section);
        }
    }, {rootMargin: '-120px 0px -55% 0px', threshold: 0});
    sections.forEach(section => state.observer.observe(section));
    markCurrent(main, sections[0].dataset.section);
}
