package org.jobsearch.resume.jd;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

class JdPreprocessorTest {

    static final java.util.List<JdCorpus> CORPUS = JdCorpus.ALL;

    @ParameterizedTest(name = "{0}")
    @FieldSource("CORPUS")
    void keepsEveryListedRequirementAndResponsibility(JdCorpus jd) {
        String cleaned = JdPreprocessor.clean(jd.text());

        assertThat(cleaned).contains(jd.requirements());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CORPUS")
    void dropsAboutUsBenefitsPerksEeoAndSalaryLegalText(JdCorpus jd) {
        String cleaned = JdPreprocessor.clean(jd.text());

        assertThat(cleaned).doesNotContainIgnoringCase(jd.boilerplate().toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CORPUS")
    void cleanedTextIsShorterAndHasNoMarkup(JdCorpus jd) {
        String cleaned = JdPreprocessor.clean(jd.text());

        assertThat(cleaned.length()).isLessThan(jd.text().length());
        assertThat(cleaned).doesNotContain("<li>", "<p>", "\n\n\n");
    }
}
