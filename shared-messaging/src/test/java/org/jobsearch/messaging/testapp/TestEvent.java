package org.jobsearch.messaging.testapp;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** A test-only event: {@code batch} scopes a test's effects, {@code seq} orders one aggregate's events. */
public record TestEvent(@NotNull UUID eventId, @NotBlank String batch, @NotBlank String aggregate,
                        @Min(0) int seq, String parentId) {

    public static final String TYPE = "TestEvent.v1";
}
