package org.jobsearch.gateway.ui;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web UI is one page (index.html from the web-ui jar) whose script renders the route in the
 * address bar; every page address is answered with that shell, so deep links and reloads work.
 * Only the UI's own addresses are listed: anything else stays a 404.
 */
@Controller
class UiController {

    @GetMapping({"/", "/applied-jobs", "/jobs", "/applications/{id}", "/applications/{id}/interview-prep", "/metrics",
            "/company/{name}", "/interviews/upcoming", "/resume", "/resume/{id}", "/experience", "/costs", "/settings",
            "/settings/{section}"})
    String shell() {
        return "forward:/index.html";
    }

    @GetMapping("/login")
    String login() {
        return "forward:/login.html";
    }

    /** Where an invitation link lands: the invited person chooses a password. */
    @GetMapping("/invite")
    String invite() {
        return "forward:/invite.html";
    }
}
