package org.jobsearch.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventTypeTest {

    @ParameterizedTest
    @CsvSource({
            "JOB_LISTING_DISCOVERED,     JobListingDiscovered.v1,     joblisting,     joblisting.events,  listingId",
            "JD_PARSED,                  JdParsed.v1,                 job,            job.events,         jobId",
            "RESUME_RENDERED,            ResumeRendered.v1,           resume,         resume.events,      resumeId",
            "APPLICATION_STATUS_CHANGED, ApplicationStatusChanged.v1, application,    application.events, applicationId",
            "INTERVIEW_SCHEDULED,        InterviewScheduled.v1,       application,    application.events, applicationId",
            "RESUME_REQUESTED,           ResumeRequested.v1,          resume-request, resume.commands,    requestId"})
    void routesEachTypeByItsAggregate(EventType type, String typeName, String aggregateType, String topic,
                                      String keyField) {
        assertThat(type.typeName()).isEqualTo(typeName);
        assertThat(type.eventName() + ".v" + type.version()).isEqualTo(typeName);
        assertThat(type.aggregateType()).isEqualTo(aggregateType);
        assertThat(type.topic()).isEqualTo(topic);
        assertThat(type.recordType().getSimpleName()).isEqualTo(type.eventName());
        assertThat(EventContracts.read(type, EventContracts.sample(type)).aggregateId())
                .isEqualTo(EventContracts.sample(type).path(keyField).stringValue());
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = "RESUME_REQUESTED", mode = EnumSource.Mode.EXCLUDE)
    void eventsGoToTheirAggregatesTopic(EventType type) {
        assertThat(type.topic()).isEqualTo(Topics.forAggregate(type.aggregateType()));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void looksUpByTypeNameAndByRecordClass(EventType type) {
        assertThat(EventType.byTypeName(type.typeName())).contains(type);
        assertThat(EventType.of(type.recordType())).isEqualTo(type);
    }

    @Test
    void unknownTypeNamesAreEmpty() {
        assertThat(EventType.byTypeName("JdParsed.v2")).isEmpty();
        assertThat(EventType.byTypeName("JdParsed")).isEmpty();
        assertThat(EventType.byTypeName(null)).isEmpty();
    }

    @Test
    void unknownRecordClassIsRefusedByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> EventType.of(JdParsed.Requirement.class))
                .withMessageContaining("org.jobsearch.events.JdParsed$Requirement");
        assertThatIllegalArgumentException().isThrownBy(() -> EventType.of(null));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaAndSampleExist(EventType type) {
        assertThat(type.schemaResource()).isEqualTo("schemas/" + type.typeName() + ".json");
        assertThat(type.sampleResource()).isEqualTo("samples/" + type.typeName() + ".json");
        assertThat(getClass().getClassLoader().getResource(type.schemaResource())).as(type.schemaResource()).isNotNull();
        assertThat(getClass().getClassLoader().getResource(type.sampleResource())).as(type.sampleResource()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventButTheCatalogFactIsOwned(EventType type) {
        assertThat(OwnedEvent.class.isAssignableFrom(type.recordType()))
                .isEqualTo(type != EventType.JOB_LISTING_DISCOVERED);
    }

    @Test
    void topics() {
        assertThat(Topics.ALL).containsExactly("joblisting.events", "job.events", "resume.events",
                "application.events", "resume.commands");
        assertThat(Topics.ALL).containsAll(Arrays.stream(EventType.values()).map(EventType::topic).toList());
        assertThat(Topics.dlt(Topics.JOB_EVENTS)).isEqualTo("job.events-dlt");
        assertThat(Topics.forAggregate("job")).isEqualTo("job.events");
    }

    @Test
    void headers() {
        assertThat(EventHeaders.CE_ID).isEqualTo("ce_id");
        assertThat(EventHeaders.CE_TYPE).isEqualTo("ce_type");
        assertThat(EventHeaders.CE_SOURCE).isEqualTo("ce_source");
        assertThat(EventHeaders.CE_TIME).isEqualTo("ce_time");
        assertThat(EventHeaders.CE_SPECVERSION).isEqualTo("ce_specversion");
        assertThat(EventHeaders.SPEC_VERSION).isEqualTo("1.0");
        assertThat(EventHeaders.TRACEPARENT).isEqualTo("traceparent");
    }
}
