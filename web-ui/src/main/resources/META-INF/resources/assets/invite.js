// An invited person sets their password with the one-time token from their invitation link.
// The gateway's CSRF cookie is set by fetching /csrf first; the write sends it back as a header.

import {postJson, ProblemError} from './http.js';

const form = document.getElementById('invite-form');
const message = document.getElementById('invite-message');
const submit = document.getElementById('invite-submit');
const token = new URLSearchParams(window.location.search).get('token') ?? '';

function say(text, isError) {
    message.textContent = text;
    message.classList.toggle('error', Boolean(isError));
}

if (!token) {
    say('This link has no invitation token. Ask your administrator for a new invitation.', true);
    submit.disabled = true;
}

form.addEventListener('submit', async event => {
    event.preventDefault();
    const password = form.elements.password.value;
    if (password !== form.elements.confirm.value) {
        say('The two passwords differ.', true);
        return;
    }
    submit.setAttribute('aria-busy', 'true');
    try {
        await fetch('/csrf', {credentials: 'same-origin'});
        const account = await postJson('/api/invitations/accept', {token, password});
        say(`Your password is set, ${account.username}. Redirecting to sign in…`);
        form.reset();
        setTimeout(() => window.location.assign('/login'), 1500);
    } catch (error) {
        say(error instanceof ProblemError ? error.message : 'The gateway did not answer. Try again.', true);
    } finally {
        submit.removeAttribute('aria-busy');
    }
});
