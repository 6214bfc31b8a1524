package org.jobsearch.identity;

import org.jobsearch.identity.testapp.IdentityTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code jobsearch.identity.public-paths}: listed paths answer without a token, every other rule stays. */
@SpringBootTest(classes = IdentityTestApplication.class, properties = {
        "jobsearch.identity.signing-key=" + IdentityTestData.KEY,
        // the admin pattern tries to open an admin path: admin rules win
        "jobsearch.identity.public-paths=/api/test/feeds/*.ics,/api/test/admin/**"})
@AutoConfigureMockMvc
class PublicPathsTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void publicPathIsServedWithoutToken() {
        assertThat(mvc.get().uri("/api/test/feeds/abc.ics").exchange()).hasStatusOk().hasBodyTextEqualTo("feed abc");
    }

    @Test
    void pathsOutsideThePatternStillNeedAToken() {
        assertThat(mvc.get().uri("/api/test/me").exchange()).hasStatus(401);
        assertThat(mvc.get().uri("/api/test/feeds/abc.txt").exchange()).hasStatus(401);
    }

    @Test
    void adminPathsStayAdminOnly() {
        assertThat(mvc.get().uri("/api/test/admin/ping").exchange()).hasStatus(401);
        assertThat(mvc.get().uri("/api/test/admin/ping")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTestData.token(IdentityTestData.user()))
                .exchange()).hasStatus(403);
    }

    @Test
    void defaultIsNoPublicPath() {
        assertThat(IdentityProperties.withSigningKey(IdentityTestData.KEY).publicPaths()).isEmpty();
    }
}
