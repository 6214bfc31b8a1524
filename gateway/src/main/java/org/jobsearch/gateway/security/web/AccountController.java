package org.jobsearch.gateway.security.web;

import org.jobsearch.gateway.account.AccountProblem;
import org.jobsearch.gateway.account.AccountService;
import org.jobsearch.gateway.account.AccountView;
import org.jobsearch.gateway.account.ApiTokenService;
import org.jobsearch.gateway.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Accounts, served by the gateway itself: administrators list, add (with a password, or by
 * invitation), enable and disable users at {@code /api/accounts} (role ADMIN); every user changes
 * their password and manages personal API tokens under {@code /api/me}; an invited person sets a
 * password at {@code /api/invitations/accept}.
 */
@RestController
class AccountController {

    private final AccountService accounts;
    private final ApiTokenService tokens;

    AccountController(AccountService accounts, ApiTokenService tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    record NewAccountRequest(String username, String password, Set<String> roles) {
    }

    record AccountChange(Boolean enabled) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    record InvitationAcceptance(String token, String password) {
    }

    record NewTokenRequest(String name, Integer expiresInDays) {
    }

    /** @param invitePath where the invited person sets their password; present only for invitations */
    record CreatedAccountResponse(AccountView account, String invitePath, Instant inviteExpiresAt) {
    }

    @GetMapping("/api/accounts")
    AccountService.AccountPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw invalidParameter("page", "must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw invalidParameter("size", "must be between 1 and 200");
        }
        return accounts.list(page, size);
    }

    @PostMapping("/api/accounts")
    ResponseEntity<CreatedAccountResponse> add(@RequestBody NewAccountRequest request) {
        String username = request.username() == null ? null : request.username().strip();
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,100}")) {
            throw invalidField("username", "must be 2 to 100 letters, digits or . _ @ -");
        }
        Set<String> roles = request.roles() == null || request.roles().isEmpty() ? Set.of(AccountService.USER) : request.roles();
        AccountService.CreatedAccount created = accounts.add(username, request.password(), roles);
        String invitePath = created.inviteToken() == null ? null : "/invite?token=" + created.inviteToken();
        return ResponseEntity.created(URI.create("/api/accounts/" + created.account().id()))
                .body(new CreatedAccountResponse(created.account(), invitePath, created.inviteExpiresAt()));
    }

    @PatchMapping("/api/accounts/{id}")
    ResponseEntity<?> change(@AuthenticationPrincipal SignedInUser admin, @PathVariable UUID id,
                             @RequestBody AccountChange change) {
        if (change.enabled() == null) {
            throw invalidField("enabled", "must be true or false");
        }
        return accounts.setEnabled(admin.id(), id, change.enabled())
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no account with id " + id)));
    }

    @PostMapping("/api/me/password")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal SignedInUser user, @RequestBody PasswordChange change) {
        accounts.changePassword(user.id(), change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/invitations/accept")
    AccountView acceptInvitation(@RequestBody InvitationAcceptance acceptance) {
        return accounts.acceptInvite(acceptance.token(), acceptance.password());
    }

    @GetMapping("/api/me/tokens")
    List<ApiTokenService.ApiToken> tokens(@AuthenticationPrincipal SignedInUser user) {
        return tokens.list(user.id());
    }

    /** The secret is in this response only. */
    @PostMapping("/api/me/tokens")
    ResponseEntity<ApiTokenService.CreatedToken> createToken(@AuthenticationPrincipal SignedInUser user,
                                                             @RequestBody NewTokenRequest request) {
        ApiTokenService.CreatedToken created = tokens.create(user.id(), request.name(), request.expiresInDays());
        return ResponseEntity.created(URI.create("/api/me/tokens/" + created.token().id())).body(created);
    }

    @DeleteMapping("/api/me/tokens/{id}")
    ResponseEntity<?> revokeToken(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        if (!tokens.revoke(user.id(), id)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "you have no token with id " + id));
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(AccountProblem.class)
    ResponseEntity<ProblemDetail> refused(AccountProblem problem) {
        HttpStatus status = problem.isConflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, problem.getMessage());
        if (problem.field() != null) {
            body.setProperty("errors", List.of(Map.of("pointer", "/" + problem.field(), "detail", problem.getMessage())));
        }
        return ResponseEntity.status(status).body(body);
    }

    private static InvalidRequest invalidField(String field, String message) {
        return new InvalidRequest(Map.of("pointer", "/" + field, "detail", message), message);
    }

    private static InvalidRequest invalidParameter(String parameter, String message) {
        return new InvalidRequest(Map.of("parameter", parameter, "detail", message), parameter + " " + message);
    }

    /**
     * A body that is not JSON, or has a value of the wrong type: a 400 that names the field by JSON pointer where
     * Jackson knows it ({@code /enabled} for {@code "enabled": "yes"}).
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body could not be read");
        body.setTitle("Unreadable request body");
        JacksonException jackson = null;
        for (Throwable t = unreadable; t != null && jackson == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException found) {
                jackson = found;
            }
        }
        if (jackson instanceof StreamReadException) {
            body.setDetail("The request body is not valid JSON");
        } else if (jackson != null && !jackson.getPath().isEmpty()) {
            String pointer = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()))
                    .map(token -> "/" + token.replace("~", "~0").replace("/", "~1"))
                    .collect(Collectors.joining());
            body.setDetail("The request body has an invalid value at " + pointer);
            body.setProperty("errors", List.of(Map.of("pointer", pointer, "detail", "has a value of the wrong type")));
        } else if (unreadable.getMessage() != null && unreadable.getMessage().startsWith("Required request body is missing")) {
            body.setDetail("The request body is missing");
        }
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequest invalid) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
        body.setProperty("errors", List.of(invalid.error));
        return ResponseEntity.badRequest().body(body);
    }

    static final class InvalidRequest extends RuntimeException {
        private final Map<String, String> error;

        InvalidRequest(Map<String, String> error, String message) {
            super(message);
            this.error = error;
        }
    }
}
