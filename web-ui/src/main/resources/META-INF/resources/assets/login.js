// The login form is a plain POST to the gateway's /login. Spring Security wants the CSRF token
// there too, in the masked form it hands out per request, so it is fetched from /csrf first.

const form = document.getElementById('login-form');
const message = document.getElementById('login-message');
const submit = document.getElementById('login-submit');
const csrfInput = document.getElementById('csrf');

const params = new URLSearchParams(window.location.search);
if (params.has('error')) {
    message.textContent = 'Wrong user name or password, or the account is disabled.';
    message.classList.add('error');
} else if (params.has('logout')) {
    message.textContent = 'You have been signed out.';
}

async function loadCsrfToken() {
    try {
        const response = await fetch('/csrf', {headers: {'Accept': 'application/json'}, credentials: 'same-origin'});
        if (!response.ok) {
            throw new Error(`status ${response.status}`);
        }
        const token = await response.json();
        csrfInput.name = token.parameterName;
        csrfInput.value = token.token;
        submit.disabled = false;
    } catch (error) {
        message.textContent = 'The sign-in form could not be prepared (the gateway did not answer). Reload the page to try again.';
        message.classList.add('error');
    }
}

form.addEventListener('submit', () => {
    submit.setAttribute('aria-busy', 'true');
});

loadCsrfToken();
