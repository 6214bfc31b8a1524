package org.jobsearch.tracker.transfer;

import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.testkit.TestHttp;
import org.jobsearch.tracker.TestUsers;
import org.jobsearch.tracker.TrackerIntegrationTest;
import org.jobsearch.tracker.TrackerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jobsearch.tracker.TrackerTestSupport.json;

/** CSV import (dry run and real) and CSV/JSON export, each user's own only. */
@TrackerIntegrationTest
class TransferApiTest {

    static final String SHEET = """
            Company,Title,External ID,Source,Role,Level,Location,Work Setting,Min Years,Salary,Date Applied,Status,Status Date
            "Acme, Inc.",Data Engineer,R-1,LinkedIn,data_engineer,senior,"Seattle, WA",remote,5,"$120,000 - $150,000",2025-01-10,callback,2025-01-12
            Globex,Analyst,,indeed,data_analyst,i,,hybrid,,,1/15/2025,,

            Initech,Engineer,,,software_engineer,ii,"Austin, TX",on-site,3,130k,"Jan 20, 2025",rejected,2025-01-25
            Bad Row,,,,,,,,,,2025-01-01,,
            Hooli,Engineer,,,,,,,,,2031-01-01,,
            """;

    @LocalServerPort
    int port;
    @Autowired
    IdentityProperties identity;

    TrackerTestSupport api;
    TransferFixture transfer;
    RestTestClient http;
    TestUsers users;

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
        users = new TestUsers(identity);
        api = new TrackerTestSupport(http, users);
        transfer = new TransferFixture(http, users);
    }

    @Test
    void dryRunReportsRowsAndWritesNothing() {
        CurrentUser ursula = TestUsers.user("ursula");

        JsonNode report = json(transfer.importCsv(ursula, SHEET, true), 200);

        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("rows").asInt()).isEqualTo(5);
        assertThat(report.get("accepted")).hasSize(3);
        assertThat(report.get("rejected")).hasSize(2);
        assertThat(report.at("/rejected/0/line").asInt()).isEqualTo(5);
        assertThat(report.at("/rejected/0/reasons/0").asString()).isEqualTo("title: missing");
        assertThat(report.at("/rejected/1/reasons/0").asString()).contains("in the future");
        assertThat(report.get("applicationIds")).isEmpty();
        assertThat(json(api.get(ursula, "/api/tracker/applications"), 200).get("total").asInt()).isZero();
    }

    @Test
    void importThenExportRoundTrips() {
        CurrentUser ursula = TestUsers.user("ursula");
        JsonNode report = json(transfer.importCsv(ursula, SHEET, false), 200);
        assertThat(report.get("applicationIds")).hasSize(3);

        JsonNode acme = json(api.get(ursula, "/api/tracker/applications/{id}",
                report.at("/applicationIds/0").asString()), 200);
        assertThat(acme.get("company").asString()).isEqualTo("Acme, Inc.");
        assertThat(acme.get("status").asString()).isEqualTo("callback");
        assertThat(acme.get("history")).hasSize(2);
        assertThat(acme.at("/history/1/changedAt").asString()).isEqualTo("2025-01-12T00:00:00Z");

        String exported = transfer.exportCsv(ursula);
        assertThat(exported.lines()).hasSize(4);
        assertThat(exported).contains("\"Acme, Inc.\",Data Engineer,R-1,linkedin,data_engineer,,senior,\"Seattle, WA\","
                + "remote,5,120000,150000,,2025-01-10T00:00:00Z,callback,2025-01-12T00:00:00Z,,");

        CurrentUser copy = TestUsers.user("copy");
        JsonNode again = json(transfer.importCsv(copy, exported, false), 200);
        assertThat(again.get("rejected")).isEmpty();
        assertThat(again.get("ignoredColumns")).extracting(JsonNode::asString).containsExactly("Outcome", "Outcome Date");
        assertThat(transfer.exportCsv(copy)).isEqualTo(exported);
    }

    @Test
    void exportsHoldOnlyTheCallersRows() {
        CurrentUser owner = TestUsers.user("owner");
        json(transfer.importCsv(owner, SHEET, false), 200);
        CurrentUser other = TestUsers.user("other");

        assertThat(transfer.exportCsv(other).lines()).hasSize(1);
        JsonNode all = json(api.get(other, "/api/tracker/exports/all.json"), 200);
        assertThat(all.get("jobs")).isEmpty();
        assertThat(all.get("applications")).isEmpty();

        JsonNode mine = json(api.get(owner, "/api/tracker/exports/all.json"), 200);
        assertThat(mine.get("jobs")).hasSize(3);
        assertThat(mine.get("applications")).hasSize(3);
        assertThat(mine.get("statusHistory")).hasSize(5);
        assertThat(mine.at("/jobs/0/ownerId").asString()).isEqualTo(owner.id().toString());
    }

    @Test
    void multipartUploadAndRefusedFiles() {
        CurrentUser ursula = TestUsers.user("ursula");
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        parts.add("file", new org.springframework.core.io.ByteArrayResource(SHEET.getBytes()) {
            @Override
            public String getFilename() {
                return "applications.csv";
            }
        });
        JsonNode report = json(http.post().uri("/api/tracker/imports?dryRun=true")
                .header(HttpHeaders.AUTHORIZATION, users.bearer(ursula))
                .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).body(parts).exchange(), 200);
        assertThat(report.get("accepted")).hasSize(3);

        JsonNode refused = json(transfer.importCsv(ursula, "name,date\nx,y\n", false), 422);
        assertThat(refused.get("detail").asString()).contains("Company and Title");
    }
}
