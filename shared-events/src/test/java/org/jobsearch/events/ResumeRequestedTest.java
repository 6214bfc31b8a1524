package org.jobsearch.events;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jobsearch.events.EventContracts.read;
import static org.jobsearch.events.EventContracts.sample;
import static org.jobsearch.events.EventContracts.schemaErrors;
import static org.jobsearch.events.EventContracts.write;

/** The command names its job either by JD text or by listing, never both, never neither. */
class ResumeRequestedTest {

    private static final UUID LISTING = UUID.fromString("4a1e8c3b-2f6d-4b9a-8e7c-1d5f3a9b2c60");

    @Test
    void refusesBothJdTextAndListing() {
        assertThatIllegalArgumentException().isThrownBy(() -> request("Senior Data Engineer ...", LISTING))
                .withMessageContaining("both");
    }

    @Test
    void refusesNeitherJdTextNorListing() {
        assertThatIllegalArgumentException().isThrownBy(() -> request(null, null))
                .withMessageContaining("neither");
    }

    @Test
    void refusesBlankJdText() {
        assertThatIllegalArgumentException().isThrownBy(() -> request("  \n", null))
                .withMessageContaining("blank");
    }

    @Test
    void acceptsEitherForm() {
        assertThat(request("Senior Data Engineer ...", null).listingId()).isNull();
        assertThat(request(null, LISTING).jdText()).isNull();
    }

    @Test
    void listingFormIsValidJson() {
        ResumeRequested byListing = request(null, LISTING);

        assertThat(write(byListing).has("jdText")).isFalse();
        assertThat(schemaErrors(EventType.RESUME_REQUESTED, write(byListing))).isEmpty();
        assertThat(read(EventType.RESUME_REQUESTED, write(byListing))).isEqualTo(byListing);
    }

    @Test
    void jsonWithBothIsRefusedBySchemaAndMapping() {
        ObjectNode both = (ObjectNode) sample(EventType.RESUME_REQUESTED).deepCopy();
        both.put("listingId", LISTING.toString());

        assertThat(schemaErrors(EventType.RESUME_REQUESTED, both)).isNotEmpty();
        assertThatThrownBy(() -> read(EventType.RESUME_REQUESTED, both)).isInstanceOf(JacksonException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonWithNeitherIsRefusedBySchemaAndMapping() {
        ObjectNode neither = (ObjectNode) sample(EventType.RESUME_REQUESTED).deepCopy();
        neither.remove("jdText");

        assertThat(schemaErrors(EventType.RESUME_REQUESTED, neither)).isNotEmpty();
        assertThatThrownBy(() -> read(EventType.RESUME_REQUESTED, neither)).isInstanceOf(JacksonException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    private static ResumeRequested request(String jdText, UUID listingId) {
        return new ResumeRequested(UUID.randomUUID(), Instant.parse("2026-11-18T17:40:05.112Z"), UUID.randomUUID(),
                UUID.randomUUID(), jdText, listingId, "company_site", null);
    }
}
