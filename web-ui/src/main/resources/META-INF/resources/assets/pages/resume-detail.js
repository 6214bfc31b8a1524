// One resume (resume-service): the pipeline's steps, polled every second (GET /api/resumes/{id})
// until it is done or failed — a failed step shows its reason and can be retried (POST …/retry);
// then the content: each bullet and skills line with "exclude" and an override text (PATCH
// …/items/{itemId}), the requirement coverage, "Re-render" (POST …/versions: a new version, earlier
// PDFs stay), a PDF preview and a download link per version, "Mark applied" (POST
// /api/tracker/applications with the job id: generating a resume never creates an application)
// and the model in use with the budget left.

import {h, replaceChildren} from '../dom.js';
import {getJson, patchJson, postJson, ProblemError} from '../http.js';
import {busy, errorText, label, liveStatus, say, when} from '../ui.js';
import {llmStatusLine} from './resume-llm.js';

const POLL_MS = 1000;
const FINISHED = ['done', 'failed'];
const STEP_TITLES = {parse: 'Read the job description', write: 'Write bullets and skills', render: 'Render the PDF'};

export function render(main, [id]) {
    const state = {alive: true, id, view: null, timer: null, preview: null, contentVersion: null};
    const status = liveStatus();
    status.id = 'resume-page-status';
    const header = h('div', {id: 'resume-header'});
    const steps = h('section', {id: 'resume-steps', 'aria-labelledby': 'resume-steps-heading'});
    const content = h('div', {id: 'resume-content'});
    const llm = h('p', {id: 'resume-llm'});
    replaceChildren(main,
        h('p', {}, h('a', {href: '/resume'}, '← All resumes')),
        header, llm, status, steps, content);
    state.parts = {main, status, header, steps, content};
    llmStatusLine(state, llm);
    poll(state);
    return () => {
        state.alive = false;
        clearTimeout(state.timer);
        if (state.preview) {
            URL.revokeObjectURL(state.preview);
        }
    };
}

const base = state => `/api/resumes/${encodeURIComponent(state.id)}`;

async function poll(state) {
    clearTimeout(state.timer);
    try {
        const view = await getJson(base(state));
        if (!state.alive) {
            return;
        }
        show(state, view);
        if (!FINISHED.includes(view.status)) {
            state.timer = setTimeout(() => poll(state), POLL_MS);
        }
    } catch (error) {
        if (!state.alive) {
            return;
        }
        if (error instanceof ProblemError && error.status === 404) {
            replaceChildren(state.parts.main, h('h1', {}, 'Resume not found'),
                h('p', {}, 'There is no resume ', h('code', {}, state.id), ' of yours. ', h('a', {href: '/resume'}, 'All resumes.')));
            return;
        }
        say(state.parts.status, errorText('The resume could not be loaded: ', error), ' Retrying…');
        state.timer = setTimeout(() => poll(state), POLL_MS * 5);
    }
}

function show(state, view) {
    const previous = state.view;
    state.view = view;
    const {header, steps, content, status} = state.parts;
    replaceChildren(header,
        h('h1', {}, view.company ?? 'Resume', view.title ? ` — ${view.title}` : ''),
        h('p', {}, 'Status: ', h('strong', {id: 'resume-status', 'data-status': view.status}, label(view.status)),
            view.template ? ` · template ${view.template}` : '', view.style ? ` · style ${view.style}` : '',
            view.writer ? ` · written by ${view.writer}` : ''));
    replaceChildren(steps, stepsSection(state, view));
    if (view.status === 'done') {
        say(status, 'Done.');
    } else if (view.status === 'failed') {
        say(status, h('span', {class: 'error'}, 'The pipeline stopped.'));
    } else {
        say(status, `${label(view.status)}…`);
    }
    // the editor is rebuilt only when a new version arrived, so text being typed is not thrown away
    const version = `${view.status}:${view.version ?? ''}:${(view.versions ?? []).length}`;
    if (view.content && version !== state.contentVersion) {
        state.contentVersion = version;
        replaceChildren(content, contentSection(state, view), coverageSection(view.coverage),
            versionsSection(state, view), applySection(state, view));
    } else if (!view.content && previous?.content) {
        replaceChildren(content);
    }
}

function stepsSection(state, view) {
    const failure = view.failure;
    return [
        h('h2', {id: 'resume-steps-heading'}, 'Steps'),
        h('ol', {id: 'resume-step-list'}, (view.steps ?? []).map(step => h('li', {'data-step': step.name, 'data-status': step.status},
            h('strong', {}, STEP_TITLES[step.name] ?? label(step.name)), ': ', label(step.status),
            step.finishedAt ? [' (', when(step.finishedAt), ')'] : step.startedAt ? [' (since ', when(step.startedAt), ')'] : '',
            step.error ? h('span', {class: 'error'}, ` ${step.error}`) : ''))),
        failure ? h('div', {id: 'resume-failure', role: 'alert'},
            h('p', {class: 'error'}, `${STEP_TITLES[failure.step] ?? label(failure.step)} failed`,
                failure.reason ? ` (${label(String(failure.reason).toLowerCase())})` : '', failure.message ? `: ${failure.message}` : '.'),
            retryButton(state)) : null,
    ];
}

function retryButton(state) {
    const button = h('button', {type: 'button', id: 'resume-retry'}, 'Retry');
    button.addEventListener('click', () => busy(button, async () => {
        try {
            await postJson(`${base(state)}/retry`);
            say(state.parts.status, 'Retrying from the failed step…');
            poll(state);
        } catch (error) {
            say(state.parts.status, errorText('The retry was refused: ', error));
        }
    }));
    return button;
}

// ---- content editing ------------------------------------------------------------------------

function contentSection(state, view) {
    const roles = view.content.roles ?? [];
    const skills = view.content.skills ?? [];
    return h('section', {'aria-labelledby': 'resume-content-heading'},
        h('h2', {id: 'resume-content-heading'}, 'Content'),
        h('p', {}, h('small', {}, 'Exclude a line or give it your own text, then re-render. The generated text is kept.')),
        roles.map(role => h('article', {class: 'resume-role', 'data-role': role.roleKey},
            h('header', {}, h('strong', {}, role.title), ` — ${role.company}`, role.location ? ` · ${role.location}` : '',
                ' · ', role.start ?? '', '–', role.end ?? 'present'),
            (role.bullets ?? []).map(bullet => itemEditor(state, bullet, bullet.text, 'bullet')))),
        skills.length ? h('article', {class: 'resume-skills'},
            h('header', {}, h('strong', {}, 'Skills')),
            skills.map(line => itemEditor(state, line, `${line.category}: ${(line.skills ?? []).join(', ')}`, 'skills'))) : null);
}

/** One bullet or skills line: generated text, exclude toggle, override box, saved with PATCH. */
function itemEditor(state, item, generated, kind) {
    const itemStatus = h('small', {role: 'status', 'aria-live': 'polite', class: 'item-status'});
    const exclude = h('input', {type: 'checkbox', role: 'switch', name: 'exclude', checked: item.exclude, 'data-item': item.id});
    const override = h('textarea', {name: 'overrideText', rows: 2, 'data-item': item.id,
        'aria-label': `Your text instead of: ${generated}`, placeholder: 'Your own text (empty: the generated text)'},
        item.overrideText ?? '');
    const save = h('button', {type: 'button', class: 'secondary outline', 'data-item': item.id}, 'Save text');
    const container = h('div', {class: `resume-item${item.exclude ? ' excluded' : ''}`, 'data-item': item.id, 'data-kind': kind,
        'data-project': item.projectKey ?? null},
        h('p', {class: 'generated'}, item.exclude ? h('del', {}, generated) : generated,
            item.projectKey ? h('small', {}, ` (${item.projectKey})`) : ''),
        h('label', {}, exclude, 'Exclude'),
        override, save, itemStatus);
    const send = async body => {
        try {
            const view = await patchJson(`${base(state)}/items/${encodeURIComponent(item.id)}`, body);
            if (!state.alive) {
                return;
            }
            state.view = view;
            say(itemStatus, 'Saved. Re-render to see it in the PDF.');
            const coverage = document.getElementById('resume-coverage');
            if (coverage) {
                coverage.replaceWith(coverageSection(view.coverage));
            }
        } catch (error) {
            const problems = error instanceof ProblemError ? error.fieldErrors.map(e => `${e.field}: ${e.message}`).join('; ') : '';
            say(itemStatus, errorText('Not saved: ', error), problems ? ` (${problems})` : '');
        }
    };
    exclude.addEventListener('change', async () => {
        container.classList.toggle('excluded', exclude.checked);
        await send({exclude: exclude.checked});
    });
    save.addEventListener('click', () => busy(save, () => send({overrideText: override.value.trim() === '' ? null : override.value.trim()})));
    return container;
}

function coverageSection(coverage) {
    if (!coverage) {
        return h('section', {id: 'resume-coverage'});
    }
    const requirements = coverage.requirements ?? [];
    const addressed = requirements.filter(requirement => requirement.addressed).length;
    return h('section', {id: 'resume-coverage', 'aria-labelledby': 'resume-coverage-heading'},
        h('h2', {id: 'resume-coverage-heading'}, 'Coverage'),
        h('p', {}, `${addressed} of ${requirements.length} requirements addressed; `,
            `${(coverage.keywordsCovered ?? []).length} keywords covered, ${(coverage.keywordsMissing ?? []).length} not.`),
        h('table', {class: 'striped', id: 'coverage-requirements'},
            h('thead', {}, h('tr', {}, ['Requirement', 'Relevance', 'Addressed', 'Keywords covered', 'Keywords not covered']
                .map(text => h('th', {scope: 'col'}, text)))),
            h('tbody', {}, requirements.map(requirement => h('tr', {'data-addressed': String(requirement.addressed)},
                h('td', {}, requirement.text),
                h('td', {}, Number(requirement.relevance).toFixed(1)),
                h('td', {}, requirement.addressed ? 'Yes' : 'No'),
                h('td', {}, (requirement.keywordsCovered ?? []).join(', ')),
                h('td', {}, (requirement.keywordsMissing ?? []).join(', ')))))),
        h('p', {}, h('strong', {}, 'Covered: '), h('span', {id: 'keywords-covered'}, (coverage.keywordsCovered ?? []).join(', ') || '—')),
        h('p', {}, h('strong', {}, 'Not covered: '), h('span', {id: 'keywords-missing'}, (coverage.keywordsMissing ?? []).join(', ') || '—')));
}

// ---- versions, preview, apply ---------------------------------------------------------------

function versionsSection(state, view) {
    const versions = [...(view.versions ?? [])].sort((a, b) => b.version - a.version);
    const frame = h('iframe', {id: 'resume-preview', title: 'PDF preview', hidden: true, width: '100%', height: '800'});
    const previewStatus = h('p', {role: 'status', 'aria-live': 'polite'});
    const rerender = h('button', {type: 'button', id: 'resume-rerender'}, 'Re-render');
    rerender.addEventListener('click', () => busy(rerender, async () => {
        try {
            await postJson(`${base(state)}/versions`);
            say(state.parts.status, 'Rendered a new version.');
            state.contentVersion = null;
            poll(state);
        } catch (error) {
            say(state.parts.status, errorText('The resume was not re-rendered: ', error));
        }
    }));
    const preview = async version => {
        say(previewStatus, `Loading version ${version.version}…`);
        try {
            // fetched, then shown from a blob: the download answer is an attachment, which a frame would not display
            const response = await fetch(version.pdfPath, {credentials: 'same-origin'});
            if (!response.ok) {
                throw new Error(`the server answered ${response.status}`);
            }
            const blob = await response.blob();
            if (!state.alive) {
                return;
            }
            if (state.preview) {
                URL.revokeObjectURL(state.preview);
            }
            state.preview = URL.createObjectURL(new Blob([blob], {type: 'application/pdf'}));
            frame.src = state.preview;
            frame.hidden = false;
            say(previewStatus, `Version ${version.version} (${version.fileName}).`);
        } catch (error) {
            say(previewStatus, h('span', {class: 'error'}, `The PDF could not be loaded: ${error.message}`));
        }
    };
    const section = h('section', {'aria-labelledby': 'resume-versions-heading'},
        h('h2', {id: 'resume-versions-heading'}, 'Versions'),
        rerender,
        versions.length === 0 ? h('p', {}, 'No PDF yet.') : h('table', {class: 'striped', id: 'resume-versions'},
            h('thead', {}, h('tr', {}, ['Version', 'Style', 'Created', 'PDF'].map(text => h('th', {scope: 'col'}, text)))),
            h('tbody', {}, versions.map(version => h('tr', {'data-version': version.version},
                h('td', {}, version.version),
                h('td', {}, version.style ?? '—'),
                h('td', {}, when(version.createdAt)),
                h('td', {},
                    h('a', {href: version.pdfPath, download: version.fileName, class: 'pdf-download',
                        'data-version': version.version}, `Download ${version.fileName}`),
                    ' ',
                    h('button', {type: 'button', class: 'secondary outline', onclick: () => preview(version)}, 'Preview')))))),
        previewStatus, frame);
    if (versions.length) {
        preview(versions[0]);
    }
    return section;
}

function applySection(state, view) {
    const status = h('p', {role: 'status', 'aria-live': 'polite', id: 'resume-apply-status'});
    const button = h('button', {type: 'button', id: 'resume-mark-applied'}, 'Mark applied');
    button.addEventListener('click', () => busy(button, async () => {
        // the tracker learns of the job from JdParsed: right after parsing it may not know it yet
        for (let attempt = 0; attempt < 10; attempt++) {
            try {
                const application = await postJson('/api/tracker/applications', {jobId: view.jobId});
                say(status, 'Recorded as applied. ', h('a', {href: `/applications/${encodeURIComponent(application.id)}`,
                    id: 'resume-application-link'}, 'Open the application.'));
                return;
            } catch (error) {
                if (error instanceof ProblemError && error.status === 409) {
                    say(status, 'This job already has its application.');
                    return;
                }
                if (!(error instanceof ProblemError && error.status === 422) || attempt === 9) {
                    say(status, errorText('Not recorded: ', error));
                    return;
                }
                await new Promise(resolve => setTimeout(resolve, POLL_MS));
                if (!state.alive) {
                    return;
                }
            }
        }
    }));
    return h('section', {'aria-labelledby': 'resume-apply-heading'},
        h('h2', {id: 'resume-apply-heading'}, 'Applied?'),
        h('p', {}, 'Generating a resume does not record an application. When you have sent it, record it here.'),
        button, status);
}
