package org.jobsearch.tracker.transfer;

import org.jobsearch.events.ApplicationStatus;
import org.jobsearch.events.WorkSetting;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading messy spreadsheets. */
class ApplicationsCsvTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static ApplicationsCsv.Parsed parse(String csv) {
        return ApplicationsCsv.parse(new StringReader(csv), UTC, NOW);
    }

    @Test
    void quotedCommasBlankRowsAndSeveralDateFormats() {
        ApplicationsCsv.Parsed parsed = parse("""
                Company Name,Job Title,Date Applied,Status,Location,Salary,Work Setting,Source,Notes
                "Acme, Inc.","Engineer, Data",2025-01-31,Rejected,"Seattle, WA","$120,000 - $150,000",Remote,LinkedIn,x

                Globex,Analyst,1/31/2025,,,120k,on-site,Company Site,
                ,,,,,,,,
                Initech,"Dev
                Ops",Jan 5 2025,callback,,,,,
                Umbrella,Scientist,"Feb 3, 2025",interviewing,,,hybrid,,
                Hooli,Engineer,2025-03-01T09:30:00-08:00,closed,,,,,
                """);

        assertThat(parsed.ignoredColumns()).containsExactly("Notes");
        assertThat(parsed.rejected()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(5);
            assertThat(row.reasons()).singleElement().asString().startsWith("applied date: 'Jan 5 2025' is not a date");
        });
        assertThat(parsed.accepted()).extracting(ImportRow::company)
                .containsExactly("Acme, Inc.", "Globex", "Umbrella", "Hooli");
        ImportRow acme = parsed.accepted().get(0);
        assertThat(acme.title()).isEqualTo("Engineer, Data");
        assertThat(acme.appliedAt()).isEqualTo(Instant.parse("2025-01-31T00:00:00Z"));
        assertThat(acme.status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(acme.statusAt()).isEqualTo(acme.appliedAt());
        assertThat(acme.minSalary()).isEqualTo(120_000);
        assertThat(acme.maxSalary()).isEqualTo(150_000);
        assertThat(acme.workSetting()).isEqualTo(WorkSetting.REMOTE);
        assertThat(acme.source()).isEqualTo("linkedin");
        assertThat(acme.location()).isEqualTo("Seattle, WA");
        ImportRow globex = parsed.accepted().get(1);
        assertThat(globex.appliedAt()).isEqualTo(Instant.parse("2025-01-31T00:00:00Z"));
        assertThat(globex.status()).isEqualTo(ApplicationStatus.NO_RESPONSE);
        assertThat(globex.minSalary()).isEqualTo(120_000);
        assertThat(globex.maxSalary()).isNull();
        assertThat(globex.workSetting()).isEqualTo(WorkSetting.ON_SITE);
        assertThat(globex.source()).isEqualTo("company_site");
        assertThat(parsed.accepted().get(2).appliedAt()).isEqualTo(Instant.parse("2025-02-03T00:00:00Z"));
        assertThat(parsed.accepted().get(2).status()).isEqualTo(ApplicationStatus.CALLBACK);
        assertThat(parsed.accepted().get(3).appliedAt()).isEqualTo(Instant.parse("2025-03-01T17:30:00Z"));
    }

    @Test
    void badRowsCarryEveryReason() {
        ApplicationsCsv.Parsed parsed = parse("""
                company,title,applied,status,status date,min salary,max salary,work setting,min years
                ,Engineer,2025-01-01,maybe,,,,,
                Acme,Engineer,2030-01-01,,,,,,
                Acme,Engineer,2025-02-01,rejected,2025-01-01,200k,100k,moon,many
                Acme,Engineer,,,,,,,
                """);

        assertThat(parsed.accepted()).isEmpty();
        assertThat(parsed.rejected()).extracting(RejectedRow::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(parsed.rejected().get(0).reasons()).containsExactly("company: missing",
                "status: 'maybe' is not no response, callback, rejected or closed");
        assertThat(parsed.rejected().get(1).reasons()).containsExactly("applied date: 2030-01-01 is in the future");
        assertThat(parsed.rejected().get(2).reasons()).containsExactlyInAnyOrder(
                "work setting: 'moon' is not on-site, hybrid or remote",
                "min years: 'many' is not a whole number",
                "salary: the minimum 200000 is above the maximum 100000",
                "status date: before the applied date");
        assertThat(parsed.rejected().get(3).reasons()).containsExactly("applied date: missing");
    }

    @Test
    void otherZonesAndDateFormats() {
        ApplicationsCsv.Parsed parsed = ApplicationsCsv.parse(new StringReader("""
                company,title,applied
                A,T,31 January 2025
                B,T,1/31/25
                C,T,2025/1/31
                """), ZoneId.of("America/Los_Angeles"), NOW);
        assertThat(parsed.accepted()).extracting(ImportRow::appliedAt).containsOnly(Instant.parse("2025-01-31T08:00:00Z"));
    }

    @Test
    void aFileWithoutCompanyAndTitleColumnsIsRefused() {
        assertThatThrownBy(() -> parse("name,date\nAcme,2025-01-01\n")).isInstanceOf(ImportRefusedException.class)
                .hasMessageContaining("Company and Title");
    }
}
