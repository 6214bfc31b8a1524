package org.jobsearch.discovery.sync.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jobsearch.discovery.sync.SyncRequest;
import org.jobsearch.discovery.sync.SyncService;
import org.jobsearch.discovery.sync.SyncView;
import org.jobsearch.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Syncs on demand, and their progress. */
@RestController
@RequestMapping("/api/discovery/syncs")
class SyncController {

    private final SyncService syncs;

    SyncController(SyncService syncs) {
        this.syncs = syncs;
    }

    record StartRequest(UUID companyId, @Size(max = 200) String keywords, @Min(1) @Max(20_000) Integer max) {
    }

    record Started(UUID id, String status) {
    }

    /** 202: the sync is queued; follow it at the Location. */
    @PostMapping
    ResponseEntity<Started> start(@Parameter(hidden = true) CurrentUser user,
                                  @Valid @RequestBody(required = false) StartRequest request) {
        StartRequest r = request == null ? new StartRequest(null, null, null) : request;
        UUID id = syncs.start(user.id(), user.isAdmin(), new SyncRequest(r.companyId(), r.keywords(), r.max()));
        return ResponseEntity.accepted().location(URI.create("/api/discovery/syncs/" + id)).body(new Started(id, "queued"));
    }

    @GetMapping("/{id}")
    SyncView get(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id) {
        return syncs.get(user.id(), user.isAdmin(), id);
    }
}
